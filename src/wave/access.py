"""Who may do what with a design: owner > edit > comment > view.

Examples are visible to everyone who is signed in (to open and copy); other
designs only to their owner and the people they are shared with. The owner can
end any share and the person it is shared with can leave it.
"""

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from wave.accounts import AccountProblem, find_user
from wave.i18n import N_
from wave.inbox import tell
from wave.models import DesignRecord, Share, User

ROLES = ("view", "comment", "edit", "owner")
SHARE_ROLES = ("edit", "comment", "view")
RANK = {role: rank for rank, role in enumerate(ROLES)}


def share_of(*, session: Session, record: DesignRecord, user_id: int) -> Share | None:
    return session.exec(select(Share).where(Share.design_id == record.id, Share.user_id == user_id)).first()


def role_for(*, session: Session, record: DesignRecord, user: User) -> str | None:
    if record.owner_id is not None and record.owner_id == user.id:
        return "owner"
    share = share_of(session=session, record=record, user_id=user.id)
    if share is not None:
        return share.role
    if record.example_slug is not None:
        return "view"
    return None


def may(role: str | None, needed: str) -> bool:
    return role is not None and RANK[role] >= RANK[needed]


def visible_designs(*, session: Session, user: User) -> list[DesignRecord]:
    """The designs the user may open, newest change first; none in a trash (`wave.trash`)."""
    shared = select(Share.design_id).where(Share.user_id == user.id)
    return list(
        session.exec(
            select(DesignRecord)
            .where(
                col(DesignRecord.deleted_at).is_(None),
                or_(
                    DesignRecord.owner_id == user.id,
                    col(DesignRecord.id).in_(shared),
                    col(DesignRecord.example_slug).is_not(None),
                ),
            )
            .order_by(col(DesignRecord.updated_at).desc())
        )
    )


def shared_roles(*, session: Session, user: User) -> dict[int, tuple[str, str]]:
    """For each design shared with `user`: its owner's name and the user's role."""
    rows = session.exec(
        select(Share.design_id, Share.role, User.name)
        .join(DesignRecord, col(DesignRecord.id) == Share.design_id)
        .join(User, col(User.id) == DesignRecord.owner_id)
        .where(Share.user_id == user.id)
    ).all()
    return {design_id: (owner, role) for design_id, role, owner in rows}


def shares_of(*, session: Session, design_id: int) -> list[tuple[Share, User]]:
    return list(
        session.exec(
            select(Share, User)
            .where(Share.design_id == design_id, Share.user_id == User.id)
            .order_by(User.name)
        )
    )


def share_design(
    *, session: Session, record: DesignRecord, email: str, role: str, by: int | None = None
) -> Share:
    """Share the design with the account of `email`; `by` (who shares) is told nothing,
    the person shared with finds it in their inbox."""
    if role not in SHARE_ROLES:
        raise AccountProblem("role", N_("Choose edit, comment or view."))
    if record.example_slug is not None:
        raise AccountProblem("design", N_("An example cannot be shared; copy it first."))
    user = find_user(session=session, email=email)
    if user is None:
        raise AccountProblem(
            "email", N_("There is no account with this e-mail address. Ask your colleague to sign up first.")
        )
    if user.id == record.owner_id:
        raise AccountProblem("email", N_("This person already owns the design."))
    try:
        return _share_with(session, record, user.id, role, by)
    except IntegrityError:  # the same share, made at the same moment: it is there now
        session.rollback()
        return _share_with(session, record, user.id, role, by)


def _share_with(session: Session, record: DesignRecord, user_id: int, role: str, by: int | None) -> Share:
    share = share_of(session=session, record=record, user_id=user_id)
    if share is None:
        share = Share(design_id=record.id, user_id=user_id, role=role)
    if share.role != role or share.id is None:
        tell(
            session=session,
            design_id=record.id,
            actor_id=by if by is not None else record.owner_id or 0,
            kind="shared",
            recipients=[user_id],
            detail=role,
        )
    share.role = role
    session.add(share)
    session.commit()
    session.refresh(share)
    return share


def remove_share(*, session: Session, record: DesignRecord, user_id: int) -> bool:
    """End `user_id`'s share of the design (the owner removes it, or the person leaves);
    from then on the design does not exist for them. False when there is none."""
    share = share_of(session=session, record=record, user_id=user_id)
    if share is None:
        return False
    session.delete(share)
    session.commit()
    return True
