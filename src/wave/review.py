"""Coach review: comments (on the design or one activity), replies, resolving,
and the review status with who may move it where."""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from wave.accounts import AccountProblem
from wave.models import Comment, DesignEvent, DesignRecord, User

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
            c.id, c.activity_id, c.parent_id, u.name, u.id, c.body, c.resolved, c.created_at, []
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


def add_comment(
    *,
    session: Session,
    record: DesignRecord,
    author: User,
    body: str,
    activity_id: str | None,
    parent_id: int | None,
) -> Comment:
    body = body.strip()
    if not body:
        raise AccountProblem("body", "Een reactie mag niet leeg zijn.", "A comment cannot be empty.")
    if len(body) > MAX_COMMENT:
        raise AccountProblem(
            "body",
            f"Een reactie is hooguit {MAX_COMMENT} tekens.",
            f"A comment is at most {MAX_COMMENT} characters.",
        )
    if parent_id is not None:
        parent = session.get(Comment, parent_id)
        if parent is None or parent.design_id != record.id:
            raise AccountProblem("parent", "Die reactie bestaat niet.", "That comment does not exist.")
        activity_id = parent.activity_id
    comment = Comment(
        design_id=record.id,
        author_id=author.id,
        body=body,
        activity_id=activity_id or None,
        parent_id=parent_id,
    )
    session.add(comment)
    if record.owner_id is not None and record.owner_id != author.id:
        session.add(DesignEvent(design_id=record.id, actor_id=author.id, kind="comment", detail=body[:300]))
    session.commit()
    session.refresh(comment)
    return comment


def resolve_comment(
    *, session: Session, record: DesignRecord, comment_id: int, user: User, role: str
) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None or comment.design_id != record.id:
        raise AccountProblem("comment", "Die reactie bestaat niet.", "That comment does not exist.")
    if role not in ("owner", "edit") and comment.author_id != user.id:
        raise AccountProblem(
            "comment",
            "Alleen het team of de schrijver kan een reactie afhandelen.",
            "Only the team or the author can resolve a comment.",
        )
    comment.resolved = not comment.resolved
    session.add(comment)
    session.commit()
    return comment


def change_status(*, session: Session, record: DesignRecord, to: str, user: User, role: str) -> None:
    allowed = TRANSITIONS.get((record.review_status, to))
    if to not in STATUSES or allowed is None:
        raise AccountProblem(
            "status",
            "Deze stap in de review kan niet vanuit de huidige status.",
            "This review step is not possible from the current status.",
        )
    if role not in allowed:
        raise AccountProblem(
            "status", "Jouw rol mag deze stap niet zetten.", "Your role may not take this step."
        )
    record.review_status = to
    session.add(record)
    if record.owner_id is not None and record.owner_id != user.id:
        session.add(DesignEvent(design_id=record.id, actor_id=user.id, kind="status", detail=to))
    session.commit()


def next_steps(status: str, role: str) -> list[str]:
    return [to for (frm, to), roles in TRANSITIONS.items() if frm == status and role in roles]


def unseen_events(*, session: Session, user: User) -> list[tuple[DesignEvent, User, DesignRecord]]:
    return list(
        session.exec(
            select(DesignEvent, User, DesignRecord)
            .where(
                DesignEvent.design_id == DesignRecord.id,
                DesignRecord.owner_id == user.id,
                DesignEvent.actor_id == User.id,
                col(DesignEvent.seen).is_(False),
            )
            .order_by(col(DesignEvent.created_at).desc())
            .limit(20)
        )
    )


def mark_seen(*, session: Session, design_id: int, user: User) -> None:
    events = session.exec(
        select(DesignEvent).where(DesignEvent.design_id == design_id, col(DesignEvent.seen).is_(False))
    ).all()
    record = session.get(DesignRecord, design_id)
    if record is None or record.owner_id != user.id or not events:
        return
    for event in events:
        event.seen = True
        session.add(event)
    session.commit()
