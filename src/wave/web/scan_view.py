"""What the scan routes share (SPEC §13): the caller's access to a scan, decided in one
place, and the words of the scale and the levels. The JSON API (`routes/api_scans.py`)
and the pages (`routes/scans.py`) both use it; neither imports the other.

A scan someone may not see is a 404 (`NotVisible`), a role too low a 403 (`Forbidden`),
as for designs (`web.auth`), so the app answers both the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends

from wave.i18n import N_, translate
from wave.models import ScanRecord
from wave.scans.dimensions import LEVELS
from wave.scans.store import LEVEL_WORDS, may, role_for
from wave.web.auth import Caller, CallerDep, Forbidden, NotVisible
from wave.web.deps import ScanId, SessionDep

SCALE_WORDS = {
    1: N_("Not yet"),
    2: N_("Starting"),
    3: N_("Growing"),
    4: N_("Embedded"),
    None: N_("Don't know"),
}
LEVEL_NAMES = {
    "course": N_("Course"),
    "programme": N_("Programme"),
    "institution": N_("Institution"),
}
SCAN_ROLE_NAMES = {"owner": N_("Owner"), "edit": N_("Edit (team member)"), "view": N_("View")}
CLOSED = N_("This scan is closed; its answers can no longer change.")


@dataclass
class ScanAccess:
    """A scan as the caller may use it."""

    record: ScanRecord
    role: str
    caller: Caller

    @property
    def may_answer(self) -> bool:
        return may(self.role, "edit") and self.record.closed_at is None

    @property
    def owner(self) -> bool:
        return self.role == "owner"


def authorize_scan(*, session, caller: Caller, scan_id: int, needed: str) -> ScanAccess:
    """The one place a scan's access is decided."""
    record = session.get(ScanRecord, scan_id)
    role = role_for(session=session, scan=record, user=caller.user) if record is not None else None
    if record is None or role is None:
        raise NotVisible()
    if not may(role, needed):
        raise Forbidden(needed)
    return ScanAccess(record=record, role=role, caller=caller)


def scan_access(needed: str):
    def dependency(scan_id: ScanId, caller: CallerDep, session: SessionDep) -> ScanAccess:
        return authorize_scan(session=session, caller=caller, scan_id=scan_id, needed=needed)

    return dependency


ScanViewAccess = Annotated[ScanAccess, Depends(scan_access("view"))]
ScanEditAccess = Annotated[ScanAccess, Depends(scan_access("edit"))]
ScanOwnerAccess = Annotated[ScanAccess, Depends(scan_access("owner"))]


def scale_words(lang: str) -> dict[int | None, str]:
    return {value: translate(lang, word) for value, word in SCALE_WORDS.items()}


def level_names(lang: str) -> dict[str, str]:
    return {level: translate(lang, LEVEL_NAMES[level]) for level in LEVELS}


def level_words(lang: str) -> dict[str, str]:
    """The levels as they read inside a sentence (lower case)."""
    return {level: translate(lang, LEVEL_WORDS[level]) for level in LEVELS}


def scan_role_names(lang: str) -> dict[str, str]:
    return {role: translate(lang, name) for role, name in SCAN_ROLE_NAMES.items()}
