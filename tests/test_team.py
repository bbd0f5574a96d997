"""Consent: a team (own activities and templates used together) only by an accepted
invitation, ended by either side; a share of a design ended by its owner or left by
the person it is shared with. Through the account page, the review panel and the API."""

import pytest
from fastapi.testclient import TestClient
from htmltree import Node, html
from sqlalchemy import func
from sqlmodel import Session, select
from webfixtures import sign_up_and_in, unique_email

from wave.db import get_engine
from wave.models import Share, TeamLink

DOC = {
    "format": "wave.design/v1",
    "title": "Team-test",
    "template": "linear",
    "goals": [{"id": "g1", "text": "De student legt het 4P-model uit"}],
    "phases": [
        {
            "id": "p1",
            "title": "Week 1",
            "kind": "sequence",
            "activities": [
                {"id": "a1", "activity": "kennisclip", "mode": "online", "timing": "async", "goals": ["g1"]}
            ],
        }
    ],
    "links": [],
}
EN = {"Accept-Language": "en"}


def person(app, name: str):
    return sign_up_and_in(TestClient(app), name=name)


def new_design(http) -> int:
    r = http.post("/api/designs", json=DOC)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def share(owner, design_id: int, other, role: str = "edit") -> None:
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": other.email, "role": role})
    assert r.status_code == 201, r.text


def links(*where) -> int:
    with Session(get_engine()) as session:
        return session.exec(select(func.count()).select_from(TeamLink).where(*where)).one()


def links_between(a, b, *where) -> int:
    return links(
        ((TeamLink.owner_id == a.user_id) & (TeamLink.member_id == b.user_id))
        | ((TeamLink.owner_id == b.user_id) & (TeamLink.member_id == a.user_id)),
        *where,
    )


class Material:
    """A person with a design of their own, a custom activity and a custom template."""

    def __init__(self, http, name: str):
        self.http, self.design_id = http, new_design(http)
        self.activity = f"Activiteit van {name}"
        self.template = f"Sjabloon van {name}"
        r = http.post(
            f"/designs/{self.design_id}/custom-activities",
            data={
                "title": self.activity,
                "learning_type": "acquisition",
                "interactions": ["student-content"],
                "modes": ["online"],
                "minutes": "20",
            },
        )
        assert r.status_code == 204, r.text
        r = http.post(f"/designs/{self.design_id}/save-template", data={"name": self.template})
        assert r.status_code == 200, r.text

    def activities_seen(self) -> set[str]:
        page = html(self.http.get(f"/designs/{self.design_id}"))
        listing = page.one("ul", id="catalogue-list")
        return {li.find(class_="cat-name").text() for li in listing.find_all("li", data_custom=True)}

    def templates_offered(self) -> set[str]:
        form = html(self.http.get("/")).one("form", id="new-design")
        return {
            label.text()
            for label in form.find_all("label")
            if (choice := label.find("input", name="template"))
            and choice.attrs["value"].startswith("custom-")
        }

    def sees(self, other: "Material") -> bool:
        """Whether this person sees the other's activity and template; both or neither."""
        activity = other.activity in self.activities_seen()
        template = any(other.template in t for t in self.templates_offered())
        assert activity == template, (activity, template)
        return activity


@pytest.fixture
def pair(app):
    """Two people with material of their own, not in a team."""
    return Material(person(app, "Anne"), "Anne"), Material(person(app, "Bart"), "Bart")


def invite(inviter, invitee_email: str, headers: dict | None = None):
    return inviter.post(
        "/account/team/invite", data={"email": invitee_email}, headers=headers or {}, follow_redirects=False
    )


def account(http, headers: dict | None = None) -> Node:
    r = http.get("/account", headers=headers or {})
    assert r.status_code == 200, r.text
    return html(r).one("section", id="team")


def people_in(team: Node, list_id: str) -> dict[str, str]:
    """Who is in a list of the team section, with their buttons' actions."""
    listing = team.find("ul", id=list_id)
    if listing is None:
        return {}
    return {
        li.attrs["data-person"]: " ".join(f.attrs["data-action"] for f in li.find_all("form"))
        for li in listing.find_all("li", data_person=True)
    }


# --- a share makes no team ----------------------------------------------------------


def test_an_edit_share_alone_shares_no_material(pair):
    anne, bart = pair
    share(anne.http, anne.design_id, bart.http, "edit")
    share(bart.http, bart.design_id, anne.http, "edit")
    assert not anne.sees(bart) and not bart.sees(anne)
    # not even on a design they share: each sees only their own
    on_annes = html(bart.http.get(f"/designs/{anne.design_id}")).one("ul", id="catalogue-list")
    assert [li.find(class_="cat-name").text() for li in on_annes.find_all("li", data_custom=True)] == [
        bart.activity
    ]


# --- invite, accept, decline, end -------------------------------------------------------


def test_invite_then_accept_makes_a_team_both_ways(pair):
    anne, bart = pair
    r = invite(anne.http, bart.http.email.upper())  # the address as typed
    assert r.status_code == 303 and r.headers["location"] == "/account#team"
    # an invitation is no team yet
    assert not anne.sees(bart) and not bart.sees(anne)
    assert people_in(account(anne.http), "team-sent") == {str(bart.http.user_id): "end"}
    assert people_in(account(bart.http), "team-invitations") == {str(anne.http.user_id): "accept end"}
    note = html(bart.http.get("/")).one("section", id="team-invitations-note")
    assert "Anne" in note.text() and note.find("a", href="/account#team") is not None

    r = bart.http.post(f"/account/team/{anne.http.user_id}/accept", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/account#team"
    assert anne.sees(bart) and bart.sees(anne)
    anne_team, bart_team = account(anne.http, EN), account(bart.http, EN)
    assert people_in(anne_team, "team-members") == {str(bart.http.user_id): "end"}
    assert people_in(bart_team, "team-members") == {str(anne.http.user_id): "end"}
    # the one who invited removes, the one invited leaves; the name is in the button for screen readers
    assert anne_team.one("ul", id="team-members").find("button").text() == "Remove : Bart"
    assert bart_team.one("ul", id="team-members").find("button").text() == "Leave : Anne"
    assert people_in(bart_team, "team-invitations") == {} and people_in(anne_team, "team-sent") == {}
    assert html(bart.http.get("/")).find("section", id="team-invitations-note") is None
    # a team gives no access to designs
    assert anne.http.get(f"/api/designs/{bart.design_id}").status_code == 404


def test_decline_ends_the_invitation(pair):
    anne, bart = pair
    invite(anne.http, bart.http.email)
    r = bart.http.post(f"/account/team/{anne.http.user_id}/end", follow_redirects=False)
    assert r.status_code == 303
    assert links_between(anne.http, bart.http) == 0
    assert not anne.sees(bart) and not bart.sees(anne)
    # a declined invitation cannot be accepted afterwards
    r = bart.http.post(f"/account/team/{anne.http.user_id}/accept")
    assert r.status_code == 404
    assert not bart.sees(anne)
    # and may be sent again
    assert invite(anne.http, bart.http.email).status_code == 303


def test_withdraw_an_invitation(pair):
    anne, bart = pair
    invite(anne.http, bart.http.email)
    assert anne.http.post(f"/account/team/{bart.http.user_id}/end", follow_redirects=False).status_code == 303
    assert people_in(account(bart.http), "team-invitations") == {}
    assert bart.http.post(f"/account/team/{anne.http.user_id}/accept").status_code == 404
    assert links_between(anne.http, bart.http) == 0


@pytest.mark.parametrize("who", ["the one who invited removes", "the one invited leaves"])
def test_either_side_ends_the_team(pair, who):
    anne, bart = pair
    invite(anne.http, bart.http.email)
    bart.http.post(f"/account/team/{anne.http.user_id}/accept")
    assert anne.sees(bart) and bart.sees(anne)
    ender, other = (anne, bart) if who.startswith("the one who invited") else (bart, anne)
    r = ender.http.post(f"/account/team/{other.http.user_id}/end", follow_redirects=False)
    assert r.status_code == 303
    assert not anne.sees(bart) and not bart.sees(anne)
    assert people_in(account(anne.http), "team-members") == {}
    assert people_in(account(bart.http), "team-members") == {}
    # ending it again: there is nothing to end
    r = ender.http.post(f"/account/team/{other.http.user_id}/end")
    assert r.status_code == 404
    assert "niet (meer)" in html(r).one(id="team-error").text()


def test_accepting_is_for_the_one_invited(pair, app):
    anne, bart = pair
    invite(anne.http, bart.http.email)
    # Anne cannot accept her own invitation on Bart's behalf
    r = anne.http.post(f"/account/team/{bart.http.user_id}/accept", headers=EN)
    assert r.status_code == 404
    assert "nothing changed" in html(r).one(id="team-error").text()
    assert links_between(anne.http, bart.http, TeamLink.accepted) == 0
    assert not anne.sees(bart)
    # someone else can neither accept nor end a link between the two
    carla = person(app, "Carla")
    assert carla.post(f"/account/team/{anne.http.user_id}/accept").status_code == 404
    assert carla.post(f"/account/team/{anne.http.user_id}/end").status_code == 404
    assert links_between(anne.http, bart.http) == 1


def test_the_team_forms_carry_the_csrf_token_and_need_it(pair):
    anne, bart = pair
    invite(anne.http, bart.http.email)
    team = account(bart.http)
    forms = team.find_all("form")
    assert {f.attrs["action"] for f in forms} == {
        f"/account/team/{anne.http.user_id}/accept",
        f"/account/team/{anne.http.user_id}/end",
        "/account/team/invite",
    }
    token = bart.http.headers["X-CSRF-Token"]
    for form in forms:
        assert form.attrs["method"] == "post"
        assert form.one("input", name="csrf_token").attrs["value"] == token
    # every field has its label
    field = team.one("form", id="team-invite").one("input", name="email")
    assert field.attrs["type"] == "email" and "required" in field.attrs
    assert "e-mail" in team.one("form", id="team-invite").one("label").text()
    r = bart.http.post(
        f"/account/team/{anne.http.user_id}/accept", headers={"X-CSRF-Token": ""}, data={"csrf_token": "x"}
    )
    assert r.status_code == 403
    assert not bart.sees(anne)


BAD_INVITES = [
    pytest.param(lambda a, b: unique_email("niemand"), "geen account", "no account", id="unknown address"),
    pytest.param(lambda a, b: a.email, "je eigen e-mailadres", "your own e-mail address", id="yourself"),
    pytest.param(lambda a, b: b.email, "al uitgenodigd", "invited this person already", id="already invited"),
]


@pytest.mark.parametrize(("email", "nl", "en"), BAD_INVITES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_bad_invitation_says_why_and_changes_nothing(pair, email, nl, en, lang):
    anne, bart = pair
    invite(anne.http, bart.http.email)  # for "already invited"
    before = links()
    typed = email(anne.http, bart.http)
    r = invite(anne.http, typed, EN if lang == "en" else None)
    assert r.status_code == 422
    form = html(r).one("form", id="team-invite")
    error = form.one("p", id="team-invite-error")
    assert error.attrs["role"] == "alert"
    assert (en if lang == "en" else nl) in error.text()
    field = form.one("input", name="email")
    assert field.attrs["value"] == typed and field.attrs["aria-invalid"] == "true"
    assert "team-invite-error" in field.attrs["aria-describedby"].split()
    assert links() == before
    assert not anne.sees(bart)


def test_inviting_someone_already_in_the_team_or_who_invited_you(pair):
    anne, bart = pair
    invite(bart.http, anne.http.email)
    r = invite(anne.http, bart.http.email, EN)
    assert r.status_code == 422
    assert "has invited you already" in html(r).one(id="team-invite-error").text()
    anne.http.post(f"/account/team/{bart.http.user_id}/accept")
    r = invite(anne.http, bart.http.email)
    assert r.status_code == 422
    assert "zit al in je team" in html(r).one(id="team-invite-error").text()
    assert links_between(anne.http, bart.http) == 1


def test_waiting_invitations_are_limited(pair, app, monkeypatch):
    anne, bart = pair
    monkeypatch.setattr("wave.team.MAX_PENDING", 1)
    invite(anne.http, bart.http.email)
    r = invite(anne.http, person(app, "Carla").email, EN)
    assert r.status_code == 422
    assert "withdraw one first" in html(r).one(id="team-invite-error").text()
    assert links(TeamLink.owner_id == anne.http.user_id) == 1


def test_an_invitation_with_a_control_character_is_refused(pair):
    anne, bart = pair
    before = links()
    r = invite(anne.http, bart.http.email + "\x00")
    assert r.status_code == 422
    assert "stuurteken" in html(r).text()
    assert links() == before


# --- shares: removed by the owner, left by the person ---------------------------------


def shares_of(design_id: int) -> set[int]:
    with Session(get_engine()) as session:
        return set(session.exec(select(Share.user_id).where(Share.design_id == design_id)))


def gone_for(http, design_id: int) -> bool:
    """The design does not exist for this person: 404 everywhere, not on their list."""
    return (
        http.get(f"/api/designs/{design_id}").status_code == 404
        and http.get(f"/designs/{design_id}").status_code == 404
        and design_id not in {d["id"] for d in http.get("/api/designs").json()}
    )


def api_share_id(owner, design_id: int, person) -> int:
    listed = owner.get(f"/api/designs/{design_id}/shares").json()
    return next(s["id"] for s in listed if s["email"] == person.email)


def test_the_owner_lists_and_removes_a_share_through_the_api(client, other_client):
    design_id = new_design(client)
    share(client, design_id, other_client, "comment")
    assert not gone_for(other_client, design_id)
    listed = client.get(f"/api/designs/{design_id}/shares").json()
    assert [(s["email"], s["role"]) for s in listed] == [(other_client.email, "comment")]
    share_id = listed[0]["id"]
    r = client.delete(f"/api/designs/{design_id}/shares/{share_id}", headers={"X-CSRF-Token": ""})
    assert r.status_code == 403  # a write without a JSON body carries the session's token
    assert shares_of(design_id) == {other_client.user_id}
    r = client.delete(f"/api/designs/{design_id}/shares/{share_id}")
    assert r.status_code == 204 and r.content == b""
    assert gone_for(other_client, design_id)
    assert shares_of(design_id) == set()
    r = client.delete(f"/api/designs/{design_id}/shares/{share_id}", headers=EN)
    assert r.status_code == 404 and "does not exist" in r.json()["detail"]


def test_someone_it_is_shared_with_leaves_through_the_api_but_removes_no_one_else(app, client):
    viewer, editor = person(app, "Kijker"), person(app, "Bewerker")
    design_id = new_design(client)
    share(client, design_id, viewer, "view")
    share(client, design_id, editor, "edit")
    viewer_share = api_share_id(client, design_id, viewer)
    assert editor.get(f"/api/designs/{design_id}/shares").status_code == 403
    assert editor.delete(f"/api/designs/{design_id}/shares/{viewer_share}").status_code == 403
    assert shares_of(design_id) == {viewer.user_id, editor.user_id}
    assert editor.post(f"/api/designs/{design_id}/leave").status_code == 204
    assert gone_for(editor, design_id) and not gone_for(viewer, design_id)
    # the owner has no share to leave; someone who left does not see the design any more
    assert client.post(f"/api/designs/{design_id}/leave").status_code == 404
    assert editor.post(f"/api/designs/{design_id}/leave").status_code == 404
    assert client.delete(f"/api/designs/{design_id}/shares/0").status_code == 422
    other = new_design(client)  # a share id of another design is not this design's
    assert client.delete(f"/api/designs/{other}/shares/{viewer_share}").status_code == 404


def review_panel(http, design_id: int) -> Node:
    return html(http.get(f"/designs/{design_id}")).one("section", id="review")


def test_the_owner_removes_a_share_in_the_review_panel(client, other_client):
    design_id = new_design(client)
    share(client, design_id, other_client, "edit")
    panel = review_panel(client, design_id)
    button = panel.one("button", data_unshare=str(other_client.user_id))
    assert button.text() == "Verwijderen : Coach"
    assert panel.find("form", id="leave-design") is None  # the owner has nothing to leave
    r = client.post(
        f"/designs/{design_id}/review/shares/{other_client.user_id}/remove", headers={"HX-Request": "true"}
    )
    assert r.status_code == 200
    fragment = html(r).one("section", id="review")
    assert fragment.find("li", data_share=str(other_client.user_id)) is None
    assert gone_for(other_client, design_id)
    # removing it again: said in the panel, nothing else changes
    r = client.post(
        f"/designs/{design_id}/review/shares/{other_client.user_id}/remove",
        headers={"HX-Request": "true", **EN},
    )
    assert r.status_code == 422
    assert "no access to this design" in html(r).one(id="share-error").text()


def test_someone_it_is_shared_with_leaves_in_the_review_panel(client, other_client):
    design_id = new_design(client)
    share(client, design_id, other_client, "comment")
    panel = review_panel(other_client, design_id)
    form = panel.one("form", id="leave-design")
    assert form.attrs["method"] == "post" and form.attrs["action"] == f"/designs/{design_id}/review/leave"
    assert form.one("input", name="csrf_token").attrs["value"] == other_client.headers["X-CSRF-Token"]
    assert panel.find("button", data_unshare=True) is None  # only the owner removes shares
    r = other_client.post(f"/designs/{design_id}/review/leave", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert gone_for(other_client, design_id)
    assert review_panel(client, design_id).find("li", data_share=True) is None
    # the owner cannot leave their own design
    r = client.post(f"/designs/{design_id}/review/leave", headers=EN)
    assert r.status_code == 422 and "yours" in html(r).text()


def test_an_example_has_nothing_to_leave(client):
    examples = [d for d in client.get("/api/designs").json() if d["example"]]
    design_id = examples[0]["id"]
    assert review_panel(client, design_id).find("form", id="leave-design") is None
    assert client.post(f"/designs/{design_id}/review/leave").status_code == 422
    assert client.post(f"/api/designs/{design_id}/leave").status_code == 404


def test_ending_a_share_leaves_the_team_and_the_other_way_round(pair):
    anne, bart = pair
    share(anne.http, anne.design_id, bart.http, "edit")
    invite(anne.http, bart.http.email)
    bart.http.post(f"/account/team/{anne.http.user_id}/accept")
    bart_share = api_share_id(anne.http, anne.design_id, bart.http)
    assert anne.http.delete(f"/api/designs/{anne.design_id}/shares/{bart_share}").status_code == 204
    assert bart.sees(anne)  # the team is its own consent
    share(anne.http, anne.design_id, bart.http, "edit")
    bart.http.post(f"/account/team/{anne.http.user_id}/end")
    assert not bart.sees(anne)
    assert not gone_for(bart.http, anne.design_id)  # and the share its own


def test_a_coach_with_only_shared_designs_is_not_told_to_start_one(client, other_client):
    """Finding: the coach's dashboard said "you have no designs yet, start one"."""
    empty = html(other_client.get("/")).one(id="no-own-designs").text()
    assert "nog geen ontwerpen" in empty.lower()
    design_id = new_design(client)
    stored = client.get(f"/api/designs/{design_id}").json()
    assert (
        client.put(f"/api/designs/{design_id}", json={**stored, "title": "Gedeeld met de coach"}).status_code
        == 200
    )
    share(client, design_id, other_client, "comment")
    page = html(other_client.get("/"))
    text = page.one(id="no-own-designs").text()
    assert "met je deelden" in text.lower() and "nog geen ontwerpen" not in text.lower()
    assert "Gedeeld met de coach" in page.one("ul", id="shared-designs").text()
