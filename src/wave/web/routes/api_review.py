"""JSON API for review (SPEC §6): the review status, comments on the design, one activity
or one finding, replies and resolving. The same rules as the review panel: who may move
the status where (`wave.review.TRANSITIONS`), and commenting needs the comment role."""

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlmodel import Session

from wave.accounts import AccountProblem
from wave.format import Line, Text
from wave.models import Comment
from wave.review import (
    MAX_COMMENT,
    TRANSITIONS,
    CommentView,
    add_comment,
    change_status,
    check_subject,
    comments_of,
    resolve_comment,
)
from wave.store import read
from wave.web.api_models import Body, body_doc, body_of, errors, invalid
from wave.web.auth import Access, CallerDep, CommentAccess, NotVisible, ViewAccess, authorize, check_csrf
from wave.web.deps import CommentId, LangDep, SessionDep

router = APIRouter(prefix="/api", tags=["review"], dependencies=[Depends(check_csrf)])

# the API spells the statuses with hyphens (SPEC §6), the store with underscores
API_STATUS = {
    "draft": "draft",
    "in-review": "in_review",
    "feedback-given": "feedback_given",
    "approved": "approved",
}
STORED_STATUS = {stored: api for api, stored in API_STATUS.items()}
REVIEW_ERRORS = errors(401, 403, 404, 413, 415, 422)

CommentText = Annotated[Text, Field(min_length=1, max_length=MAX_COMMENT)]


class StatusRequest(Body):
    status: Literal["draft", "in-review", "feedback-given", "approved"]


class StatusOut(BaseModel):
    status: str


class CommentRequest(Body):
    text: CommentText
    activity: Annotated[Line, Field(max_length=64)] | None = Field(
        default=None, description="The placed activity the comment is about"
    )
    rule: Annotated[Line, Field(max_length=64)] | None = Field(
        default=None, description="The rule id of the finding the comment is about"
    )


class ReplyRequest(Body):
    text: CommentText


class Created(BaseModel):
    id: int


class CommentOut(BaseModel):
    id: int
    text: str
    author: str
    activity: str | None
    rule: str | None
    resolved: bool
    created_at: datetime
    replies: list["CommentOut"] = []


class Resolved(BaseModel):
    id: int
    resolved: bool


def _out(c: CommentView) -> CommentOut:
    return CommentOut(
        id=c.id,
        text=c.body,
        author=c.author,
        activity=c.activity_id,
        rule=c.rule_id,
        resolved=c.resolved,
        created_at=c.created_at,
        replies=[_out(r) for r in c.replies],
    )


@router.post(
    "/designs/{design_id}/status",
    summary="Move the review status (the team asks for review, the coach gives feedback or approves)",
    response_model=StatusOut,
    responses=REVIEW_ERRORS,
    openapi_extra=body_doc(StatusRequest),
)
def set_status(
    wanted: Annotated[StatusRequest, body_of(StatusRequest)],
    access: ViewAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    try:
        change_status(
            session=session,
            record=access.record,
            to=API_STATUS[wanted.status],
            user=access.caller.user,
            role=access.role,
        )
    except AccountProblem as problem:
        allowed = TRANSITIONS.get((access.record.review_status, API_STATUS[wanted.status]))
        if allowed is not None and access.role not in allowed:  # a possible step, not for this role
            return JSONResponse(status_code=403, content={"detail": problem(lang)})
        return invalid(problem.field, problem(lang))
    return JSONResponse({"status": wanted.status})


@router.get(
    "/designs/{design_id}/comments",
    summary="The comments on a design, with their replies",
    response_model=list[CommentOut],
    responses=errors(401, 404, 422),
)
def list_comments(access: ViewAccess, session: SessionDep) -> list[CommentOut]:
    return [_out(c) for c in comments_of(session=session, design_id=access.record.id)]


@router.post(
    "/designs/{design_id}/comments",
    status_code=201,
    summary="Comment on the design, one activity (`activity`) or one finding (`rule`)",
    response_model=Created,
    responses=REVIEW_ERRORS,
    openapi_extra=body_doc(CommentRequest),
)
def post_comment(
    wanted: Annotated[CommentRequest, body_of(CommentRequest)],
    access: CommentAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    try:
        check_subject(access.design, activity=wanted.activity, rule=wanted.rule)
        made = add_comment(
            session=session,
            record=access.record,
            author=access.caller.user,
            body=wanted.text,
            activity_id=wanted.activity,
            rule_id=wanted.rule,
            parent_id=None,
        )
    except AccountProblem as refused:
        return invalid(refused.field, refused(lang))
    return JSONResponse(status_code=201, content={"id": made.id})


def _comment_access(session: Session, caller, comment_id: int, needed: str) -> tuple[Comment, Access]:
    """The comment and its design as the caller may use it; someone who may not see the
    design gets the same 404 as for a comment that does not exist."""
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotVisible()
    record, role = authorize(session=session, caller=caller, design_id=comment.design_id, needed=needed)
    return comment, Access(record=record, design=read(record.document), role=role, caller=caller)


@router.post(
    "/comments/{comment_id}/replies",
    status_code=201,
    summary="Answer a comment",
    response_model=Created,
    responses=REVIEW_ERRORS,
    openapi_extra=body_doc(ReplyRequest),
)
def reply(
    comment_id: CommentId,
    wanted: Annotated[ReplyRequest, body_of(ReplyRequest)],
    caller: CallerDep,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    comment, access = _comment_access(session, caller, comment_id, "comment")
    try:
        made = add_comment(
            session=session,
            record=access.record,
            author=caller.user,
            body=wanted.text,
            activity_id=None,
            parent_id=comment.parent_id or comment.id,  # a reply to a reply joins its conversation
        )
    except AccountProblem as refused:
        return invalid(refused.field, refused(lang))
    return JSONResponse(status_code=201, content={"id": made.id})


@router.post(
    "/comments/{comment_id}/resolve",
    summary="Resolve a comment (or reopen a resolved one): the team or its author",
    response_model=Resolved,
    responses=errors(401, 403, 404, 422),
)
def resolve(comment_id: CommentId, caller: CallerDep, session: SessionDep, lang: LangDep) -> Response:
    _comment, access = _comment_access(session, caller, comment_id, "view")
    try:
        done = resolve_comment(
            session=session, record=access.record, comment_id=comment_id, user=caller.user, role=access.role
        )
    except AccountProblem as refused:
        return JSONResponse(status_code=403, content={"detail": refused(lang)})
    return JSONResponse({"id": done.id, "resolved": done.resolved})
