"""Storing programmes (SPEC §12): owned, shared and versioned like designs.

A programme is its `wave.programme/v1` document plus a version; a write names the
version it was based on and is a compare-and-swap on it (`StaleVersion`, 409), and
every version is kept. Who may do what: the owner, then the people it is shared
with (`edit` changes it, `comment` and `view` read it); a worked example is read
by everyone signed in.

Its courses are designs by id. Every write checks the whole document
(`parse_programme`) and then each course: the design must exist, not be in the
trash, and be one the writer may see (`course_problems`). A reader of the programme
sees each course's title, load and blend even when the design itself is not
shared with them: that is what sharing a programme is for; opening the design
still takes a share of its own.
"""

import json

from sqlalchemy import delete, update
from sqlmodel import Session, col, or_, select

from wave.access import role_for
from wave.accounts import AccountProblem, check_email, find_user
from wave.format import Design, DesignInvalid, Problem
from wave.i18n import N_
from wave.models import DesignRecord, ProgrammeRecord, ProgrammeShare, ProgrammeVersion, User, now
from wave.programme_format import Programme, parse_programme
from wave.store import StaleVersion, StoredDesignInvalid, read

NO_DESIGN = N_("there is no design with this id that you may see")
NOT_AN_ID = N_("must be the id of a design (a whole number of 1 or more)")
SHARE_ROLES = ("edit", "comment", "view")


class ProgrammeNotFound(Exception):
    pass


def role_for_programme(*, session: Session, record: ProgrammeRecord, user: User) -> str | None:
    if record.owner_id is not None and record.owner_id == user.id:
        return "owner"
    share = session.exec(
        select(ProgrammeShare).where(
            ProgrammeShare.programme_id == record.id, ProgrammeShare.user_id == user.id
        )
    ).first()
    if share is not None:
        return share.role
    if record.example_slug is not None:
        return "view"
    return None


def visible_programmes(*, session: Session, user: User) -> list[ProgrammeRecord]:
    shared = select(ProgrammeShare.programme_id).where(ProgrammeShare.user_id == user.id)
    return list(
        session.exec(
            select(ProgrammeRecord)
            .where(
                or_(
                    ProgrammeRecord.owner_id == user.id,
                    col(ProgrammeRecord.id).in_(shared),
                    col(ProgrammeRecord.example_slug).is_not(None),
                )
            )
            .order_by(col(ProgrammeRecord.example_slug).is_not(None), col(ProgrammeRecord.updated_at).desc())
        )
    )


def read_programme(record: ProgrammeRecord) -> Programme:
    return Programme.model_validate(json.loads(record.document))


def dump(programme: Programme) -> str:
    return programme.model_dump_json()


def course_problems(
    *, session: Session, user: User | None, programme: Programme, kept: frozenset[int] = frozenset()
) -> list[Problem]:
    """Each course added must be a design that exists, outside the trash, that `user` may
    see (None: the seeding of the examples, which checks only that it exists). `kept`:
    the courses the stored version has already, placed by someone who could see them;
    a team member may move or keep those without a share of their own."""
    problems = []
    for index, course in enumerate(programme.courses):
        loc = f"courses[{index}].design"
        if not isinstance(course.design, int):
            problems.append(Problem(loc, NOT_AN_ID))
            continue
        if course.design in kept:
            continue
        record = session.get(DesignRecord, course.design)
        visible = record is not None and record.deleted_at is None
        if visible and user is not None:
            visible = role_for(session=session, record=record, user=user) is not None
        if not visible:
            problems.append(Problem(loc, NO_DESIGN))
    return problems


def checked(
    *, session: Session, user: User | None, data: object, stored: Programme | None = None
) -> Programme:
    """A JSON value -> a programme whose every course is one the user may see or one the
    `stored` version has already, or `DesignInvalid`."""
    programme = parse_programme(data)
    kept = frozenset(c.design for c in stored.courses if isinstance(c.design, int)) if stored else frozenset()
    problems = course_problems(session=session, user=user, programme=programme, kept=kept)
    if problems:
        raise DesignInvalid(problems)
    return programme


def create_programme(
    *,
    session: Session,
    programme: Programme,
    owner_id: int | None,
    example_slug: str | None = None,
    summary: str = "",
) -> ProgrammeRecord:
    document = dump(programme)
    record = ProgrammeRecord(
        title=programme.title, document=document, owner_id=owner_id, example_slug=example_slug
    )
    session.add(record)
    session.flush()
    session.add(
        ProgrammeVersion(
            programme_id=record.id, version=1, document=document, summary=summary, author_id=owner_id
        )
    )
    session.commit()
    session.refresh(record)
    return record


def save_programme(
    *,
    session: Session,
    programme_id: int,
    programme: Programme,
    based_on: int,
    author_id: int | None,
    summary: str = "",
) -> int:
    """Store `programme` as the next version if the stored one is still `based_on`."""
    document = dump(programme)
    result = session.execute(
        update(ProgrammeRecord)
        .where(col(ProgrammeRecord.id) == programme_id, col(ProgrammeRecord.version) == based_on)
        .values(document=document, title=programme.title, version=based_on + 1, updated_at=now())
    )
    if result.rowcount != 1:
        session.rollback()
        record = session.get(ProgrammeRecord, programme_id)
        if record is None:
            raise ProgrammeNotFound(programme_id)
        raise StaleVersion(record.version)
    session.add(
        ProgrammeVersion(
            programme_id=programme_id,
            version=based_on + 1,
            document=document,
            summary=summary[:300],
            author_id=author_id,
        )
    )
    session.commit()
    return based_on + 1


def delete_programme(*, session: Session, record: ProgrammeRecord) -> None:
    """For good: a programme holds no work of its own beyond the placing of designs,
    which stay as they are."""
    for model in (ProgrammeShare, ProgrammeVersion):
        session.execute(delete(model).where(col(model.programme_id) == record.id))
    session.execute(delete(ProgrammeRecord).where(col(ProgrammeRecord.id) == record.id))
    session.commit()


def versions_of_programme(
    *, session: Session, programme_id: int
) -> list[tuple[ProgrammeVersion, str | None]]:
    rows = session.exec(
        select(ProgrammeVersion, User.name)
        .join(User, User.id == ProgrammeVersion.author_id, isouter=True)
        .where(ProgrammeVersion.programme_id == programme_id)
        .order_by(col(ProgrammeVersion.version).desc())
    ).all()
    return [(v, name) for v, name in rows]


def course_designs(*, session: Session, programme: Programme) -> dict[str, Design]:
    """The courses' designs as they are stored now, by the programme's key (the id as
    text). A design deleted, in the trash or no longer readable is left out: the
    report lists it as missing."""
    ids = [c.design for c in programme.courses if isinstance(c.design, int)]
    if not ids:
        return {}
    records = session.exec(
        select(DesignRecord).where(col(DesignRecord.id).in_(ids), col(DesignRecord.deleted_at).is_(None))
    ).all()
    designs = {}
    for record in records:
        try:
            designs[str(record.id)] = read(record.document)
        except StoredDesignInvalid:
            continue
    return designs


NO_ACCOUNT = N_("There is no account with this address; ask the person to sign up first.")
OWN_PROGRAMME = N_("You own this programme already.")


def share_programme(*, session: Session, record: ProgrammeRecord, email: str, role: str) -> ProgrammeShare:
    user = find_user(session=session, email=check_email(email))
    if user is None:
        raise AccountProblem("email", NO_ACCOUNT)
    if user.id == record.owner_id:
        raise AccountProblem("email", OWN_PROGRAMME)
    share = session.exec(
        select(ProgrammeShare).where(
            ProgrammeShare.programme_id == record.id, ProgrammeShare.user_id == user.id
        )
    ).first()
    if share is None:
        share = ProgrammeShare(programme_id=record.id, user_id=user.id, role=role)
    share.role = role
    session.add(share)
    session.commit()
    session.refresh(share)
    return share


def shares_of_programme(*, session: Session, programme_id: int) -> list[tuple[ProgrammeShare, User]]:
    return list(
        session.exec(
            select(ProgrammeShare, User)
            .join(User, User.id == ProgrammeShare.user_id)
            .where(ProgrammeShare.programme_id == programme_id)
            .order_by(col(User.name))
        ).all()
    )
