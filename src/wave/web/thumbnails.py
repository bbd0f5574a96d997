"""A design in small: its wave and its Allen & Seaman category, for the dashboard and
the programme page."""

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from wave.catalogue import get_catalogue
from wave.drawing import wave_svg
from wave.store import StoredDesignInvalid, read
from wave.web.critique import report_for

THUMBNAIL_ACTIVITIES = 40  # a thumbnail shows the start of a long design, and "+N"


@dataclass(frozen=True)
class Thumbnail:
    svg: Markup
    category: str
    online_percent: int


@lru_cache(maxsize=128)
def thumbnail(document: str, lang: str) -> Thumbnail:
    """A design's wave in small, and its Allen & Seaman category. Reads the design and
    runs the critic, so it is cached on the stored document (a new version is a new
    document)."""
    try:
        design = read(document)
    except StoredDesignInvalid:  # shown with its problems when opened
        return Thumbnail(svg=Markup(""), category="", online_percent=0)
    profile = report_for(design, lang=lang).profile
    svg = wave_svg(design, get_catalogue(), lang, compact=True, limit=THUMBNAIL_ACTIVITIES)
    return Thumbnail(
        svg=Markup(svg), category=profile.category, online_percent=round(profile.online_share * 100)
    )
