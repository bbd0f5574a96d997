"""The account page (SPEC §6, finding 46): a person changes their name, and their password
with the current one; the other sessions end on a password change; errors say what is
wrong in place and keep the name that was typed."""

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from sqlalchemy import delete
from sqlmodel import Session
from webfixtures import PASSWORD, sign_up_and_in

from wave.db import get_engine
from wave.models import LoginAttempt

NEW_PASSWORD = "Zeven-zeeen-en-een-kano"
EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def forget_failed_sign_ins():
    """A wrong current password counts as a failed sign-in of the test client's address."""
    yield
    with Session(get_engine()) as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.address == "testclient"))
        session.commit()


def change_password(client, current: str, new: str, headers: dict | None = None):
    return client.post(
        "/account/password",
        data={"current_password": current, "password": new},
        headers=headers or {},
        follow_redirects=False,
    )


def saved_name(client) -> str:
    return html(client.get("/account")).one("input", name="name").attrs["value"]


def test_changing_ones_name(client):
    r = client.post("/account/name", data={"name": "  Marjolein de Vries "}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/account?saved=name#profile"
    page = html(client.get(r.headers["location"]))
    assert page.one(id="name-saved").text() == "Je naam is gewijzigd."
    assert page.one("input", name="name").attrs["value"] == "Marjolein de Vries"
    assert page.one(class_="user-name-text").text() == "Marjolein de Vries"  # in the top bar too
    assert client.get("/api/designs").status_code == 200  # still signed in


@pytest.mark.parametrize(
    ("typed", "lang", "message"),
    [
        ("   ", "nl", "Vul je naam in (hooguit 100 tekens)."),
        ("x" * 101, "en", "Enter your name (at most 100 characters)."),
    ],
)
def test_a_bad_name_is_refused_in_place_and_kept(client, typed, lang, message):
    r = client.post("/account/name", data={"name": typed}, headers=EN if lang == "en" else {})
    assert r.status_code == 422
    page = html(r)
    field = page.one("input", name="name")
    assert field.attrs["value"] == typed and field.attrs["aria-invalid"] == "true"
    assert page.one(id="name-error").text() == message
    assert saved_name(client) == "Docent"  # nothing changed


def test_changing_ones_password_ends_the_other_sessions(app, client, anon_client):
    with TestClient(app) as elsewhere:
        r = elsewhere.post("/api/auth/login", json={"email": client.email, "password": PASSWORD})
        assert r.status_code == 200
        r = change_password(client, PASSWORD, NEW_PASSWORD)
        assert r.status_code == 303 and r.headers["location"] == "/account?saved=password#password"
        assert elsewhere.get("/api/designs").status_code == 401  # signed out there
    page = html(client.get(r.headers["location"]))  # and signed in here still
    assert "Op je andere apparaten ben je uitgelogd" in page.one(id="password-saved").text()
    login = {"email": client.email}
    assert anon_client.post("/api/auth/login", json={**login, "password": PASSWORD}).status_code == 401
    assert anon_client.post("/api/auth/login", json={**login, "password": NEW_PASSWORD}).status_code == 200


def test_a_wrong_current_password_changes_nothing(app, client, anon_client):
    r = change_password(client, "niet-mijn-wachtwoord", NEW_PASSWORD)
    assert r.status_code == 422
    page = html(r)
    assert page.one(id="current-password-error").text() == "Dit is niet je huidige wachtwoord."
    assert page.one("input", name="current_password").attrs["aria-invalid"] == "true"
    # the form is shown again with the rest of the page
    assert page.one("form", id="password-form") and page.one("form", id="team-invite")
    r = change_password(client, "niet-mijn-wachtwoord", NEW_PASSWORD, headers=EN)
    assert html(r).one(id="current-password-error").text() == "This is not your current password."
    assert (
        anon_client.post("/api/auth/login", json={"email": client.email, "password": PASSWORD}).status_code
        == 200
    )


def test_a_weak_new_password_is_refused(client, anon_client):
    r = change_password(client, PASSWORD, "aaaaaaaaaa")
    assert r.status_code == 422
    page = html(r)
    assert page.one(id="new-password-error").text().startswith("Te zwak")
    assert page.one("input", name="password").attrs["aria-invalid"] == "true"
    r = change_password(client, PASSWORD, "kort")
    assert html(r).one(id="new-password-error").text() == "Kies een wachtwoord van minstens 10 tekens."
    assert (
        anon_client.post("/api/auth/login", json={"email": client.email, "password": PASSWORD}).status_code
        == 200
    )


def test_guessing_the_current_password_is_throttled(client):
    for _ in range(5):
        assert change_password(client, "geraden-wachtwoord", NEW_PASSWORD).status_code == 422
    r = change_password(client, PASSWORD, NEW_PASSWORD)  # even the right one, for now
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "Te veel mislukte pogingen" in html(r).one(id="current-password-error").text()


def test_the_forms_need_the_session_token(app):
    with TestClient(app) as c:
        person = sign_up_and_in(c)
        del person.headers["X-CSRF-Token"]
        assert person.post("/account/name", data={"name": "Ingebroken"}).status_code == 403
        r = person.post("/account/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD})
        assert r.status_code == 403
        assert saved_name(person) == "Docent"
