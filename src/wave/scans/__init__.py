"""The readiness scan (SPEC §13): where a team, programme or school stands on the twelve
dimensions of blended education, answered by several members and combined.

- `dimensions` — the data: twelve dimensions, their statements per level, next steps;
- `scoring` — pure: members' answers in, scores, spread and change out;
- `store` — the database: scans, shares, answers, who may do what;
- `results` — the results as the page and the PDF show them (radar, table, next steps).

For a link to "the scan of the team" (a design, a programme):

    from wave.scans import latest_for
    scan = latest_for(session, user)               # newest scan the user may see, or None
    scan = latest_for(session, user, "programme")  # ... of one level
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from wave.models import ScanRecord, User


def latest_for(session: Session, user: User, level: str | None = None) -> ScanRecord | None:
    """The newest scan `user` may see (of `level`, when given), or None."""
    from wave.scans.store import latest_for as newest  # the data and scoring need no database

    return newest(session, user, level)
