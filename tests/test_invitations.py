"""Invitations (SPEC §6): sharing with an address that has no account makes a one-time
link; whoever signs up or signs in through it (or accepts it through the API) gets the
share in its role, and the inviter is told. The owner sees pending invitations beside the
shares and can withdraw them; a failed share form keeps what was typed (finding 31)."""

from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from mailserver import link_in, mail_server  # noqa: F401 (a fixture)
from sqlmodel import Session, select
from webfixtures import PASSWORD, sign_up_and_in, unique_email

from wave.db import get_engine
from wave.models import DesignEvent, Invitation, Share

DOC = {
    "format": "wave.design/v1",
    "title": "Marketing, blok 2",
    "template": "linear",
    "goals": [],
    "phases": [{"id": "p1", "title": "Week 1", "kind": "sequence", "activities": []}],
    "links": [],
}
EN = {"Accept-Language": "en"}


def new_design(http) -> int:
    r = http.post("/api/designs", json=DOC)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def invite(owner, design_id: int, email: str, role: str = "comment") -> str:
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": email, "role": role})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["email"] == email and body["role"] == role and body.get("user_id") is None
    return body["invitation"]


def token_of(link: str) -> str:
    return urlsplit(link).path.rsplit("/", 1)[-1]


def share_role(design_id: int, user_id: int) -> str | None:
    with Session(get_engine()) as session:
        share = session.exec(
            select(Share).where(Share.design_id == design_id, Share.user_id == user_id)
        ).first()
    return share.role if share else None


def told(design_id: int, recipient: int) -> list[tuple[str, int]]:
    with Session(get_engine()) as session:
        events = session.exec(
            select(DesignEvent).where(
                DesignEvent.design_id == design_id, DesignEvent.recipient_id == recipient
            )
        ).all()
    return [(e.kind, e.actor_id) for e in events]


def form_token(client, path: str) -> str:
    return html(client.get(path)).one("input", name="form_token").attrs["value"]


@pytest.fixture
def owner(client):
    return client


def test_sharing_with_an_unknown_address_makes_an_invitation(owner):
    design_id = new_design(owner)
    email = unique_email("coach")
    link = invite(owner, design_id, email)
    assert urlsplit(link).path.startswith("/invitations/")
    token = token_of(link)
    with Session(get_engine()) as session:  # only a hash of the token is kept
        stored = session.exec(select(Invitation).where(Invitation.design_id == design_id)).one()
    assert stored.token_hash != token and token not in stored.token_hash
    listed = owner.get(f"/api/designs/{design_id}/shares").json()
    assert listed == [{"id": stored.id, "email": email, "role": "comment", "kind": "invitation"}]


def test_signing_up_through_the_link_gives_the_share_in_its_role(app, owner):
    design_id = new_design(owner)
    email = unique_email("coach")
    link = invite(owner, design_id, email, role="comment")
    with TestClient(app) as browser:
        r = browser.get(urlsplit(link).path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/signin?invitation={token_of(link)}"
        signin = html(browser.get(r.headers["location"]))
        note = signin.one(id="invitation-note").text()
        assert "Docent nodigt je uit om feedback te geven op het ontwerp “Marketing, blok 2”" in note
        [signup_path] = [a.attrs["href"] for a in signin.find_all("a") if a.text() == "Maak er een aan"]
        assert signup_path == f"/signup?invitation={token_of(link)}"
        signup = html(browser.get(signup_path))
        assert signup.one("input", name="email").attrs["value"] == email  # pre-filled
        r = browser.post(
            "/signup",
            data={
                "name": "Coach Carla",
                "email": email,
                "password": PASSWORD,
                "invitation": token_of(link),
                "form_token": signup.one("input", name="form_token").attrs["value"],
            },
        )
        assert r.status_code == 200 and urlsplit(str(r.url)).path == f"/designs/{design_id}"
        assert any(d["id"] == design_id for d in browser.get("/api/designs").json())
    with Session(get_engine()) as session:
        invitation = session.exec(select(Invitation).where(Invitation.design_id == design_id)).one()
    coach_id = invitation.accepted_by
    assert coach_id is not None and invitation.accepted_at is not None
    assert share_role(design_id, coach_id) == "comment"
    assert ("invitation-accepted", coach_id) in told(design_id, owner.user_id)
    # the list now holds the share, no pending invitation
    listed = owner.get(f"/api/designs/{design_id}/shares").json()
    assert [(s["email"], s["role"], s["kind"]) for s in listed] == [(email, "comment", "share")]


def test_signing_in_through_the_link_gives_the_share(app, owner, other_client):
    design_id = new_design(owner)
    link = invite(owner, design_id, unique_email("collega"), role="edit")
    colleague = other_client  # someone with an account already, under another address
    with TestClient(app) as c:
        path = f"/signin?invitation={token_of(link)}"
        r = c.post(
            "/signin",
            data={
                "email": colleague.email,
                "password": PASSWORD,
                "invitation": token_of(link),
                "next": "/",
                "form_token": form_token(c, path),
            },
        )
        assert r.status_code == 200 and urlsplit(str(r.url)).path == f"/designs/{design_id}"
    assert share_role(design_id, colleague.user_id) == "edit"


def test_the_accept_endpoint_and_a_used_invitation(app, owner, other_client):
    design_id = new_design(owner)
    token = token_of(invite(owner, design_id, unique_email("coach"), role="view"))
    r = other_client.post(f"/api/invitations/{token}/accept")
    assert r.status_code == 200, r.text
    assert r.json() == {"design_id": design_id, "role": "view"}
    assert other_client.get(f"/api/designs/{design_id}").status_code == 200
    assert other_client.post(f"/api/invitations/{token}/accept").status_code == 200  # again: the same
    # someone else: used
    third = sign_up_and_in(TestClient(app), name="Derde")
    r = third.post(f"/api/invitations/{token}/accept", headers=EN)
    assert r.status_code == 410
    assert r.json()["detail"] == "This invitation has been used already: an invitation works once."
    assert third.get(f"/api/designs/{design_id}").status_code == 404
    page = third.get(f"/invitations/{token}")
    assert page.status_code == 410
    assert html(page).one(id="invitation-refused").text().startswith("Deze uitnodiging is al gebruikt")
    with TestClient(app) as anonymous:  # said before signing in too
        assert anonymous.get(f"/invitations/{token}", follow_redirects=False).status_code == 410


def test_a_higher_role_one_has_stays(owner, other_client):
    design_id = new_design(owner)
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "edit"})
    assert (
        r.status_code == 201 and r.json()["user_id"] == other_client.user_id and "invitation" not in r.json()
    )
    token = token_of(invite(owner, design_id, unique_email("nog-een"), role="view"))
    assert other_client.post(f"/api/invitations/{token}/accept").json()["role"] == "edit"


def test_the_owner_opening_the_link_leaves_it_unused(owner):
    design_id = new_design(owner)
    link = invite(owner, design_id, unique_email("coach"))
    r = owner.get(urlsplit(link).path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/designs/{design_id}"
    assert [s["kind"] for s in owner.get(f"/api/designs/{design_id}/shares").json()] == ["invitation"]


@pytest.mark.parametrize("token", ["geen-uitnodiging-met-dit-token", "kort", "x" * 300, "ab$cd~" * 5])
def test_a_bad_token_is_404(client, anon_client, token):
    r = client.post(f"/api/invitations/{token}/accept")
    assert r.status_code == 404 and r.json()["detail"]
    r = client.get(f"/invitations/{token}")
    assert r.status_code == 404
    assert html(r).one(id="invitation-refused").attrs["data-reason"] == "unknown"
    assert anon_client.get(f"/invitations/{token}", follow_redirects=False).status_code == 404


def test_accepting_needs_a_session(anon_client, owner):
    token = token_of(invite(owner, new_design(owner), unique_email("coach")))
    assert anon_client.post(f"/api/invitations/{token}/accept").status_code == 401


def test_only_the_owner_invites(owner, other_client):
    design_id = new_design(owner)
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "edit"})
    assert r.status_code == 201
    email = unique_email("via-collega")
    r = other_client.post(f"/api/designs/{design_id}/shares", json={"email": email, "role": "view"})
    assert r.status_code == 403
    r = other_client.post(f"/designs/{design_id}/review/shares", data={"email": email, "role": "view"})
    assert r.status_code == 403
    assert owner.get(f"/api/designs/{design_id}/shares").json()[0]["kind"] == "share"
    with Session(get_engine()) as session:
        assert session.exec(select(Invitation).where(Invitation.design_id == design_id)).all() == []


def test_the_owner_withdraws_an_invitation(owner, other_client):
    design_id = new_design(owner)
    token = token_of(invite(owner, design_id, unique_email("coach")))
    [pending] = owner.get(f"/api/designs/{design_id}/shares").json()
    r = owner.delete(f"/api/designs/{design_id}/invitations/{pending['id']}")
    assert r.status_code == 204
    assert owner.get(f"/api/designs/{design_id}/shares").json() == []
    assert other_client.post(f"/api/invitations/{token}/accept").status_code == 404
    assert owner.delete(f"/api/designs/{design_id}/invitations/{pending['id']}").status_code == 404

    # in the review panel: the same list, with a withdraw button
    token = token_of(invite(owner, design_id, unique_email("coach")))
    [pending] = owner.get(f"/api/designs/{design_id}/shares").json()
    panel = html(owner.get(f"/designs/{design_id}")).one(id="share-list")
    item = panel.one("li", data_invitation=str(pending["id"]))
    assert pending["email"] in item.text() and "uitgenodigd, nog geen account" in item.text()
    r = owner.post(f"/designs/{design_id}/review/invitations/{pending['id']}/withdraw")
    assert r.status_code == 200
    assert html(r).find("li", data_invitation=str(pending["id"])) is None
    r = owner.post(f"/designs/{design_id}/review/invitations/{pending['id']}/withdraw")
    assert r.status_code == 422 and "ingetrokken" in html(r).one(id="share-error").text()


def test_the_share_form_shows_the_link_to_copy(owner):
    design_id = new_design(owner)
    email = unique_email("coach")
    r = owner.post(f"/designs/{design_id}/review/shares", data={"email": email, "role": "comment"})
    assert r.status_code == 200
    panel = html(r)
    box = panel.one(id="invitation-box")
    assert email in box.text() and "heeft nog geen account" in box.text()
    link = panel.one("input", id="invitation-link").attrs["value"]
    assert urlsplit(link).path.startswith("/invitations/")
    assert panel.one("button", data_copy="invitation-link").text().strip() == "Link kopiëren"
    assert "open" in panel.one("details", class_="share-panel").attrs
    assert panel.one("li", data_invitation=True).one(class_="badge").text() == "Reageren (coach)"


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("geen-adres", "comment", "Vul een geldig e-mailadres in."),
        ("{own}", "view", "Dit ontwerp is al van deze persoon."),
        ("coach@school.example", "beheren", "Kies bewerken, reageren of bekijken."),
    ],
)
def test_a_failed_share_form_keeps_what_was_typed(owner, email, role, message):
    design_id = new_design(owner)
    email = email.format(own=owner.email)
    r = owner.post(f"/designs/{design_id}/review/shares", data={"email": email, "role": role})
    assert r.status_code == 422
    form = html(r).one("form", id="share-form")
    field = form.one("input", name="email")
    assert field.attrs["value"] == email and field.attrs["aria-invalid"] == "true"
    selected = [o.attrs["value"] for o in form.find_all("option") if "selected" in o.attrs]
    assert selected == ([role] if role != "beheren" else [])  # the role typed, not edit
    assert form.one(id="share-error").text() == message
    assert owner.get(f"/api/designs/{design_id}/shares").json() == []


def test_the_invitation_is_mailed_when_wave_sends_mail(mail_server, app, owner):  # noqa: F811
    design_id = new_design(owner)
    email = unique_email("coach")
    link = invite(owner, design_id, email, role="comment")
    mail = mail_server.wait_for(email)
    assert mail["Subject"] == "Docent heeft een ontwerp met je gedeeld in Wave"
    assert "feedback te geven op het ontwerp “Marketing, blok 2”" in mail.get_content()
    assert link_in(mail) == link
    r = owner.post(f"/designs/{design_id}/review/shares", data={"email": email, "role": "view"})
    assert "We hebben hem ook gemaild." in html(r).one(id="invitation-box").text()
    second = link_in(mail_server.wait_for(email, 2))  # a new invitation replaces the first
    with TestClient(app) as c:
        someone = sign_up_and_in(c)
        assert someone.post(f"/api/invitations/{token_of(link)}/accept").status_code == 404
        assert someone.post(f"/api/invitations/{token_of(second)}/accept").json()["role"] == "view"
