"""The coach's desk through the API (SPEC §6): the inbox (shared, review requested,
comment, reply, status), the review API (status, comments on the design, an activity
or a finding, replies, resolve) and the review queue `/review`."""

import pytest
from fastapi.testclient import TestClient
from htmltree import parse
from webfixtures import sign_up_and_in

ONE_CLIP = [
    {
        "id": "p1",
        "title": "Voorbereiding",
        "kind": "sequence",
        "activities": [{"id": "a1", "activity": "kennisclip", "mode": "online", "timing": "async"}],
    }
]


def make_design(client, title: str = "Review via de API") -> int:
    from wave.design_templates import get_templates

    design = get_templates()["linear"].new_design(title=title, language="nl").to_json()
    design["phases"] = ONE_CLIP
    r = client.post("/api/designs", json=design)
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture
def third_client(app):
    with TestClient(app) as c:
        yield sign_up_and_in(c, name="Collega")


def share(owner, design_id: int, person, role: str) -> None:
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": person.email, "role": role})
    assert r.status_code == 201, r.text


def kinds(client, design_id: int) -> list[str]:
    r = client.get("/api/inbox")
    assert r.status_code == 200, r.text
    return [e["kind"] for e in r.json() if e["design"]["id"] == design_id]


def test_inbox_follows_a_review_from_share_to_reply(client, other_client, third_client):
    teacher, coach, colleague = client, other_client, third_client
    design_id = make_design(teacher)
    share(teacher, design_id, coach, "comment")
    share(teacher, design_id, colleague, "edit")
    assert kinds(coach, design_id) == ["shared"]
    assert coach.get("/api/inbox").json()[0]["detail"] == "comment"

    r = teacher.post(f"/api/designs/{design_id}/status", json={"status": "in-review"})
    assert r.status_code == 200 and r.json() == {"status": "in-review"}
    assert kinds(coach, design_id)[0] == "review-requested"
    assert kinds(colleague, design_id)[0] == "status"

    r = coach.post(
        f"/api/designs/{design_id}/comments", json={"text": "Waar oefenen ze?", "rule": "blend.video-only"}
    )
    assert r.status_code == 201, r.text
    comment_id = r.json()["id"]
    r = coach.post(f"/api/designs/{design_id}/comments", json={"text": "Clip korter", "activity": "a1"})
    assert r.status_code == 201, r.text
    assert kinds(teacher, design_id)[:2] == ["comment", "comment"]
    assert kinds(colleague, design_id)[:2] == ["comment", "comment"]
    assert "comment" not in kinds(coach, design_id)  # nobody is told of their own comment

    r = coach.post(f"/api/designs/{design_id}/status", json={"status": "feedback-given"})
    assert r.status_code == 200, r.text
    assert kinds(teacher, design_id)[0] == "status"

    r = teacher.post(f"/api/comments/{comment_id}/replies", json={"text": "In de les, met de casus."})
    assert r.status_code == 201, r.text
    assert kinds(coach, design_id)[0] == "reply"
    latest = coach.get("/api/inbox").json()[0]
    assert latest["who"] == "Docent" and latest["detail"] == "In de les, met de casus."

    comments = teacher.get(f"/api/designs/{design_id}/comments").json()
    about = {c["text"]: (c["activity"], c["rule"]) for c in comments}
    assert about == {"Waar oefenen ze?": (None, "blend.video-only"), "Clip korter": ("a1", None)}
    assert [r["text"] for r in comments[0]["replies"]] == ["In de les, met de casus."]

    r = teacher.post(f"/api/comments/{comment_id}/resolve")
    assert r.status_code == 200 and r.json() == {"id": comment_id, "resolved": True}


def test_seen_marks_the_named_events_or_all(client, other_client):
    design_id = make_design(client)
    share(client, design_id, other_client, "comment")
    client.post(f"/api/designs/{design_id}/status", json={"status": "in-review"})
    events = other_client.get("/api/inbox?unseen=true").json()
    assert len(events) == 2
    r = other_client.post("/api/inbox/seen", json={"ids": [events[0]["id"]]})
    assert r.status_code == 200 and r.json() == {"marked": 1}
    assert len(other_client.get("/api/inbox?unseen=true").json()) == 1
    assert other_client.post("/api/inbox/seen", json={}).json() == {"marked": 1}
    assert other_client.get("/api/inbox?unseen=true").json() == []
    assert [e["seen"] for e in other_client.get("/api/inbox").json()] == [True, True]
    # opening the design marks its events seen too
    client.post(f"/api/designs/{design_id}/comments", json={"text": "Zelf een opmerking"})
    share(client, design_id, other_client, "edit")
    assert other_client.get("/api/inbox?unseen=true").json()
    other_client.get(f"/designs/{design_id}")
    assert other_client.get("/api/inbox?unseen=true").json() == []


def test_someone_elses_inbox_and_designs_stay_closed(client, other_client):
    design_id = make_design(client)
    client.post(f"/api/designs/{design_id}/comments", json={"text": "Voor mezelf"})
    assert other_client.get("/api/inbox").json() == []
    assert other_client.get(f"/api/designs/{design_id}/comments").status_code == 404
    assert other_client.post(f"/api/designs/{design_id}/comments", json={"text": "x"}).status_code == 404
    comment_id = client.get(f"/api/designs/{design_id}/comments").json()[0]["id"]
    assert other_client.post(f"/api/comments/{comment_id}/replies", json={"text": "x"}).status_code == 404
    assert other_client.post(f"/api/comments/{comment_id}/resolve").status_code == 404
    assert other_client.post("/api/comments/999999999/resolve").status_code == 404


def test_roles_decide_who_moves_the_status_and_who_comments(client, other_client, third_client):
    design_id = make_design(client)
    share(client, design_id, other_client, "comment")
    share(client, design_id, third_client, "view")
    # the coach cannot ask for review (the team does), a viewer cannot comment
    r = other_client.post(f"/api/designs/{design_id}/status", json={"status": "in-review"})
    assert r.status_code == 403, r.text
    r = third_client.post(f"/api/designs/{design_id}/comments", json={"text": "Mag ik?"})
    assert r.status_code == 403, r.text
    # a step that does not exist from here is a 422 that names the field
    r = client.post(f"/api/designs/{design_id}/status", json={"status": "approved"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "status"
    assert client.get(f"/api/designs/{design_id}").json()  # nothing changed
    assert kinds(other_client, design_id) == ["shared"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "in_review"}, "status"),  # the API spells it with a hyphen
        ({"status": "klaar"}, "status"),
        ({}, "status"),
        ({"status": "in-review", "extra": 1}, "extra"),
    ],
)
def test_bad_status_bodies_are_refused(client, body, field):
    design_id = make_design(client)
    r = client.post(f"/api/designs/{design_id}/status", json=body)
    assert r.status_code == 422, r.text
    assert field in str(r.json()["detail"])
    assert client.get(f"/api/designs/{design_id}").json()["version"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "ok", "activity": "a99"}, "activity"),
        ({"text": "ok", "rule": "no.such-rule"}, "rule"),
        ({"text": 12}, "text"),
        ({"text": "regel\u0000"}, "text"),
    ],
)
def test_bad_comments_are_refused_and_nothing_is_stored(client, body, field):
    design_id = make_design(client)
    r = client.post(f"/api/designs/{design_id}/comments", json=body)
    assert r.status_code == 422, r.text
    assert field in str(r.json()["detail"])
    assert client.get(f"/api/designs/{design_id}/comments").json() == []


def test_review_queue_lists_what_a_coach_reviews(client, other_client, third_client):
    first = make_design(client, "Module A")
    second = make_design(client, "Module B")
    mine = make_design(other_client, "Eigen ontwerp van de coach")
    share(client, first, other_client, "comment")
    share(client, second, other_client, "comment")
    share(client, second, third_client, "view")
    client.post(f"/api/designs/{first}/status", json={"status": "in-review"})
    other_client.post(f"/api/designs/{first}/comments", json={"text": "Open vraag"})

    page = parse(other_client.get("/review").text)
    rows = {int(r.attrs["data-queue-design"]): r for r in page.find_all(data_queue_design=True)}
    assert set(rows) == {first, second} and mine not in rows
    first_row = rows[first]
    assert first_row.one(data_status=True).attrs["data-status"] == "in_review"
    assert first_row.one(data_open_comments=True).attrs["data-open-comments"] == "1"
    assert "Docent" in first_row.text()
    assert first_row.one(data_warnings=True).attrs["data-warnings"].isdigit()

    filtered = parse(other_client.get("/review?status=in_review").text)
    assert [int(r.attrs["data-queue-design"]) for r in filtered.find_all(data_queue_design=True)] == [first]
    empty = parse(third_client.get("/review").text)
    assert empty.find(id="queue-empty") is not None
    # only a coach gets the queue in the menu
    assert 'href="/review"' in other_client.get("/").text
    assert 'href="/review"' not in third_client.get("/").text


def test_dashboard_shows_inbox_owner_and_role(client, other_client):
    design_id = make_design(client, "Gedeeld ontwerp")
    share(client, design_id, other_client, "comment")
    page = parse(other_client.get("/").text)
    inbox = page.one(id="inbox")
    assert "hidden" not in inbox.attrs
    assert [li.attrs["data-event"] for li in inbox.find_all("li")] == ["shared"]
    assert "Gedeeld ontwerp" in inbox.text() and "Reageren (coach)" in inbox.text()
    item = page.one(id="shared-designs").one(data_design=str(design_id))
    assert "Van Docent" in item.one(data_shared_by=True).text()
    # "mark all as read" empties it
    r = other_client.post("/inbox/seen", headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert "hidden" in parse(r.text).one(id="inbox").attrs
    assert "hidden" in parse(other_client.get("/").text).one(id="inbox").attrs
