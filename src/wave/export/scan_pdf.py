"""A readiness scan's results as a PDF (SPEC §13): A4 portrait, in the reader's language.

    pdf_bytes = render_scan_pdf(ScanSheet(title=..., level="course", ...), results, "nl")

Rendered like the design PDF (`wave.export.pdf`): HTML from a Jinja template of
`web/templates/` (`scan_export.html`) through `wave.templating`'s environment, its own
stylesheet (`web/static/scan-print.css`), and WeasyPrint fetching only through the
`StaticOnlyFetcher`: the radar and the spread bars are this render's own drawings
(`wave-drawing:` URLs), nothing else is fetched. The results are the same view the
results page shows (`wave.scans.results`), so page and paper agree. A scan is small
(twelve rows), so it is rendered in the request's thread, as the card deck is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date
from weasyprint import CSS, HTML

from wave.export.pdf import StaticOnlyFetcher
from wave.export.view import DRAWING_SCHEME
from wave.scans.results import ScanResults
from wave.templating import STATIC_DIR, environment

TEMPLATE = "scan_export.html"
STYLESHEET = "scan-print.css"


@dataclass(frozen=True)
class ScanSheet:
    """What the PDF says about the scan besides its results (all in the reader's words)."""

    title: str
    level: str  # the level's name, e.g. "Opleiding"
    owner: str
    created: dt.date
    closed: dt.date | None = None
    follows: str | None = None  # the title of the scan it is compared with


def scan_pdf_html(sheet: ScanSheet, results: ScanResults, lang: str) -> tuple[str, dict[str, bytes]]:
    drawings = {"radar": str(results.radar).encode()}
    spread_src = {}
    for row in results.rows:
        drawings[f"spread-{row.id}"] = str(row.spread_svg).encode()
        spread_src[row.id] = f"{DRAWING_SCHEME}:spread-{row.id}"
    html = (
        environment(lang)
        .get_template(TEMPLATE)
        .render(
            sheet=sheet,
            results=results,
            radar_src=f"{DRAWING_SCHEME}:radar",
            spread_src=spread_src,
            today=dt.date.today(),
            date=lambda day: format_date(day, "long", locale=lang),
        )
    )
    return html, drawings


def render_scan_pdf(sheet: ScanSheet, results: ScanResults, lang: str) -> bytes:
    html, drawings = scan_pdf_html(sheet, results, lang)
    fetcher = StaticOnlyFetcher(drawings=drawings)
    stylesheet = CSS(filename=str(STATIC_DIR / STYLESHEET), url_fetcher=fetcher)
    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])
