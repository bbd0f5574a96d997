"""Accounts no one client can abuse: sign-in limits per client address and per address
and account (never per account alone), sign-in time that does not tell whether an
account exists, password strength by zxcvbn, expired sessions purged, and signing
out everywhere. Each test signs in from addresses of its own (TestClient's `client`)."""

import itertools
import math
import re
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import timedelta

import pytest
from argon2 import extract_parameters
from fastapi.testclient import TestClient
from htmltree import html
from sqlalchemy import func
from sqlmodel import Session, select
from webfixtures import PASSWORD, sign_up_and_in, unique_email

from wave import accounts
from wave.accounts import LIMITS, AccountProblem, check_password_strength
from wave.db import get_engine
from wave.models import LoginAttempt, SignInSession, User, now

EN = {"Accept-Language": "en"}
WRONG = "Verkeerd-123"
_addresses = itertools.count(1)


def with_form_token(http, page: str, data: dict) -> dict:
    """The form's fields plus the token the sign-in and sign-up pages hand out (and set
    as a cookie on `http`), as a browser posts them."""
    token = re.search(r'name="form_token" value="([^"]+)"', http.get(page).text).group(1)
    return {**data, "form_token": token}


def limit(per: str, window: timedelta) -> int:
    return next(rule.failures for rule in LIMITS if rule.per == per and rule.window == window)


PER_ACCOUNT = limit("account", timedelta(minutes=15))
PER_ADDRESS = limit("address", timedelta(minutes=15))


def new_address() -> str:
    n = next(_addresses)
    return f"10.7.{n // 250}.{n % 250 + 1}"


@pytest.fixture
def from_address(app):
    """`from_address()`: a TestClient that connects from an address no other test uses
    (its `address`)."""
    with ExitStack() as stack:

        def make() -> TestClient:
            address = new_address()
            c = stack.enter_context(TestClient(app, client=(address, 50000)))
            c.address = address
            return c

        yield make


def login(http: TestClient, email: str, password: str, **kwargs):
    return http.post("/api/auth/login", json={"email": email, "password": password}, **kwargs)


def db() -> Session:
    return Session(get_engine())


def failures_in_the_past(*, address: str, email: str, ago: list[timedelta]) -> None:
    with db() as session:
        for age in ago:
            session.add(LoginAttempt(address=address, email=email, created_at=now() - age))
        session.commit()


# --- limits ---------------------------------------------------------------------------


def test_one_address_guessing_one_account_is_stopped_and_the_owner_is_not(client, from_address):
    guesser, owner_elsewhere = from_address(), from_address()
    for _ in range(PER_ACCOUNT):
        assert login(guesser, client.email, WRONG).status_code == 401
    # now even the right password is refused from that address, without checking it
    r = login(guesser, client.email, PASSWORD)
    assert r.status_code == 429
    assert 0 < int(r.headers["Retry-After"]) <= 15 * 60
    assert "Te veel mislukte pogingen" in r.json()["detail"]
    assert "wave_session" not in r.headers.get("set-cookie", "")
    r = login(guesser, client.email.upper(), PASSWORD, headers=EN)
    assert r.status_code == 429 and "Too many failed attempts" in r.json()["detail"]
    # the sign-in page says the same, with the same header
    r = guesser.post(
        "/signin",
        data=with_form_token(guesser, "/signin", {"email": client.email, "password": PASSWORD}),
        follow_redirects=False,
    )
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "Te veel mislukte pogingen" in html(r).find(id="account-error").text()

    # the owner, from another address, signs in with the right password
    r = login(owner_elsewhere, client.email, PASSWORD)
    assert r.status_code == 200 and owner_elsewhere.cookies["wave_session"]
    # and the guessing address may still try other accounts (its overall limit has room)
    assert login(guesser, unique_email("ander"), WRONG).status_code == 401


def test_one_address_guessing_many_accounts_is_stopped(app, from_address):
    sprayer, colleague = from_address(), from_address()
    owner = sign_up_and_in(from_address(), name="Eigenaar")
    for _ in range(PER_ADDRESS):  # one guess each at many addresses: no account limit is hit
        assert login(sprayer, unique_email("geraden"), "Zomer-2026!").status_code == 401
    r = login(sprayer, owner.email, PASSWORD)
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    r = sprayer.post(
        "/signin",
        data=with_form_token(sprayer, "/signin", {"email": owner.email, "password": PASSWORD}),
        headers=EN,
        follow_redirects=False,
    )
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "Too many failed attempts" in html(r).find(id="account-error").text()
    # from another address the same account signs in
    assert login(colleague, owner.email, PASSWORD).status_code == 200


def test_guesses_sent_at_once_get_no_more_tries_than_guesses_in_a_row(client, from_address):
    address = new_address()
    with ExitStack() as stack:
        guessers = [
            stack.enter_context(TestClient(client.app, client=(address, 50000 + i)))
            for i in range(3 * PER_ACCOUNT)
        ]
        start = threading.Barrier(len(guessers))

        def guess(http: TestClient) -> int:
            start.wait()
            return login(http, client.email, WRONG).status_code

        with ThreadPoolExecutor(len(guessers)) as pool:
            statuses = list(pool.map(guess, guessers))
    # a set, not a list: all refused (each saw the others' pending attempts) is fine too
    assert set(statuses) <= {401, 429} and statuses.count(401) <= PER_ACCOUNT, statuses
    with db() as session:  # and only the ones that were let through count
        counted = session.exec(
            select(func.count()).select_from(LoginAttempt).where(LoginAttempt.address == address)
        ).one()
    assert counted == statuses.count(401)


def test_retry_after_is_when_the_oldest_counted_failure_ages_out(client, from_address):
    guesser = from_address()
    failures_in_the_past(
        address=guesser.address, email=client.email, ago=[timedelta(minutes=10)] * PER_ACCOUNT
    )
    r = login(guesser, client.email, PASSWORD)
    assert r.status_code == 429
    assert 5 * 60 - 30 <= int(r.headers["Retry-After"]) <= 5 * 60
    assert "5 minuten" in r.json()["detail"]


def test_failures_past_the_window_no_longer_count(client, from_address):
    guesser = from_address()
    failures_in_the_past(
        address=guesser.address, email=client.email, ago=[timedelta(minutes=16)] * PER_ACCOUNT
    )
    assert login(guesser, client.email, PASSWORD).status_code == 200


def test_a_patient_guesser_meets_the_day_long_step(client, from_address):
    guesser = from_address()
    daily = limit("account", timedelta(hours=24))
    # spread over the day, never five within a quarter of an hour
    failures_in_the_past(
        address=guesser.address, email=client.email, ago=[timedelta(hours=1 + i) for i in range(daily)]
    )
    r = login(guesser, client.email, PASSWORD, headers=EN)
    assert r.status_code == 429
    wait = int(r.headers["Retry-After"])
    assert 3 * 3600 < wait <= 4 * 3600  # the oldest (20 h ago) ages out in 4 hours
    assert f"{math.ceil(wait / 3600)} hours" in r.json()["detail"]


def test_the_client_address_is_what_is_counted(app, client):
    with TestClient(app, client=("10.9.9.9", 1)) as elsewhere:
        assert login(elsewhere, client.email, WRONG).status_code == 401
    with db() as session:
        stored = session.exec(select(LoginAttempt).where(LoginAttempt.email == client.email)).all()
    assert [a.address for a in stored] == ["10.9.9.9"]


# --- time: one argon2 verify whether or not the account exists ----------------------------


class CountingHasher:
    """The app's hasher, counting `verify` calls and the parameters of each hash."""

    def __init__(self, real):
        self.real, self.verified = real, []

    def verify(self, hash_, password):
        self.verified.append(extract_parameters(hash_))
        return self.real.verify(hash_, password)

    def __getattr__(self, name):
        return getattr(self.real, name)


@pytest.fixture
def hasher(monkeypatch):
    counting = CountingHasher(accounts._hasher)
    monkeypatch.setattr(accounts, "_hasher", counting)
    return counting


def test_an_unknown_account_costs_one_argon2_verify_like_a_real_one(client, from_address, hasher):
    http = from_address()
    with db() as session:
        real_hash = session.exec(select(User.password_hash).where(User.email == client.email)).one()
    assert login(http, unique_email("onbekend"), PASSWORD).status_code == 401
    assert hasher.verified == [extract_parameters(real_hash)]  # one, with the same parameters
    assert login(http, client.email, WRONG).status_code == 401
    assert len(hasher.verified) == 2
    assert login(http, client.email, PASSWORD).status_code == 200
    assert len(hasher.verified) == 3


def test_a_refused_sign_in_does_not_look_at_the_password(client, from_address, hasher):
    guesser = from_address()
    failures_in_the_past(
        address=guesser.address, email=client.email, ago=[timedelta(minutes=1)] * PER_ACCOUNT
    )
    assert login(guesser, client.email, PASSWORD).status_code == 429
    assert hasher.verified == []


# --- password strength ---------------------------------------------------------------

WEAK = [
    # (password, what zxcvbn says in English)
    ("password12", "This is a very common password."),
    (" " * 10, 'Repeats like "aaa" are easy to guess.'),
    ("1234567890", "This is a top-100 common password."),
]


@pytest.mark.parametrize(("password", "advice"), WEAK, ids=["password12", "ten spaces", "digits"])
def test_weak_passwords_are_refused_with_advice(anon_client, password, advice):
    body = {"email": unique_email("zwak"), "password": password, "name": "Zwak"}
    r = anon_client.post("/api/auth/signup", json=body)
    assert r.status_code == 422
    [problem] = r.json()["detail"]
    assert problem["loc"] == "password"
    assert problem["msg"].startswith("Te zwak: dit wachtwoord is makkelijk te raden.")
    r = anon_client.post("/api/auth/signup", json=body, headers=EN)
    assert r.json()["detail"][0]["msg"].startswith(f"Too weak. {advice}")
    r = anon_client.post(
        "/signup", data=with_form_token(anon_client, "/signup", body), headers=EN, follow_redirects=False
    )
    assert r.status_code == 422
    assert advice in html(r).find(id="password-error").text()
    with db() as session:
        assert session.exec(select(User).where(User.email == body["email"])).first() is None


def test_the_suites_password_is_strong_enough():
    check_password_strength(PASSWORD, known=("docent@school.example", "Docent"))


def test_a_password_made_of_your_own_name_is_weak():
    check_password_strength("Marjolein-2026")  # strong for a stranger
    with pytest.raises(AccountProblem) as refused:
        check_password_strength("Marjolein-2026", known=("m.devries@school.example", "Marjolein de Vries"))
    assert refused.value.field == "password"


def test_length_limits_stay_and_zxcvbn_weighs_a_bounded_prefix(monkeypatch):
    for password, words in (("Kort-1", "minstens 10"), ("Lang-" + "x" * 196, "hooguit 200")):
        with pytest.raises(AccountProblem) as refused:
            check_password_strength(password)
        assert words in refused.value("nl")
    weighed = []
    real = accounts.zxcvbn
    monkeypatch.setattr(
        accounts, "zxcvbn", lambda password, **kw: weighed.append(password) or real(password, **kw)
    )
    long_one = "Golfslag-2026 " + "en de zee, " * 17  # 200 characters
    check_password_strength(long_one[:200])
    assert len(weighed) == 1 and len(weighed[0]) == accounts.PASSWORD_SCORED


# --- sessions ------------------------------------------------------------------------


def test_signing_in_purges_expired_sessions_and_old_failures(client, from_address):
    with db() as session:
        user = session.exec(select(User).where(User.email == client.email)).one()
        session.add(
            SignInSession(
                id=secrets.token_urlsafe(32),
                user_id=user.id,
                csrf_token="x",
                expires_at=now() - timedelta(minutes=1),
            )
        )
        session.commit()
    failures_in_the_past(address="10.8.0.1", email=client.email, ago=[timedelta(hours=25)])

    def expired() -> int:
        with db() as session:
            return session.exec(
                select(func.count()).select_from(SignInSession).where(SignInSession.expires_at < now())
            ).one()

    def stale_failures() -> int:
        with db() as session:
            return session.exec(
                select(func.count())
                .select_from(LoginAttempt)
                .where(LoginAttempt.created_at < now() - timedelta(hours=24))
            ).one()

    assert expired() >= 1 and stale_failures() >= 1
    assert login(from_address(), client.email, PASSWORD).status_code == 200
    assert expired() == 0 and stale_failures() == 0
    assert client.get("/api/designs").status_code == 200  # a live session stays


def test_sign_out_everywhere_ends_every_session_of_the_account(app, from_address, other_client):
    here = sign_up_and_in(from_address(), name="Overal")
    there = from_address()
    assert login(there, here.email, PASSWORD).status_code == 200
    assert there.get("/api/designs").status_code == 200

    page = html(here.get("/account"))
    assert page.find(id="account-email").text() == here.email
    assert page.find("a", href="/account", class_="user-name") is not None
    form = page.find("form", id="signout-everywhere")
    assert form.attrs["method"] == "post" and form.attrs["action"] == "/account/signout-everywhere"
    token = form.find("input", name="csrf_token").attrs["value"]
    assert (
        "Sign out everywhere"
        in html(here.get("/account", headers=EN)).find("form", id="signout-everywhere").text()
    )

    # a form post: without the token it is refused and nothing ends
    del here.headers["X-CSRF-Token"]
    r = here.post("/account/signout-everywhere", follow_redirects=False)
    assert r.status_code == 403
    assert there.get("/api/designs").status_code == 200

    r = here.post("/account/signout-everywhere", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin"
    assert here.get("/api/designs").status_code == 401
    assert there.get("/api/designs").status_code == 401
    with db() as session:
        user_id = session.exec(select(User.id).where(User.email == here.email)).one()
        assert (
            session.exec(
                select(func.count()).select_from(SignInSession).where(SignInSession.user_id == user_id)
            ).one()
            == 0
        )
    # someone else stays signed in
    assert other_client.get("/api/designs").status_code == 200
