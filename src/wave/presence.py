"""Who has a design open, and which card each is editing (SPEC §10). One row per open
canvas (a browser tab: `client`), in the database, so every process sees everyone;
each change is announced to the design's event streams (`wave.events`)."""

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from wave.events import announce
from wave.models import Presence, User, now

CLIENT_ID = r"^[A-Za-z0-9_-]{8,40}$"  # an open canvas's own random id (live.js makes it)
STALE_S = 30  # a row not refreshed for this long belongs to a stream that died with its process
# Eight colours for the people on a design, each dark enough for white initials (WCAG AA)
COLOURS = ("#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#0e7490", "#be185d", "#4d7c0f")


def colour_of(user_id: int) -> str:
    return COLOURS[int(hashlib.sha256(str(user_id).encode()).hexdigest(), 16) % len(COLOURS)]


def initials_of(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return "?"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()


def present(*, session: Session, design_id: int) -> list[dict[str, Any]]:
    """Everyone with the design open now: one entry per open canvas."""
    fresh = now() - timedelta(seconds=STALE_S)
    rows = session.exec(
        select(Presence, User.name)
        .join(User, col(User.id) == Presence.user_id)
        .where(Presence.design_id == design_id, col(Presence.seen_at) >= fresh)
        .order_by(col(Presence.seen_at))
    ).all()
    return [
        {
            "client": p.client,
            "user": p.user_id,
            "name": name,
            "initials": initials_of(name),
            "colour": colour_of(p.user_id),
            "card": p.card,
        }
        for p, name in rows
    ]


def _tell(session: Session, design_id: int) -> None:
    session.flush()
    announce(
        session, design_id, {"type": "presence", "people": present(session=session, design_id=design_id)}
    )


def join(*, session: Session, design_id: int, user_id: int, client: str) -> None:
    row = session.get(Presence, client)
    if row is None:
        session.add(Presence(client=client, design_id=design_id, user_id=user_id))
    elif row.user_id == user_id:  # the same tab, reconnecting
        row.design_id, row.seen_at, row.card = design_id, now(), None
    else:  # someone else's id: not theirs to take
        return
    _tell(session, design_id)
    session.commit()


def touch(*, session: Session, client: str) -> None:
    """The stream is still open: keep the row fresh."""
    session.execute(update(Presence).where(col(Presence.client) == client).values(seen_at=now()))
    session.commit()


def editing(*, session: Session, design_id: int, user_id: int, client: str, card: str | None) -> bool:
    """Mark which card the client's editor has open (None: none). False when the client
    has no stream open on the design."""
    result = session.execute(
        update(Presence)
        .where(
            col(Presence.client) == client,
            col(Presence.design_id) == design_id,
            col(Presence.user_id) == user_id,
        )
        .values(card=card, seen_at=now())
    )
    if result.rowcount != 1:
        session.rollback()
        return False
    _tell(session, design_id)
    session.commit()
    return True


def leave(*, session: Session, design_id: int, client: str) -> None:
    session.execute(
        delete(Presence).where(col(Presence.client) == client, col(Presence.design_id) == design_id)
    )
    _tell(session, design_id)
    session.commit()
