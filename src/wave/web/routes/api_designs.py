"""JSON API for designs, speaking `wave.design/v1` (SPEC §8). Every route needs a
session; a design you may not see is a 404, a role that may not do it a 403."""

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from wave.access import remove_share, shares_of, visible_designs
from wave.accounts import AccountProblem
from wave.export.budget import Job, start_pdf
from wave.filenames import pdf_filename
from wave.format import Design, parse_design
from wave.i18n import N_, translate
from wave.invitations import pending_of, withdraw
from wave.models import DesignRecord, Share, User, now
from wave.review import comments_of
from wave.settings import get_settings
from wave.store import (
    DesignNotFound,
    StaleVersion,
    StoredDesignInvalid,
    create_design,
    save_design,
)
from wave.store import read as read_document
from wave.trash import TRASH_DAYS, delete_design, purge_trash, restore_design, trash_of
from wave.web.api_models import (
    DesignListItem,
    DesignUpdate,
    JsonDep,
    Message,
    ReportOut,
    Saved,
    ShareCreated,
    ShareRequest,
    StoredDesign,
    body_doc,
    body_of,
    errors,
    invalid,
    parse_body,
)
from wave.web.auth import (
    Access,
    CallerDep,
    EditAccess,
    OwnerAccess,
    ViewAccess,
    authorize,
    check_csrf,
)
from wave.web.critique import report_for
from wave.web.dashboard_view import only_the_owner
from wave.web.deps import CatalogueDep, DesignId, InvitationId, LangDep, ReaderLang, SessionDep, ShareId
from wave.web.export_wait import pdf_answer
from wave.web.review_view import status_labels
from wave.web.sharing import share_from_request

# A write must be sent as JSON (`application/json`, which no other site can send without a
# CORS preflight): any other content type is refused with 415 (`read_json`).
router = APIRouter(prefix="/api/designs", tags=["designs"], dependencies=[Depends(check_csrf)])

STALE = N_(
    "Someone else changed this design in the meantime; fetch the newest version and apply your edit again."
)
DESIGN_ERRORS = errors(401, 403, 404, 422)


@router.post(
    "",
    status_code=201,
    summary="Create a design from a wave.design/v1 document",
    response_model=Saved,
    responses=errors(401, 403, 413, 415, 422),
    openapi_extra=body_doc(Design, "A wave.design/v1 document"),
)
def create(data: JsonDep, session: SessionDep, catalogue: CatalogueDep, caller: CallerDep) -> Response:
    design = parse_design(data, catalogue)
    record = create_design(session=session, design=design, summary="import", owner_id=caller.user.id)
    return JSONResponse(status_code=201, content={"id": record.id, "version": record.version})


@router.get("", summary="The designs you may see", response_model=list[DesignListItem], responses=errors(401))
def index(session: SessionDep, caller: CallerDep) -> list[dict[str, Any]]:
    return [
        {
            "id": r.id,
            "title": r.title,
            "template": r.template,
            "version": r.version,
            "example": r.example_slug,
            "review_status": r.review_status,
            "owned": r.owner_id == caller.user.id,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in visible_designs(session=session, user=caller.user)
    ]


@router.get(
    "/{design_id}",
    summary="A design as wave.design/v1, with id and version",
    response_model=StoredDesign,
    responses=DESIGN_ERRORS,
)
def read(access: ViewAccess) -> Response:
    return JSONResponse({**access.design.to_json(), "id": access.record.id, "version": access.record.version})


@router.put(
    "/{design_id}",
    summary="Replace a design; `version` is the one the edit was based on",
    response_model=Saved,
    responses=errors(401, 403, 404, 409, 413, 415, 422),
    openapi_extra=body_doc(DesignUpdate, "What GET answered, edited"),
)
def replace(
    design_id: DesignId,
    data: JsonDep,
    session: SessionDep,
    catalogue: CatalogueDep,
    lang: LangDep,
    access: EditAccess,
) -> Response:
    update = parse_body(DesignUpdate, data)  # the version's type and range, then the design
    design = parse_design({k: v for k, v in data.items() if k not in ("id", "version")}, catalogue)
    try:
        version = save_design(
            session=session,
            design_id=design_id,
            design=design,
            based_on=update.version,
            summary="api",
            author_id=access.caller.user.id,
        )
    except DesignNotFound:
        return JSONResponse(status_code=404, content={"detail": "not found"})
    except StaleVersion as stale:
        return JSONResponse(
            status_code=409, content={"detail": translate(lang, STALE), "current_version": stale.current}
        )
    return JSONResponse({"id": design_id, "version": version})


@router.get(
    "/{design_id}/report",
    summary="The rule engine's findings and profile",
    response_model=ReportOut,
    responses=DESIGN_ERRORS,
)
def report(access: ViewAccess) -> Response:
    design = access.design
    return JSONResponse(report_for(design, lang=design.language).to_json())


def _export_inputs(access: Access, session: Session) -> dict[str, Any]:
    """What the renderer needs, read from the database (in the thread pool)."""
    design = access.design
    titles = {a.id: a.title for a in design.placed()}
    comments = [
        {
            "author": c.author,
            "body": c.body,
            "activity_title": titles.get(c.activity_id or ""),
            "created_at": c.created_at,
        }
        for c in comments_of(session=session, design_id=access.record.id)
        if not c.resolved
    ]
    owner = session.get(User, access.record.owner_id) if access.record.owner_id else None
    return {
        "design": design.model_dump(by_alias=True),
        "comments": comments,
        "owner": owner.name if owner else None,
    }


@router.get(
    "/{design_id}/export.pdf",
    summary="The design as a PDF (A4 landscape, in the reader's language: ?lang=, else the page's)",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}},
        **DESIGN_ERRORS,
        429: {"model": Message},
        503: {"model": Message},
    },
)
async def export_pdf(
    request: Request, access: ViewAccess, session: SessionDep, lang: LangDep, reader: ReaderLang
) -> Response:
    """Rendered in a process of its own within the export budget (`export.budget`): this
    handler only waits for it, on the event loop, and kills it when the person has gone
    or the time is up."""
    settings = get_settings()
    inputs = await run_in_threadpool(_export_inputs, access, session)

    def start() -> Job:
        return start_pdf(
            person=access.caller.user.id,
            rules=settings.rules,
            at_once=settings.export_at_once,
            lang=reader,
            review_status=status_labels(reader).get(access.record.review_status),
            **inputs,
        )

    return await pdf_answer(request, start, lang, pdf_filename(access.design.title))


@router.post(
    "/{design_id}/shares",
    status_code=201,
    summary="Share a design (owner only)",
    response_model=ShareCreated,
    responses=errors(401, 403, 404, 413, 415, 422),
    openapi_extra=body_doc(ShareRequest),
)
def share(
    request: Request,
    wanted: Annotated[ShareRequest, body_of(ShareRequest)],
    background: BackgroundTasks,
    session: SessionDep,
    lang: LangDep,
    access: OwnerAccess,
) -> Response:
    """An address without an account gets an invitation: its link is in the answer (this
    once) and mailed when Wave sends mail; whoever signs up or signs in through it gets
    the share."""
    try:
        shared = share_from_request(
            request=request,
            session=session,
            access=access,
            email=wanted.email,
            role=wanted.role,
            background=background,
            lang=lang,
        )
    except AccountProblem as problem:
        return invalid(problem.field, problem(lang))
    if shared.invited is not None:
        invitation = shared.invited.invitation
        content = {
            "design_id": access.record.id,
            "role": invitation.role,
            "email": invitation.email,
            "invitation": shared.link,
        }
    else:
        content = {"design_id": access.record.id, "user_id": shared.share.user_id, "role": shared.share.role}
    return JSONResponse(status_code=201, content=content)


NO_SHARE = N_("This share does not exist (any more).")
NOTHING_TO_LEAVE = N_("This design is not shared with you; there is nothing to leave.")


class ShareOut(BaseModel):
    id: int = Field(description="The share's id, or the invitation's (see `kind`)")
    email: str
    role: str
    kind: Literal["share", "invitation"] = Field(
        description="`share`: someone with an account; `invitation`: an address invited that has "
        "not used it yet (withdrawn with DELETE …/invitations/{id})"
    )


@router.get(
    "/{design_id}/shares",
    summary="Who the design is shared with, and the invitations not used yet (owner only)",
    response_model=list[ShareOut],
    responses=DESIGN_ERRORS,
)
def shares(session: SessionDep, access: OwnerAccess) -> list[dict[str, Any]]:
    return [
        {"id": share.id, "email": user.email, "role": share.role, "kind": "share"}
        for share, user in shares_of(session=session, design_id=access.record.id)
    ] + [
        {"id": invitation.id, "email": invitation.email, "role": invitation.role, "kind": "invitation"}
        for invitation in pending_of(session=session, design_id=access.record.id)
    ]


NO_INVITATION = N_("This invitation does not exist, or it has been used or withdrawn.")


@router.delete(
    "/{design_id}/invitations/{invitation_id}",
    status_code=204,
    summary="Withdraw an invitation nobody has used yet (owner only); its link stops working",
    response_class=Response,
    responses=DESIGN_ERRORS,
)
def withdraw_invitation(
    invitation_id: InvitationId, session: SessionDep, lang: LangDep, access: OwnerAccess
) -> Response:
    """Like every write without a JSON body, it carries the session's `X-CSRF-Token`."""
    if not withdraw(session=session, record=access.record, invitation_id=invitation_id):
        return JSONResponse(status_code=404, content={"detail": translate(lang, NO_INVITATION)})
    return Response(status_code=204)


@router.delete(
    "/{design_id}/shares/{share_id}",
    status_code=204,
    summary="End a share (owner only); the design no longer exists for that person",
    response_class=Response,
    responses=DESIGN_ERRORS,
)
def unshare(share_id: ShareId, session: SessionDep, lang: LangDep, access: OwnerAccess) -> Response:
    """Like every write without a JSON body, it carries the session's `X-CSRF-Token`."""
    found = session.get(Share, share_id)
    if found is None or found.design_id != access.record.id:
        return JSONResponse(status_code=404, content={"detail": translate(lang, NO_SHARE)})
    remove_share(session=session, record=access.record, user_id=found.user_id)
    return Response(status_code=204)


@router.post(
    "/{design_id}/leave",
    status_code=204,
    summary="Leave a design shared with you; it no longer exists for you",
    response_class=Response,
    responses=DESIGN_ERRORS,
)
def leave(session: SessionDep, lang: LangDep, access: ViewAccess) -> Response:
    if not remove_share(session=session, record=access.record, user_id=access.caller.user.id):
        return JSONResponse(status_code=404, content={"detail": translate(lang, NOTHING_TO_LEAVE)})
    return Response(status_code=204)


# --- housekeeping: the trash (SPEC §6, wave.trash) ----------------------------------------


def stored_json(record: DesignRecord) -> dict[str, Any]:
    """The design as `GET /api/designs/{id}` gives it (its stored document, also when a
    stricter format no longer reads it: a restore must not fail on that)."""
    try:
        document = read_document(record.document).to_json()
    except StoredDesignInvalid:
        document = json.loads(record.document)
    return {**document, "id": record.id, "version": record.version}


@router.delete(
    "/{design_id}",
    status_code=204,
    summary=f"Delete a design (owner only): it is gone for everyone and kept in the owner's "
    f"trash for {TRASH_DAYS} days",
    response_class=Response,
    responses=DESIGN_ERRORS,
)
def delete(design_id: DesignId, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    """The stored document is not read, so a design the format no longer accepts can be
    deleted too. Without a JSON body, it carries the session's `X-CSRF-Token`."""
    record, role = authorize(session=session, caller=caller, design_id=design_id, needed="view")
    if role != "owner":
        return JSONResponse(status_code=403, content={"detail": only_the_owner(lang, "delete")})
    delete_design(session=session, record=record, now=now())
    return Response(status_code=204)


@router.post(
    "/{design_id}/restore",
    summary="Take a design out of the trash (owner only); back for everyone it is shared with",
    response_model=StoredDesign,
    responses=DESIGN_ERRORS,
)
def restore(design_id: DesignId, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    """A design that is not in the trash is answered as it is (a second click changes nothing)."""
    record, role = authorize(
        session=session, caller=caller, design_id=design_id, needed="view", include_trash=True
    )
    if role != "owner":
        return JSONResponse(status_code=403, content={"detail": only_the_owner(lang, "restore")})
    restore_design(session=session, record=record)
    return JSONResponse(stored_json(record))


class TrashItemOut(BaseModel):
    id: int
    title: str
    deleted_at: datetime
    purge_at: datetime = Field(description=f"When it is deleted for good: {TRASH_DAYS} days after")


trash_router = APIRouter(prefix="/api/trash", tags=["designs"])


@trash_router.get(
    "",
    summary="Your deleted designs, most recently deleted first, with when each is purged",
    response_model=list[TrashItemOut],
    responses=errors(401),
)
def trash(session: SessionDep, caller: CallerDep) -> list[dict[str, Any]]:
    purge_trash(session=session, now=now())
    return [
        {"id": t.id, "title": t.title, "deleted_at": t.deleted_at, "purge_at": t.purge_at}
        for t in trash_of(session=session, user=caller.user)
    ]
