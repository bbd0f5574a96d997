"""The inbox (SPEC §6): `GET /api/inbox`, `POST /api/inbox/seen`, and the dashboard's
"mark as read" form. Data in `wave.inbox`."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from wave.inbox import inbox, mark_seen
from wave.web.api_models import Body, body_doc, body_of, errors
from wave.web.auth import CallerDep, check_csrf
from wave.web.deps import SessionDep
from wave.web.rendering import render_fragments

router = APIRouter(tags=["inbox"], dependencies=[Depends(check_csrf)])


class InboxDesign(BaseModel):
    id: int
    title: str


class InboxItemOut(BaseModel):
    id: int
    kind: str = Field(description="shared, review-requested, comment, reply, status or invitation-accepted")
    design: InboxDesign
    who: str
    detail: str = Field(description="The comment's text, the new status or the role shared")
    seen: bool
    created_at: datetime


class SeenRequest(Body):
    ids: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] | None = Field(
        default=None, max_length=1000, description="Which events; all of them when left out"
    )


class SeenOut(BaseModel):
    marked: int


@router.get(
    "/api/inbox",
    summary="What happened on your designs since you last looked (newest first)",
    response_model=list[InboxItemOut],
    responses=errors(401, 422),
)
def get_inbox(caller: CallerDep, session: SessionDep, unseen: bool = False) -> list[InboxItemOut]:
    return [
        InboxItemOut(
            id=item.id,
            kind=item.kind,
            design=InboxDesign(id=item.design_id, title=item.design_title),
            who=item.actor,
            detail=item.detail,
            seen=item.seen,
            created_at=item.created_at,
        )
        for item in inbox(session=session, user=caller.user, unseen_only=unseen)
    ]


@router.post(
    "/api/inbox/seen",
    summary="Mark inbox events seen: the ones named, or all",
    response_model=SeenOut,
    responses=errors(401, 413, 415, 422),
    openapi_extra=body_doc(SeenRequest),
)
def seen(
    wanted: Annotated[SeenRequest, body_of(SeenRequest)], caller: CallerDep, session: SessionDep
) -> Response:
    return JSONResponse({"marked": mark_seen(session=session, user=caller.user, ids=wanted.ids)})


@router.post("/inbox/seen", response_class=HTMLResponse, include_in_schema=False)
def seen_from_dashboard(request: Request, caller: CallerDep, session: SessionDep) -> Response:
    """The dashboard's "mark all as read": the inbox block comes back, now empty."""
    mark_seen(session=session, user=caller.user)
    return render_fragments(
        request, "home.html", ["inbox"], {"inbox": [], "status_names": {}, "role_names": {}}
    )
