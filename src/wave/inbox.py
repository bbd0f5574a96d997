"""The inbox (SPEC §6): what happened on the designs a person has access to, since they
last looked — shared with you, review requested, a comment, a reply, a status change,
an invitation accepted — each with the design, who and when.

One `DesignEvent` row per person told (`recipient_id`). `tell` writes them in the
caller's transaction (the caller commits), never to the actor themselves; `inbox`
reads a person's newest events on designs they can still see; `mark_seen` marks them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from wave.models import DesignEvent, DesignRecord, Share, User

KINDS = ("shared", "review-requested", "comment", "reply", "status", "invitation-accepted")
SHOWN = 50  # newest events on the dashboard and in GET /api/inbox


@dataclass(frozen=True)
class InboxItem:
    id: int
    kind: str
    design_id: int
    design_title: str
    actor: str
    detail: str
    seen: bool
    created_at: datetime


def people_of(
    *, session: Session, record: DesignRecord, roles: tuple[str, ...] = ("edit", "comment", "view")
) -> set[int]:
    """The owner and everyone the design is shared with in one of `roles`."""
    shared = session.exec(
        select(Share.user_id).where(Share.design_id == record.id, col(Share.role).in_(roles))
    ).all()
    return {*shared, *([record.owner_id] if record.owner_id is not None else [])}


def tell(
    *,
    session: Session,
    design_id: int,
    actor_id: int,
    kind: str,
    recipients: Iterable[int],
    detail: str = "",
) -> None:
    """An event for each recipient except the actor, added to the session (not committed)."""
    if kind not in KINDS:
        raise ValueError(f"unknown inbox event {kind!r}")
    for recipient in sorted(set(recipients) - {actor_id}):
        session.add(
            DesignEvent(
                design_id=design_id, recipient_id=recipient, actor_id=actor_id, kind=kind, detail=detail[:300]
            )
        )


def _visible(user_id: int):
    """Events on designs the person still owns or has a share for, and not in a trash."""
    shared = select(Share.design_id).where(Share.user_id == user_id)
    return (
        col(DesignRecord.deleted_at).is_(None),
        (DesignRecord.owner_id == user_id) | col(DesignRecord.id).in_(shared),
    )


def inbox(*, session: Session, user: User, unseen_only: bool = False, limit: int = SHOWN) -> list[InboxItem]:
    query = (
        select(DesignEvent, User, DesignRecord)
        .where(
            DesignEvent.recipient_id == user.id,
            DesignEvent.design_id == DesignRecord.id,
            DesignEvent.actor_id == User.id,
            *_visible(user.id),
        )
        .order_by(col(DesignEvent.created_at).desc(), col(DesignEvent.id).desc())
        .limit(limit)
    )
    if unseen_only:
        query = query.where(col(DesignEvent.seen).is_(False))
    return [
        InboxItem(e.id, e.kind, d.id, d.title, u.name, e.detail, e.seen, e.created_at)
        for e, u, d in session.exec(query)
    ]


def mark_seen(
    *, session: Session, user: User, design_id: int | None = None, ids: Iterable[int] | None = None
) -> int:
    """Marks the person's events seen: all, those of one design, or the given ids.
    Returns how many changed; commits."""
    query = update(DesignEvent).where(DesignEvent.recipient_id == user.id, col(DesignEvent.seen).is_(False))
    if design_id is not None:
        query = query.where(DesignEvent.design_id == design_id)
    if ids is not None:
        query = query.where(col(DesignEvent.id).in_(list(ids)))
    changed = session.execute(query.values(seen=True)).rowcount
    session.commit()
    return changed
