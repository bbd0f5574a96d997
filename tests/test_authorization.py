"""Who may do what: every route of the app × every persona, with the expected status.

Personas: `anonymous` (no session), `stranger` (signed in, no share), `viewer`,
`commenter` and `editor` (the design is shared with them with that role) and
`owner`. The rules (SPEC §issue 6):

- anonymous: 401 on `/api/…`, a 303 to `/signin?next=…` on pages and fragments,
  before the CSRF check;
- stranger: 404 for anything about the design (it does not exist for them);
- view < comment < edit < owner: 403 where the role is too low; a review-status
  step the role may not take is 422 (see `wave.review.TRANSITIONS`);
- a share: the owner ends anyone's, the person it is shared with leaves their own;
- the team routes (`/account/team/…`): anyone signed in, about their own links only;
- a programme (`/programmes/…`, `/api/programmes/…`) is shared as the design is: the
  viewer and the commenter read it, the editor changes it, only the owner shares or deletes it;
- a readiness scan (`/scans/…`, `/api/scans/…`) is shared with the same personas: the
  viewer and the commenter *view* it (a scan has no comment role), the editor *edits*
  (answers); the stranger gets 404, only the owner shares and closes.

`test_every_route_has_a_row` fails when a route is added without a row here
(or in PUBLIC), naming it.
"""

import json
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import routing
from fastapi.testclient import TestClient
from sqlmodel import Session, select
from webfixtures import PASSWORD, sign_up_and_in, unique_email

from wave.db import get_engine
from wave.engine import RULES
from wave.models import Comment, DesignRecord, ScanShare, Share
from wave.web.app import CSP

PERSONAS = ("anonymous", "stranger", "viewer", "commenter", "editor", "owner")
SHARED_AS = {"viewer": "view", "commenter": "comment", "editor": "edit"}
RULE_ID = next(iter(RULES))

DOC = {
    "format": "wave.design/v1",
    "title": "Rechten-test",
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
        }
    ],
    "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
}

# Routes anyone may use, signed in or not (and the framework's own pages).
PUBLIC = {
    ("GET", "/healthz"),
    ("GET", "/signin"),
    ("POST", "/signin"),
    ("GET", "/signup"),
    ("POST", "/signup"),
    ("POST", "/api/auth/signup"),
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/logout"),
    ("GET", "/lang/{code}"),
    # password reset, before there is a session (tests/test_password_reset.py)
    ("GET", "/forgot"),
    ("POST", "/forgot"),
    ("GET", "/reset/{token}"),
    ("POST", "/reset/{token}"),
    ("POST", "/api/auth/forgot"),
    ("POST", "/api/auth/reset"),
    # an invitation's link: signed in it is accepted, otherwise on to sign-in (test_invitations.py)
    ("GET", "/invitations/{token}"),
}
FRAMEWORK = {"/static", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


# --- the world: people and designs -----------------------------------------------


@dataclass
class World:
    clients: dict[str, TestClient]
    colleague: TestClient  # someone to share with who is not one of the personas
    app: Any

    def new_design(self) -> int:
        owner = self.clients["owner"]
        r = owner.post("/api/designs", json=DOC)
        assert r.status_code == 201, r.text
        design_id = r.json()["id"]
        for persona, role in SHARED_AS.items():
            r = owner.post(
                f"/api/designs/{design_id}/shares", json={"email": self.clients[persona].email, "role": role}
            )
            assert r.status_code == 201, r.text
        return design_id

    def new_programme(self) -> int:
        """A programme of one course (the owner's design), shared as the designs are."""
        owner = self.clients["owner"]
        course = owner.post("/api/designs", json=DOC).json()["id"]
        body = {
            "format": "wave.programme/v1",
            "title": "Rechten-blok",
            "weeks": 8,
            "courses": [{"design": course}],
        }
        r = owner.post("/api/programmes", json=body)
        assert r.status_code == 201, r.text
        programme_id = r.json()["id"]
        for persona, role in SHARED_AS.items():
            r = owner.post(
                f"/api/programmes/{programme_id}/shares",
                json={"email": self.clients[persona].email, "role": role},
            )
            assert r.status_code == 201, r.text
        return programme_id

    def new_scan(self) -> int:
        owner = self.clients["owner"]
        r = owner.post("/api/scans", json={"title": "Rechten-scan", "level": "course"})
        assert r.status_code == 201, r.text
        scan_id = r.json()["id"]
        for persona, role in SCAN_SHARED_AS.items():
            r = owner.post(
                f"/api/scans/{scan_id}/shares", json={"email": self.clients[persona].email, "role": role}
            )
            assert r.status_code == 201, r.text
        return scan_id


SCAN_SHARED_AS = {"viewer": "view", "commenter": "view", "editor": "edit"}


@pytest.fixture(scope="module")
def world(app):
    with ExitStack() as stack:
        clients = {"anonymous": stack.enter_context(TestClient(app))}
        for persona in PERSONAS[1:]:
            clients[persona] = sign_up_and_in(stack.enter_context(TestClient(app)), name=persona.capitalize())
        colleague = sign_up_and_in(stack.enter_context(TestClient(app)), name="Collega")
        yield World(clients, colleague, app)


@pytest.fixture(scope="module")
def shared_programme(world) -> int:
    """One programme for the rows that do not change it."""
    return world.new_programme()


@pytest.fixture(scope="module")
def shared_scan(world) -> int:
    """One scan for the rows that do not change it."""
    return world.new_scan()


@pytest.fixture(scope="module")
def shared_design(world) -> int:
    """One design for the rows that do not change it."""
    return world.new_design()


@dataclass
class Target:
    """The design a case runs against, and what the request needs from it."""

    world: World
    design_id: int
    persona: str = "anonymous"
    comment_id: int | None = None
    other_id: int = 1  # the person a team row is about (see `invited_by_someone`)
    invitation_id: int = 1  # the owner's invitation a row is about (see `owner_invites`)
    scan_id: int = 1  # the readiness scan a row is about
    programme_id: int = 1  # the programme a row is about

    @property
    def owner(self) -> TestClient:
        return self.world.clients["owner"]

    def current(self) -> dict:
        r = self.owner.get(f"/api/designs/{self.design_id}")
        assert r.status_code == 200, r.text
        return r.json()

    def version(self) -> int:
        return self.current()["version"]

    def share_id_of(self, user_id: int) -> int:
        with Session(get_engine()) as session:
            share = session.exec(
                select(Share).where(Share.design_id == self.design_id, Share.user_id == user_id)
            ).first()
        return share.id if share else 1

    def params(self) -> dict[str, Any]:
        clients = self.world.clients
        return {
            "design_id": self.design_id,
            "placed_id": "a1",
            "comment_id": self.comment_id,
            "version": 1,
            "rule_id": RULE_ID,
            "viewer_id": clients["viewer"].user_id,
            "viewer_share_id": self.share_id_of(clients["viewer"].user_id),
            "own_id": getattr(clients[self.persona], "user_id", 1),  # anonymous: any id
            "other_id": self.other_id,
            "colleague_id": self.world.colleague.user_id,
            "invitation_id": self.invitation_id,
            "scan_id": self.scan_id,
            "programme_id": self.programme_id,
            "scan_viewer_share_id": self.scan_share_id_of(clients["viewer"].user_id),
        }

    def scan_share_id_of(self, user_id: int) -> int:
        with Session(get_engine()) as session:
            share = session.exec(
                select(ScanShare).where(ScanShare.scan_id == self.scan_id, ScanShare.user_id == user_id)
            ).first()
        return share.id if share else 1


def owner_comments(target: Target) -> None:
    r = target.owner.post(
        f"/designs/{target.design_id}/review/comments", data={"body": "Kijk nog eens naar de kennisclip."}
    )
    assert r.status_code == 200, r.text
    with Session(get_engine()) as session:
        target.comment_id = session.exec(
            select(Comment.id).where(Comment.design_id == target.design_id)
        ).first()


def owner_sets(status: str) -> Callable[[Target], None]:
    def prepare(target: Target) -> None:
        r = target.owner.post(f"/designs/{target.design_id}/review/status", data={"status": status})
        assert r.status_code == 200, r.text

    return prepare


def coach_sets(status: str) -> Callable[[Target], None]:
    def prepare(target: Target) -> None:
        owner_sets("in_review")(target)
        r = target.world.clients["commenter"].post(
            f"/designs/{target.design_id}/review/status", data={"status": status}
        )
        assert r.status_code == 200, r.text

    return prepare


# --- the table --------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    method: str
    route: str  # the app's path template, as in app.routes
    expect: dict[str, int]  # per signed-in persona; anonymous follows from the route
    url: str | None = None  # the URL asked for (format fields from Target.params)
    label: str = ""
    fresh: bool = False  # the request changes the design: give the case its own
    fresh_scan: bool = False  # the request changes the scan: give the case its own
    fresh_programme: bool = False  # the request changes the programme: give the case its own
    send: Callable[[Target], dict] = field(default=lambda t: {})
    prepare: Callable[[Target], None] | None = None
    own_session: bool = False  # the request ends the session: use a new one
    own_account: bool = False  # the request ends every session of the account: a new person

    def expected(self, persona: str) -> int:
        if persona == "anonymous":
            return 401 if self.route.startswith("/api/") else 303
        return self.expect[persona]

    @property
    def name(self) -> str:
        return f"{self.method} {self.route}" + (f" ({self.label})" if self.label else "")


def roles(viewer: int, commenter: int, editor: int, owner: int, stranger: int = 404) -> dict[str, int]:
    return {"stranger": stranger, "viewer": viewer, "commenter": commenter, "editor": editor, "owner": owner}


def signed_in(status: int) -> dict[str, int]:
    """A route that needs a session and nothing more."""
    return roles(status, status, status, status, stranger=status)


READ = roles(200, 200, 200, 200)
OWNER_ONLY = roles(403, 403, 403, 200)


def edit_form(target: Target) -> dict:
    return {"data": {"text": "De student past het 4P-model toe", "version": target.version()}}


def own_edits(target: Target) -> None:
    """An edit of their own for each persona that may edit, so that theirs can be undone."""
    for persona in ("editor", "owner"):
        r = target.world.clients[persona].post(
            f"/designs/{target.design_id}/edit/goal-add", data={**edit_form(target)["data"]}
        )
        assert r.status_code == 200, r.text


def invited_by_someone(target: Target) -> None:
    """A new person invites the persona to their team (`Target.other_id`)."""
    someone = sign_up_and_in(TestClient(target.world.app), name="Uitnodiger")
    target.other_id = someone.user_id
    if target.persona != "anonymous":
        invitee = target.world.clients[target.persona].email
        r = someone.post("/account/team/invite", data={"email": invitee}, follow_redirects=False)
        assert r.status_code == 303, r.text


def owner_invites(target: Target) -> None:
    """The owner shares the design with an address that has no account: an invitation."""
    r = target.owner.post(
        f"/api/designs/{target.design_id}/shares", json={"email": unique_email("uitgenodigd"), "role": "view"}
    )
    assert r.status_code == 201 and r.json()["invitation"], r.text
    listed = target.owner.get(f"/api/designs/{target.design_id}/shares").json()
    target.invitation_id = next(s["id"] for s in listed if s["kind"] == "invitation")


def invitee(target: Target) -> str:
    """Someone new to invite to the persona's team."""
    return sign_up_and_in(TestClient(target.world.app), name="Collega").email


def put_body(target: Target) -> dict:
    return {"json": {**target.current(), "title": "Rechten-test, gewijzigd"}}


CUSTOM_ACTIVITY = {
    "title": "Podcast",
    "learning_type": "acquisition",
    "interactions": ["student-content"],
    "modes": ["online"],
    "minutes": "15",
}

D = "/designs/{design_id}"
A = "/api/designs/{design_id}"
P = "/programmes/{programme_id}"
AP = "/api/programmes/{programme_id}"
PROGRAMME = {"format": "wave.programme/v1", "title": "Blok", "weeks": 10}


def programme_put(target: Target) -> dict:
    current = target.owner.get(f"/api/programmes/{target.programme_id}").json()
    return {"json": {**current, "weeks": 9}}


S = "/scans/{scan_id}"
AS = "/api/scans/{scan_id}"

TABLE: list[Row] = [
    # Session only -----------------------------------------------------------------
    Row("GET", "/", signed_in(200)),
    Row(
        "POST",
        "/designs",
        signed_in(303),
        send=lambda t: {"data": {"title": "Nieuw ontwerp", "template": "linear"}},
    ),
    Row(
        "POST",
        "/import",
        signed_in(303),
        send=lambda t: {"files": {"file": ("ontwerp.json", json.dumps(DOC), "application/json")}},
    ),
    Row(
        "POST",
        "/api/designs/import",
        signed_in(201),
        send=lambda t: {"files": {"file": ("ontwerp.json", json.dumps(DOC), "application/json")}},
    ),
    Row("GET", "/api/designs", signed_in(200)),
    Row("POST", "/api/designs", signed_in(201), send=lambda t: {"json": DOC}),
    Row("GET", "/rules", signed_in(200)),
    Row("GET", "/rules/{rule_id}", signed_in(200)),
    Row("GET", "/tips", signed_in(200)),
    Row("GET", "/misconceptions", signed_in(200)),
    Row("GET", "/misconceptions.pdf", signed_in(200)),
    Row("GET", "/misconceptions/{card_id}", signed_in(200), url="/misconceptions/video"),
    Row("GET", "/glossary", signed_in(200)),
    Row("POST", "/signout", signed_in(303), own_session=True),
    Row("GET", "/account", signed_in(200)),
    Row("POST", "/account/signout-everywhere", signed_in(303), own_account=True),
    Row("POST", "/account/name", signed_in(303), own_account=True, send=lambda t: {"data": {"name": "Ans"}}),
    Row(
        "POST",
        "/account/password",
        signed_in(303),
        own_account=True,
        send=lambda t: {"data": {"current_password": PASSWORD, "password": "Een-heel-ander-wachtwoord"}},
    ),
    Row(
        "POST",
        "/api/invitations/{token}/accept",
        signed_in(404),
        url="/api/invitations/geen-uitnodiging-met-dit-token/accept",
        label="unknown token",
    ),
    Row("POST", "/account/team/invite", signed_in(303), send=lambda t: {"data": {"email": invitee(t)}}),
    Row(
        "POST",
        "/account/team/{user_id}/accept",
        signed_in(303),
        url="/account/team/{other_id}/accept",
        prepare=invited_by_someone,
    ),
    Row(
        "POST",
        "/account/team/{user_id}/end",
        signed_in(303),
        url="/account/team/{other_id}/end",
        label="decline",
        prepare=invited_by_someone,
    ),
    Row(
        "POST",
        "/account/team/{user_id}/end",
        signed_in(404),
        url="/account/team/{colleague_id}/end",
        label="no link",
    ),
    Row("GET", "/api/prefs", signed_in(200)),
    Row("PUT", "/api/prefs", signed_in(200), send=lambda t: {"json": {"zoom": 1.25}}),
    # The JSON API on one design --------------------------------------------------------
    Row("GET", A, READ),
    Row("PUT", A, roles(403, 403, 200, 200), fresh=True, send=put_body),
    Row("GET", A + "/report", READ),
    Row("GET", A + "/export.pdf", READ),
    Row("GET", A + "/export.pptx", READ),
    Row("GET", A + "/export.xlsx", READ),
    Row("GET", A + "/export.csv", READ),
    Row("GET", A + "/export.imscc", READ),
    Row(
        "POST",
        A + "/shares",
        roles(403, 403, 403, 201),
        fresh=True,
        send=lambda t: {"json": {"email": t.world.colleague.email, "role": "view"}},
    ),
    Row("GET", A + "/shares", OWNER_ONLY),
    Row(
        "DELETE",
        A + "/invitations/{invitation_id}",
        roles(403, 403, 403, 204),
        fresh=True,
        prepare=owner_invites,
    ),
    Row(
        "DELETE",
        A + "/shares/{share_id}",
        roles(403, 403, 403, 204),
        url=A + "/shares/{viewer_share_id}",
        label="the viewer's share",
        fresh=True,
    ),
    Row("POST", A + "/leave", roles(204, 204, 204, 404), label="one's own share", fresh=True),
    # Housekeeping: the trash (a design that is not in it is restored as it is) ---------------
    Row("DELETE", A, roles(403, 403, 403, 204), fresh=True),
    Row("POST", A + "/restore", roles(403, 403, 403, 200)),
    Row("GET", "/api/trash", signed_in(200)),
    Row("POST", D + "/delete", roles(403, 403, 403, 303), fresh=True),
    Row("POST", D + "/restore", roles(403, 403, 403, 303)),
    # Pages and fragments of one design ----------------------------------------------------
    Row("GET", D, READ),
    Row("GET", D + "/activities/{placed_id}", READ),
    Row("GET", D + "/export.json", READ),
    Row("GET", D + "/since/{version}", READ, url=D + "/since/1"),
    # the event stream never ends by itself: asked with a bad client id, access is decided first
    Row("GET", D + "/events", roles(422, 422, 422, 422), url=D + "/events?client=x", label="bad client id"),
    Row(
        "POST",
        D + "/presence",
        roles(204, 204, 204, 204),
        send=lambda t: {"data": {"client": "tab-1234567890", "card": ""}},
    ),
    Row("GET", D + "/wave.svg", READ),
    Row("GET", D + "/wave.png", READ),
    Row("GET", D + "/compare", READ),
    Row("POST", D + "/copy", roles(303, 303, 303, 303)),
    Row("POST", D + "/save-template", READ, send=lambda t: {"data": {"name": "Mijn sjabloon"}}),
    Row(
        "POST", D + "/custom-activities", roles(403, 403, 204, 204), send=lambda t: {"data": CUSTOM_ACTIVITY}
    ),
    Row(
        "POST",
        D + "/edit/{op}",
        roles(403, 403, 200, 200),
        url=D + "/edit/goal-add",
        label="goal-add",
        fresh=True,
        send=edit_form,
    ),
    Row(
        "POST",
        D + "/edit/{op}",
        roles(403, 403, 422, 422),
        url=D + "/edit/undo",
        label="undo, nothing to undo",
        fresh=True,
        send=lambda t: {"data": {"version": t.version()}},
    ),
    Row(
        "POST",
        D + "/edit/{op}",
        roles(403, 403, 200, 200),
        url=D + "/edit/undo",
        label="undo own edit",
        fresh=True,
        prepare=own_edits,
        send=lambda t: {"data": {"version": t.version()}},
    ),
    # Review ------------------------------------------------------------------------------
    Row("GET", "/review", signed_in(200)),
    Row("GET", "/api/inbox", signed_in(200)),
    Row("POST", "/api/inbox/seen", signed_in(200), send=lambda t: {"json": {}}),
    Row("POST", "/inbox/seen", signed_in(200)),
    Row("GET", A + "/comments", READ),
    Row(
        "POST",
        A + "/comments",
        roles(403, 201, 201, 201),
        fresh=True,
        send=lambda t: {"json": {"text": "Mooi begin!", "activity": "a1"}},
    ),
    Row(
        "POST",
        "/api/comments/{comment_id}/replies",
        roles(403, 201, 201, 201),
        label="on the owner's comment",
        fresh=True,
        prepare=owner_comments,
        send=lambda t: {"json": {"text": "Eens."}},
    ),
    Row(
        "POST",
        "/api/comments/{comment_id}/resolve",
        roles(403, 403, 200, 200),
        label="the owner's comment",
        fresh=True,
        prepare=owner_comments,
    ),
    Row(
        "POST",
        A + "/status",
        roles(403, 403, 200, 200),
        label="draft → in-review",
        fresh=True,
        send=lambda t: {"json": {"status": "in-review"}},
    ),
    Row(
        "POST",
        D + "/review/comments",
        roles(403, 200, 200, 200),
        fresh=True,
        send=lambda t: {"data": {"body": "Mooi begin!", "activity": "a1"}},
    ),
    Row(
        "POST",
        D + "/review/comments/{comment_id}/resolve",
        roles(403, 422, 200, 200),
        label="the owner's comment",
        fresh=True,
        prepare=owner_comments,
    ),
    Row(
        "POST",
        D + "/review/status",
        roles(403, 422, 200, 200),
        label="draft → in_review",
        fresh=True,
        send=lambda t: {"data": {"status": "in_review"}},
    ),
    Row(
        "POST",
        D + "/review/status",
        roles(403, 200, 422, 422),
        label="in_review → feedback_given",
        fresh=True,
        prepare=owner_sets("in_review"),
        send=lambda t: {"data": {"status": "feedback_given"}},
    ),
    Row(
        "POST",
        D + "/review/status",
        roles(403, 200, 422, 422),
        label="feedback_given → approved",
        fresh=True,
        prepare=coach_sets("feedback_given"),
        send=lambda t: {"data": {"status": "approved"}},
    ),
    Row(
        "POST",
        D + "/review/status",
        roles(403, 422, 200, 200),
        label="approved → draft",
        fresh=True,
        prepare=coach_sets("approved"),
        send=lambda t: {"data": {"status": "draft"}},
    ),
    Row(
        "POST",
        D + "/review/shares",
        OWNER_ONLY,
        fresh=True,
        send=lambda t: {"data": {"email": t.world.colleague.email, "role": "comment"}},
    ),
    Row(
        "POST",
        D + "/review/shares/{user_id}/remove",
        OWNER_ONLY,
        url=D + "/review/shares/{viewer_id}/remove",
        label="the viewer's share",
        fresh=True,
    ),
    Row(
        "POST",
        D + "/review/invitations/{invitation_id}/withdraw",
        OWNER_ONLY,
        fresh=True,
        prepare=owner_invites,
    ),
    Row("POST", D + "/review/leave", roles(303, 303, 303, 422), fresh=True),
    # Versions ----------------------------------------------------------------------------
    Row("GET", D + "/versions", READ),
    Row("GET", D + "/versions/compare", READ, url=D + "/versions/compare?a=1&b=1"),
    Row("POST", D + "/versions/{version}/restore", roles(403, 403, 303, 303), fresh=True),
    # Programmes (SPEC §12): viewer and commenter read, the editor changes, the owner shares --
    Row("GET", "/api/programmes", signed_in(200)),
    Row("POST", "/api/programmes", signed_in(201), send=lambda t: {"json": PROGRAMME}),
    Row("GET", AP, READ),
    Row("PUT", AP, roles(403, 403, 200, 200), fresh_programme=True, send=programme_put),
    Row("GET", AP + "/report", READ),
    Row("GET", AP + "/versions", READ),
    Row(
        "POST",
        AP + "/shares",
        roles(403, 403, 403, 201),
        fresh_programme=True,
        send=lambda t: {"json": {"email": t.world.colleague.email, "role": "view"}},
    ),
    Row("DELETE", AP, roles(403, 403, 403, 204), fresh_programme=True),
    Row("GET", "/programmes", signed_in(200)),
    Row("POST", "/programmes", signed_in(303), send=lambda t: {"data": {"title": "Blok", "weeks": "10"}}),
    Row("GET", P, READ),
    Row("GET", P + "/export.pdf", READ),
    Row(
        "POST",
        P + "/courses",
        roles(403, 403, 303, 303),
        fresh_programme=True,
        send=lambda t: {"data": {"design": str(t.design_id), "start_week": "2", "version": "1"}},
    ),
    Row(
        "POST",
        P + "/start",
        roles(403, 403, 303, 303),
        fresh_programme=True,
        send=lambda t: {"data": {"course": "0", "start_week": "3", "version": "1"}},
    ),
    Row(
        "POST",
        P + "/remove",
        roles(403, 403, 303, 303),
        fresh_programme=True,
        send=lambda t: {"data": {"course": "0", "version": "1"}},
    ),
    Row(
        "POST",
        P + "/settings",
        roles(403, 403, 303, 303),
        fresh_programme=True,
        send=lambda t: {"data": {"title": "Blok 2", "weeks": "9", "week_hours_norm": "38", "version": "1"}},
    ),
    Row(
        "POST",
        P + "/shares",
        roles(403, 403, 403, 303),
        fresh_programme=True,
        send=lambda t: {"data": {"email": t.world.colleague.email, "role": "view"}},
    ),
    # Readiness scans (SPEC §13) ------------------------------------------------------------
    Row("GET", "/api/scans", signed_in(200)),
    Row("POST", "/api/scans", signed_in(201), send=lambda t: {"json": {"title": "Scan", "level": "course"}}),
    Row("GET", AS, READ),
    Row("GET", AS + "/report", READ),
    Row("GET", AS + "/export.pdf", READ),
    Row(
        "POST",
        AS + "/answers",
        roles(403, 403, 200, 200),
        fresh_scan=True,
        send=lambda t: {"json": {"answers": {"flexibility.1": 3, "facilities.2": None}}},
    ),
    Row("POST", AS + "/close", roles(403, 403, 403, 200), fresh_scan=True),
    Row(
        "POST",
        AS + "/shares",
        roles(403, 403, 403, 201),
        fresh_scan=True,
        send=lambda t: {"json": {"email": t.world.colleague.email, "role": "edit"}},
    ),
    Row("GET", AS + "/shares", OWNER_ONLY),
    Row(
        "DELETE",
        AS + "/shares/{share_id}",
        roles(403, 403, 403, 204),
        url=AS + "/shares/{scan_viewer_share_id}",
        label="the viewer's share",
        fresh_scan=True,
    ),
    Row("GET", "/scans", signed_in(200)),
    Row(
        "POST", "/scans", signed_in(303), send=lambda t: {"data": {"title": "Teamscan", "level": "programme"}}
    ),
    Row("GET", S, READ),
    Row("GET", S + "/results", READ),
    Row(
        "POST",
        S + "/answers",
        roles(403, 403, 303, 303),
        fresh_scan=True,
        send=lambda t: {"data": {"flexibility.1": "2", "flexibility.2": "dk"}},
    ),
    Row("POST", S + "/close", roles(403, 403, 403, 303), fresh_scan=True),
    Row(
        "POST",
        S + "/shares",
        roles(403, 403, 403, 303),
        fresh_scan=True,
        send=lambda t: {"data": {"email": t.world.colleague.email, "role": "view"}},
    ),
    Row(
        "POST",
        S + "/shares/{user_id}/remove",
        roles(403, 403, 403, 303),
        url=S + "/shares/{viewer_id}/remove",
        label="the viewer's share",
        fresh_scan=True,
    ),
]

CASES = [pytest.param(row, persona, id=f"{row.name} {persona}") for row in TABLE for persona in PERSONAS]


@pytest.mark.parametrize(("row", "persona"), CASES)
def test_access(
    row: Row, persona: str, world: World, shared_design: int, shared_scan: int, shared_programme: int, app
):
    target = Target(world, world.new_design() if row.fresh else shared_design, persona)
    target.scan_id = world.new_scan() if row.fresh_scan else shared_scan
    target.programme_id = world.new_programme() if row.fresh_programme else shared_programme
    if row.prepare:
        row.prepare(target)
    url = (row.url or row.route).format(**target.params())
    with ExitStack() as stack:
        client = world.clients[persona]
        if row.own_session and persona != "anonymous":
            client = stack.enter_context(TestClient(app))
            r = client.post(
                "/api/auth/login", json={"email": world.clients[persona].email, "password": PASSWORD}
            )
            client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        if row.own_account and persona != "anonymous":
            client = sign_up_and_in(stack.enter_context(TestClient(app)), name=persona.capitalize())
        r = client.request(row.method, url, follow_redirects=False, **row.send(target))
    expected = row.expected(persona)
    assert r.status_code == expected, (
        f"{row.method} {url} as {persona}: expected {expected}, got {r.status_code}: {r.text[:500]}"
    )
    # SPEC §11: the headers on every answer of every route, refusals included
    assert r.headers.get("content-security-policy") == CSP, f"{row.method} {url} as {persona}"
    assert r.headers.get("x-content-type-options") == "nosniff", f"{row.method} {url} as {persona}"
    assert r.headers.get("referrer-policy") == "same-origin", f"{row.method} {url} as {persona}"
    api = url.startswith("/api/")
    if persona == "anonymous":
        if api:
            assert r.json()["detail"]
        else:
            assert r.headers["location"].split("?")[0] == "/signin"
    elif expected in (403, 404):
        if api:
            assert r.json()["detail"]
        else:
            assert r.headers["content-type"].startswith("text/html")


# --- every route has a row ----------------------------------------------------------


def app_routes(app) -> set[tuple[str, str]]:
    iterate = getattr(routing, "iter_route_contexts", list)  # FastAPI ≥ 0.16x nests routers
    found = set()
    for route in iterate(app.routes):
        if route.path in FRAMEWORK:
            continue
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return found


def test_every_route_has_a_row(app):
    routes = app_routes(app)
    assert len(routes) > 30  # the walk over the app's routes found them
    covered = {(row.method, row.route) for row in TABLE}
    missing = sorted(routes - covered - PUBLIC)
    assert not missing, (
        "Routes without a row in the authorization table (add one to TABLE, or to PUBLIC "
        f"if anyone may use it): {', '.join(f'{m} {p}' for m, p in missing)}"
    )
    stale = sorted((covered | PUBLIC) - routes)
    assert not stale, f"Rows for routes the app does not have: {stale}"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/healthz", 200),
        ("GET", "/signin", 200),
        ("GET", "/signup", 200),
        ("GET", "/lang/en", 303),
        ("POST", "/api/auth/logout", 200),
    ],
)
def test_public_routes_need_no_session(anon_client, method, path, status):
    assert anon_client.request(method, path, follow_redirects=False).status_code == status


# --- how a refusal is answered --------------------------------------------------------


def test_htmx_request_without_session_is_told_to_redirect(world, shared_design):
    r = world.clients["anonymous"].post(
        f"/designs/{shared_design}/edit/goal-add",
        data={"text": "x", "version": 1},
        headers={"HX-Request": "true"},
        follow_redirects=False,
    )
    assert r.status_code == 401
    assert r.headers["HX-Redirect"] == f"/signin?next=/designs/{shared_design}/edit/goal-add"


def test_htmx_request_beyond_the_role_gets_a_toast(world, shared_design):
    r = world.clients["viewer"].post(
        f"/designs/{shared_design}/edit/goal-add",
        data={"text": "x", "version": 1},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 403
    assert r.headers["HX-Retarget"] == "#status"
    assert 'role="alert"' in r.text and "toast-error" in r.text


def test_refusals_change_nothing(world, shared_design):
    before = world.clients["owner"].get(f"/api/designs/{shared_design}").json()
    for persona in ("stranger", "viewer", "commenter"):
        r = world.clients[persona].post(
            f"/designs/{shared_design}/edit/goal-add",
            data={"text": "Ingeslopen", "version": before["version"]},
        )
        assert r.status_code in (403, 404)
    after = world.clients["owner"].get(f"/api/designs/{shared_design}").json()
    assert after == before


def test_unknown_design_is_404_for_everyone(world):
    owner = world.clients["owner"]
    assert owner.get("/api/designs/999999").status_code == 404
    r = owner.get("/designs/999999")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_the_list_shows_only_what_you_may_see(world, shared_design):
    for persona in ("viewer", "commenter", "editor", "owner"):
        listed = {d["id"] for d in world.clients[persona].get("/api/designs").json()}
        assert shared_design in listed, persona
    listed = world.clients["stranger"].get("/api/designs").json()
    assert shared_design not in {d["id"] for d in listed}
    # a stranger sees the examples and what they made themselves
    assert any(d["example"] for d in listed) and all(d["example"] or d["owned"] for d in listed)


def example_id() -> int:
    with Session(get_engine()) as session:
        return session.exec(
            select(DesignRecord.id).where(DesignRecord.example_slug == "marketing-communicatie")
        ).one()


def test_examples_are_visible_to_anyone_signed_in_and_read_only(world):
    design_id = example_id()
    stranger = world.clients["stranger"]
    assert stranger.get(f"/designs/{design_id}").status_code == 200
    assert stranger.get(f"/api/designs/{design_id}").status_code == 200
    assert stranger.post(f"/designs/{design_id}/copy", follow_redirects=False).status_code == 303
    version = stranger.get(f"/api/designs/{design_id}").json()["version"]
    assert (
        stranger.post(
            f"/designs/{design_id}/edit/goal-add", data={"text": "x", "version": version}
        ).status_code
        == 403
    )
    assert stranger.post(f"/designs/{design_id}/review/comments", data={"body": "x"}).status_code == 403
    assert world.clients["anonymous"].get(f"/api/designs/{design_id}").status_code == 401
