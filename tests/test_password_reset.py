"""Password reset (SPEC §6): a one-time link, mailed through a real SMTP server on
loopback (`mailserver.py`), valid for an hour and once; without a mail server the page
sends the person to their administrator, who prints a link with `wave users reset-link`."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from mailserver import link_in, mail_server  # noqa: F401 (a fixture)
from sqlalchemy import delete, update
from sqlmodel import Session, select
from typer.testing import CliRunner
from webfixtures import PASSWORD, sign_up_and_in, unique_email

from wave.accounts import MAIL_REQUEST
from wave.cli import app as cli
from wave.db import get_engine
from wave.models import LoginAttempt, PasswordReset, now

NEW_PASSWORD = "Eb-en-vloed-op-de-wadden"
EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def forget_requests():
    """Reset requests (and the wrong passwords tried here) count against the limits of the
    test client's one address: forget them afterwards, so later tests have their room."""
    yield
    with Session(get_engine()) as session:
        session.execute(
            delete(LoginAttempt).where(LoginAttempt.address.in_(["testclient", MAIL_REQUEST + "testclient"]))
        )
        session.commit()


@pytest.fixture
def person(app):
    """Someone with an account, signed in on a client of their own (their other session)."""
    with TestClient(app) as c:
        yield sign_up_and_in(c, name="Marjolein de Vries")


def token_of(link: str) -> str:
    return urlsplit(link).path.rsplit("/", 1)[-1]


def login(anon_client, email: str, password: str) -> int:
    return anon_client.post("/api/auth/login", json={"email": email, "password": password}).status_code


def form_token(client, path: str) -> str:
    page = html(client.get(path))
    return page.one("input", name="form_token").attrs["value"]


def test_forgot_mails_a_link_that_works_once(mail_server, anon_client, person):  # noqa: F811
    r = anon_client.post("/api/auth/forgot", json={"email": person.email.upper()})
    assert r.status_code == 202, r.text
    mail = mail_server.wait_for(person.email)
    assert mail["From"] == "Wave op school <wave@school.example>"
    assert "wachtwoord" in mail["Subject"].lower()
    assert "Marjolein de Vries" in mail.get_content()
    link = link_in(mail)
    assert urlsplit(link).path.startswith("/reset/")
    token = token_of(link)
    with Session(get_engine()) as session:  # only a hash of the token is kept
        assert session.exec(select(PasswordReset).where(PasswordReset.token_hash == token)).first() is None

    page = html(anon_client.get(urlsplit(link).path))
    assert page.one("form", id="reset-form")

    r = anon_client.post("/api/auth/reset", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 204, r.text
    assert login(anon_client, person.email, PASSWORD) == 401  # the old password is refused
    assert person.get("/api/designs").status_code == 401  # the other session has ended
    assert login(anon_client, person.email, NEW_PASSWORD) == 200

    again = anon_client.post("/api/auth/reset", json={"token": token, "password": "Nog-een-ander-wachtwoord"})
    assert again.status_code == 422
    assert again.json()["detail"][0]["loc"] == "token"
    assert "al gebruikt" in again.json()["detail"][0]["msg"]
    assert login(anon_client, person.email, NEW_PASSWORD) == 200  # nothing changed
    r = anon_client.get(urlsplit(link).path)
    assert r.status_code == 410
    assert html(r).one(id="reset-refused").attrs["data-reason"] == "used"


def test_a_link_older_than_an_hour_is_refused(mail_server, anon_client, person):  # noqa: F811
    assert anon_client.post("/api/auth/forgot", json={"email": person.email}).status_code == 202
    token = token_of(link_in(mail_server.wait_for(person.email)))
    with Session(get_engine()) as session:
        session.execute(
            update(PasswordReset)
            .where(PasswordReset.user_id == person.user_id)
            .values(expires_at=now() - timedelta(seconds=1), created_at=now() - timedelta(hours=1, seconds=1))
        )
        session.commit()
    r = anon_client.post("/api/auth/reset", json={"token": token, "password": NEW_PASSWORD}, headers=EN)
    assert r.status_code == 422
    assert r.json()["detail"] == [
        {"loc": "token", "msg": "This link to set a new password has expired: a link works for an hour."}
    ]
    r = anon_client.get(f"/reset/{token}")
    assert r.status_code == 410
    assert html(r).one(id="reset-refused").attrs["data-reason"] == "expired"
    assert login(anon_client, person.email, PASSWORD) == 200  # the password stayed


def test_an_unknown_address_gets_the_same_answer_and_no_mail(mail_server, anon_client, person):  # noqa: F811
    nobody = unique_email("niemand")
    unknown = anon_client.post("/api/auth/forgot", json={"email": nobody})
    known = anon_client.post("/api/auth/forgot", json={"email": person.email})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    mail_server.wait_for(person.email)  # mails go out in order: the unknown one's turn has passed
    assert mail_server.to(nobody) == []


def test_the_pages_from_sign_in_to_a_new_password(mail_server, anon_client, person):  # noqa: F811
    signin = html(anon_client.get("/signin"))
    assert signin.one("a", href="/forgot").text() == "Wachtwoord vergeten?"

    # the form carries its own token, as sign-in does
    r = anon_client.post("/forgot", data={"email": person.email, "form_token": "vervalst"})
    assert r.status_code == 403
    r = anon_client.post(
        "/forgot", data={"email": "geen-adres", "form_token": form_token(anon_client, "/forgot")}
    )
    assert r.status_code == 422
    page = html(r)
    assert page.one("input", name="email").attrs["value"] == "geen-adres"  # kept
    assert page.one(id="email-error").text() == "Vul een geldig e-mailadres in."

    r = anon_client.post(
        "/forgot", data={"email": person.email, "form_token": form_token(anon_client, "/forgot")}
    )
    assert r.status_code == 200
    assert "Kijk in je mail" in html(r).one("h1").text()
    path = urlsplit(link_in(mail_server.wait_for(person.email))).path

    token = form_token(anon_client, path)
    r = anon_client.post(path, data={"password": "aaaaaaaaaa", "form_token": token})
    assert r.status_code == 422  # the same strength rules as sign-up
    assert html(r).one(id="password-error").text().startswith("Te zwak")
    r = anon_client.post(path, data={"password": NEW_PASSWORD, "form_token": "vervalst"})
    assert r.status_code == 403
    assert login(anon_client, person.email, PASSWORD) == 200  # nothing changed yet

    r = anon_client.post(path, data={"password": NEW_PASSWORD, "form_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin?done=reset"
    done = html(anon_client.get("/signin?done=reset"))
    assert "Je wachtwoord is gewijzigd" in done.one(id="reset-done").text()
    assert login(anon_client, person.email, NEW_PASSWORD) == 200


def test_without_a_mail_server_the_page_sends_you_to_the_administrator(anon_client, person):
    r = anon_client.post(
        "/forgot", data={"email": person.email, "form_token": form_token(anon_client, "/forgot")}
    )
    assert r.status_code == 200
    page = html(r)
    assert page.one("h1").text() == "Vraag het je beheerder"
    assert person.email in page.one(id="forgot-sent").text()
    r = anon_client.post("/api/auth/forgot", json={"email": person.email}, headers=EN)
    assert r.status_code == 202
    assert "administrator" in r.json()["detail"]


def test_the_reset_link_command_prints_a_working_link(anon_client, person):
    result = CliRunner().invoke(cli, ["users", "reset-link", person.email])
    assert result.exit_code == 0, result.output
    link = result.stdout.strip().splitlines()[-1]
    assert link.startswith("http://127.0.0.1:8000/reset/")
    r = anon_client.post("/api/auth/reset", json={"token": token_of(link), "password": NEW_PASSWORD})
    assert r.status_code == 204, r.text
    assert login(anon_client, person.email, NEW_PASSWORD) == 200

    nobody = CliRunner().invoke(cli, ["users", "reset-link", unique_email("niemand")])
    assert nobody.exit_code == 2
    assert "no account" in nobody.stderr


def test_asking_is_throttled_per_address_apart_from_signing_in(mail_server, anon_client, person):  # noqa: F811
    for _ in range(5):
        assert anon_client.post("/api/auth/forgot", json={"email": person.email}).status_code == 202
    r = anon_client.post("/api/auth/forgot", json={"email": person.email})
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) > 0
    assert "Te veel" in r.json()["detail"]
    r = anon_client.post(
        "/forgot", data={"email": person.email, "form_token": form_token(anon_client, "/forgot")}
    )
    assert r.status_code == 429
    assert "Te veel" in html(r).one(id="account-error").text()
    mail_server.wait_for(person.email, 5)
    assert len(mail_server.to(person.email)) == 5  # no sixth mail
    assert login(anon_client, person.email, PASSWORD) == 200  # signing in is not held up


@pytest.mark.parametrize(
    ("path", "body", "loc"),
    [
        ("/api/auth/forgot", {"email": "geen-adres"}, "email"),
        ("/api/auth/forgot", {}, "email"),
        ("/api/auth/reset", {"password": NEW_PASSWORD}, "token"),
        ("/api/auth/reset", {"token": "x" * 43, "password": NEW_PASSWORD}, "token"),
        ("/api/auth/reset", {"token": "ab/../cd", "password": NEW_PASSWORD}, "token"),
    ],
)
def test_bad_input_is_named(anon_client, path, body, loc):
    r = anon_client.post(path, json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == loc
    assert r.json()["detail"][0]["msg"]


def test_a_weak_new_password_is_refused_and_the_link_still_works(anon_client, person):
    link = CliRunner().invoke(cli, ["users", "reset-link", person.email]).stdout.strip().splitlines()[-1]
    r = anon_client.post("/api/auth/reset", json={"token": token_of(link), "password": "wachtwoord1"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == "password"
    assert login(anon_client, person.email, PASSWORD) == 200
    r = anon_client.post("/api/auth/reset", json={"token": token_of(link), "password": NEW_PASSWORD})
    assert r.status_code == 204
