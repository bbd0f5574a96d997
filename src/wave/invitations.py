"""Invitations (SPEC §6): sharing a design with an e-mail address that has no account makes
an invitation, a one-time link whose token is stored only as a hash. Whoever signs up or
signs in through it gets the share, in the invitation's role, and the inviter is told.

`share_with` is the one way a share form or the API shares: with the account of the
address, or by invitation when there is none.
"""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from wave.access import RANK, SHARE_ROLES, share_design, share_of
from wave.accounts import AccountProblem, check_email, find_user
from wave.i18n import N_, translate
from wave.inbox import tell
from wave.links import new_token, token_hash, well_formed
from wave.models import DesignRecord, Invitation, Share, User, now


class InvitationRefused(Exception):
    """The link cannot be used: unknown (or its design is gone), or used by someone else."""

    def __init__(self, reason: Literal["unknown", "used"]):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Invited:
    """A new invitation and its link's token (`invitation_path(token)`), known only now."""

    invitation: Invitation
    token: str


def invitation_path(token: str) -> str:
    return f"/invitations/{token}"


def share_with(*, session: Session, record: DesignRecord, email: str, role: str, by: User) -> Share | Invited:
    """Share the design with the account of `email`, or invite `email` when it has none."""
    if role not in SHARE_ROLES:
        raise AccountProblem("role", N_("Choose edit, comment or view."))
    if find_user(session=session, email=email) is not None or record.example_slug is not None:
        return share_design(session=session, record=record, email=email, role=role, by=by.id)
    return invite(session=session, record=record, email=email, role=role, by=by)


def invite(*, session: Session, record: DesignRecord, email: str, role: str, by: User) -> Invited:
    """A new invitation for `email`; one inviting the same address to this design before
    and not used yet is replaced (its link stops working). Commits."""
    email = check_email(email)
    session.execute(
        delete(Invitation).where(
            Invitation.design_id == record.id,
            Invitation.email == email,
            col(Invitation.accepted_by).is_(None),
        )
    )
    token, digest = new_token()
    invitation = Invitation(token_hash=digest, design_id=record.id, email=email, role=role, invited_by=by.id)
    session.add(invitation)
    session.commit()
    session.refresh(invitation)
    return Invited(invitation, token)


def invitation_for(*, session: Session, token: str) -> tuple[Invitation, DesignRecord]:
    """The invitation a link names and its design, used or not; InvitationRefused("unknown")
    when there is none or the design is gone."""
    found = (
        session.exec(
            select(Invitation, DesignRecord).where(
                Invitation.token_hash == token_hash(token),
                Invitation.design_id == DesignRecord.id,
                col(DesignRecord.deleted_at).is_(None),
            )
        ).first()
        if well_formed(token)
        else None
    )
    if found is None:
        raise InvitationRefused("unknown")
    return found


def accept(*, session: Session, token: str, user: User) -> Invitation:
    """`user` takes the invitation: the share in its role (a higher role they have stays),
    the invitation used, the inviter told. Opening it again as the same person changes
    nothing; the design's owner opening it (trying the link) leaves it unused.
    InvitationRefused when unknown, or used by someone else."""
    invitation, record = invitation_for(session=session, token=token)
    if record.owner_id == user.id or invitation.accepted_by == user.id:
        return invitation
    if invitation.accepted_by is not None:
        raise InvitationRefused("used")
    # claimed in one statement: two people opening the link at once cannot both have it
    claimed = session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, col(Invitation.accepted_by).is_(None))
        .values(accepted_by=user.id, accepted_at=now())
    ).rowcount
    if claimed != 1:
        session.rollback()
        raise InvitationRefused("used")
    share = share_of(session=session, record=record, user_id=user.id)
    if share is None:
        session.add(Share(design_id=record.id, user_id=user.id, role=invitation.role))
    elif RANK[invitation.role] > RANK[share.role]:
        share.role = invitation.role
        session.add(share)
    tell(
        session=session,
        design_id=record.id,
        actor_id=user.id,
        kind="invitation-accepted",
        recipients=[invitation.invited_by],
    )
    session.commit()
    session.refresh(invitation)
    return invitation


def pending_of(*, session: Session, design_id: int) -> list[Invitation]:
    """The design's invitations nobody has used yet, oldest first."""
    return list(
        session.exec(
            select(Invitation)
            .where(Invitation.design_id == design_id, col(Invitation.accepted_by).is_(None))
            .order_by(col(Invitation.created_at), col(Invitation.id))
        )
    )


def withdraw(*, session: Session, record: DesignRecord, invitation_id: int) -> bool:
    """The owner withdraws an invitation nobody has used: its link stops working. False
    when there is no such pending invitation of this design."""
    gone = session.execute(
        delete(Invitation).where(
            Invitation.id == invitation_id,
            Invitation.design_id == record.id,
            col(Invitation.accepted_by).is_(None),
        )
    ).rowcount
    session.commit()
    return gone == 1


# --- words ------------------------------------------------------------------------

INVITES = {
    "edit": N_("%(inviter)s invites you to work on the design “%(title)s” in Wave."),
    "comment": N_("%(inviter)s invites you to give feedback on the design “%(title)s” in Wave."),
    "view": N_("%(inviter)s invites you to look at the design “%(title)s” in Wave."),
}


def invitation_text(lang: str, *, inviter: str, title: str, role: str) -> str:
    return translate(lang, INVITES[role], inviter=inviter, title=title)


def invitation_mail(lang: str, *, inviter: str, title: str, role: str, url: str) -> tuple[str, str]:
    """The subject and text of the mail to the person invited."""
    subject = translate(lang, N_("%(inviter)s shared a design with you in Wave"), inviter=inviter)
    body = "\n\n".join(
        [
            invitation_text(lang, inviter=inviter, title=title, role=role),
            translate(
                lang,
                N_("Open this link to create your account (or sign in) and go to the design:"),
            ),
            url,
            translate(lang, N_("The link works once. If you did not expect this mail, you can ignore it.")),
        ]
    )
    return subject, body + "\n"
