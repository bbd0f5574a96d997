"""Readiness scans in the database: who may do what, answers, shares (SPEC §13).

A scan is owned and shared like a design: owner > edit > view. The owner shares it
and closes it; *edit* members and the owner answer (each their own answers, replaced as
a whole when they answer again, until the scan is closed); *view* members read the
questions and the results. Nobody else knows it exists.

Every way answers arrive (the JSON API, the answer page) ends in `save_answers`, which
checks them (`answer_problems`) before anything is stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, update
from sqlmodel import Session, col, or_, select

from wave.accounts import AccountProblem, find_user
from wave.format import Problem
from wave.i18n import N_, Message
from wave.models import ScanAnswer, ScanRecord, ScanShare, User, now
from wave.scans.dimensions import DIMENSION_IDS, LEVELS, SCALE, dimension_of, statement_ids
from wave.scans.scoring import ScanReport

ROLES = ("view", "edit", "owner")
SHARE_ROLES = ("edit", "view")
RANK = {role: rank for rank, role in enumerate(ROLES)}
MAX_TITLE = 200

LEVEL_WORDS = {
    "course": N_("course"),
    "programme": N_("programme"),
    "institution": N_("institution"),
}


class ScanInvalid(Exception):
    """Input the scan refuses; nothing was stored. `problems` name each field."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message("en") for p in problems))


class ScanClosed(Exception):
    """The scan is closed: its answers no longer change."""

    TEXT = N_("This scan is closed; its answers can no longer change.")


# --- who may do what -----------------------------------------------------------------


def share_of(*, session: Session, scan_id: int, user_id: int) -> ScanShare | None:
    return session.exec(
        select(ScanShare).where(ScanShare.scan_id == scan_id, ScanShare.user_id == user_id)
    ).first()


def role_for(*, session: Session, scan: ScanRecord, user: User) -> str | None:
    if scan.owner_id == user.id:
        return "owner"
    share = share_of(session=session, scan_id=scan.id, user_id=user.id)
    return share.role if share is not None else None


def may(role: str | None, needed: str) -> bool:
    return role is not None and RANK[role] >= RANK[needed]


def roles_on(*, session: Session, user: User, scans: list[ScanRecord]) -> dict[int, str]:
    """The user's role on each of `scans` (which they may see)."""
    shared = dict(
        session.exec(
            select(ScanShare.scan_id, ScanShare.role).where(
                ScanShare.user_id == user.id, col(ScanShare.scan_id).in_([s.id for s in scans])
            )
        ).all()
    )
    return {s.id: "owner" if s.owner_id == user.id else shared.get(s.id, "view") for s in scans}


def _visible(user: User):
    shared = select(ScanShare.scan_id).where(ScanShare.user_id == user.id)
    return select(ScanRecord).where(or_(ScanRecord.owner_id == user.id, col(ScanRecord.id).in_(shared)))


def visible_scans(*, session: Session, user: User, level: str | None = None) -> list[ScanRecord]:
    """The scans the user owns or that are shared with them, newest first."""
    query = _visible(user)
    if level is not None:
        query = query.where(ScanRecord.level == level)
    return list(session.exec(query.order_by(col(ScanRecord.created_at).desc(), col(ScanRecord.id).desc())))


def latest_for(session: Session, user: User, level: str | None = None) -> ScanRecord | None:
    """The newest scan `user` may see (of `level`, when given): "the scan of their team",
    for a link from a design or a programme. None when there is none."""
    query = _visible(user)
    if level is not None:
        query = query.where(ScanRecord.level == level)
    return session.exec(
        query.order_by(col(ScanRecord.created_at).desc(), col(ScanRecord.id).desc()).limit(1)
    ).first()


# --- making one ------------------------------------------------------------------------


def create_scan(
    *, session: Session, owner: User, title: str, level: str, follows: int | None = None
) -> ScanRecord:
    """A new scan owned by `owner`. `follows`: an earlier scan of the same level that the
    owner may see; anything else is refused (`ScanInvalid`) and nothing is stored."""
    problems = []
    title = title.strip()
    if not title:
        problems.append(Problem("title", N_("must not be empty")))
    elif len(title) > MAX_TITLE:
        problems.append(
            Problem("title", N_("is longer than %(max_length)s characters"), {"max_length": MAX_TITLE})
        )
    if level not in LEVELS:
        problems.append(Problem("level", N_("choose course, programme or institution")))
    if follows is not None:
        earlier = session.get(ScanRecord, follows)
        if earlier is None or role_for(session=session, scan=earlier, user=owner) is None:
            problems.append(
                Problem("follows", N_("there is no scan %(id)s that you may see"), {"id": follows})
            )
        elif level in LEVELS and earlier.level != level:
            problems.append(
                Problem(
                    "follows",
                    N_("a scan follows an earlier scan of the same level; scan %(id)s is at %(level)s level"),
                    {"id": follows, "level": Message(LEVEL_WORDS[earlier.level])},
                )
            )
    if problems:
        raise ScanInvalid(problems)
    scan = ScanRecord(title=title, level=level, owner_id=owner.id, follows_id=follows)
    session.add(scan)
    session.commit()
    session.refresh(scan)
    return scan


def close_scan(*, session: Session, scan: ScanRecord) -> None:
    """No more answers (the owner decides; closing twice changes nothing)."""
    if scan.closed_at is None:
        moment = now()
        scan.closed_at, scan.updated_at = moment, moment
        session.add(scan)
        session.commit()


# --- answers ---------------------------------------------------------------------------


def answer_problems(answers: Mapping[str, object]) -> list[Problem]:
    """What is wrong with a member's answers: a statement or dimension the scan does not
    have, a value that is not 1–4 or null. Each problem names the statement."""
    known = set(statement_ids())
    problems = []
    for statement, value in answers.items():
        loc = f"answers.{statement}"
        if statement not in known:
            if dimension_of(statement) not in DIMENSION_IDS:
                problems.append(
                    Problem(
                        loc,
                        N_("there is no dimension %(dimension)s; the dimensions are %(known)s"),
                        {"dimension": dimension_of(statement), "known": ", ".join(DIMENSION_IDS)},
                    )
                )
            else:
                problems.append(
                    Problem(loc, N_("there is no statement %(id)s in this scan"), {"id": statement})
                )
        elif value is not None and (isinstance(value, bool) or value not in SCALE):
            problems.append(Problem(loc, N_("must be 1, 2, 3 or 4, or null for don't know")))
    return problems


def save_answers(*, session: Session, scan: ScanRecord, user: User, answers: Mapping[str, int | None]) -> int:
    """Replace `user`'s answers on the scan with `answers` (statement id -> 1–4 or None
    for "don't know"; a statement left out is not answered). Returns how many were
    stored. Refused as a whole (`ScanInvalid`, `ScanClosed`), nothing stored."""
    problems = answer_problems(answers)
    if problems:
        raise ScanInvalid(problems)
    # The scan's row first (SQLite: the write lock), so that the check of `closed_at` and
    # the writes below are one moment, and two saves of the same person do not interleave.
    session.execute(
        update(ScanRecord)
        .where(col(ScanRecord.id) == scan.id)
        .values(updated_at=now())
        .execution_options(synchronize_session=False)
    )
    session.refresh(scan)
    if scan.closed_at is not None:
        session.rollback()
        raise ScanClosed()
    session.execute(
        delete(ScanAnswer).where(col(ScanAnswer.scan_id) == scan.id, col(ScanAnswer.user_id) == user.id)
    )
    for statement, value in answers.items():
        session.add(ScanAnswer(scan_id=scan.id, user_id=user.id, statement=statement, value=value))
    session.commit()
    return len(answers)


def answers_of(*, session: Session, scan_id: int) -> dict[int, dict[str, int | None]]:
    """Every member's answers: user id -> statement id -> value."""
    found: dict[int, dict[str, int | None]] = {}
    rows = session.exec(
        select(ScanAnswer.user_id, ScanAnswer.statement, ScanAnswer.value).where(
            ScanAnswer.scan_id == scan_id
        )
    )
    for user_id, statement, value in rows:
        found.setdefault(user_id, {})[statement] = value
    return found


def own_answers(*, session: Session, scan_id: int, user_id: int) -> dict[str, int | None]:
    rows = session.exec(
        select(ScanAnswer.statement, ScanAnswer.value).where(
            ScanAnswer.scan_id == scan_id, ScanAnswer.user_id == user_id
        )
    )
    return dict(rows.all())


def report_for(*, session: Session, scan: ScanRecord) -> ScanReport:
    """The scan's combined results, compared with the scan it follows (when it does). The
    same for everyone who may read the scan."""
    earlier = None
    if scan.follows_id is not None:
        earlier = answers_of(session=session, scan_id=scan.follows_id)
    return ScanReport.of(answers_of(session=session, scan_id=scan.id), previous=earlier)


def respondent_counts(*, session: Session, scan_ids: list[int]) -> dict[int, int]:
    """How many people answered each of the scans."""
    if not scan_ids:
        return {}
    rows = session.exec(
        select(ScanAnswer.scan_id, ScanAnswer.user_id).where(col(ScanAnswer.scan_id).in_(scan_ids)).distinct()
    )
    counts: dict[int, int] = {}
    for scan_id, _user in rows:
        counts[scan_id] = counts.get(scan_id, 0) + 1
    return counts


# --- sharing ---------------------------------------------------------------------------


def shares_of(*, session: Session, scan_id: int) -> list[tuple[ScanShare, User]]:
    return list(
        session.exec(
            select(ScanShare, User)
            .where(ScanShare.scan_id == scan_id, ScanShare.user_id == User.id)
            .order_by(User.name)
        )
    )


def share_scan(*, session: Session, scan: ScanRecord, email: str, role: str) -> ScanShare:
    """Share the scan with the account of `email` in `role` (a second share changes the
    role). Raises AccountProblem for input it cannot share with; nothing changes then."""
    if role not in SHARE_ROLES:
        raise AccountProblem("role", N_("Choose edit or view."))
    user = find_user(session=session, email=email)
    if user is None:
        raise AccountProblem(
            "email", N_("There is no account with this e-mail address. Ask your colleague to sign up first.")
        )
    if user.id == scan.owner_id:
        raise AccountProblem("email", N_("This person already owns the scan."))
    share = share_of(session=session, scan_id=scan.id, user_id=user.id) or ScanShare(
        scan_id=scan.id, user_id=user.id, role=role
    )
    share.role = role
    session.add(share)
    session.commit()
    session.refresh(share)
    return share


def remove_share(*, session: Session, scan: ScanRecord, user_id: int) -> bool:
    """End `user_id`'s share: the scan no longer exists for them. Their answers stay part
    of the results. False when there was none."""
    share = share_of(session=session, scan_id=scan.id, user_id=user_id)
    if share is None:
        return False
    session.delete(share)
    session.commit()
    return True
