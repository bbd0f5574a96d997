"""What a version says it changed, kept apart from any one language (SPEC §6: the
history reads in the reader's language).

A canvas edit stores its `Change` as a message of the catalogue with its values
(`stored`: `{"msg": "%(title)s removed.", "values": {"title": "Quiz"}}`, a domain text
among the values in both languages); the fixed events store a code (`new`, `copy`,
`import`, `api`, `example`, `example updated`, `restored version N`). `shown` turns
either into the reader's language. Older versions hold what was stored before: both
sentences (`{"nl": …, "en": …}`), or an English sentence, shown as it is.
"""

import json
import re

from wave.i18n import N_, Message, translate

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


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def stored(change: Message) -> str:
    """The change as a stored summary: its message id and values, the longest text
    among the values shortened until it fits the column."""
    data = change.plain()
    text = _json(data)
    while len(text) > LIMIT:
        texts = _texts(data["values"])  # type: ignore[arg-type]
        holder, key, value = max(texts, key=lambda t: len(t[2]), default=(None, "", ""))
        if holder is None or not value:
            return ""
        holder[key] = value[: len(value) - (len(text) - LIMIT)]
        text = _json(data)
    return text


def _texts(values: dict) -> list[tuple[dict, str, str]]:
    """Every text among the values (inside a domain text's languages too), with where it is."""
    found = []
    for key, value in values.items():
        if isinstance(value, str):
            found.append((values, key, value))
        elif isinstance(value, dict):
            found += _texts(value)
    return found


def is_event(summary: str) -> bool:
    """Whether the summary is one of the fixed events (a start, an import, a restore…)
    rather than an edit."""
    return summary in CODES or RESTORED.fullmatch(summary) is not None


def shown(summary: str, lang: str) -> str:
    """The stored summary in the reader's language."""
    if summary.startswith("{"):
        try:
            data = json.loads(summary)
        except ValueError:
            return summary
        if isinstance(data, dict) and isinstance(data.get("msg"), str):
            values = data.get("values") if isinstance(data.get("values"), dict) else {}
            try:
                return translate(lang, data["msg"], **values)
            except (KeyError, TypeError, ValueError):  # a message whose placeholders changed
                return data["msg"]
        if isinstance(data, dict):  # both sentences, as stored before 2026-12
            return str(data.get(lang) or data.get("en") or "")
    if summary in CODES:
        return translate(lang, CODES[summary])
    restored = RESTORED.fullmatch(summary)
    if restored:
        return translate(lang, N_("Version %(number)s restored"), number=restored.group(1))
    return summary
