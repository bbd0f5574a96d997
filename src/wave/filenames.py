"""File names for downloads, made from a design's title: one scheme for every export
(finding 28). `marketingcommunicatie-module-1.pdf`, `….pptx`, `….xlsx`, `….csv`,
`….imscc`, `….json`; the wave drawing alone is `…-wave.svg` / `…-wave.png`."""

import re
import unicodedata

from wave.i18n import N_, translate

IMPORTED = N_("(imported)")  # after an imported design's title


def title_slug(title: str) -> str:
    """ASCII, lower case, words joined by '-', at most 60 characters; '' for no letters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")


def export_filename(title: str, suffix: str, *, part: str | None = None) -> str:
    """The ASCII file name of an export of the design titled `title`: its slug (or
    `design`), `-part` when the file holds one part of it (`wave`), and `.suffix`."""
    stem = title_slug(title) or "design"
    return f"{stem}-{part}.{suffix}" if part else f"{stem}.{suffix}"


def pdf_filename(title: str) -> str:
    """An ASCII file name for the PDF, from the design's title."""
    return export_filename(title, "pdf")


def attachment(title: str, suffix: str, *, part: str | None = None) -> dict[str, str]:
    """The Content-Disposition header that saves the export under its file name."""
    return {"Content-Disposition": f'attachment; filename="{export_filename(title, suffix, part=part)}"'}


def imported_title(title: str, lang: str) -> str:
    """The title an imported design gets, so the dashboard tells it apart from the
    design it came from: ` (geïmporteerd)` / ` (imported)` added, within 200 characters."""
    suffix = " " + translate("en" if lang == "en" else "nl", IMPORTED)
    if title.endswith(suffix):
        return title
    return title[: 200 - len(suffix)].rstrip() + suffix
