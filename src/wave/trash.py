"""The trash (SPEC §6, housekeeping): a design its owner deletes is gone for everyone
— `access.visible_designs` and `web.auth.authorize` skip it, so every route answers
404 — and waits in the owner's trash for `TRASH_DAYS`, from where the owner can
restore it. Then `purge_trash` deletes it with every row that names it.

The clock is passed in (`now`), so a test can be 29 or 30 days later. A design in the
trash still counts towards its owner's quota (`store._check_quota`) until it is
purged: its versions are still stored, and otherwise deleting and creating in a loop
would get round the limit.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from wave.models import (
    Comment,
    DesignEvent,
    DesignRecord,
    DesignVersion,
    Invitation,
    Presence,
    Share,
    UndoStep,
    User,
)

TRASH_DAYS = 30
KEPT = timedelta(days=TRASH_DAYS)

# Every table whose rows name a design (a foreign key to design.id), children before
# the design; tests/test_trash.py fails when a table is added without being listed here.
DESIGN_ROWS = (DesignEvent, Invitation, Share, UndoStep, Comment, DesignVersion, Presence)


@dataclass(frozen=True)
class TrashItem:
    id: int
    title: str
    template: str
    deleted_at: datetime
    purge_at: datetime


def aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def delete_design(*, session: Session, record: DesignRecord, now: datetime) -> None:
    """Move the design to its owner's trash (the caller has checked that they own it)."""
    if record.deleted_at is None:
        record.deleted_at = now
        session.add(record)
        session.commit()


def restore_design(*, session: Session, record: DesignRecord) -> None:
    """Take the design out of the trash: back for its owner and everyone it is shared with."""
    if record.deleted_at is not None:
        record.deleted_at = None
        session.add(record)
        session.commit()
        session.refresh(record)


def in_trash(*, session: Session, user: User, design_id: int) -> DesignRecord | None:
    """The user's own design `design_id` if it is in their trash."""
    record = session.get(DesignRecord, design_id)
    if record is None or record.deleted_at is None or record.owner_id != user.id:
        return None
    return record


def trash_of(*, session: Session, user: User) -> list[TrashItem]:
    """The user's deleted designs, most recently deleted first."""
    rows = session.exec(
        select(DesignRecord.id, DesignRecord.title, DesignRecord.template, DesignRecord.deleted_at)
        .where(DesignRecord.owner_id == user.id, col(DesignRecord.deleted_at).is_not(None))
        .order_by(col(DesignRecord.deleted_at).desc(), col(DesignRecord.id).desc())
    ).all()
    return [
        TrashItem(id=i, title=t, template=tpl, deleted_at=aware(d), purge_at=aware(d) + KEPT)
        for i, t, tpl, d in rows
    ]


def purge_trash(*, session: Session, now: datetime) -> int:
    """Delete every design that has been in a trash for `TRASH_DAYS` or longer, with its
    versions, shares, comments, events, undo steps and invitations. Returns how many."""
    ids = list(
        session.exec(
            select(DesignRecord.id).where(
                col(DesignRecord.deleted_at).is_not(None), col(DesignRecord.deleted_at) <= now - KEPT
            )
        ).all()
    )
    if not ids:
        return 0
    # a reply names the comment it answers: unlink them first, then the comments can go
    session.execute(update(Comment).where(col(Comment.design_id).in_(ids)).values(parent_id=None))
    for table in DESIGN_ROWS:
        session.execute(delete(table).where(col(table.design_id).in_(ids)))
    session.execute(delete(DesignRecord).where(col(DesignRecord.id).in_(ids)))
    session.commit()
    return len(ids)
