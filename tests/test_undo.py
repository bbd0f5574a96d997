"""Undo and redo on the server (SPEC §5.2): per person and design, many steps, kept in
the database (so across a reload), an undo never redoes, a new edit clears redo."""

import json

from sqlmodel import Session, col, select
from webfixtures import new_design

from wave.db import get_engine
from wave.edits import Change
from wave.models import DesignVersion, UndoStep
from wave.summaries import shown, stored
from wave.undo import MAX_STEPS, UndoState, record_step, undo_state


def current(http, design_id: int) -> tuple[dict, int]:
    """The stored document (without id and version) and its version."""
    r = http.get(f"/api/designs/{design_id}")
    assert r.status_code == 200, r.text
    data = r.json()
    data.pop("id")
    return data, data.pop("version")


def edit(http, design_id: int, op: str, *, status: int = 200, version: int | None = None, **fields):
    if version is None:
        version = current(http, design_id)[1]
    r = http.post(f"/designs/{design_id}/edit/{op}", data={"version": version, **fields})
    assert r.status_code == status, f"{op}: {r.status_code} {r.text[:500]}"
    return r


def state(http, design_id: int) -> UndoState:
    with Session(get_engine()) as session:
        return undo_state(session=session, design_id=design_id, user_id=http.user_id)


def ten_edits(http, design_id: int) -> list[dict]:
    """Ten different edits; the documents after each (the first entry: before any)."""
    docs = [current(http, design_id)[0]]
    steps = [
        ("add", {"activity": "kennisclip", "phase": "p1", "mode": "online"}),
        ("add", {"activity": "werkcollege", "phase": "p2", "mode": "offline"}),
        ("move", {"placed": "a1", "phase": "p3", "mode": "online", "index": 0}),
        ("update", {"placed": "a2", "title": "Werkcollege 4P", "timing": "sync", "minutes": 45}),
        ("goal-add", {"text": "De student legt het 4P-model uit"}),
        ("phase-add", {"title": "Week 2", "kind": "sequence"}),
        ("link-add", {"from": "a2", "to": "a1", "kind": "prepares"}),
        ("goal-update", {"goal": "g1", "text": "De student past het 4P-model toe"}),
        ("phase-update", {"phase": "p4", "title": "Week 2: verdieping", "kind": "choice"}),
        ("meta", {"title": "Marketing, herontworpen", "study_load_hours": "28"}),
    ]
    for op, fields in steps:
        edit(http, design_id, op, **fields)
        docs.append(current(http, design_id)[0])
    assert all(a != b for a, b in zip(docs, docs[1:], strict=False)), "every edit changed something"
    return docs


def test_ten_undos_and_ten_redos(client):
    design_id = new_design(client)
    docs = ten_edits(client, design_id)
    assert state(client, design_id) == UndoState(undo=10, redo=0)

    for i in range(10, 0, -1):
        edit(client, design_id, "undo")
        assert current(client, design_id)[0] == docs[i - 1], f"undo back to after edit {i - 1}"
    assert current(client, design_id)[0] == docs[0]
    assert state(client, design_id) == UndoState(undo=0, redo=10)

    # an eleventh undo is refused and stores nothing
    before, version = current(client, design_id)
    r = edit(client, design_id, "undo", status=422)
    assert "Er is niets om ongedaan te maken." in r.text
    assert current(client, design_id) == (before, version)

    for i in range(1, 11):
        edit(client, design_id, "redo")
        assert current(client, design_id)[0] == docs[i], f"redo to after edit {i}"
    assert state(client, design_id) == UndoState(undo=10, redo=0)

    before, version = current(client, design_id)
    r = client.post(
        f"/designs/{design_id}/edit/redo", data={"version": version}, headers={"Accept-Language": "en"}
    )
    assert r.status_code == 422
    assert "There is nothing to redo." in r.text
    assert current(client, design_id) == (before, version)


def test_undo_and_redo_are_versions_with_a_summary(client):
    design_id = new_design(client)
    edit(client, design_id, "goal-add", text="De student legt het 4P-model uit")
    _, version = current(client, design_id)
    r = edit(client, design_id, "undo")
    assert "Wijziging ongedaan gemaakt: Leerdoel toegevoegd." in r.text  # the toast
    edit(client, design_id, "redo")
    with Session(get_engine()) as session:
        summaries = session.exec(
            select(DesignVersion.summary)
            .where(DesignVersion.design_id == design_id)
            .order_by(col(DesignVersion.version))
        ).all()
    # stored in both languages, shown in the reader's (SPEC §6)
    assert [shown(s, "en") for s in summaries[-3:]] == [
        "Learning goal added.",
        "Change undone: Learning goal added.",
        "Change redone: Learning goal added.",
    ]
    assert shown(summaries[-3], "nl") == "Leerdoel toegevoegd."
    assert current(client, design_id)[1] == version + 2
    history = client.get(f"/designs/{design_id}/versions").text  # the client reads Dutch
    assert "Wijziging ongedaan gemaakt: Leerdoel toegevoegd." in history
    assert "Change undone" not in history and "<td>import</td>" not in history
    assert "<td>Geïmporteerd</td>" in history  # the API's create, a code shown in Dutch


def test_a_new_edit_clears_redo(client):
    design_id = new_design(client)
    docs = ten_edits(client, design_id)[:4]  # uses all ten; keep the first three states
    for _ in range(8):
        edit(client, design_id, "undo")
    assert current(client, design_id)[0] == docs[2]
    assert state(client, design_id) == UndoState(undo=2, redo=8)

    edit(client, design_id, "goal-add", text="Een nieuw leerdoel")
    after_new = current(client, design_id)[0]
    assert state(client, design_id) == UndoState(undo=3, redo=0)
    edit(client, design_id, "redo", status=422)
    assert current(client, design_id)[0] == after_new

    edit(client, design_id, "undo")
    assert current(client, design_id)[0] == docs[2]
    edit(client, design_id, "undo")
    assert current(client, design_id)[0] == docs[1]


def test_an_edit_that_changes_nothing_is_no_step(client):
    design_id = new_design(client)
    edit(client, design_id, "goal-add", text="Een leerdoel")
    edit(client, design_id, "undo")
    title = current(client, design_id)[0]["title"]
    edit(client, design_id, "meta", title=title, language="nl")  # the same title again
    assert state(client, design_id) == UndoState(undo=0, redo=1)
    edit(client, design_id, "redo")
    assert [g["text"] for g in current(client, design_id)[0]["goals"]] == ["Een leerdoel"]


def test_two_people_have_their_own_stacks(client, other_client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "edit"})
    assert r.status_code == 201, r.text
    start = current(client, design_id)[0]
    edit(client, design_id, "goal-add", text="Leerdoel van de eigenaar")
    edit(client, design_id, "phase-add", title="Fase van de eigenaar", kind="sequence")
    owners = current(client, design_id)[0]
    edit(other_client, design_id, "goal-add", text="Leerdoel van de collega")
    assert state(client, design_id) == UndoState(undo=2, redo=0)
    assert state(other_client, design_id) == UndoState(undo=1, redo=0)

    # the colleague undoes their own step, not the owner's last one
    edit(other_client, design_id, "undo")
    assert current(client, design_id)[0] == owners
    edit(other_client, design_id, "undo", status=422)
    assert state(other_client, design_id) == UndoState(undo=0, redo=1)
    assert state(client, design_id) == UndoState(undo=2, redo=0)

    edit(client, design_id, "undo")
    edit(client, design_id, "undo")
    assert current(client, design_id)[0] == start
    edit(client, design_id, "undo", status=422)
    assert state(client, design_id) == UndoState(undo=0, redo=2)
    assert state(other_client, design_id) == UndoState(undo=0, redo=1)

    # someone who may only view cannot undo anything
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "view"})
    assert r.status_code in (200, 201), r.text
    edit(other_client, design_id, "redo", status=403)


def test_an_undo_from_an_older_page_still_takes_back_the_newest_step(client):
    design_id = new_design(client)
    docs = ten_edits(client, design_id)
    _, version = current(client, design_id)
    # another tab of the same person still shows an older version: the undo is merged
    edit(client, design_id, "undo", version=version - 3)
    assert current(client, design_id) == (docs[9], version + 1)
    edit(client, design_id, "redo", version=version - 5)
    assert current(client, design_id) == (docs[10], version + 2)
    assert state(client, design_id) == UndoState(undo=10, redo=0)


def test_an_undo_keeps_what_others_did_since(client, other_client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "edit"})
    assert r.status_code == 201, r.text
    edit(client, design_id, "add", activity="kennisclip", phase="p1", mode="online")
    edit(client, design_id, "goal-add", text="Leerdoel van de eigenaar")
    edit(other_client, design_id, "phase-add", title="Fase van de collega", kind="sequence")
    edit(other_client, design_id, "update", placed="a1", title="Clip van de collega", minutes=12)
    edit(client, design_id, "undo")  # the owner's goal goes; the colleague's work stays
    doc = current(client, design_id)[0]
    assert doc["goals"] == []
    assert [p["title"] for p in doc["phases"]][-1] == "Fase van de collega"
    assert (doc["phases"][0]["activities"][0]["title"], doc["phases"][0]["activities"][0]["minutes"]) == (
        "Clip van de collega",
        12,
    )


def test_an_undo_of_what_someone_else_changed_since_is_refused_and_leaves_the_stack(client, other_client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "edit"})
    assert r.status_code == 201, r.text
    edit(client, design_id, "add", activity="kennisclip", phase="p1", mode="online")
    edit(client, design_id, "minutes", placed="a1", minutes=20)
    edit(other_client, design_id, "minutes", placed="a1", minutes=35)
    before = current(client, design_id)
    r = edit(client, design_id, "undo", status=409)
    assert "minuten" in r.text and "Kennisclip" in r.text and "Coach" in r.text
    assert current(client, design_id) == before
    assert state(client, design_id) == UndoState(undo=2, redo=0)
    # a stale ordinary edit of the same field is refused too, and records no step
    edit(client, design_id, "minutes", placed="a1", minutes=25, version=before[1] - 1, status=409)
    assert current(client, design_id) == before
    assert state(client, design_id) == UndoState(undo=2, redo=0)


def test_sixty_edits_then_fifty_undos_and_back(client):
    design_id = new_design(client)
    docs = [current(client, design_id)[0]]
    for i in range(60):
        edit(client, design_id, "goal-add", text=f"Leerdoel {i + 1}")
        docs.append(current(client, design_id)[0])
    for _ in range(50):
        edit(client, design_id, "undo")
    assert current(client, design_id)[0] == docs[10]
    assert state(client, design_id) == UndoState(undo=10, redo=50)
    for _ in range(50):
        edit(client, design_id, "redo")
    assert current(client, design_id)[0] == docs[60]


def test_at_most_a_hundred_steps_are_kept(client):
    design_id = new_design(client)
    with Session(get_engine()) as session:
        for i in range(MAX_STEPS + 5):
            record_step(
                session=session,
                design_id=design_id,
                user_id=client.user_id,
                before_version=i + 1,
                after_version=i + 2,
                change=Change("Learning goal added."),
            )
        seqs = session.exec(
            select(UndoStep.seq).where(UndoStep.design_id == design_id).order_by(col(UndoStep.seq))
        ).all()
        assert seqs == list(range(6, MAX_STEPS + 6))
        assert undo_state(session=session, design_id=design_id, user_id=client.user_id) == UndoState(
            undo=MAX_STEPS, redo=0
        )


def test_undo_survives_a_new_client(app, client):
    """Kept in the database: another browser (a reload, a new session) undoes the same steps."""
    from fastapi.testclient import TestClient
    from webfixtures import PASSWORD

    design_id = new_design(client)
    start = current(client, design_id)[0]
    edit(client, design_id, "goal-add", text="Voor het herladen")
    with TestClient(app) as again:
        r = again.post("/api/auth/login", json={"email": client.email, "password": PASSWORD})
        again.headers["X-CSRF-Token"] = r.json()["csrf_token"]
        assert again.get(f"/designs/{design_id}").status_code == 200
        edit(again, design_id, "undo")
    assert current(client, design_id)[0] == start


def canvas_context(http, design_id: int, *, full: bool = True) -> dict:
    """The canvas page's context as `show` (full) or an edit answer would render it."""
    from wave.catalogue import get_catalogue
    from wave.models import User
    from wave.store import read
    from wave.web.auth import Access, Caller, authorize
    from wave.web.routes.canvas import page_context

    with Session(get_engine()) as session:
        caller = Caller(user=session.get(User, http.user_id), signin=None)
        record, role = authorize(session=session, caller=caller, design_id=design_id, needed="view")
        access = Access(record=record, design=read(record.document), role=role, caller=caller)
        return page_context(access, session, get_catalogue(), "nl", full=full)


def test_the_page_knows_whether_undo_and_redo_can(client, other_client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "view"})
    assert r.status_code == 201, r.text

    def flags(http, full=True):
        context = canvas_context(http, design_id, full=full)
        return context["can_undo"], context["can_redo"]

    assert flags(client) == (False, False)
    edit(client, design_id, "goal-add", text="Een leerdoel")
    assert flags(client) == flags(client, full=False) == (True, False)
    edit(client, design_id, "undo")
    assert flags(client) == (False, True)
    assert flags(other_client) == (False, False)  # a viewer undoes nothing


def test_summaries_of_every_age_are_shown_in_the_readers_language(client):
    """Stored as a message id and its values now; both sentences or an English one before."""
    design_id = new_design(client)
    edit(client, design_id, "goal-add", text="De student legt het 4P-model uit")
    with Session(get_engine()) as session:
        summary = session.exec(
            select(DesignVersion.summary)
            .where(DesignVersion.design_id == design_id)
            .order_by(col(DesignVersion.version).desc())
        ).first()
    assert json.loads(summary) == {"msg": "Learning goal added.", "values": {}}
    assert (shown(summary, "nl"), shown(summary, "en")) == ("Leerdoel toegevoegd.", "Learning goal added.")
    named = stored(Change("%(title)s removed.", title="Quiz"))
    assert (shown(named, "nl"), shown(named, "en")) == ("Quiz verwijderd.", "Quiz removed.")
    old = '{"nl":"Quiz verwijderd.","en":"Quiz removed."}'
    assert (shown(old, "nl"), shown(old, "en")) == ("Quiz verwijderd.", "Quiz removed.")
    assert shown("Quiz removed.", "nl") == "Quiz removed."
    assert shown("restored version 3", "nl") == "Versie 3 teruggezet"
    long = stored(Change("%(title)s removed.", title="é" * 400))
    assert len(long) <= 300 and shown(long, "en").endswith("é removed.")
