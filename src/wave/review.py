"""Coach review: comments (on the design, one activity or one finding), replies,
resolving, and the review status with who may move it where. Each of them tells the
people concerned through their inbox (`wave.inbox`)."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from wave.accounts import AccountProblem
from wave.engine import RULES
from wave.format import Design
from wave.i18n import N_
from wave.inbox import people_of, tell
from wave.models import Comment, DesignRecord, User

STATUSES = ("draft", "in_review", "feedback_given", "approved")
MAX_COMMENT = 5000

# (from, to) -> the roles that may make that move. The team asks for review and
# reopens; the coach (comment role) gives feedback and approves.
TRANSITIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("draft", "in_review"): ("owner", "edit"),
    ("in_review", "feedback_given"): ("comment",),
    ("in_review", "approved"): ("comment",),
    ("feedback_given", "in_review"): ("owner", "edit"),
    ("feedback_given", "approved"): ("comment",),
    ("in_review", "draft"): ("owner", "edit"),
    ("feedback_given", "draft"): ("owner", "edit"),
    ("approved", "draft"): ("owner", "edit"),
}


@dataclass
class CommentView:
    id: int
    activity_id: str | None
    rule_id: str | None
    parent_id: int | None
    author: str
    author_id: int
    body: str
    resolved: bool
    created_at: datetime
    replies: list["CommentView"]


def comments_of(*, session: Session, design_id: int) -> list[CommentView]:
    rows = session.exec(
        select(Comment, User)
        .where(Comment.design_id == design_id, Comment.author_id == User.id)
        .order_by(col(Comment.created_at), col(Comment.id))
    ).all()
    views = {
        c.id: CommentView(
            c.id, c.activity_id, c.rule_id, c.parent_id, u.name, u.id, c.body, c.resolved, c.created_at, []
        )
        for c, u in rows
    }
    roots = []
    for view in views.values():
        if view.parent_id and view.parent_id in views:
            views[view.parent_id].replies.append(view)
        else:
            roots.append(view)
    return roots


def check_subject(design: Design, *, activity: str | None, rule: str | None) -> None:
    """What a comment is about must exist: an activity of the design, or a rule whose
    finding it answers (the review panel and the API say it alike)."""
    if activity and design.find(activity) is None:
        raise AccountProblem("activity", N_("That activity is not in the design (any more)."))
    if rule is not None and rule not in RULES:
        raise AccountProblem("rule", N_("There is no such finding."))


def add_comment(
    *,
    session: Session,
    record: DesignRecord,
    author: User,
    body: str,
    activity_id: str | None,
    parent_id: int | None,
    rule_id: str | None = None,
) -> Comment:
    """A comment (or, with `parent_id`, a reply). The owner, the team and the coaches
    are told of a comment; of a reply, the people in that conversation and the owner."""
    body = body.strip()
    if not body:
        raise AccountProblem("body", N_("A comment cannot be empty."))
    if len(body) > MAX_COMMENT:
        raise AccountProblem("body", N_("A comment is at most %(max)s characters."), max=MAX_COMMENT)
    if parent_id is not None:
        parent = session.get(Comment, parent_id)
        if parent is None or parent.design_id != record.id:
            raise AccountProblem("parent", N_("That comment does not exist."))
        activity_id, rule_id = parent.activity_id, parent.rule_id
    comment = Comment(
        design_id=record.id,
        author_id=author.id,
        body=body,
        activity_id=activity_id or None,
        rule_id=rule_id or None,
        parent_id=parent_id,
    )
    session.add(comment)
    if parent_id is None:
        told, kind = people_of(session=session, record=record, roles=("edit", "comment")), "comment"
    else:
        conversation = session.exec(
            select(Comment.author_id).where((Comment.id == parent_id) | (Comment.parent_id == parent_id))
        ).all()
        told, kind = {*conversation, *people_of(session=session, record=record, roles=())}, "reply"
    tell(session=session, design_id=record.id, actor_id=author.id, kind=kind, recipients=told, detail=body)
    session.commit()
    session.refresh(comment)
    return comment


def resolve_comment(
    *, session: Session, record: DesignRecord, comment_id: int, user: User, role: str
) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None or comment.design_id != record.id:
        raise AccountProblem("comment", N_("That comment does not exist."))
    if role not in ("owner", "edit") and comment.author_id != user.id:
        raise AccountProblem("comment", N_("Only the team or the author can resolve a comment."))
    comment.resolved = not comment.resolved
    session.add(comment)
    session.commit()
    return comment


def change_status(*, session: Session, record: DesignRecord, to: str, user: User, role: str) -> None:
    allowed = TRANSITIONS.get((record.review_status, to))
    if to not in STATUSES or allowed is None:
        raise AccountProblem("status", N_("This review step is not possible from the current status."))
    if role not in allowed:
        raise AccountProblem("status", N_("Your role may not take this step."))
    record.review_status = to
    session.add(record)
    if to == "in_review":  # the coaches are asked; the team hears of it as a status change
        coaches = people_of(session=session, record=record, roles=("comment",)) - {record.owner_id}
        tell(
            session=session,
            design_id=record.id,
            actor_id=user.id,
            kind="review-requested",
            recipients=coaches,
        )
        others = people_of(session=session, record=record, roles=("edit",)) - coaches
    else:
        others = people_of(session=session, record=record, roles=("edit", "comment"))
    tell(session=session, design_id=record.id, actor_id=user.id, kind="status", recipients=others, detail=to)
    session.commit()


def next_steps(status: str, role: str) -> list[str]:
    return [to for (frm, to), roles in TRANSITIONS.items() if frm == status and role in roles]
