"""Drawings of a design: the wave as an SVG or PNG file, and the before/after page."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from wave.catalogue import Catalogue
from wave.drawing import compare_view, wave_svg
from wave.drawing.png import png_from_svg
from wave.filenames import attachment
from wave.web.auth import Access, ViewAccess
from wave.web.critique import report_for
from wave.web.deps import CatalogueDep, LangDep
from wave.web.rendering import render_page

router = APIRouter(prefix="/designs", tags=["drawings"], include_in_schema=False)


def _drawing(access: Access, catalogue: Catalogue, lang: str, compact: bool) -> str:
    design = access.design
    profile = None if compact else report_for(design, lang=lang).profile
    return wave_svg(design, catalogue, lang, compact=compact, profile=profile)


def _headers(access: Access, download: bool, suffix: str) -> dict[str, str]:
    if not download:
        return {}
    return attachment(access.design.title, suffix, part="wave")


@router.get("/{design_id}/wave.svg")
def wave_drawing(
    access: ViewAccess, catalogue: CatalogueDep, lang: LangDep, download: bool = False, compact: bool = False
) -> Response:
    body = _drawing(access, catalogue, lang, compact)
    return Response(body, media_type="image/svg+xml", headers=_headers(access, download, "svg"))


@router.get("/{design_id}/wave.png")
def wave_picture(
    access: ViewAccess, catalogue: CatalogueDep, lang: LangDep, download: bool = False, compact: bool = False
) -> Response:
    """The same drawing as wave.svg, as a PNG at twice its size on white: for slides."""
    body = png_from_svg(_drawing(access, catalogue, lang, compact))
    return Response(body, media_type="image/png", headers=_headers(access, download, "png"))


@router.get("/{design_id}/compare", response_class=HTMLResponse)
def compare(access: ViewAccess, request: Request, catalogue: CatalogueDep, lang: LangDep) -> Response:
    record, design = access.record, access.design
    report = report_for(design, lang=lang)
    return render_page(
        request,
        "compare.html",
        {
            "design_id": record.id,
            "design": design,
            "view": compare_view(design, catalogue, report, lang),
        },
    )
