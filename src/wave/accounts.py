"""Accounts and sign-in sessions. Passwords hashed with argon2 and weighed with zxcvbn;
sessions and failed sign-ins live in the database, so several app processes share them."""

import math
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select
from zxcvbn import zxcvbn

from wave.i18n import N_, Message, ngettext
from wave.models import LoginAttempt, SignInSession, User, now

SESSION_DAYS = 14
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What `secrets.token_urlsafe` makes: the session id, the CSRF and form tokens.
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")

PASSWORD_MIN, PASSWORD_MAX = 10, 200
# zxcvbn's score runs 0-4; 3 means "safely unguessable" (about 10^8 guesses or more), what
# is needed against guessing online behind the limits below and offline against argon2.
PASSWORD_MIN_SCORE = 3
# zxcvbn's time grows steeply with length (a random 200-character password takes half a
# minute, a 72-character one a tenth of a second): it weighs the first 72, its own default limit.
PASSWORD_SCORED = 72


@dataclass(frozen=True)
class Limit:
    """At most `failures` failed sign-ins within `window`, counted per client address
    (`per="address"`) or per address and account together (`per="account"`)."""

    per: Literal["address", "account"]
    failures: int
    window: timedelta


# Sign-in limits: never per account alone, so that someone guessing from one address
# cannot lock the owner out from another. Stepped: the short window stops a burst and
# lets a person who mistyped try again soon; the day-long one stops a patient guesser
# who waits out the short one (5 guesses every quarter of an hour would be 480 a day).
LIMITS = (
    # one address at one account: five typos, then a quarter of an hour; 20 a day
    Limit("account", 5, timedelta(minutes=15)),
    Limit("account", 20, timedelta(hours=24)),
    # one address at any accounts (trying one password on many, probing addresses); high
    # enough that a school behind one router does not lock its own teachers out by typos
    Limit("address", 20, timedelta(minutes=15)),
    Limit("address", 100, timedelta(hours=24)),
)
ATTEMPTS_KEPT = max(limit.window for limit in LIMITS)  # older failures count for nothing

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash of a random password, made by the same hasher (so with the same parameters):
    an unknown e-mail costs one argon2 verify too, and so takes as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(24))


class AccountProblem(Exception):
    """Bad account input: which field, and why: an English message id (marked with
    `wave.i18n.N_`) and its values, or a text that is worded already (called with the
    language)."""

    def __init__(self, field: str, message: str | Callable[[str], str], /, **values: object):
        self.field = field
        self.text = Message(message, **values) if isinstance(message, str) else message
        super().__init__(field, self.text("en"))

    def __call__(self, lang: str) -> str:
        return self.text(lang)


class TooManyAttempts(Exception):
    """Refused without looking at the password; `retry_after` seconds until a limit
    has room again."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after

    def __call__(self, lang: str) -> str:
        minutes = math.ceil(self.retry_after / 60)
        if minutes <= 90:
            wait = ngettext("%(num)d minute", "%(num)d minutes", minutes)
        else:
            wait = ngettext("%(num)d hour", "%(num)d hours", math.ceil(minutes / 60))
        return Message(N_("Too many failed attempts. Try again in %(wait)s."), wait=wait)(lang)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_strength(password: str, *, known: tuple[str, ...] = ()) -> None:
    """Refuse a password that is too short, too long, or that zxcvbn finds easy to guess
    (`known`: the person's e-mail and name, which make a password easier to guess)."""
    if len(password) < PASSWORD_MIN:
        raise AccountProblem(
            "password", N_("Choose a password of at least %(min)s characters."), min=PASSWORD_MIN
        )
    if len(password) > PASSWORD_MAX:
        raise AccountProblem("password", N_("A password is at most %(max)s characters."), max=PASSWORD_MAX)
    # the whole name and address, and their words ("marjolein.devries@…": marjolein, devries)
    words = [part for text in known for part in re.split(r"[\W_]+", text) if len(part) >= 3]
    verdict = zxcvbn(password[:PASSWORD_SCORED], user_inputs=[*known, *words])
    if verdict["score"] >= PASSWORD_MIN_SCORE:
        return
    feedback = verdict["feedback"]
    advice = " ".join(part for part in (feedback["warning"], *feedback["suggestions"]) if part)
    raise AccountProblem("password", _TooWeak(advice))


TOO_WEAK = N_(
    "Too weak: this password is easy to guess. Make it longer, for instance with a few "
    "uncommon words that do not belong together."
)


class _TooWeak:
    """zxcvbn's advice is in English only: in another language, our own sentence."""

    def __init__(self, advice: str):
        self.advice = advice

    def __call__(self, lang: str) -> str:
        if lang == "en" and self.advice:
            return Message(N_("Too weak. %(advice)s"), advice=self.advice)(lang)
        return Message(TOO_WEAK)(lang)


def find_user(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def check_email(email: str) -> str:
    """The address normalised, or AccountProblem when it is no e-mail address."""
    email = normalise_email(email)
    if not EMAIL.match(email) or len(email) > 254:
        raise AccountProblem("email", N_("Enter a valid e-mail address."))
    return email


def check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 100:
        raise AccountProblem("name", N_("Enter your name (at most 100 characters)."))
    return name


ACCOUNT_EXISTS = N_("There is already an account with this e-mail address.")


def create_user(*, session: Session, email: str, password: str, name: str) -> User:
    email = check_email(email)
    name = check_name(name)
    check_password_strength(password, known=(email, name))
    if find_user(session=session, email=email) is not None:
        raise AccountProblem("email", ACCOUNT_EXISTS)
    user = User(email=email, name=name, password_hash=_hasher.hash(password))
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # the same address signed up at the same moment
        session.rollback()
        raise AccountProblem("email", ACCOUNT_EXISTS) from None
    session.refresh(user)
    return user


def authenticate(*, session: Session, email: str, password: str, address: str) -> User | None:
    """The user, or None; raises TooManyAttempts while the client address, or the address
    with this e-mail, has had too many failures (`LIMITS`)."""
    email, address = normalise_email(email)[:254], address[:64]
    # Counted as a failure from before the check until the password proves right, so that
    # sign-ins sent at once, each waiting for its argon2 verify, see one another: fifty in
    # parallel get no more tries than fifty in a row.
    attempt = LoginAttempt(email=email, address=address)
    session.add(attempt)
    session.commit()
    wait = retry_after(session=session, email=email, address=address, besides=attempt.id)
    if wait is not None:
        _forget(session, attempt)  # a refused try does not count: the password was not looked at
        raise TooManyAttempts(wait)
    user = find_user(session=session, email=email)
    # One argon2 verify whether or not the account exists: the time tells nothing.
    try:
        if _hasher.verify(user.password_hash if user else _dummy_hash(), password) and user:
            _forget(session, attempt)
            return user
    except (VerificationError, InvalidHashError):
        pass
    return None


def change_name(*, session: Session, user: User, name: str) -> None:
    user.name = check_name(name)
    session.add(user)
    session.commit()


def set_password(*, session: Session, user: User, password: str) -> None:
    """A new password (strong enough, see `check_password_strength`); not committed."""
    check_password_strength(password, known=(user.email, user.name))
    user.password_hash = _hasher.hash(password)
    session.add(user)


def change_password(
    *, session: Session, user: User, current: str, new: str, address: str, keep: SignInSession
) -> None:
    """The person's own change on the account page: the current password first (a wrong
    one counts as a failed sign-in, so the page cannot be used to guess it), then the new
    one; every other session of the account ends, `keep` (this browser's) stays."""
    if authenticate(session=session, email=user.email, password=current, address=address) is None:
        raise AccountProblem("current_password", N_("This is not your current password."))
    set_password(session=session, user=user, password=new)
    session.execute(
        delete(SignInSession).where(SignInSession.user_id == user.id, SignInSession.id != keep.id)
    )
    session.commit()


# Requests that send a mail (a password reset) are counted like failed sign-ins, under the
# same LIMITS, on counters of their own (the address with this prefix): nobody can flood an
# inbox from one address, and asking for a reset spends nothing of the sign-in allowance.
MAIL_REQUEST = "mail "


def note_mail_request(*, session: Session, email: str, address: str) -> None:
    """Counts one mail request from `address` for `email`, known or not; raises
    TooManyAttempts (and does not count it) while a limit is full."""
    email, key = normalise_email(email)[:254], (MAIL_REQUEST + address)[:64]
    attempt = LoginAttempt(email=email, address=key)
    session.add(attempt)
    session.commit()
    wait = retry_after(session=session, email=email, address=key, besides=attempt.id)
    if wait is not None:
        _forget(session, attempt)
        raise TooManyAttempts(wait)


def _forget(session: Session, attempt: LoginAttempt) -> None:
    session.execute(delete(LoginAttempt).where(LoginAttempt.id == attempt.id))
    session.commit()


def retry_after(*, session: Session, email: str, address: str, besides: int | None = None) -> int | None:
    """Seconds until every limit has room for another try, or None if they have now
    (`besides`: the attempt being checked, which does not count against itself)."""
    moment = now()
    waits = []
    for limit in LIMITS:
        where = [
            LoginAttempt.address == address,
            LoginAttempt.created_at >= moment - limit.window,
            LoginAttempt.id != besides,
        ]
        if limit.per == "account":
            where.append(LoginAttempt.email == email)
        # the failure whose ageing out leaves room for one more
        oldest_counted = session.exec(
            select(LoginAttempt.created_at)
            .where(*where)
            .order_by(LoginAttempt.created_at.desc())
            .offset(limit.failures - 1)
            .limit(1)
        ).first()
        if oldest_counted is not None:
            waits.append(_aware(oldest_counted) + limit.window - moment)
    return max(1, math.ceil(max(waits).total_seconds())) if waits else None


def start_session(*, session: Session, user: User) -> SignInSession:
    purge_expired(session=session)
    signin = SignInSession(
        id=secrets.token_urlsafe(32),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(24),
        expires_at=now() + timedelta(days=SESSION_DAYS),
    )
    session.add(signin)
    session.commit()
    return signin


def purge_expired(*, session: Session) -> None:
    """Delete sessions past their expiry and failures older than any limit counts: one
    DELETE each, on every sign-in, so neither table grows without end."""
    moment = now()
    session.execute(delete(SignInSession).where(SignInSession.expires_at < moment))
    session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < moment - ATTEMPTS_KEPT))


def well_formed(token: object) -> bool:
    """A token as Wave makes them. Anything else a client sends as one (a cookie may
    carry an escaped NUL, a form field any text) is not looked up: PostgreSQL refuses
    NUL in a query, `secrets.compare_digest` non-ASCII text."""
    return isinstance(token, str) and TOKEN.fullmatch(token) is not None


def same_token(sent: object, expected: object) -> bool:
    """`sent` is `expected` (a header, a form field or a cookie against a token, or
    another such), compared in constant time."""
    return well_formed(sent) and well_formed(expected) and secrets.compare_digest(sent, expected)  # type: ignore[arg-type]


def session_user(*, session: Session, token: str | None) -> tuple[User, SignInSession] | None:
    if not well_formed(token):
        return None
    signin = session.get(SignInSession, token)
    if signin is None or _aware(signin.expires_at) < now():
        return None
    user = session.get(User, signin.user_id)
    return (user, signin) if user else None


def end_session(*, session: Session, token: str | None) -> None:
    if well_formed(token):
        session.execute(delete(SignInSession).where(SignInSession.id == token))
        session.commit()


def end_all_sessions(*, session: Session, user: User) -> None:
    """Sign out everywhere: every browser and API client signed in as `user`."""
    session.execute(delete(SignInSession).where(SignInSession.user_id == user.id))
    session.commit()


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
