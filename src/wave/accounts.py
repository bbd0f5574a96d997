"""Accounts and sign-in sessions. Passwords hashed with argon2; sessions and failed
sign-ins live in the database, so several app processes share them."""

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from wave.models import LoginAttempt, SignInSession, User, now

SESSION_DAYS = 14
THROTTLE_WINDOW = timedelta(minutes=15)
THROTTLE_MAX_FAILURES = 5
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_hasher = PasswordHasher()


@dataclass
class AccountProblem(Exception):
    """Bad account input: which field, and why in both languages."""

    field: str
    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class TooManyAttempts(Exception):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password_strength(password: str) -> None:
    if len(password) < 10:
        raise AccountProblem("password", "Kies een wachtwoord van minstens 10 tekens.",
                             "Choose a password of at least 10 characters.")
    if len(password) > 200:
        raise AccountProblem("password", "Een wachtwoord is hooguit 200 tekens.",
                             "A password is at most 200 characters.")
    if password.isdigit() or password.isalpha() and password.lower() == password:
        raise AccountProblem("password",
                             "Te zwak: gebruik een mix van letters, cijfers of hoofdletters.",
                             "Too weak: use a mix of letters, digits or capitals.")


def find_user(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def create_user(*, session: Session, email: str, password: str, name: str) -> User:
    email = normalise_email(email)
    name = name.strip()
    if not EMAIL.match(email) or len(email) > 254:
        raise AccountProblem("email", "Vul een geldig e-mailadres in.",
                             "Enter a valid e-mail address.")
    if not name or len(name) > 100:
        raise AccountProblem("name", "Vul je naam in (hooguit 100 tekens).",
                             "Enter your name (at most 100 characters).")
    check_password_strength(password)
    if find_user(session=session, email=email) is not None:
        raise AccountProblem("email", "Er is al een account met dit e-mailadres.",
                             "There is already an account with this e-mail address.")
    user = User(email=email, name=name, password_hash=_hasher.hash(password))
    session.add(user)
    try:
        session.commit()
    except IntegrityError:  # the same address signed up at the same moment
        session.rollback()
        raise AccountProblem("email", "Er is al een account met dit e-mailadres.",
                             "There is already an account with this e-mail address.") from None
    session.refresh(user)
    return user


def authenticate(*, session: Session, email: str, password: str) -> User | None:
    """The user, or None; raises TooManyAttempts after repeated failures for the e-mail."""
    email = normalise_email(email)
    since = now() - THROTTLE_WINDOW
    failures = session.exec(
        select(func.count()).select_from(LoginAttempt)
        .where(LoginAttempt.email == email, LoginAttempt.created_at >= since)
    ).one()
    if failures >= THROTTLE_MAX_FAILURES:
        raise TooManyAttempts(email)
    user = find_user(session=session, email=email)
    try:
        if user is not None and _hasher.verify(user.password_hash, password):
            return user
    except (VerificationError, InvalidHashError):
        pass
    session.add(LoginAttempt(email=email))
    session.commit()
    return None


def start_session(*, session: Session, user: User) -> SignInSession:
    signin = SignInSession(id=secrets.token_urlsafe(32), user_id=user.id,
                           csrf_token=secrets.token_urlsafe(24),
                           expires_at=now() + timedelta(days=SESSION_DAYS))
    session.add(signin)
    session.commit()
    return signin


def session_user(*, session: Session, token: str | None) -> tuple[User, SignInSession] | None:
    if not token or len(token) > 64:
        return None
    signin = session.get(SignInSession, token)
    if signin is None or _aware(signin.expires_at) < now():
        return None
    user = session.get(User, signin.user_id)
    return (user, signin) if user else None


def end_session(*, session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(SignInSession).where(SignInSession.id == token))
        session.commit()


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
