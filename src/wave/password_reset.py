"""Password reset (SPEC §6): a one-time link, valid for an hour. Only a hash of its token is
stored (`PasswordReset`); using it sets the new password and ends every session of the
account. Asking for one is counted like a failed sign-in (`accounts.note_mail_request`)."""

from datetime import timedelta
from typing import Literal

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from wave.accounts import AccountProblem, _aware, find_user, note_mail_request, set_password
from wave.i18n import N_, translate
from wave.links import link, new_token, token_hash, well_formed
from wave.models import PasswordReset, SignInSession, User, now

VALID = timedelta(hours=1)
KEPT = timedelta(days=1)  # used and expired links are deleted a day after they expired


class ResetRefused(Exception):
    """The link cannot be used: unknown (or malformed), expired, or used already."""

    def __init__(self, reason: Literal["unknown", "expired", "used"]):
        super().__init__(reason)
        self.reason = reason


def reset_path(token: str) -> str:
    return f"/reset/{token}"


def new_reset(*, session: Session, user: User) -> str:
    """A new link for `user` (the token; the link is `reset_path(token)`); commits."""
    moment = now()
    session.execute(delete(PasswordReset).where(PasswordReset.expires_at < moment - KEPT))
    token, digest = new_token()
    session.add(
        PasswordReset(token_hash=digest, user_id=user.id, created_at=moment, expires_at=moment + VALID)
    )
    session.commit()
    return token


def request_reset(*, session: Session, email: str, address: str) -> tuple[User, str] | None:
    """Someone asks for a reset of `email` from `address`: the account and the new token,
    or None when there is no such account. Raises TooManyAttempts past the limits, which
    count known and unknown addresses alike."""
    note_mail_request(session=session, email=email, address=address)
    user = find_user(session=session, email=email)
    if user is None:
        new_token()  # the same work as for an account, bar the insert
        return None
    return user, new_reset(session=session, user=user)


def reset_for(*, session: Session, token: str) -> PasswordReset:
    """The reset a link's token names, if it can still be used; else ResetRefused."""
    reset = (
        session.exec(select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))).first()
        if well_formed(token)
        else None
    )
    if reset is None:
        raise ResetRefused("unknown")
    if reset.used_at is not None:
        raise ResetRefused("used")
    if _aware(reset.expires_at) <= now():
        raise ResetRefused("expired")
    return reset


def reset_password(*, session: Session, token: str, password: str) -> User:
    """Sets the new password through the link, once: the link and every other link of the
    account stop working, and every session of the account ends. ResetRefused for a link
    that cannot be used, AccountProblem for a password that is not strong enough."""
    reset = reset_for(session=session, token=token)
    user = session.get(User, reset.user_id)
    if user is None:
        raise ResetRefused("unknown")
    set_password(session=session, user=user, password=password)  # may refuse: nothing changed yet
    moment = now()
    # claimed in one statement, so two posts of the same link cannot both set a password
    claimed = session.execute(
        update(PasswordReset)
        .where(PasswordReset.id == reset.id, col(PasswordReset.used_at).is_(None))
        .values(used_at=moment)
    ).rowcount
    if claimed != 1:
        session.rollback()
        raise ResetRefused("used")
    session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, col(PasswordReset.used_at).is_(None))
        .values(used_at=moment)
    )
    session.execute(delete(SignInSession).where(SignInSession.user_id == user.id))
    session.commit()
    return user


REFUSED = {
    "unknown": N_("This link to set a new password is not valid. Check that you copied all of it."),
    "expired": N_("This link to set a new password has expired: a link works for an hour."),
    "used": N_("This link to set a new password has been used already: a link works once."),
}


def refused_problem(refused: ResetRefused) -> AccountProblem:
    return AccountProblem("token", REFUSED[refused.reason])


def reset_link(*, session: Session, email: str, base: str | None = None) -> str | None:
    """A new link for the account of `email` (for `wave users reset-link`), or None."""
    user = find_user(session=session, email=email)
    if user is None:
        return None
    return link(reset_path(new_reset(session=session, user=user)), base=base)


def reset_mail(lang: str, *, name: str, url: str) -> tuple[str, str]:
    """The subject and text of the mail with the link."""
    subject = translate(lang, N_("A new password for Wave"))
    body = "\n\n".join(
        [
            translate(lang, N_("Hello %(name)s,"), name=name),
            translate(lang, N_("Someone, probably you, asked to set a new password for your Wave account.")),
            translate(lang, N_("Open this link to choose a new password. It works once, within an hour:")),
            url,
            translate(
                lang, N_("Did you not ask for this? Then ignore this mail: your password stays as it is.")
            ),
        ]
    )
    return subject, body + "\n"
