"""Wave: a course-design canvas and critic for blended learning."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
