"""JSON API for readiness scans (SPEC §13). Every route needs a session; a scan the
caller may not see is a 404, a role that may not do it a 403 (`web.scan_view`).

Owner > edit > view: the owner shares and closes the scan, *edit* members (and the
owner) answer, *view* members read the statements and the report.
"""

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from wave.accounts import AccountProblem
from wave.export.scan_pdf import ScanSheet, render_scan_pdf
from wave.filenames import attachment
from wave.format import DesignInvalid, Line
from wave.i18n import N_, translate
from wave.models import ScanRecord, ScanShare, User
from wave.scans.dimensions import dimensions
from wave.scans.results import scan_results
from wave.scans.store import (
    ScanClosed,
    ScanInvalid,
    close_scan,
    create_scan,
    own_answers,
    remove_share,
    report_for,
    respondent_counts,
    roles_on,
    save_answers,
    share_scan,
    shares_of,
    visible_scans,
)
from wave.web.api_models import Body, Email, Message, body_doc, body_of, errors, invalid
from wave.web.auth import CallerDep, check_csrf
from wave.web.deps import MAX_INT, LangDep, ReaderLang, SessionDep, ShareId
from wave.web.scan_view import (
    CLOSED,
    ScanAccess,
    ScanEditAccess,
    ScanOwnerAccess,
    ScanViewAccess,
    level_names,
)

router = APIRouter(prefix="/api/scans", tags=["scans"], dependencies=[Depends(check_csrf)])

SCAN_ERRORS = errors(401, 403, 404, 422)
Level = Literal["course", "programme", "institution"]
NO_SHARE = N_("This share does not exist (any more).")


# --- bodies -----------------------------------------------------------------------------


class ScanCreate(Body):
    title: Annotated[Line, Field(min_length=1, max_length=200)]
    level: Level
    follows: Annotated[int, Field(ge=1, le=MAX_INT)] | None = Field(
        default=None, description="An earlier scan of the same level that this one is compared with"
    )


class ScanCreated(BaseModel):
    id: int


AnswerValue = Annotated[int, Field(ge=1, le=4)] | None
StatementKey = Annotated[str, Field(min_length=1, max_length=64)]


class AnswersIn(Body):
    answers: dict[StatementKey, AnswerValue] = Field(
        max_length=200,
        description="Statement id → 1 (not yet), 2 (starting), 3 (growing), 4 (embedded), or null "
        "(don't know). Replaces all of the caller's answers; a statement left out is not answered.",
    )


class AnswersSaved(BaseModel):
    saved: int = Field(description="How many answers of the caller's the scan now holds")


class StatementOut(BaseModel):
    id: str
    text: str


class DimensionOut(BaseModel):
    id: str
    name: str
    statements: list[StatementOut]


class ScanOut(BaseModel):
    """A scan with its statements at its level, in the reader's language (`?lang=`)."""

    id: int
    title: str
    level: Level
    follows: int | None
    closed: bool
    role: Literal["owner", "edit", "view"]
    dimensions: list[DimensionOut]
    own_answers: dict[str, int | None] = Field(description="The caller's own answers so far")


class ScanListItem(BaseModel):
    id: int
    title: str
    level: Level
    follows: int | None
    role: Literal["owner", "edit", "view"]
    closed: bool
    respondents: int
    created_at: dt.datetime


class DimensionScoreOut(BaseModel):
    id: str
    score: float | None = Field(description="Mean of all non-null answers on the dimension's statements")
    answers: int = Field(description="How many non-null answers the score is the mean of")
    spread: int | None = Field(description="The highest answer minus the lowest")


class ScanReportOut(BaseModel):
    respondents: int = Field(description="Members who answered at least one statement")
    dimensions: list[DimensionScoreOut]
    previous: dict[str, float | None] | None = Field(
        description="Change in score per dimension since the scan this one follows (null for a "
        "dimension where either has no score); null when it follows none"
    )


class ScanShareRequest(Body):
    email: Email
    role: Literal["edit", "view"]


class ScanShareCreated(BaseModel):
    scan_id: int
    user_id: int
    role: str


class ScanShareOut(BaseModel):
    id: int
    email: str
    name: str
    role: str


class ScanClosedOut(BaseModel):
    id: int
    closed_at: dt.datetime


def _closed(lang: str) -> JSONResponse:
    return JSONResponse(status_code=409, content={"detail": translate(lang, CLOSED)})


# --- routes -----------------------------------------------------------------------------


@router.post(
    "",
    status_code=201,
    summary="Start a readiness scan (you own it)",
    response_model=ScanCreated,
    responses=errors(401, 413, 415, 422),
    openapi_extra=body_doc(ScanCreate),
)
def create(
    wanted: Annotated[ScanCreate, body_of(ScanCreate)], session: SessionDep, caller: CallerDep
) -> Response:
    try:
        scan = create_scan(
            session=session, owner=caller.user, title=wanted.title, level=wanted.level, follows=wanted.follows
        )
    except ScanInvalid as refused:
        raise DesignInvalid(refused.problems) from None
    return JSONResponse(status_code=201, content={"id": scan.id})


@router.get("", summary="The scans you may see", response_model=list[ScanListItem], responses=errors(401))
def index(session: SessionDep, caller: CallerDep) -> list[dict[str, Any]]:
    scans = visible_scans(session=session, user=caller.user)
    counts = respondent_counts(session=session, scan_ids=[s.id for s in scans])
    roles = roles_on(session=session, user=caller.user, scans=scans)
    return [
        {
            "id": s.id,
            "title": s.title,
            "level": s.level,
            "follows": s.follows_id,
            "role": roles[s.id],
            "closed": s.closed_at is not None,
            "respondents": counts.get(s.id, 0),
            "created_at": s.created_at.isoformat(),
        }
        for s in scans
    ]


@router.get(
    "/{scan_id}",
    summary="A scan: its dimensions and statements (at its level, in the reader's language)",
    response_model=ScanOut,
    responses=SCAN_ERRORS,
)
def read(access: ScanViewAccess, session: SessionDep, reader: ReaderLang) -> dict[str, Any]:
    scan = access.record
    return {
        "id": scan.id,
        "title": scan.title,
        "level": scan.level,
        "follows": scan.follows_id,
        "closed": scan.closed_at is not None,
        "role": access.role,
        "dimensions": [
            {
                "id": d.id,
                "name": d.name(reader),
                "statements": [{"id": s.id, "text": s.text_at(scan.level)(reader)} for s in d.statements],
            }
            for d in dimensions()
        ],
        "own_answers": own_answers(session=session, scan_id=scan.id, user_id=access.caller.user.id),
    }


@router.post(
    "/{scan_id}/answers",
    summary="Your own answers (they replace the ones you gave before); edit members and the owner",
    response_model=AnswersSaved,
    responses={**errors(401, 403, 404, 413, 415, 422), 409: {"model": Message}},
    openapi_extra=body_doc(AnswersIn),
)
def answer(
    given: Annotated[AnswersIn, body_of(AnswersIn)],
    access: ScanEditAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    try:
        saved = save_answers(
            session=session, scan=access.record, user=access.caller.user, answers=given.answers
        )
    except ScanInvalid as refused:
        raise DesignInvalid(refused.problems) from None
    except ScanClosed:
        return _closed(lang)
    return JSONResponse({"saved": saved})


@router.get(
    "/{scan_id}/report",
    summary="The combined results: score, answers and spread per dimension, change since the previous scan",
    response_model=ScanReportOut,
    responses=SCAN_ERRORS,
)
def report(access: ScanViewAccess, session: SessionDep) -> Response:
    return JSONResponse(report_for(session=session, scan=access.record).to_json())


@router.post(
    "/{scan_id}/close",
    summary="Close the scan: nobody answers any more (owner only)",
    response_model=ScanClosedOut,
    responses=SCAN_ERRORS,
)
def close(access: ScanOwnerAccess, session: SessionDep) -> Response:
    """Like every write without a JSON body, it carries the session's `X-CSRF-Token`."""
    close_scan(session=session, scan=access.record)
    return JSONResponse({"id": access.record.id, "closed_at": access.record.closed_at.isoformat()})


@router.post(
    "/{scan_id}/shares",
    status_code=201,
    summary="Share a scan (owner only): edit members answer, view members read",
    response_model=ScanShareCreated,
    responses=errors(401, 403, 404, 413, 415, 422),
    openapi_extra=body_doc(ScanShareRequest),
)
def share(
    wanted: Annotated[ScanShareRequest, body_of(ScanShareRequest)],
    access: ScanOwnerAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    try:
        made = share_scan(session=session, scan=access.record, email=wanted.email, role=wanted.role)
    except AccountProblem as problem:
        return invalid(problem.field, problem(lang))
    return JSONResponse(
        status_code=201, content={"scan_id": access.record.id, "user_id": made.user_id, "role": made.role}
    )


@router.get(
    "/{scan_id}/shares",
    summary="Who the scan is shared with (owner only)",
    response_model=list[ScanShareOut],
    responses=SCAN_ERRORS,
)
def shares(access: ScanOwnerAccess, session: SessionDep) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "email": person.email, "name": person.name, "role": s.role}
        for s, person in shares_of(session=session, scan_id=access.record.id)
    ]


@router.delete(
    "/{scan_id}/shares/{share_id}",
    status_code=204,
    summary="End a share (owner only); the scan no longer exists for that person",
    response_class=Response,
    responses=SCAN_ERRORS,
)
def unshare(share_id: ShareId, access: ScanOwnerAccess, session: SessionDep, lang: LangDep) -> Response:
    found = session.get(ScanShare, share_id)
    if found is None or found.scan_id != access.record.id:
        return JSONResponse(status_code=404, content={"detail": translate(lang, NO_SHARE)})
    remove_share(session=session, scan=access.record, user_id=found.user_id)
    return Response(status_code=204)


def scan_sheet(access: ScanAccess, session, lang: str) -> ScanSheet:
    scan = access.record
    owner = session.get(User, scan.owner_id)
    earlier = session.get(ScanRecord, scan.follows_id) if scan.follows_id else None
    return ScanSheet(
        title=scan.title,
        level=level_names(lang)[scan.level],
        owner=owner.name if owner else "",
        created=scan.created_at.date(),
        closed=scan.closed_at.date() if scan.closed_at else None,
        follows=earlier.title if earlier else None,
    )


@router.get(
    "/{scan_id}/export.pdf",
    summary="The results as a PDF (A4, in the reader's language: ?lang=, else the page's)",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}, **SCAN_ERRORS},
)
def export_pdf(access: ScanViewAccess, session: SessionDep, reader: ReaderLang) -> Response:
    results = scan_results(report_for(session=session, scan=access.record), reader)
    pdf = render_scan_pdf(scan_sheet(access, session, reader), results, reader)
    return Response(pdf, media_type="application/pdf", headers=attachment(access.record.title, "pdf"))
