"""JSON API for designs, speaking `wave.design/v1` (SPEC §8)."""

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from wave.format import DesignInvalid, Problem, parse_design
from wave.store import (
    DesignNotFound,
    StaleVersion,
    create_design,
    list_designs,
    load_design,
    save_design,
)
from wave.web.critique import engine_config, report_for
from wave.web.deps import CatalogueDep, LangDep, SessionDep

router = APIRouter(prefix="/api/designs", tags=["designs"])

NOT_FOUND = {"nl": "Dit ontwerp bestaat niet of je mag het niet zien.",
             "en": "This design does not exist or you may not see it."}


def problems_response(problems: list[Problem], lang: str, status: int = 422) -> JSONResponse:
    return JSONResponse(status_code=status, content={
        "detail": [{"loc": p.loc, "msg": p.en if lang == "en" else p.nl} for p in problems]
    })


async def read_json(request: Request) -> Any:
    body = await request.body()
    if len(body) > 5_000_000:
        raise DesignInvalid([Problem(loc="(body)", nl="het document is groter dan 5 MB",
                                     en="the document is larger than 5 MB")])
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DesignInvalid([Problem(loc="(body)", nl=f"geen geldige JSON: {exc}",
                                     en=f"not valid JSON: {exc}")]) from None


def not_found(lang: str) -> JSONResponse:
    return JSONResponse(status_code=404, content={"detail": NOT_FOUND[lang]})


@router.post("", status_code=201, summary="Create a design from a wave.design/v1 document")
async def create(request: Request, session: SessionDep, catalogue: CatalogueDep,
                 lang: LangDep) -> Response:
    try:
        design = parse_design(await read_json(request), catalogue)
    except DesignInvalid as exc:
        return problems_response(exc.problems, lang)
    record = create_design(session=session, design=design, summary="import")
    return JSONResponse(status_code=201, content={"id": record.id, "version": record.version})


@router.get("", summary="The designs you may see")
def index(session: SessionDep) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "title": r.title, "template": r.template, "version": r.version,
         "example": r.example_slug, "updated_at": r.updated_at.isoformat()}
        for r in list_designs(session=session)
    ]


@router.get("/{design_id}", summary="A design as wave.design/v1, with id and version")
def read(design_id: int, session: SessionDep, lang: LangDep) -> Response:
    try:
        record, design = load_design(session=session, design_id=design_id)
    except DesignNotFound:
        return not_found(lang)
    return JSONResponse({**design.to_json(), "id": record.id, "version": record.version})


@router.put("/{design_id}", summary="Replace a design; `version` is the one the edit was based on")
async def replace(design_id: int, request: Request, session: SessionDep, catalogue: CatalogueDep,
                  lang: LangDep) -> Response:
    try:
        data = await read_json(request)
        if not isinstance(data, dict):
            raise DesignInvalid([Problem(loc="(body)", nl="moet een JSON-object zijn",
                                         en="must be a JSON object")])
        data = dict(data)
        data.pop("id", None)
        based_on = data.pop("version", None)
        if not isinstance(based_on, int) or isinstance(based_on, bool):
            raise DesignInvalid([Problem(
                loc="version", nl="verplicht: de versie waarop je wijziging is gebaseerd",
                en="required: the version your edit is based on")])
        design = parse_design(data, catalogue)
    except DesignInvalid as exc:
        return problems_response(exc.problems, lang)
    try:
        version = save_design(session=session, design_id=design_id, design=design,
                              based_on=based_on, summary="api")
    except DesignNotFound:
        return not_found(lang)
    except StaleVersion as stale:
        return JSONResponse(status_code=409, content={
            "detail": {"nl": "Iemand anders heeft dit ontwerp intussen gewijzigd; haal de "
                             "nieuwste versie op en breng je wijziging opnieuw aan.",
                       "en": "Someone else changed this design in the meantime; fetch the "
                             "newest version and apply your edit again."}[lang],
            "current_version": stale.current})
    return JSONResponse({"id": design_id, "version": version})


@router.get("/{design_id}/report", summary="The rule engine's findings and profile")
def report(design_id: int, session: SessionDep, lang: LangDep) -> Response:
    try:
        _, design = load_design(session=session, design_id=design_id)
    except DesignNotFound:
        return not_found(lang)
    return JSONResponse(report_for(design, lang=design.language or lang).to_json())


@router.get("/{design_id}/export.pdf", summary="The design as a PDF (A4 landscape, its own language)",
            response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def export_pdf(design_id: int, session: SessionDep, catalogue: CatalogueDep,
               lang: LangDep) -> Response:
    # Imported here: WeasyPrint takes about a second to import, and most
    # processes (tests, the CLI) never make a PDF.
    from wave.export.pdf import pdf_filename, render_pdf

    try:
        _, design = load_design(session=session, design_id=design_id)
    except DesignNotFound:
        return not_found(lang)
    pdf = render_pdf(design, catalogue, config=engine_config())
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{pdf_filename(design.title)}"'})
