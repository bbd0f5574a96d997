"""Authentication and authorization for every route.

`current_user` reads the session cookie. `authorize(...)` loads a design and the
caller's role, and raises `NotSignedIn` (401), `NotVisible` (404: also for a design
in the trash, `wave.trash`) or `Forbidden` (403); the app's exception handlers answer
each as JSON for `/api/…` and as a page, a redirect or an htmx fragment otherwise.
`check_csrf` guards every form post made with a session.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session, select

from wave.access import may, role_for
from wave.accounts import same_token, session_user
from wave.db import get_session
from wave.format import Design
from wave.models import DesignRecord, ProgrammeRecord, Share, SignInSession, User
from wave.programme_format import Programme
from wave.programmes import read_programme, role_for_programme
from wave.store import StoredDesignInvalid, read
from wave.web.deps import DesignId, ProgrammeId

COOKIE = "wave_session"


class NotSignedIn(Exception):
    pass


class NotVisible(Exception):
    pass


class Forbidden(Exception):
    def __init__(self, needed: str):
        self.needed = needed


class CsrfFailed(Exception):
    pass


class DesignUnreadable(Exception):
    """The stored design no longer passes the format: shown with its problems."""

    def __init__(self, record: DesignRecord, invalid: StoredDesignInvalid):
        self.record, self.problems, self.document = record, invalid.problems, invalid.document


@dataclass
class Caller:
    user: User
    signin: SignInSession


def optional_caller(request: Request, session: Annotated[Session, Depends(get_session)]) -> Caller | None:
    found = session_user(session=session, token=request.cookies.get(COOKIE))
    if found is None:
        return None
    request.state.csrf_token = found[1].csrf_token
    request.state.user = found[0]
    # A coach (someone a design is shared with to comment on) gets the review queue in the
    # menu. Only full pages show the menu: API calls and htmx fragments (every canvas edit)
    # skip the query; htmx asking for a whole page on "back" gets it.
    fragment = "HX-Request" in request.headers and "HX-History-Restore-Request" not in request.headers
    if not request.url.path.startswith("/api/") and not fragment:
        request.state.coaching = (
            session.exec(
                select(Share.id).where(Share.user_id == found[0].id, Share.role == "comment").limit(1)
            ).first()
            is not None
        )
    return Caller(*found)


async def require_caller(caller: Annotated[Caller | None, Depends(optional_caller)]) -> Caller:
    if caller is None:
        raise NotSignedIn()
    return caller


async def check_csrf(request: Request, caller: Annotated[Caller | None, Depends(optional_caller)]) -> None:
    """Form posts with a session must carry the session's token (header or field).
    JSON bodies cannot be sent cross-site without a CORS preflight, so they pass."""
    if request.method in ("GET", "HEAD", "OPTIONS") or caller is None:
        return
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        return
    sent = request.headers.get("x-csrf-token")
    if sent is None and ("form" in content_type):
        sent = (await request.form()).get("csrf_token")
    if not same_token(sent, caller.signin.csrf_token):
        raise CsrfFailed()


CallerDep = Annotated[Caller, Depends(require_caller)]


def authorize(
    *, session: Session, caller: Caller, design_id: int, needed: str, include_trash: bool = False
) -> tuple[DesignRecord, str]:
    """The one place a design's access is decided. A design in the trash does not exist
    (404) for anyone, except for its owner where `include_trash` asks for it (restore)."""
    record = session.get(DesignRecord, design_id)
    if record is None:
        raise NotVisible()
    role = role_for(session=session, record=record, user=caller.user)
    if role is None or (record.deleted_at is not None and not (include_trash and role == "owner")):
        raise NotVisible()
    if not may(role, needed):
        raise Forbidden(needed)
    return record, role


@dataclass
class Access:
    """A design as the caller may use it."""

    record: DesignRecord
    design: Design
    role: str
    caller: Caller

    @property
    def can_edit(self) -> bool:
        return may(self.role, "edit")

    @property
    def can_comment(self) -> bool:
        return may(self.role, "comment")


def design_access(needed: str):
    def dependency(
        design_id: DesignId, caller: CallerDep, session: Annotated[Session, Depends(get_session)]
    ) -> Access:
        record, role = authorize(session=session, caller=caller, design_id=design_id, needed=needed)
        try:
            design = read(record.document)
        except StoredDesignInvalid as invalid:
            raise DesignUnreadable(record, invalid) from None
        return Access(record=record, design=design, role=role, caller=caller)

    return dependency


ViewAccess = Annotated[Access, Depends(design_access("view"))]
CommentAccess = Annotated[Access, Depends(design_access("comment"))]
EditAccess = Annotated[Access, Depends(design_access("edit"))]
OwnerAccess = Annotated[Access, Depends(design_access("owner"))]


# --- programmes (SPEC §12): the same roles, the same answers ------------------------------


@dataclass
class ProgrammeAccess:
    record: ProgrammeRecord
    programme: Programme
    role: str
    caller: Caller

    @property
    def can_edit(self) -> bool:
        return may(self.role, "edit")


def authorize_programme(
    *, session: Session, caller: Caller, programme_id: int, needed: str
) -> ProgrammeAccess:
    """The one place a programme's access is decided: 404 when the caller may not see it,
    403 when their role may not do this."""
    record = session.get(ProgrammeRecord, programme_id)
    if record is None:
        raise NotVisible()
    role = role_for_programme(session=session, record=record, user=caller.user)
    if role is None:
        raise NotVisible()
    if not may(role, needed):
        raise Forbidden(needed)
    return ProgrammeAccess(record=record, programme=read_programme(record), role=role, caller=caller)


def programme_access(needed: str):
    def dependency(
        programme_id: ProgrammeId, caller: CallerDep, session: Annotated[Session, Depends(get_session)]
    ) -> ProgrammeAccess:
        return authorize_programme(session=session, caller=caller, programme_id=programme_id, needed=needed)

    return dependency


ProgrammeView = Annotated[ProgrammeAccess, Depends(programme_access("view"))]
ProgrammeEdit = Annotated[ProgrammeAccess, Depends(programme_access("edit"))]
ProgrammeOwner = Annotated[ProgrammeAccess, Depends(programme_access("owner"))]
