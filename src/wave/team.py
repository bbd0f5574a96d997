"""A team: people who use each other's own material (custom activities and templates).

Only by consent: a person invites a colleague by e-mail, the colleague accepts or
declines, and either side can end the link at any time. A share of a design makes
no team, and a team gives no access to anyone's designs.
"""

from dataclasses import dataclass

from sqlalchemy import case, not_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, and_, col, func, or_, select

from wave.accounts import AccountProblem, find_user
from wave.i18n import N_
from wave.models import TeamLink, User

# Invitations one person may have waiting at once: enough for a school's section,
# too few to invite every account on the server.
MAX_PENDING = 50


@dataclass(frozen=True)
class Team:
    """A person's links as the account page shows them, each with the other person."""

    members: list[tuple[TeamLink, User]]  # accepted, either way round
    invitations: list[tuple[TeamLink, User]]  # waiting for this person's answer
    sent: list[tuple[TeamLink, User]]  # this person's, not answered yet


def _involving(user_id: int):
    return or_(TeamLink.owner_id == user_id, TeamLink.member_id == user_id)


def _between(a: int, b: int):
    return or_(
        and_(TeamLink.owner_id == a, TeamLink.member_id == b),
        and_(TeamLink.owner_id == b, TeamLink.member_id == a),
    )


def team_ids(*, session: Session, user: User) -> set[int]:
    """The person and everyone linked to them by an accepted link, either way round."""
    pairs = session.exec(
        select(TeamLink.owner_id, TeamLink.member_id).where(col(TeamLink.accepted), _involving(user.id))
    ).all()
    return {user.id, *(person for pair in pairs for person in pair)}


def team_of(*, session: Session, user: User) -> Team:
    other = case((TeamLink.owner_id == user.id, TeamLink.member_id), else_=TeamLink.owner_id)
    rows = session.exec(
        select(TeamLink, User).where(_involving(user.id), User.id == other).order_by(User.name, User.email)
    ).all()
    mine = user.id
    return Team(
        members=[(link, person) for link, person in rows if link.accepted],
        invitations=[(link, person) for link, person in rows if not link.accepted and link.member_id == mine],
        sent=[(link, person) for link, person in rows if not link.accepted and link.owner_id == mine],
    )


ALREADY = {
    "invited": N_("You have invited this person already; the invitation is waiting for an answer."),
    "invited_you": N_(
        "This person has invited you already: accept their invitation under ‘Invitations for you’."
    ),
    "member": N_("This person is in your team already."),
}


def invite(*, session: Session, owner: User, email: str) -> TeamLink:
    """Invite the account with this e-mail address; nothing counts until they accept."""
    person = find_user(session=session, email=email)
    if person is None:
        raise AccountProblem(
            "email", N_("There is no account with this e-mail address. Ask your colleague to sign up first.")
        )
    if person.id == owner.id:
        raise AccountProblem("email", N_("This is your own e-mail address; invite a colleague."))
    link = session.exec(select(TeamLink).where(_between(owner.id, person.id))).first()
    if link is not None:
        kind = "member" if link.accepted else "invited" if link.owner_id == owner.id else "invited_you"
        raise AccountProblem("email", ALREADY[kind])
    waiting = session.exec(
        select(func.count())
        .select_from(TeamLink)
        .where(TeamLink.owner_id == owner.id, not_(col(TeamLink.accepted)))
    ).one()
    if waiting >= MAX_PENDING:
        raise AccountProblem(
            "email",
            N_("%(count)s invitations of yours are waiting for an answer; withdraw one first."),
            count=MAX_PENDING,
        )
    link = TeamLink(owner_id=owner.id, member_id=person.id)
    session.add(link)
    try:
        session.commit()
    except IntegrityError:  # the same invitation, sent at the same moment
        session.rollback()
        raise AccountProblem("email", *ALREADY["invited"]) from None
    session.refresh(link)
    return link


def accept(*, session: Session, member: User, owner_id: int) -> bool:
    """Accept the invitation from `owner_id`; False when there is none waiting."""
    link = session.exec(
        select(TeamLink).where(
            TeamLink.owner_id == owner_id,
            TeamLink.member_id == member.id,
            not_(col(TeamLink.accepted)),
        )
    ).first()
    if link is None:
        return False
    link.accepted = True
    session.add(link)
    session.commit()
    return True


def end_link(*, session: Session, user: User, other_id: int) -> bool:
    """End whatever links the two: decline, withdraw, remove or leave (either side may).
    False when there is none."""
    links = session.exec(select(TeamLink).where(_between(user.id, other_id))).all()
    for link in links:
        session.delete(link)
    session.commit()
    return bool(links)
