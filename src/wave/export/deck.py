"""The conversation cards as a PDF to print and cut out: four cards to an A4 page
(each an A6), with dashed cutting lines (SPEC §9, `/misconceptions.pdf`).

    pdf_bytes = render_deck("nl")

Rendered like the design PDF (`wave.export.pdf`): HTML from a Jinja template of
`web/templates/` (`deck.html`) through `wave.templating`'s environment, its own
stylesheet (`web/static/deck.css`), and WeasyPrint fetching only through the
`StaticOnlyFetcher`, which serves our icons and static files and refuses the rest.
The cards are our data (`wave.teamtable`), so the PDF is the same for everyone:
made once per language while the process runs.
"""

from __future__ import annotations

from functools import lru_cache

from weasyprint import CSS, HTML

from wave.export.pdf import StaticOnlyFetcher
from wave.export.view import icon_src
from wave.teamtable import cards, rules_for_card
from wave.templating import STATIC_DIR, environment

TEMPLATE = "deck.html"
STYLESHEET = "deck.css"
PER_PAGE = 4


def deck_html(lang: str) -> str:
    deck = cards()
    sheets = [deck[i : i + PER_PAGE] for i in range(0, len(deck), PER_PAGE)]
    return (
        environment(lang)
        .get_template(TEMPLATE)
        .render(
            sheets=sheets,
            total=len(deck),
            rules={c.id: [r.TITLE[lang] for r in rules_for_card(c.id)] for c in deck},
            icon_src=icon_src,
        )
    )


@lru_cache(maxsize=2)
def render_deck(lang: str) -> bytes:
    fetcher = StaticOnlyFetcher()
    stylesheet = CSS(filename=str(STATIC_DIR / STYLESHEET), url_fetcher=fetcher)
    document = HTML(string=deck_html(lang), base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])
