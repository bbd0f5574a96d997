"""JSON API for programmes, speaking `wave.programme/v1` (SPEC §12): versioned like
designs (a write names the version it was based on; 409 when stale), shared like
designs, and a report with the programme rules' findings and the weekly load."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from wave.accounts import AccountProblem
from wave.i18n import N_, translate
from wave.programme_format import Programme
from wave.programmes import (
    checked,
    create_programme,
    delete_programme,
    read_programme,
    role_for_programme,
    save_programme,
    share_programme,
    versions_of_programme,
    visible_programmes,
)
from wave.store import StaleVersion
from wave.web.api_models import JsonDep, Saved, ShareRequest, body_doc, body_of, errors, invalid, parse_body
from wave.web.auth import CallerDep, ProgrammeEdit, ProgrammeOwner, ProgrammeView, check_csrf
from wave.web.critique import programme_report_for
from wave.web.deps import LangDep, SessionDep

router = APIRouter(prefix="/api/programmes", tags=["programmes"], dependencies=[Depends(check_csrf)])

STALE = N_(
    "Someone else changed this programme in the meantime; fetch the newest version and apply your edit again."
)
PROGRAMME_ERRORS = errors(401, 403, 404, 422)


class ProgrammeUpdate(Programme):
    """What `GET /api/programmes/{id}` answered, edited: `version` is the one the edit
    was based on (`id` may stay in; it is not read)."""

    id: int | None = Field(default=None, ge=1)
    version: int = Field(ge=1, le=2_147_483_647)


class StoredProgramme(Programme):
    id: int
    version: int


class ProgrammeListItem(BaseModel):
    id: int
    title: str
    version: int
    courses: int
    example: str | None
    owned: bool
    role: str
    updated_at: str


class ProgrammeFindingOut(BaseModel):
    rule: str
    severity: Literal["warning", "advice"]
    tip: int | None
    misconception: str | None
    courses: list[str] = Field(description="The courses it is about: their `design`, as text")
    title: str
    message: str
    detail: dict[str, Any]


class WeekOut(BaseModel):
    week: int
    hours: float
    by_course: dict[str, float] = Field(description="Hours per course (by its `design`, as text)")


class CourseOut(BaseModel):
    design: str
    title: str
    start_week: int
    missing: bool = Field(description="The design is gone (deleted, or no longer readable)")
    weeks: list[int] | None = Field(default=None, description="First and last programme week with study time")
    total_minutes: int | None = None
    unplanned_minutes: int | None = Field(default=None, description="Minutes in phases without a week")
    category: str | None = None
    online_share: float | None = None
    sync_share: float | None = None
    warnings: int | None = Field(default=None, description="The course critic's warnings")


class BlendOut(BaseModel):
    total_minutes: int
    online_share: float
    category: str
    sync_share: float
    by_learning_type: dict[str, int]
    by_environment: dict[str, int]


class ProgrammeReportOut(BaseModel):
    findings: list[ProgrammeFindingOut]
    weeks: list[WeekOut]
    week_hours_norm: float
    courses: list[CourseOut]
    blend: BlendOut = Field(description="Over all courses together")


class ProgrammeShareCreated(BaseModel):
    programme_id: int
    user_id: int
    role: str


class ProgrammeVersionOut(BaseModel):
    version: int
    author: str | None
    summary: str
    created_at: str


@router.post(
    "",
    status_code=201,
    summary="Create a programme from a wave.programme/v1 document (courses: designs you may see)",
    response_model=Saved,
    responses=errors(401, 413, 415, 422),
    openapi_extra=body_doc(Programme, "A wave.programme/v1 document"),
)
def create(data: JsonDep, session: SessionDep, caller: CallerDep) -> Response:
    programme = checked(session=session, user=caller.user, data=data)
    record = create_programme(session=session, programme=programme, owner_id=caller.user.id, summary="api")
    return JSONResponse(status_code=201, content={"id": record.id, "version": record.version})


@router.get(
    "", summary="The programmes you may see", response_model=list[ProgrammeListItem], responses=errors(401)
)
def index(session: SessionDep, caller: CallerDep) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "title": r.title,
            "version": r.version,
            "courses": len(read_programme(r).courses),
            "example": r.example_slug,
            "owned": r.owner_id == caller.user.id,
            "role": role_for_programme(session=session, record=r, user=caller.user),
            "updated_at": r.updated_at.isoformat(),
        }
        for r in visible_programmes(session=session, user=caller.user)
    ]


@router.get(
    "/{programme_id}",
    summary="A programme as wave.programme/v1, with id and version",
    response_model=StoredProgramme,
    responses=PROGRAMME_ERRORS,
)
def read(access: ProgrammeView) -> Response:
    return JSONResponse(
        {**access.programme.to_json(), "id": access.record.id, "version": access.record.version}
    )


@router.put(
    "/{programme_id}",
    summary="Replace a programme; `version` is the one the edit was based on",
    response_model=Saved,
    responses=errors(401, 403, 404, 409, 413, 415, 422),
    openapi_extra=body_doc(ProgrammeUpdate, "What GET answered, edited"),
)
def replace(data: JsonDep, session: SessionDep, lang: LangDep, access: ProgrammeEdit) -> Response:
    update = parse_body(ProgrammeUpdate, data)
    programme = checked(
        session=session,
        user=access.caller.user,
        data={k: v for k, v in data.items() if k not in ("id", "version")},
        stored=access.programme,
    )
    try:
        version = save_programme(
            session=session,
            programme_id=access.record.id,
            programme=programme,
            based_on=update.version,
            author_id=access.caller.user.id,
            summary="api",
        )
    except StaleVersion as stale:
        return JSONResponse(
            status_code=409, content={"detail": translate(lang, STALE), "current_version": stale.current}
        )
    return JSONResponse({"id": access.record.id, "version": version})


@router.get(
    "/{programme_id}/report",
    summary="The programme rules' findings, the study hours per week by course, and the blend",
    response_model=ProgrammeReportOut,
    responses=PROGRAMME_ERRORS,
)
def report(session: SessionDep, lang: LangDep, access: ProgrammeView) -> Response:
    return JSONResponse(programme_report_for(session, access.programme, lang=lang).to_json())


@router.get(
    "/{programme_id}/versions",
    summary="Every saved version, newest first",
    response_model=list[ProgrammeVersionOut],
    responses=PROGRAMME_ERRORS,
)
def versions(session: SessionDep, access: ProgrammeView) -> list[dict[str, Any]]:
    return [
        {"version": v.version, "author": name, "summary": v.summary, "created_at": v.created_at.isoformat()}
        for v, name in versions_of_programme(session=session, programme_id=access.record.id)
    ]


@router.post(
    "/{programme_id}/shares",
    status_code=201,
    summary="Share a programme with someone who has an account (owner only)",
    response_model=ProgrammeShareCreated,
    responses=errors(401, 403, 404, 413, 415, 422),
    openapi_extra=body_doc(ShareRequest),
)
def share(
    wanted: Annotated[ShareRequest, body_of(ShareRequest)],
    session: SessionDep,
    lang: LangDep,
    access: ProgrammeOwner,
) -> Response:
    try:
        shared = share_programme(session=session, record=access.record, email=wanted.email, role=wanted.role)
    except AccountProblem as problem:
        return invalid(problem.field, problem(lang))
    return JSONResponse(
        status_code=201,
        content={"programme_id": access.record.id, "user_id": shared.user_id, "role": shared.role},
    )


@router.delete(
    "/{programme_id}",
    status_code=204,
    summary="Delete a programme (owner only); its courses' designs stay as they are",
    response_class=Response,
    responses=PROGRAMME_ERRORS,
)
def delete(session: SessionDep, access: ProgrammeOwner) -> Response:
    """Without a JSON body, it carries the session's `X-CSRF-Token`."""
    delete_programme(session=session, record=access.record)
    return Response(status_code=204)
