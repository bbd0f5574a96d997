"""Exports of a design for other tools (SPEC §7): PowerPoint, Excel, CSV and an IMS
Common Cartridge, each made by its module in `wave.export`; and the import of a file
into a new design through the API (`wave.importers`). The PDF, made in a process of
its own within the export budget, is in `api_designs`.

The words are in the reader's language: `?lang=nl|en`, else the page's language. The
file is named as every export (`wave.filenames`).
"""

from typing import Any, Literal

from fastapi import APIRouter, Depends, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from wave.export.cartridge import render_imscc
from wave.export.csvfile import render_csv
from wave.export.slides import render_pptx
from wave.export.xlsx import render_xlsx
from wave.filenames import attachment
from wave.format import MAX_BYTES
from wave.importers import import_and_store
from wave.models import User
from wave.web.api_models import errors
from wave.web.auth import Access, CallerDep, ViewAccess, check_csrf
from wave.web.critique import report_for
from wave.web.deps import CatalogueDep, ReaderLang, SessionDep

router = APIRouter(prefix="/api/designs", tags=["designs"], dependencies=[Depends(check_csrf)])

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
IMSCC = "application/zip"
DESIGN_ERRORS = errors(401, 403, 404, 422)


def _file(data: bytes, media_type: str, access: Access, suffix: str) -> Response:
    return Response(data, media_type=media_type, headers=attachment(access.design.title, suffix))


def _described(media_type: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {}}}, **DESIGN_ERRORS}


@router.get(
    "/{design_id}/export.pptx",
    summary="The design as a PowerPoint deck: the wave as editable shapes, a slide per phase, findings",
    response_class=Response,
    responses=_described(PPTX),
)
def export_pptx(
    access: ViewAccess, session: SessionDep, catalogue: CatalogueDep, lang: ReaderLang
) -> Response:
    owner = session.get(User, access.record.owner_id) if access.record.owner_id else None
    report = report_for(access.design, lang=lang)
    data = render_pptx(
        access.design, catalogue, lang=lang, report=report, owner=owner.name if owner else None
    )
    return _file(data, PPTX, access, "pptx")


@router.get(
    "/{design_id}/export.xlsx",
    summary="The design as a spreadsheet: one row per activity, and the profile",
    response_class=Response,
    responses=_described(XLSX),
)
def export_xlsx(access: ViewAccess, catalogue: CatalogueDep, lang: ReaderLang) -> Response:
    report = report_for(access.design, lang=lang)
    return _file(render_xlsx(access.design, catalogue, lang=lang, report=report), XLSX, access, "xlsx")


@router.get(
    "/{design_id}/export.csv",
    summary="The activity table as CSV (UTF-8 with BOM, `;`-separated), which the import reads back",
    response_class=Response,
    responses=_described("text/csv"),
)
def export_csv(access: ViewAccess, catalogue: CatalogueDep, lang: ReaderLang) -> Response:
    return _file(render_csv(access.design, catalogue, lang=lang), CSV, access, "csv")


@router.get(
    "/{design_id}/export.imscc",
    summary="The design as an IMS Common Cartridge 1.3 course skeleton for the LMS",
    response_class=Response,
    responses=_described(IMSCC),
)
def export_imscc(access: ViewAccess, catalogue: CatalogueDep, lang: ReaderLang) -> Response:
    return _file(render_imscc(access.design, catalogue, lang=lang), IMSCC, access, "imscc")


class UnmappedOut(BaseModel):
    loc: str = Field(description="Where the file has it: an .ldj field path, a CSV cell")
    message: str


class ImportedOut(BaseModel):
    id: int
    version: int
    title: str
    kind: Literal["json", "ldj", "csv"]
    unmapped: list[UnmappedOut] = Field(description="What the file holds that the design does not")


@router.post(
    "/import",
    status_code=201,
    summary="Create a design from a file: wave.design/v1 (.json), Learning Designer (.ldj) or the CSV table",
    response_model=ImportedOut,
    responses=errors(401, 403, 413, 422),
)
def import_design(
    file: UploadFile, session: SessionDep, catalogue: CatalogueDep, lang: ReaderLang, caller: CallerDep
) -> Response:
    """A multipart form with the file as `file`; like every write that is not JSON, it
    carries the session's `X-CSRF-Token`."""
    raw = file.file.read(MAX_BYTES + 1)
    record, imported = import_and_store(
        name=file.filename, raw=raw, session=session, catalogue=catalogue, owner_id=caller.user.id, lang=lang
    )
    return JSONResponse(
        status_code=201,
        content={
            "id": record.id,
            "version": record.version,
            "title": record.title,
            "kind": imported.kind,
            "unmapped": [{"loc": u.loc, "message": u.message(lang)} for u in imported.unmapped],
        },
    )
