"""File names for downloads, made from a design's title."""

import re
import unicodedata


def title_slug(title: str) -> str:
    """ASCII, lower case, words joined by '-', at most 60 characters; '' for no letters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].strip("-")


def pdf_filename(title: str) -> str:
    """An ASCII file name for the PDF, from the design's title."""
    return f"{title_slug(title) or 'design'}.pdf"
