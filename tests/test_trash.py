"""Housekeeping (SPEC §6): delete → trash → restore or purge, through the API, the pages
and the command line; the purge with the clock passed in (`wave.trash.purge_trash`)."""

import os
import subprocess
import sys
from contextlib import ExitStack
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from sqlmodel import Session, SQLModel, col, func, select
from webfixtures import PROCESS_S, sign_up_and_in

from wave.db import get_engine
from wave.models import DesignEvent, DesignRecord, DesignVersion, Invitation, Presence, UndoStep, now
from wave.trash import DESIGN_ROWS, TRASH_DAYS, purge_trash

ONE_CLIP = [
    {
        "id": "p1",
        "title": "Voorbereiding",
        "kind": "sequence",
        "activities": [{"id": "a1", "activity": "kennisclip", "mode": "online", "timing": "async"}],
    }
]
ROLES = {"editor": "edit", "commenter": "comment", "viewer": "view"}


def make_design(client, title: str = "Opruimen") -> int:
    from wave.design_templates import get_templates

    design = get_templates()["linear"].new_design(title=title, language="nl").to_json()
    design["phases"] = ONE_CLIP
    r = client.post("/api/designs", json=design)
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture(scope="module")
def people(app):
    """An owner, the three roles a design is shared with, and a stranger: each a client
    (for the module: every test makes designs of its own)."""
    with ExitStack() as stack:
        yield {
            name: sign_up_and_in(stack.enter_context(TestClient(app)), name=name.capitalize())
            for name in ("owner", *ROLES, "stranger")
        }


@pytest.fixture
def shared(people) -> int:
    """A design of the owner's, shared with the editor, the commenter and the viewer."""
    owner = people["owner"]
    design_id = make_design(owner)
    for name, role in ROLES.items():
        r = owner.post(f"/api/designs/{design_id}/shares", json={"email": people[name].email, "role": role})
        assert r.status_code == 201, r.text
    return design_id


def record(design_id: int) -> DesignRecord | None:
    with Session(get_engine()) as session:
        return session.get(DesignRecord, design_id)


def rows_naming(design_id: int) -> dict[str, int]:
    with Session(get_engine()) as session:
        counts = {
            table.__tablename__: session.exec(
                select(func.count()).select_from(table).where(col(table.design_id) == design_id)
            ).one()
            for table in DESIGN_ROWS
        }
        counts["design"] = 1 if session.get(DesignRecord, design_id) else 0
    return counts


def trashed(client, *ids: int) -> list[int]:
    """Which of `ids` are in the client's trash, in its order."""
    return [t["id"] for t in client.get("/api/trash").json() if t["id"] in ids]


def deleted_days_ago(design_id: int, days: float) -> None:
    with Session(get_engine()) as session:
        found = session.get(DesignRecord, design_id)
        found.deleted_at = found.deleted_at - timedelta(days=days)
        session.add(found)
        session.commit()


# Everything a design is reached by, for a person it is shared with and for its owner.
DESIGN_URLS = [
    "/api/designs/{id}",
    "/api/designs/{id}/report",
    "/api/designs/{id}/export.pdf",
    "/api/designs/{id}/comments",
    "/designs/{id}",
    "/designs/{id}/export.json",
    "/designs/{id}/wave.svg",
    "/designs/{id}/wave.png",
    "/designs/{id}/compare",
    "/designs/{id}/versions",
    "/designs/{id}/activities/a1",
]


def test_delete_makes_it_404_for_everyone_everywhere(people, shared):
    owner = people["owner"]
    assert owner.get(f"/api/designs/{shared}/export.pdf").status_code == 200
    r = owner.delete(f"/api/designs/{shared}")
    assert r.status_code == 204 and r.content == b""

    for name in ("owner", *ROLES):
        client = people[name]
        for url in DESIGN_URLS:
            r = client.get(url.format(id=shared))
            assert r.status_code == 404, (name, url, r.status_code)
            if url.startswith("/api/"):
                assert r.json()["detail"]
            else:
                assert r.headers["content-type"].startswith("text/html")
        assert shared not in {d["id"] for d in client.get("/api/designs").json()}, name
        page = html(client.get("/"))
        assert not page.find_all(data_design=str(shared)), name
    # nor can anyone change it, share it, comment on it or copy it
    assert (
        people["editor"]
        .post(f"/designs/{shared}/edit/goal-add", data={"text": "x", "version": 1})
        .status_code
        == 404
    )
    assert (
        owner.post(
            f"/api/designs/{shared}/shares", json={"email": people["stranger"].email, "role": "view"}
        ).status_code
        == 404
    )
    assert owner.get(f"/api/designs/{shared}/shares").status_code == 404
    assert (
        people["commenter"].post(f"/api/designs/{shared}/comments", json={"text": "Hallo?"}).status_code
        == 404
    )
    assert people["viewer"].post(f"/designs/{shared}/copy").status_code == 404
    assert owner.delete(f"/api/designs/{shared}").status_code == 404  # once is enough


@pytest.mark.parametrize("name", ["editor", "commenter", "viewer"])
def test_only_the_owner_deletes(people, shared, name):
    r = people[name].delete(f"/api/designs/{shared}")
    assert r.status_code == 403
    assert "eigenaar" in r.json()["detail"] and "verlaten" in r.json()["detail"]
    r = people[name].delete(f"/api/designs/{shared}", headers={"Accept-Language": "en"})
    assert r.status_code == 403 and r.json()["detail"].startswith("Only the owner can delete this design.")
    assert record(shared).deleted_at is None
    assert people[name].get(f"/api/designs/{shared}").status_code == 200


def test_a_stranger_and_nobody_cannot_delete(people, shared, anon_client):
    assert people["stranger"].delete(f"/api/designs/{shared}").status_code == 404
    assert anon_client.delete(f"/api/designs/{shared}").status_code == 401
    assert record(shared).deleted_at is None


def test_restore_brings_it_back_for_everyone(people, shared):
    owner = people["owner"]
    before = owner.get(f"/api/designs/{shared}").json()
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    r = owner.post(f"/api/designs/{shared}/restore")
    assert r.status_code == 200
    assert r.json() == before  # the design as GET gives it: its document, id and version
    for name in ("owner", *ROLES):
        assert people[name].get(f"/api/designs/{shared}").status_code == 200, name
        assert people[name].get(f"/designs/{shared}").status_code == 200, name
    assert {s["email"] for s in owner.get(f"/api/designs/{shared}/shares").json()} == {
        people[name].email for name in ROLES
    }
    assert owner.post(f"/api/designs/{shared}/restore").status_code == 200  # a second click: nothing
    assert shared not in {t["id"] for t in owner.get("/api/trash").json()}


def test_nobody_else_restores(people, shared):
    owner = people["owner"]
    r = people["editor"].post(f"/api/designs/{shared}/restore")
    assert r.status_code == 403 and "eigenaar" in r.json()["detail"]  # it is there for them
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    for name in (*ROLES, "stranger"):  # in a trash: not there for anyone but the owner
        r = people[name].post(f"/api/designs/{shared}/restore")
        assert r.status_code == 404 and r.json()["detail"], name
    assert record(shared).deleted_at is not None


def test_the_trash_lists_what_you_deleted(people, shared):
    owner, stranger = people["owner"], people["stranger"]
    second = make_design(owner, "Tweede ontwerp")
    kept = make_design(owner, "Blijft staan")
    assert trashed(owner, shared, second, kept) == []
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    assert owner.delete(f"/api/designs/{second}").status_code == 204
    listed = [t for t in owner.get("/api/trash").json() if t["id"] in (shared, second, kept)]
    assert [t["id"] for t in listed] == [second, shared]  # the last deleted first
    assert set(listed[0]) == {"id", "title", "deleted_at", "purge_at"}
    assert listed[0]["title"] == "Tweede ontwerp"
    from datetime import datetime

    deleted_at = datetime.fromisoformat(listed[0]["deleted_at"])
    assert datetime.fromisoformat(listed[0]["purge_at"]) - deleted_at == timedelta(days=TRASH_DAYS)
    assert kept in {d["id"] for d in owner.get("/api/designs").json()}
    assert stranger.get("/api/trash").json() == []  # a trash is its owner's own
    assert people["editor"].get("/api/trash").json() == []
    assert owner.post(f"/api/designs/{shared}/restore").status_code == 200
    assert trashed(owner, shared, second) == [second]


def test_bad_ids_are_refused_and_change_nothing(people, shared):
    owner = people["owner"]
    for url in ("/api/designs/0", "/api/designs/abc", "/api/designs/99999999999"):
        for method in ("DELETE", "POST"):
            r = owner.request(method, url if method == "DELETE" else url + "/restore")
            assert r.status_code == 422, (method, url, r.text)
            assert r.json()["detail"][0]["loc"] and r.json()["detail"][0]["msg"]
    assert owner.delete("/api/designs/2000000000").status_code == 404
    assert owner.post("/api/designs/2000000000/restore").status_code == 404
    assert record(shared).deleted_at is None


def test_purge_after_thirty_days_takes_every_row_and_not_at_twenty_nine(people, shared):
    owner, editor, commenter = people["owner"], people["editor"], people["commenter"]
    r = editor.post(f"/designs/{shared}/edit/goal-add", data={"text": "De student legt uit", "version": 1})
    assert r.status_code == 200, r.text  # a second version and an undo step
    r = commenter.post(f"/api/designs/{shared}/comments", json={"text": "Mooi begin."})
    assert r.status_code == 201, r.text  # a comment and events
    assert (
        commenter.post(f"/api/comments/{r.json()['id']}/replies", json={"text": "Dank je."}).status_code
        == 201
    )
    with Session(get_engine()) as session:
        session.add(
            Invitation(
                token_hash=f"t{shared}",
                design_id=shared,
                email="nieuw@school.example",
                role="view",
                invited_by=owner.user_id,
            )
        )
        session.add(Presence(client=f"tab-{shared}-open", design_id=shared, user_id=editor.user_id))
        session.commit()  # (and someone has it open)
    before = rows_naming(shared)
    assert all(before.values()), before  # every kind of row is there to be purged
    other = make_design(owner, "Pas gisteren weggegooid")

    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    deleted_at = record(shared).deleted_at
    with Session(get_engine()) as session:
        assert purge_trash(session=session, now=deleted_at + timedelta(days=29, hours=23)) == 0
    assert rows_naming(shared) == before
    assert trashed(owner, shared) == [shared]

    assert owner.delete(f"/api/designs/{other}").status_code == 204
    with Session(get_engine()) as session:
        assert purge_trash(session=session, now=deleted_at + timedelta(days=TRASH_DAYS)) >= 1
    assert not any(rows_naming(shared).values()), rows_naming(shared)
    assert record(other) is not None  # deleted later: still in the trash
    assert trashed(owner, shared, other) == [other]
    assert owner.post(f"/api/designs/{shared}/restore").status_code == 404


def test_listing_the_trash_purges_what_is_due(people, shared):
    owner = people["owner"]
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    deleted_days_ago(shared, TRASH_DAYS - 1)
    assert trashed(owner, shared) == [shared]
    deleted_days_ago(shared, 1)
    assert trashed(owner, shared) == []
    assert record(shared) is None


def test_the_dashboard_purges_what_is_due(people, shared):
    owner = people["owner"]
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    deleted_days_ago(shared, TRASH_DAYS)
    page = html(owner.get("/"))
    assert not page.find_all(data_trashed=str(shared))
    assert record(shared) is None


def test_start_up_purges_what_is_due(app, people, shared):
    assert people["owner"].delete(f"/api/designs/{shared}").status_code == 204
    deleted_days_ago(shared, TRASH_DAYS + 2)
    with TestClient(app):  # the lifespan: migrate, purge, seed
        pass
    assert record(shared) is None


def test_wave_trash_purge(people, shared):
    owner = people["owner"]
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    deleted_days_ago(shared, TRASH_DAYS)
    done = subprocess.run(
        [sys.executable, "-m", "wave.cli", "trash", "purge"],
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
    )
    assert done.returncode == 0, done.stderr
    assert "deleted for good" in done.stdout and done.stdout.split(": ")[1].split()[0] != "0"
    assert record(shared) is None


def test_every_table_that_names_a_design_is_purged():
    """A new table with a foreign key to design.id must be listed in wave.trash.DESIGN_ROWS."""
    naming = {
        table.name
        for table in SQLModel.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "design"
    }
    assert naming == {t.__tablename__ for t in DESIGN_ROWS}, naming


def test_a_deleted_design_still_counts_towards_the_quota(people, monkeypatch):
    """Its versions are still stored: deleting and creating in a loop must not get round
    WAVE_MAX_DESIGNS. The message says that the trash counts."""
    from wave.settings import get_settings

    owner = people["owner"]
    first = make_design(owner, "Eerste")
    design = owner.get(f"/api/designs/{first}").json()
    monkeypatch.setattr(get_settings(), "max_designs", 1)
    assert owner.delete(f"/api/designs/{first}").status_code == 204
    design.pop("id"), design.pop("version")
    r = owner.post("/api/designs", json=design)
    assert r.status_code == 403 and "prullenbak" in r.json()["detail"]


# --- the pages: the dashboard's and the canvas's delete, the undo and the trash -------------


def test_delete_from_the_dashboard_without_script_offers_an_undo(people, shared):
    owner = people["owner"]
    r = owner.post(
        f"/designs/{shared}/delete", data={"back": "q=Opr&sort=title&evil=1"}, follow_redirects=False
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/?q=Opr&sort=title&deleted={shared}"  # the filters it had
    page = html(owner.get(r.headers["location"]))
    notice = page.one(id="dashboard-notice")
    assert "“Opruimen” staat in de prullenbak." in notice.text()
    undo = notice.one("form")
    assert undo.attrs["action"] == f"/designs/{shared}/restore"
    assert undo.one("button").text() == "Ongedaan maken" and "autofocus" in undo.one("button").attrs
    trash = page.one(id="trash")
    assert trash.one("li", data_trashed=str(shared)).text().startswith("Opruimen")
    assert "definitief verwijderd op" in trash.text()

    r = owner.post(undo.attrs["action"], data={"back": "q=Opr&sort=title"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/?q=Opr&sort=title&restored={shared}"
    page = html(owner.get(r.headers["location"]))
    assert "“Opruimen” is terug." in page.one(id="dashboard-notice").text()
    assert page.find("li", data_design=str(shared))
    assert not page.one(id="trash").find("li", data_trashed=str(shared))
    assert people["viewer"].get(f"/designs/{shared}").status_code == 200


def test_delete_from_the_dashboard_with_htmx_answers_the_list_the_trash_and_the_undo(people):
    owner = people["owner"]
    shared = make_design(owner, "Weggooien met htmx")
    headers = {
        "HX-Request": "true",
        "HX-Target": "dashboard-results",
        "HX-Current-URL": "http://testserver/?q=weggooien+met",
    }
    r = owner.post(f"/designs/{shared}/delete", headers=headers)
    assert r.status_code == 200 and "HX-Request" in r.headers["vary"]
    answer = html(r)
    assert answer.one(id="dashboard-results") and not answer.find("html")
    assert answer.one(id="no-matches")  # the page's search found only this one
    assert answer.one(id="trash").attrs["hx-swap-oob"] == "true"
    assert answer.one(id="trash").find("li", data_trashed=str(shared))
    notice = answer.one(id="dashboard-notice")
    assert notice.attrs["hx-swap-oob"] == "innerHTML" and "Ongedaan maken" in notice.text()
    r = owner.post(f"/designs/{shared}/restore", headers=headers)
    answer = html(r)
    assert answer.one(id="dashboard-results").find("li", data_design=str(shared))
    assert not answer.one(id="trash").find("li", data_trashed=str(shared))


def test_delete_from_the_canvas(people, shared):
    owner = people["owner"]
    panel = html(owner.get(f"/designs/{shared}")).one(id="delete-panel")
    form = panel.one("form")
    assert form.attrs["action"] == f"/designs/{shared}/delete"
    assert "“Opruimen”" in form.attrs["hx-confirm"]
    for name in ROLES:  # only the owner gets the button
        assert not html(people[name].get(f"/designs/{shared}")).find(id="delete-panel"), name
    r = owner.post(form.attrs["action"], headers={"HX-Request": "true"})
    assert r.status_code == 200 and r.headers["HX-Redirect"] == f"/?deleted={shared}"
    assert owner.get(f"/designs/{shared}").status_code == 404


@pytest.mark.parametrize("name", ["editor", "viewer"])
def test_the_pages_refuse_others_with_a_reason(people, shared, name):
    r = people[name].post(f"/designs/{shared}/delete")
    assert r.status_code == 403 and "Alleen de eigenaar" in html(r).one("main").text()
    headers = {"HX-Request": "true", "HX-Target": "dashboard-results", "HX-Current-URL": "http://testserver/"}
    r = people[name].post(f"/designs/{shared}/delete", headers=headers)
    assert r.status_code == 403
    assert "Alleen de eigenaar" in html(r).one(id="dashboard-notice").text()
    assert people["stranger"].post(f"/designs/{shared}/delete").status_code == 404
    assert record(shared).deleted_at is None


def test_a_deleted_design_leaves_no_events_in_the_inbox(people, shared):
    viewer = people["viewer"]
    assert any(e["design"]["id"] == shared for e in viewer.get("/api/inbox").json())
    assert people["owner"].delete(f"/api/designs/{shared}").status_code == 204
    assert not any(e["design"]["id"] == shared for e in viewer.get("/api/inbox").json())


def test_the_trash_in_both_languages(client):
    owner, shared = client, make_design(client)  # someone new: an empty trash
    empty = html(owner.get("/")).one(id="trash")
    assert empty.one("h2").text() == "Prullenbak" and "De prullenbak is leeg" in empty.text()
    en = html(owner.get("/", headers={"Accept-Language": "en"})).one(id="trash")
    assert en.one("h2").text() == "Trash" and "The trash is empty" in en.text()
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    en = html(owner.get("/", headers={"Accept-Language": "en"})).one(id="trash")
    item = en.one("li", data_trashed=str(shared))
    assert "Removed for good on" in item.text() and f"(in {TRASH_DAYS} days)" in item.text()
    assert item.one("button").attrs["aria-label"] == "Restore Opruimen"


def test_versions_and_undo_steps_of_others_are_untouched_by_a_purge(people, shared):
    """Only the rows of designs that are due go."""
    owner = people["owner"]
    kept = make_design(owner, "Houden")
    assert owner.delete(f"/api/designs/{shared}").status_code == 204
    deleted_days_ago(shared, TRASH_DAYS)
    with Session(get_engine()) as session:
        kept_versions = session.exec(
            select(func.count()).select_from(DesignVersion).where(DesignVersion.design_id == kept)
        ).one()
        assert purge_trash(session=session, now=now()) >= 1
        assert (
            session.exec(
                select(func.count()).select_from(DesignVersion).where(DesignVersion.design_id == kept)
            ).one()
            == kept_versions
        )
        assert (
            session.exec(select(func.count()).select_from(UndoStep).where(UndoStep.design_id == shared)).one()
            == 0
        )
        assert (
            session.exec(
                select(func.count()).select_from(DesignEvent).where(DesignEvent.design_id == shared)
            ).one()
            == 0
        )
