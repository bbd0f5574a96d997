"""A programme as a PDF (SPEC §12): one page of overview — the weeks drawn with the
study load per week against the norm, the courses with their blend, the programme
rules' findings — then each course as its own design export (`wave.export.pdf`).

The overview is `web/templates/programme_export.html` with the same stylesheet and
the same safe fetcher as a design's export; the pages of all the documents are put
together by WeasyPrint into one PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from weasyprint import HTML

from wave.catalogue import Catalogue
from wave.drawing.charts import category_label, percent
from wave.drawing.programme import course_colour, hours_text, programme_svg
from wave.engine import EngineConfig
from wave.engine.programme import check_programme
from wave.export.pdf import StaticOnlyFetcher, _stylesheet, export_page
from wave.export.view import DRAWING_SCHEME
from wave.format import Design
from wave.programme_format import Programme
from wave.templating import STATIC_DIR, environment

TEMPLATE = "programme_export.html"


def _document(html: str, drawings: dict[str, bytes]):
    return HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=StaticOnlyFetcher(drawings=drawings)
    ).render(stylesheets=[_stylesheet()])


def render_programme_pdf(
    programme: Programme,
    designs: Mapping[str, Design],
    catalogue: Catalogue,
    *,
    lang: str = "nl",
    owner: str | None = None,
    config: EngineConfig | None = None,
    today: dt.date | None = None,
) -> bytes:
    report = check_programme(programme, designs, catalogue, lang=lang, config=config)
    drawings = {"programme": programme_svg(report, lang, width=1100, label_w=300).encode("utf-8")}
    rows = []
    for index, course in enumerate(report.courses):
        profile = course.report.profile if course.report else None
        span = course.weeks
        rows.append(
            {
                "title": course.title,
                "missing": course.missing,
                "colour": course_colour(index),
                "start_week": course.start_week,
                "weeks": f"{span[0]}–{span[1]}" if span else "",
                "hours": hours_text(profile.total_minutes, lang) if profile else "",
                "online": percent(profile.online_share) if profile else 0,
                "sync": percent(profile.sync_share) if profile else 0,
                "category": category_label(profile.category, lang) if profile else "",
                "warnings": course.report.warnings if course.report else 0,
            }
        )
    blend = report.blend
    html = (
        environment(lang)
        .get_template(TEMPLATE)
        .render(
            programme=programme,
            report=report,
            rows=rows,
            owner=owner,
            date=(today or dt.date.today()).strftime("%d-%m-%Y"),
            drawing=f"{DRAWING_SCHEME}:programme",
            norm=hours_text(round(report.norm * 60), lang),
            blend={
                "hours": hours_text(blend.total_minutes, lang),
                "online": percent(blend.online_share),
                "sync": percent(blend.sync_share),
                "category": category_label(blend.category, lang),
            },
            over=[w for w in report.weeks if w.minutes > report.norm * 60],
            hours=lambda minutes: hours_text(minutes, lang),
            lang=lang,
        )
    )
    documents = [_document(html, drawings)]
    for course in report.courses:
        if course.design is not None:
            page = export_page(course.design, catalogue, lang=lang, owner=owner, config=config, today=today)
            documents.append(_document(page.html, page.drawings))
    pages = [p for document in documents for p in document.pages]
    return documents[0].copy(pages).write_pdf()
