"""A design as a PDF: A4 landscape, in the reader's language (SPEC §7; default the design's).

    pdf_bytes = render_pdf(design, catalogue)                  # the design's language
    pdf_bytes = render_pdf(design, catalogue, lang="en", owner="Ann")

The HTML comes from `web/templates/export.html`, rendered from the view in
`wave.export.view` with the Jinja environment of `wave.templating` (as the
pages are, so `_()`, `icon()` and `label()` work, but without the web app);
the CSS is `web/static/print.css`. WeasyPrint turns it into a PDF.

Safety: all user text goes through Jinja's autoescape, and WeasyPrint fetches
through `StaticOnlyFetcher`, which serves only what we make ourselves (files
under `web/static/`, `data:` URLs, Lucide icons and this render's wave
drawings) and refuses everything else (http, https, ftp, other files), so a
hostile design cannot make the renderer reach the network or the disk.

Speed: WeasyPrint lays out some six to ten pages a second here, so the
template keeps few elements per table row, icons and the wave drawings are
images behind short URLs (parsed by the SVG parser, not as HTML), and a large
design's wave is drawn compact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import lucide
from lucide.jinja import lucide as lucide_svg
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from wave.catalogue import Catalogue
from wave.engine import EngineConfig, check
from wave.export.view import DRAWING_SCHEME, ICON_SCHEME, export_context
from wave.filenames import pdf_filename, title_slug  # noqa: F401 - pdf_filename: re-exported
from wave.format import Design
from wave.templating import STATIC_DIR, environment

TEMPLATE = "export.html"
STYLESHEET = "print.css"
SVG = {"Content-Type": "image/svg+xml"}


class FetchRefused(ValueError):
    """A resource the PDF renderer may not fetch."""


class StaticOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher, narrowed to what we make ourselves: files under `root`
    (`web/static/`), `data:` URLs, Lucide icons (`wave-icon:NAME/RRGGBB`) and the
    render's own drawings (`wave-drawing:KEY`). Anything else is `FetchRefused`."""

    def __init__(self, root: Path = STATIC_DIR, drawings: Mapping[str, bytes] | None = None):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.root = root.resolve()
        self.drawings = drawings or {}

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == ICON_SCHEME:
            name, _, colour = parts.path.partition("/")
            return URLFetcherResponse(url, _icon_svg(name, colour), headers=SVG)
        if scheme == DRAWING_SCHEME:
            if parts.path not in self.drawings:
                raise FetchRefused(f"refused to fetch {url!r}: no such drawing")
            return URLFetcherResponse(url, self.drawings[parts.path], headers=SVG)
        if scheme != "file":
            raise FetchRefused(f"refused to fetch {url!r}: only our own static files")
        if parts.netloc not in ("", "localhost"):
            raise FetchRefused(f"refused to fetch {url!r}: not a local file")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise FetchRefused(f"refused to fetch {url!r}: outside {self.root}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())


@lru_cache(maxsize=256)
def _icon_svg(name: str, colour: str) -> bytes:
    # Lucide draws in currentColor, which an SVG image cannot inherit: set the colour.
    if not re.fullmatch(r"[0-9a-f]{6}", colour):
        raise FetchRefused(f"not an icon colour: {colour!r}")
    try:
        svg = str(lucide_svg(name, size=24))
    except lucide.IconDoesNotExist:
        raise FetchRefused(f"no Lucide icon named {name!r}") from None
    return svg.replace('stroke="currentColor"', f'stroke="#{colour}"').encode()


@dataclass
class ExportPage:
    """The export as HTML, with the drawings its `wave-drawing:` URLs refer to."""

    html: str
    drawings: dict[str, bytes]


def export_page(
    design: Design,
    catalogue: Catalogue,
    *,
    lang: str | None = None,
    owner: str | None = None,
    comments: Sequence[Any] = (),
    config: EngineConfig | None = None,
    today: dt.date | None = None,
    review_status: str | None = None,
) -> ExportPage:
    lang = lang or design.language
    report = check(design, catalogue, lang=lang, config=config)
    drawings: dict[str, bytes] = {}
    context = export_context(
        design,
        catalogue,
        lang=lang,
        report=report,
        owner=owner,
        comments=comments,
        today=today or dt.date.today(),
        drawings=drawings,
    )
    context["review_status"] = review_status
    html = environment(lang).get_template(TEMPLATE).render(**context)
    return ExportPage(html=html, drawings=drawings)


@lru_cache(maxsize=1)
def _stylesheet() -> CSS:
    # Parsed once: the CSS does not change while the process runs.
    return CSS(filename=str(STATIC_DIR / STYLESHEET), url_fetcher=StaticOnlyFetcher())


def render_pdf(
    design: Design,
    catalogue: Catalogue,
    *,
    lang: str | None = None,
    owner: str | None = None,
    comments: Sequence[Any] = (),
    config: EngineConfig | None = None,
    review_status: str | None = None,
) -> bytes:
    """The design as a PDF document (bytes), in `lang` (default: the design's language).

    `owner`: shown on the title page when given. `comments`: open coach comments,
    objects with `.author`, `.body`, `.activity_title` (or None) and `.created_at`;
    their section is left out when there are none. `config`: the rule overrides
    the critic runs with (default: every rule at its own severity). `review_status`:
    the label of the design's review status, on the title page when given.
    """
    page = export_page(
        design,
        catalogue,
        lang=lang,
        owner=owner,
        comments=comments,
        config=config,
        review_status=review_status,
    )
    document = HTML(
        string=page.html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=StaticOnlyFetcher(drawings=page.drawings),
    )
    return document.write_pdf(stylesheets=[_stylesheet()])
