"""What a version says it changed, kept apart from any one language (SPEC §6: the
history reads in the reader's language).

A canvas edit stores both of its sentences (`both(nl, en)`, a small JSON object);
the fixed events store a code (`new`, `copy`, `import`, `api`, `example`,
`example updated`, `restored version N`) that `shown` translates through Babel.
Versions saved before this change hold an English sentence and show it as it is.
"""

import json
import re

from wave.i18n import N_, translate

LIMIT = 300  # the column's size


CODES = {
    "new": N_("Started from a template"),
    "copy": N_("Copied"),
    "import": N_("Imported"),
    "api": N_("Saved through the API"),
    "example": N_("Worked example"),
    "example updated": N_("Worked example updated"),
}
RESTORED = re.compile(r"restored version (\d+)")


def both(nl: str, en: str) -> str:
    """Both sentences as one stored summary, each shortened to fit the column."""
    for room in range(LIMIT, 0, -10):
        stored = json.dumps({"nl": nl[:room], "en": en[:room]}, ensure_ascii=False, separators=(",", ":"))
        if len(stored) <= LIMIT:
            return stored
    return ""


def shown(summary: str, lang: str) -> str:
    """The stored summary in the reader's language."""
    if summary.startswith("{"):
        try:
            texts = json.loads(summary)
        except ValueError:
            return summary
        if isinstance(texts, dict):
            return str(texts.get(lang) or texts.get("en") or "")
    if summary in CODES:
        return translate(lang, CODES[summary])
    restored = RESTORED.fullmatch(summary)
    if restored:
        return translate(lang, N_("Version %(number)s restored"), number=restored.group(1))
    return summary
