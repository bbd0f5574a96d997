"""Accounts and sessions, CSRF, throttling and bad input; coach review, versions and a
teacher's own material, through the API and the pages (TestClient, no browser)."""

import json
import re

import pytest
from fastapi.testclient import TestClient
from htmltree import Node, html
from sqlalchemy import func
from sqlmodel import Session, select
from webfixtures import PASSWORD, sign_up_and_in, unique_email

from wave.db import get_engine
from wave.models import Comment, CustomActivity, CustomTemplate, Share, SignInSession, User
from wave.review import MAX_COMMENT
from wave.settings import DEFAULT_SECRET, Settings

DOC = {
    "format": "wave.design/v1",
    "title": "Accounts-test",
    "template": "linear",
    "goals": [{"id": "g1", "text": "De student legt het 4P-model uit"}],
    "phases": [
        {
            "id": "p1",
            "title": "Week 1",
            "kind": "sequence",
            "activities": [
                {
                    "id": "a1",
                    "activity": "kennisclip",
                    "mode": "online",
                    "timing": "async",
                    "minutes": 20,
                    "goals": ["g1"],
                },
                {"id": "a2", "activity": "werkcollege", "mode": "offline", "timing": "sync", "goals": ["g1"]},
            ],
        },
        {"id": "p2", "title": "Week 2", "kind": "sequence", "activities": []},
    ],
    "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
}
EN = {"Accept-Language": "en"}


# --- helpers --------------------------------------------------------------------------


def with_form_token(http, page: str, data: dict) -> dict:
    """The form's fields plus the token the sign-in and sign-up pages hand out (and set
    as a cookie on `http`), as a browser posts them."""
    token = re.search(r'name="form_token" value="([^"]+)"', http.get(page).text).group(1)
    return {**data, "form_token": token}


def db() -> Session:
    return Session(get_engine())


def count(model, *where) -> int:
    with db() as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def new_design(http, **extra) -> int:
    r = http.post("/api/designs", json={**DOC, **extra})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def share(owner, design_id: int, person, role: str) -> None:
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": person.email, "role": role})
    assert r.status_code == 201, r.text


def current(http, design_id: int) -> dict:
    r = http.get(f"/api/designs/{design_id}")
    assert r.status_code == 200, r.text
    return r.json()


def person(app, name: str):
    """A third signed-in person (the `client` and `other_client` fixtures are two)."""
    return sign_up_and_in(TestClient(app), name=name)


def page_csrf(page: Node) -> str:
    """The token a page puts in its forms (the sign-out form is on every page)."""
    form = page.find("form", action="/signout")
    assert form is not None, "no sign-out form on the page"
    return form.find("input", name="csrf_token").attrs["value"]


def cookie_header(response, name: str = "wave_session") -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith(name + "="):
            return header
    raise AssertionError(f"no {name} cookie set: {response.headers.get_list('set-cookie')}")


# --- sign up, sign in, sign out ---------------------------------------------------------------


def test_api_signup_login_logout(app, anon_client):
    email = unique_email("api")
    r = anon_client.post(
        "/api/auth/signup", json={"email": email.upper(), "password": PASSWORD, "name": "  Anne  "}
    )
    assert r.status_code == 201
    assert r.json() == {"id": r.json()["id"], "email": email, "name": "Anne"}
    assert anon_client.get("/api/designs").status_code == 401  # signing up via the API: no session

    r = anon_client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200 and r.json()["csrf_token"]
    header = cookie_header(r).lower()
    assert "httponly" in header and "samesite=lax" in header and "path=/" in header
    token = anon_client.cookies["wave_session"]
    assert anon_client.get("/api/designs").status_code == 200

    r = anon_client.post("/api/auth/logout")
    assert r.status_code == 200
    assert anon_client.get("/api/designs").status_code == 401
    assert count(SignInSession, SignInSession.id == token) == 0
    # the old cookie, sent again, no longer works: the session ended on the server
    with TestClient(app) as replay:
        r = replay.get("/api/designs", headers={"Cookie": f"wave_session={token}"})
        assert r.status_code == 401
        r = replay.get("/", headers={"Cookie": f"wave_session={token}"}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/signin")


@pytest.mark.parametrize(
    ("lang", "words"), [("nl", "e-mailadres en wachtwoord"), ("en", "e-mail address and password")]
)
def test_wrong_password_is_401_and_does_not_say_which_part(anon_client, client, lang, words):
    headers = EN if lang == "en" else {}
    wrong = anon_client.post(
        "/api/auth/login", headers=headers, json={"email": client.email, "password": "Verkeerd-123"}
    )
    unknown = anon_client.post(
        "/api/auth/login", headers=headers, json={"email": unique_email(), "password": PASSWORD}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()  # no telling whether the account exists
    assert words in wrong.json()["detail"]
    assert "wave_session" not in wrong.headers.get("set-cookie", "")


def test_password_is_stored_hashed_with_argon2(client):
    with db() as session:
        user = session.exec(select(User).where(User.email == client.email)).one()
    assert user.password_hash.startswith("$argon2")
    assert PASSWORD not in user.password_hash


def test_pages_sign_up_sign_in_and_out(anon_client):
    assert html(anon_client.get("/signup")).find("form", id="account-form") is not None
    email = unique_email("page")
    r = anon_client.post(
        "/signup",
        data=with_form_token(anon_client, "/signup", {"email": email, "name": "Bart", "password": PASSWORD}),
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/"
    header = cookie_header(r).lower()
    assert "httponly" in header and "samesite=lax" in header
    home = anon_client.get("/")
    assert home.status_code == 200
    token = page_csrf(html(home))

    # signing out is a form post: without the token it is refused and nothing changes
    r = anon_client.post("/signout", follow_redirects=False)
    assert r.status_code == 403
    assert anon_client.get("/", follow_redirects=False).status_code == 200
    r = anon_client.post("/signout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin"
    r = anon_client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=/"

    # signing in goes back to where you were going, but never to another site
    r = anon_client.post(
        "/signin",
        data=with_form_token(
            anon_client, "/signin", {"email": email, "password": PASSWORD, "next": "/rules"}
        ),
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/rules"
    assert "httponly" in cookie_header(r).lower()
    r = anon_client.post(
        "/signin",
        follow_redirects=False,
        data=with_form_token(
            anon_client, "/signin", {"email": email, "password": PASSWORD, "next": "//evil.example/"}
        ),
    )
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_signin_page_with_wrong_password(anon_client, client):
    r = anon_client.post(
        "/signin",
        data=with_form_token(anon_client, "/signin", {"email": client.email, "password": "Verkeerd-123"}),
        follow_redirects=False,
    )
    assert r.status_code == 401
    page = html(r)
    assert "wachtwoord" in page.find(id="account-error").text()
    assert page.find("input", name="email").attrs["value"] == client.email
    assert "wave_session" not in r.headers.get("set-cookie", "")


# --- bad account input ----------------------------------------------------------------------

WEAK = "wachtwoord"  # long enough, but a common word: zxcvbn guesses it at once

BAD_SIGNUPS = [
    # (case, body, field, words in Dutch, words in English)
    (
        "duplicate e-mail",
        {"email": "DUPLICATE", "name": "Dubbel"},
        "email",
        "al een account",
        "already an account",
    ),
    ("short password", {"password": "Kort-1"}, "password", "minstens 10 tekens", "at least 10 characters"),
    ("weak password", {"password": WEAK}, "password", "zwak", "weak"),
    ("digits only", {"password": "1234567890"}, "password", "zwak", "weak"),
    ("invalid e-mail", {"email": "geen-e-mailadres"}, "email", "geldig e-mailadres", "valid e-mail address"),
    ("empty name", {"name": "   "}, "name", "naam", "name"),
]


@pytest.fixture(scope="module")
def visitor(app):
    """Someone without a session (shared by the bad-input cases: they change nothing)."""
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def existing(app, visitor) -> str:
    """The e-mail address of an account that exists."""
    email = unique_email("bestaand")
    r = visitor.post("/api/auth/signup", json={"email": email, "password": PASSWORD, "name": "Bestaand"})
    assert r.status_code == 201
    return email


@pytest.fixture(scope="module")
def teacher(app):
    """A signed-in teacher shared by cases that each make their own design and store nothing."""
    with TestClient(app) as c:
        yield sign_up_and_in(c, name="Docent")


def _signup_body(existing: str, changes: dict) -> dict:
    body = {"email": unique_email("bad"), "password": PASSWORD, "name": "Nieuw", **changes}
    if body["email"] == "DUPLICATE":
        body["email"] = existing.upper()
    return body


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("case", "changes", "field", "nl", "en"), BAD_SIGNUPS, ids=[c[0] for c in BAD_SIGNUPS]
)
def test_bad_signup_names_the_field_and_changes_nothing(
    visitor, existing, case, changes, field, nl, en, lang
):
    body = _signup_body(existing, changes)
    users = count(User)
    r = visitor.post("/api/auth/signup", json=body, headers=EN if lang == "en" else {})
    assert r.status_code == 422
    [problem] = r.json()["detail"]
    assert problem["loc"] == field
    assert (en if lang == "en" else nl) in problem["msg"]
    assert count(User) == users
    with db() as session:  # the existing account is untouched
        assert session.exec(select(User.name).where(User.email == existing)).one() == "Bestaand"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("case", "changes", "field", "nl", "en"), BAD_SIGNUPS, ids=[c[0] for c in BAD_SIGNUPS]
)
def test_bad_signup_form_marks_the_field(visitor, existing, case, changes, field, nl, en, lang):
    body = _signup_body(existing, changes)
    users = count(User)
    r = visitor.post(
        "/signup",
        data=with_form_token(visitor, "/signup", body),
        headers=EN if lang == "en" else {},
        follow_redirects=False,
    )
    assert r.status_code == 422
    assert "wave_session" not in r.headers.get("set-cookie", "")
    page = html(r)
    invalid = page.find_all("input", aria_invalid="true")
    assert [i.attrs["name"] for i in invalid] == [field]
    messages = [p.text() for p in page.find_all("p", class_="field-error", role="alert")]
    assert len(messages) == 1 and (en if lang == "en" else nl) in messages[0]
    if field != "email":  # what was typed stays (except the password)
        assert page.find("input", name="email").attrs["value"] == body["email"]
    assert count(User) == users


def test_a_share_email_that_is_no_address_is_422_and_shares_nothing(client):
    """(An address without an account gets an invitation: tests/test_invitations.py.)"""
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": "niemand-op-school", "role": "edit"})
    assert r.status_code == 422
    [problem] = r.json()["detail"]
    assert problem["loc"] == "email" and "geldig e-mailadres" in problem["msg"]
    r = client.post(
        f"/api/designs/{design_id}/shares", headers=EN, json={"email": "niemand-op-school", "role": "edit"}
    )
    assert r.status_code == 422 and "valid e-mail address" in r.json()["detail"][0]["msg"]
    # the form on the canvas says the same, in place
    r = client.post(
        f"/designs/{design_id}/review/shares", data={"email": "niemand-op-school", "role": "view"}
    )
    assert r.status_code == 422 and "geldig e-mailadres" in r.text
    assert count(Share, Share.design_id == design_id) == 0
    assert client.get(f"/api/designs/{design_id}/shares").json() == []


def test_share_with_a_bad_role_or_yourself_is_422(client, other_client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "owner"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "role"
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": client.email, "role": "edit"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "email"
    assert count(Share, Share.design_id == design_id) == 0


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("x" * (MAX_COMMENT + 1), "hooguit 5000 tekens"),
        ("   ", "niet leeg"),
    ],
)
def test_bad_comment_is_422_and_stores_nothing(teacher, body, words):
    client = teacher
    design_id = new_design(client)
    r = client.post(f"/designs/{design_id}/review/comments", data={"body": body})
    assert r.status_code == 422
    assert words in html(r).find(id="comment-error").text()
    assert count(Comment, Comment.design_id == design_id) == 0
    page = html(client.get(f"/designs/{design_id}"))
    assert page.find("ul", id="comments").find_all("li", data_comment=True) == []


def test_comment_at_the_limit_is_stored(client):
    design_id = new_design(client)
    r = client.post(
        f"/designs/{design_id}/review/comments", data={"body": "y" * MAX_COMMENT, "activity": "a1"}
    )
    assert r.status_code == 200
    with db() as session:
        stored = session.exec(select(Comment).where(Comment.design_id == design_id)).one()
    assert len(stored.body) == MAX_COMMENT and stored.activity_id == "a1"


# --- throttling -----------------------------------------------------------------------------


def test_five_failed_logins_lock_the_email_for_a_while(anon_client, client, other_client):
    """From one address; other addresses, and the whole set of limits, in test_signin_limits."""
    for _ in range(5):
        r = anon_client.post("/api/auth/login", json={"email": client.email, "password": "Fout-12345"})
        assert r.status_code == 401
    r = anon_client.post("/api/auth/login", json={"email": client.email, "password": PASSWORD})
    assert r.status_code == 429
    assert 0 < int(r.headers["Retry-After"]) <= 15 * 60
    assert "Te veel mislukte pogingen" in r.json()["detail"]
    assert "wave_session" not in r.headers.get("set-cookie", "")
    r = anon_client.post(
        "/api/auth/login", json={"email": client.email.upper(), "password": PASSWORD}, headers=EN
    )
    assert r.status_code == 429 and "Too many failed attempts" in r.json()["detail"]
    r = anon_client.post(
        "/signin",
        data=with_form_token(anon_client, "/signin", {"email": client.email, "password": PASSWORD}),
        follow_redirects=False,
    )
    assert r.status_code == 429
    assert "Te veel mislukte pogingen" in html(r).find(id="account-error").text()
    # another account is not affected
    r = anon_client.post("/api/auth/login", json={"email": other_client.email, "password": PASSWORD})
    assert r.status_code == 200


# --- CSRF -------------------------------------------------------------------------------------


def test_form_post_without_the_csrf_token_is_refused(client):
    design_id = new_design(client)
    token = client.headers.pop("X-CSRF-Token")
    before = current(client, design_id)
    comments = count(Comment)

    r = client.post(
        f"/designs/{design_id}/edit/goal-add", data={"text": "Ingeslopen doel", "version": before["version"]}
    )
    assert r.status_code == 403 and "verlopen" in r.text
    r = client.post(
        f"/designs/{design_id}/edit/goal-add",
        headers={"X-CSRF-Token": "vervalst"},
        data={"text": "Ingeslopen doel", "version": before["version"]},
    )
    assert r.status_code == 403
    r = client.post(
        f"/designs/{design_id}/edit/goal-add",
        data={"text": "Ingeslopen doel", "version": before["version"], "csrf_token": "vervalst"},
    )
    assert r.status_code == 403
    # a "simple" cross-site request: plain text, no preflight
    r = client.post(
        f"/designs/{design_id}/review/comments", content=b"body=hoi", headers={"Content-Type": "text/plain"}
    )
    assert r.status_code == 403
    r = client.post("/designs", data={"title": "Ingeslopen", "template": "linear"}, follow_redirects=False)
    assert r.status_code == 403
    assert current(client, design_id) == before
    assert count(Comment) == comments
    assert "Ingeslopen" not in {d["title"] for d in client.get("/api/designs").json()}

    # with the token as a form field it works
    r = client.post(
        f"/designs/{design_id}/edit/goal-add",
        data={"text": "Echt doel", "version": before["version"], "csrf_token": token},
    )
    assert r.status_code == 200
    assert current(client, design_id)["goals"][-1]["text"] == "Echt doel"
    # and as the header (what htmx sends)
    r = client.post(
        f"/designs/{design_id}/review/comments", data={"body": "Hoi"}, headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200


def test_json_api_writes_need_the_session_but_no_csrf_token(client):
    client.headers.pop("X-CSRF-Token")
    design_id = new_design(client)
    doc = {**current(client, design_id), "title": "Via de API"}
    r = client.put(f"/api/designs/{design_id}", json=doc)
    assert r.status_code == 200 and r.json()["version"] == 2


def _as(content_type: str, data: dict) -> bytes:
    text = json.dumps(data)
    if content_type.startswith("multipart/"):
        text = f'--x\r\nContent-Disposition: form-data; name="{text}"\r\n\r\n\r\n--x--\r\n'
    return text.encode()


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_api_writes_in_a_cross_site_content_type_need_the_token(client, content_type):
    """Another site can send these without a preflight: without the token they are 403;
    with it, still refused (415): the JSON API takes only application/json."""
    token = client.headers.pop("X-CSRF-Token")
    design_id = new_design(client)
    doc = current(client, design_id)
    designs = len(client.get("/api/designs").json())
    sneaky = {"Content-Type": content_type}
    r = client.post("/api/designs", content=_as(content_type, DOC), headers=sneaky)
    assert r.status_code == 403 and r.json()["detail"]
    r = client.put(
        f"/api/designs/{design_id}", headers=sneaky, content=_as(content_type, {**doc, "title": "Ingeslopen"})
    )
    assert r.status_code == 403
    assert len(client.get("/api/designs").json()) == designs
    assert current(client, design_id) == doc
    r = client.post("/api/designs", content=_as(content_type, DOC), headers={**sneaky, "X-CSRF-Token": token})
    assert r.status_code == 415
    assert r.json()["detail"][0]["loc"] == "(body)"
    assert len(client.get("/api/designs").json()) == designs


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_sign_in_and_sign_up_in_a_cross_site_content_type_are_refused(anon_client, client, content_type):
    """Login CSRF through the JSON endpoints: another site can post a text/plain body that
    reads as JSON without a preflight. Refused (415), no session, no account."""
    users = count(User)
    sneaky = {"Content-Type": content_type}
    login = {"email": client.email, "password": PASSWORD}
    r = anon_client.post("/api/auth/login", content=_as(content_type, login), headers=sneaky)
    assert r.status_code in (400, 415) and r.json()["detail"][0]["loc"] == "(body)", r.text
    assert "wave_session" not in r.headers.get("set-cookie", "")
    signup = {"email": unique_email("ander"), "password": PASSWORD, "name": "Door een ander"}
    r = anon_client.post("/api/auth/signup", content=_as(content_type, signup), headers=sneaky)
    assert r.status_code in (400, 415) and r.json()["detail"][0]["loc"] == "(body)", r.text
    assert count(User) == users
    assert anon_client.get("/api/designs").status_code == 401


def test_the_pages_carry_the_sessions_csrf_token(client):
    token = client.headers["X-CSRF-Token"]
    page = html(client.get("/"))
    assert page_csrf(page) == token
    assert json.loads(page.find("body").attrs["hx-headers"]) == {"X-CSRF-Token": token}
    assert page.find("form", id="new-design").find("input", name="csrf_token").attrs["value"] == token


# --- the secret key -----------------------------------------------------------------------------


def test_production_refuses_the_default_secret(monkeypatch):
    monkeypatch.delenv("WAVE_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="WAVE_SECRET_KEY"):
        Settings(environment="production").check_safe()
    with pytest.raises(RuntimeError):
        Settings(environment="production", secret_key=DEFAULT_SECRET).check_safe()
    Settings(environment="production", secret_key="een-lang-en-geheim-woord-2026").check_safe()
    Settings(environment="development").check_safe()


def test_production_reads_the_secret_from_the_environment(monkeypatch):
    monkeypatch.setenv("WAVE_ENVIRONMENT", "production")
    monkeypatch.setenv("WAVE_SECRET_KEY", "uit-de-omgeving-2026")
    Settings().check_safe()
    monkeypatch.delenv("WAVE_SECRET_KEY")
    with pytest.raises(RuntimeError):
        Settings().check_safe()


# --- coach review -------------------------------------------------------------------------------


def set_status(http, design_id: int, status: str, **kw):
    return http.post(f"/designs/{design_id}/review/status", data={"status": status}, **kw)


def review_status(http, design_id: int) -> str:
    return next(d["review_status"] for d in http.get("/api/designs").json() if d["id"] == design_id)


def test_review_round_trip_and_the_owners_dashboard(client, other_client):
    coach = other_client
    design_id = new_design(client, title="Ter review")
    share(client, design_id, coach, "comment")
    assert review_status(client, design_id) == "draft"

    r = set_status(coach, design_id, "in_review")
    assert r.status_code == 422 and "Jouw rol mag deze stap niet zetten." in r.text
    assert review_status(client, design_id) == "draft"
    assert set_status(client, design_id, "in_review").status_code == 200
    assert review_status(coach, design_id) == "in_review"

    r = coach.post(
        f"/designs/{design_id}/review/comments",
        data={"body": "Koppel de kennisclip aan een opdracht.", "activity": "a1"},
    )
    assert r.status_code == 200
    assert set_status(coach, design_id, "feedback_given").status_code == 200

    r = set_status(client, design_id, "approved")
    assert r.status_code == 422 and "Jouw rol mag deze stap niet zetten." in r.text
    r = set_status(client, design_id, "approved", headers=EN)
    assert r.status_code == 422 and "Your role may not take this step." in r.text
    assert review_status(client, design_id) == "feedback_given"
    r = set_status(coach, design_id, "nonsense")
    assert r.status_code == 422
    assert set_status(coach, design_id, "approved").status_code == 200
    assert review_status(client, design_id) == "approved"

    # the owner's dashboard lists what the coach did
    events = html(client.get("/")).find(id="inbox")
    assert events is not None and "hidden" not in events.attrs
    assert "Nieuw sinds je laatste bezoek" in events.find(id="inbox-heading").text()
    items = events.find_all("li")
    assert sorted(li.attrs["data-event"] for li in items) == ["comment", "status", "status"]
    assert all("Coach" in li.text() for li in items)
    assert any("Goedgekeurd" in li.text() for li in items)
    comment = next(li for li in items if li.attrs["data-event"] == "comment")
    assert "Koppel de kennisclip" in comment.text()
    english = html(client.get("/", headers=EN)).find(id="inbox")
    assert "New since your last visit" in english.find(id="inbox-heading").text()
    # the coach's own steps are not news to the coach: only what the team did is
    coach_items = html(coach.get("/")).find(id="inbox").find_all("li")
    assert sorted(li.attrs["data-event"] for li in coach_items) == ["review-requested", "shared"]

    # opening the design marks them seen
    assert client.get(f"/designs/{design_id}").status_code == 200
    assert "hidden" in html(client.get("/")).find(id="inbox").attrs
    # the owner's own steps make no news
    assert set_status(client, design_id, "draft").status_code == 200
    assert html(client.get("/")).find(id="events") is None


def test_comment_threads_and_resolving(client, other_client):
    coach = other_client
    design_id = new_design(client)
    share(client, design_id, coach, "comment")
    assert (
        coach.post(
            f"/designs/{design_id}/review/comments", data={"body": "Waarom zo lang?", "activity": "a2"}
        ).status_code
        == 200
    )
    with db() as session:
        first = session.exec(select(Comment).where(Comment.design_id == design_id)).one()
    r = client.post(
        f"/designs/{design_id}/review/comments",
        data={"body": "Het is een practicum.", "parent": str(first.id)},
    )
    assert r.status_code == 200
    with db() as session:
        reply = session.exec(select(Comment).where(Comment.parent_id == first.id)).one()
    assert reply.activity_id == "a2"  # a reply belongs to the same activity
    r = coach.post(f"/designs/{design_id}/review/comments", data={"body": "Hoi", "activity": "a9"})
    assert r.status_code == 422
    # the coach resolves their own comment; not the owner's reply
    assert coach.post(f"/designs/{design_id}/review/comments/{first.id}/resolve").status_code == 200
    assert coach.post(f"/designs/{design_id}/review/comments/{reply.id}/resolve").status_code == 422
    with db() as session:
        assert session.get(Comment, first.id).resolved is True
        assert session.get(Comment, reply.id).resolved is False


# --- versions -----------------------------------------------------------------------------------


def goal_add(http, design_id: int, text: str) -> None:
    version = current(http, design_id)["version"]
    r = http.post(f"/designs/{design_id}/edit/goal-add", data={"text": text, "version": version})
    assert r.status_code == 200, r.text


def test_versions_list_restore_and_compare(app, client):
    member = person(app, "Teamlid")
    design_id = new_design(client)
    share(client, design_id, member, "edit")
    first = current(client, design_id)
    goal_add(client, design_id, "Tweede doel")
    goal_add(member, design_id, "Derde doel")

    page = html(client.get(f"/designs/{design_id}/versions"))
    rows = {
        int(tr.attrs["data-version"]): [td.text() for td in tr.find_all("td")]
        for tr in page.find_all("tr", data_version=True)
    }
    assert sorted(rows) == [1, 2, 3]
    assert rows[1][2] == "Docent" and rows[2][2] == "Docent" and rows[3][2] == "Teamlid"
    assert rows[1][3] == "Geïmporteerd"  # a code, shown in the reader's language
    restore = page.find_all("button", data_restore=True)
    assert sorted(b.attrs["data-restore"] for b in restore) == ["1", "2"]  # not the current one

    r = member.post(f"/designs/{design_id}/versions/1/restore", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/designs/{design_id}"
    now = current(client, design_id)
    assert now["version"] == 4
    assert {k: v for k, v in now.items() if k != "version"} == {
        k: v for k, v in first.items() if k != "version"
    }
    rows = html(client.get(f"/designs/{design_id}/versions")).find_all("tr", data_version=True)
    assert len(rows) == 4 and "Versie 1 teruggezet" in rows[0].text() and "Teamlid" in rows[0].text()

    r = client.get(f"/designs/{design_id}/versions/compare", params={"a": 1, "b": 3})
    assert r.status_code == 200
    assert html(r).find("h1") is not None
    assert client.get(f"/designs/{design_id}/versions/compare", params={"a": 1, "b": 99}).status_code == 404
    assert member.post(f"/designs/{design_id}/versions/99/restore").status_code == 404
    assert current(client, design_id)["version"] == 4


def test_a_viewer_sees_the_history_but_cannot_restore(app, client):
    viewer = person(app, "Kijker")
    design_id = new_design(client)
    share(client, design_id, viewer, "view")
    goal_add(client, design_id, "Tweede doel")
    page = html(viewer.get(f"/designs/{design_id}/versions"))
    assert len(page.find_all("tr", data_version=True)) == 2
    assert page.find_all("button", data_restore=True) == []
    assert viewer.post(f"/designs/{design_id}/versions/1/restore").status_code == 403
    assert current(client, design_id)["version"] == 2


# --- own material -------------------------------------------------------------------------------

PODCAST = {
    "title": "Podcast over de 4P's",
    "learning_type": "acquisition",
    "interactions": ["student-content"],
    "modes": ["online", "offline"],
    "minutes": "25",
}


def catalogue_customs(page: Node) -> dict[str, str]:
    listing = page.find("ul", id="catalogue-list")
    assert listing is not None
    return {
        li.attrs["data-custom"]: li.find(class_="cat-name").text()
        for li in listing.find_all("li", data_custom=True)
    }


def team_up(inviter, invitee) -> None:
    """The explicit team (wave.team): one invites the other by e-mail, who accepts."""
    r = inviter.post("/account/team/invite", data={"email": invitee.email}, follow_redirects=False)
    assert r.status_code == 303, r.text
    r = invitee.post(f"/account/team/{inviter.user_id}/accept", follow_redirects=False)
    assert r.status_code == 303, r.text


def test_custom_activity_is_shared_with_the_team_and_can_be_placed(app, client):
    member, outsider = person(app, "Teamlid"), person(app, "Buitenstaander")
    design_id = new_design(client)
    share(client, design_id, member, "edit")  # to work on the design; the team is its own consent
    team_up(client, member)
    r = member.post(f"/designs/{design_id}/custom-activities", data=PODCAST)
    assert r.status_code == 204 and r.headers["HX-Refresh"] == "true"
    with db() as session:
        made = session.exec(select(CustomActivity).where(CustomActivity.owner_id == member.user_id)).one()
    assert (made.interactions, made.modes, made.minutes) == ("student-content", "online offline", 25)

    for who in (client, member):
        assert catalogue_customs(html(who.get(f"/designs/{design_id}"))) == {str(made.id): PODCAST["title"]}
    own = new_design(outsider)
    assert catalogue_customs(html(outsider.get(f"/designs/{own}"))) == {}

    version = current(client, design_id)["version"]
    r = client.post(
        f"/designs/{design_id}/edit/add-custom",
        data={"custom": made.id, "phase": "p2", "mode": "offline", "index": 0, "version": version},
    )
    assert r.status_code == 200, r.text
    placed = current(client, design_id)["phases"][1]["activities"]
    assert len(placed) == 1
    assert placed[0]["activity"] == "custom" and placed[0]["title"] == PODCAST["title"]
    assert placed[0]["mode"] == "offline" and placed[0]["minutes"] == 25
    assert placed[0]["learning_type"] == "acquisition"
    assert placed[0]["interactions"] == ["student-content"]
    # someone outside the team cannot place it, even in their own design
    r = outsider.post(
        f"/designs/{own}/edit/add-custom",
        data={
            "custom": made.id,
            "phase": "p1",
            "mode": "online",
            "version": current(outsider, own)["version"],
        },
    )
    assert r.status_code == 422
    assert current(outsider, own)["version"] == 1


@pytest.mark.parametrize(
    ("change", "field_words"),
    [
        ({"interactions": []}, "interactie"),
        ({"interactions": ["student-robot"]}, "interactie"),
        ({"title": "  "}, "naam"),
        ({"learning_type": "dansen"}, "leertype"),
        ({"modes": []}, "online"),
        ({"minutes": "-3"}, "minuten"),
    ],
)
def test_bad_custom_activity_is_422_and_stores_nothing(teacher, change, field_words):
    design_id = new_design(teacher)
    before = count(CustomActivity, CustomActivity.owner_id == teacher.user_id)
    r = teacher.post(f"/designs/{design_id}/custom-activities", data={**PODCAST, **change})
    assert r.status_code == 422
    error = html(r).find(id="custom-error")
    assert error is not None and field_words in error.text().lower()
    assert count(CustomActivity, CustomActivity.owner_id == teacher.user_id) == before
    assert catalogue_customs(html(teacher.get(f"/designs/{design_id}"))) == {}


def test_save_as_template_and_start_from_it(client):
    design_id = new_design(client)
    r = client.post(f"/designs/{design_id}/save-template", data={"name": "Mijn tweeluik"})
    assert r.status_code == 200 and "Mijn tweeluik" in r.text
    with db() as session:
        slug = session.exec(
            select(CustomTemplate.slug).where(CustomTemplate.owner_id == client.user_id)
        ).one()
    form = html(client.get("/")).find("form", id="new-design")
    choice = form.find("input", name="template", value=slug)
    assert choice is not None
    r = client.post(
        "/designs", data={"title": "Uit eigen sjabloon", "template": slug}, follow_redirects=False
    )
    assert r.status_code == 303
    new_id = int(r.headers["location"].rsplit("/", 1)[1])
    made = current(client, new_id)
    assert made["title"] == "Uit eigen sjabloon"
    assert [(p["id"], p["title"], p["kind"]) for p in made["phases"]] == [
        (p["id"], p["title"], p["kind"]) for p in DOC["phases"]
    ]
    assert all(p["activities"] == [] for p in made["phases"])

    r = client.post(f"/designs/{design_id}/save-template", data={"name": " "})
    assert r.status_code == 422 and html(r).find(id="template-error") is not None
    assert count(CustomTemplate, CustomTemplate.owner_id == client.user_id) == 1


def test_a_template_is_not_offered_to_strangers(app, client, other_client):
    design_id = new_design(client)
    client.post(f"/designs/{design_id}/save-template", data={"name": "Alleen van mij"})
    with db() as session:
        slug = session.exec(
            select(CustomTemplate.slug).where(CustomTemplate.owner_id == client.user_id)
        ).one()
    form = html(other_client.get("/")).find("form", id="new-design")
    assert form.find("input", name="template", value=slug) is None
    r = other_client.post("/designs", data={"title": "Geleend", "template": slug}, follow_redirects=False)
    assert r.status_code == 422


@pytest.mark.parametrize("path", ["/signin", "/signup"])
def test_account_forms_refuse_a_post_without_their_token(anon_client, client, path):
    """Login CSRF: another site can post the form, but it cannot read or send our
    SameSite=Strict form cookie, so its post has no matching token."""
    users = count(User)
    data = {
        "email": client.email if path == "/signin" else unique_email("csrf"),
        "password": PASSWORD,
        "name": "Ingelogd door een ander",
    }
    r = anon_client.post(path, data=data, follow_redirects=False)
    assert r.status_code == 403 and "wave_session" not in r.headers.get("set-cookie", "")
    r = anon_client.post(path, data={**data, "form_token": "geraden"}, follow_redirects=False)
    assert r.status_code == 403
    assert count(User) == users
    page = anon_client.get(path)
    assert "samesite=strict" in page.headers["set-cookie"].lower()
    r = anon_client.post(path, data=with_form_token(anon_client, path, data), follow_redirects=False)
    assert r.status_code == 303  # the form as the page hands it out works


def test_making_an_own_activity_is_confirmed_in_the_status_region(client):
    """USER-FINDINGS 43: the form reloaded the canvas and said nothing. The reload says
    what was made, in the canvas's status region, once."""
    design_id = new_design(client)
    r = client.post(f"/designs/{design_id}/custom-activities", data=PODCAST)
    assert r.status_code == 204 and r.headers["HX-Refresh"] == "true"
    status = html(client.get(f"/designs/{design_id}")).one("div", id="status")
    assert status.attrs["role"] == "status"
    assert status.text() == f"Eigen activiteit “{PODCAST['title']}” gemaakt."
    again = html(client.get(f"/designs/{design_id}")).one("div", id="status")
    assert again.text() == ""  # said once

    client.post(f"/designs/{design_id}/custom-activities", data={**PODCAST, "title": "Vlog"})
    english = client.get(f"/designs/{design_id}", headers={"Accept-Language": "en"})
    assert html(english).one("div", id="status").text() == "Own activity “Vlog” created."
    other = new_design(client)  # the note belongs to the design it was made on
    client.post(f"/designs/{design_id}/custom-activities", data={**PODCAST, "title": "Quiz"})
    assert html(client.get(f"/designs/{other}")).one("div", id="status").text() == ""
