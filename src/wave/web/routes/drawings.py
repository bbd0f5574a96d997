"""Drawings of a design: the wave as an SVG file, and the before/after page."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from wave.drawing import compare_view, wave_svg
from wave.filenames import title_slug
from wave.web.auth import ViewAccess
from wave.web.critique import report_for
from wave.web.deps import CatalogueDep, LangDep
from wave.web.rendering import render_page

router = APIRouter(prefix="/designs", tags=["drawings"], include_in_schema=False)


def svg_filename(design_id: int, title: str) -> str:
    return f"wave-{design_id}-{title_slug(title) or 'design'}.svg"


@router.get("/{design_id}/wave.svg")
def wave_drawing(access: ViewAccess, catalogue: CatalogueDep, lang: LangDep,
                 download: bool = False, compact: bool = False) -> Response:
    record, design = access.record, access.design
    profile = None if compact else report_for(design, lang=lang).profile
    body = wave_svg(design, catalogue, lang, compact=compact, profile=profile)
    headers = {}
    if download:
        headers["Content-Disposition"] = (
            f'attachment; filename="{svg_filename(record.id, design.title)}"')
    return Response(body, media_type="image/svg+xml", headers=headers)


@router.get("/{design_id}/compare", response_class=HTMLResponse)
def compare(access: ViewAccess, request: Request, catalogue: CatalogueDep,
            lang: LangDep) -> Response:
    record, design = access.record, access.design
    report = report_for(design, lang=lang)
    return render_page(request, "compare.html", {
        "design_id": record.id,
        "design": design,
        "view": compare_view(design, catalogue, report, lang),
    })
