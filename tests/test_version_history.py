"""The version history groups a run of small edits (SPEC §6; USER-FINDINGS 43: every
nudge was a version of its own, 42 of them after twenty minutes): consecutive versions by
one author, each within ten minutes of the one before, read as one entry that opens to
show each; every version is kept and can still be restored."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from playwright.sync_api import Page, expect
from sqlmodel import Session, select
from webfixtures import new_design, sign_up_and_in

from wave.db import get_engine
from wave.models import DesignVersion


def goal_add(http, design_id: int, text: str) -> None:
    version = http.get(f"/api/designs/{design_id}").json()["version"]
    r = http.post(f"/designs/{design_id}/edit/goal-add", data={"text": text, "version": version})
    assert r.status_code == 200, r.text


def share(owner, design_id: int, person) -> None:
    r = owner.post(f"/api/designs/{design_id}/shares", json={"email": person.email, "role": "edit"})
    assert r.status_code == 201, r.text


def earlier(design_id: int, version: int, minutes: int) -> None:
    """Make `version` and every version before it `minutes` older."""
    with Session(get_engine()) as session:
        for row in session.exec(
            select(DesignVersion).where(
                DesignVersion.design_id == design_id, DesignVersion.version <= version
            )
        ):
            row.created_at -= timedelta(minutes=minutes)
            session.add(row)
        session.commit()


def test_quick_edits_read_as_one_entry_and_another_author_apart(app, client):
    member = sign_up_and_in(TestClient(app), name="Teamlid")
    design_id = new_design(client)  # version 1: created through the API, an event of its own
    share(client, design_id, member)
    goal_add(client, design_id, "Eerste doel")  # 2: then a break of twenty minutes
    earlier(design_id, 2, 20)
    for text in ("Tweede doel", "Derde doel", "Vierde doel"):  # 3–5: one run
        goal_add(client, design_id, text)
    goal_add(member, design_id, "Vijfde doel")  # 6: someone else

    page = html(client.get(f"/designs/{design_id}/versions"))
    groups = page.find_all("tbody")
    assert [
        [int(tr.attrs["data-version"]) for tr in g.find_all("tr", data_version=True)] for g in groups
    ] == [
        [6],
        [5, 4, 3],
        [2],
        [1],
    ]
    run = groups[1]
    assert run.has("class", "version-run") and run.attrs["data-run"] == "3"
    toggle = run.one("details", "version-run-toggle")
    assert toggle.find("summary").text().startswith("3 bewerkingen, ")
    assert "open" not in toggle.attrs
    head, *inside = run.find_all("tr", data_version=True)
    assert head.attrs["data-version"] == "5" and "version-in-run" not in head.classes()
    assert all("version-in-run" in tr.classes() for tr in inside)
    assert head.find("button", data_restore="5") is not None  # the newest's actions on the entry
    # every version can still be restored and compared
    assert sorted(int(b.attrs["data-restore"]) for b in page.find_all("button", data_restore=True)) == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert {i.attrs["value"] for i in page.find_all("input", name="a")} == {"1", "2", "3", "4", "5", "6"}
    # by default: the newest against the version before the newest run
    assert page.find("input", name="b", checked=True).attrs["value"] == "6"
    assert page.find("input", name="a", checked=True).attrs["value"] == "5"
    singles = [g for g in groups if not g.has("class", "version-run")]
    assert all(g.find("details") is None for g in singles)

    english = client.get(f"/designs/{design_id}/versions", headers={"Accept-Language": "en"})
    summary = html(english).find("summary").text()
    assert summary.startswith("3 edits, ")

    r = client.post(
        f"/designs/{design_id}/versions/3/restore",
        data={"based_on": 6, "csrf_token": page.find("input", name="csrf_token").attrs["value"]},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert client.get(f"/api/designs/{design_id}").json()["version"] == 7


@pytest.mark.browser
def test_the_run_opens_to_show_each_version(page: Page, teacher):
    design_id = new_design(teacher)
    for text in ("Eerste doel", "Tweede doel", "Derde doel"):
        goal_add(teacher, design_id, text)

    page.goto(f"/designs/{design_id}/versions")
    run = page.locator("tbody.version-run")
    expect(run.locator("tr.version-in-run")).to_have_count(2)
    expect(run.locator("tr.version-in-run").first).to_be_hidden()
    expect(page.locator('tr[data-version="4"]')).to_be_visible()
    toggle = run.get_by_text("3 bewerkingen,")
    toggle.click()
    expect(run.locator("tr.version-in-run").first).to_be_visible()
    expect(page.locator('tr[data-version="2"]')).to_contain_text("Leerdoel toegevoegd.")
    expect(page.get_by_role("button", name="Terugzetten").first).to_be_visible()
    toggle.click()
    expect(run.locator("tr.version-in-run").first).to_be_hidden()


def test_a_restore_made_on_an_older_version_is_refused_in_words(client):
    """Issue 11: a restore based on a version someone has saved past since is not
    written over that save in silence: 409, the page says so, nothing changes."""
    design_id = new_design(client)
    goal_add(client, design_id, "Eerste doel")
    seen = html(client.get(f"/designs/{design_id}/versions"))  # the page at version 2
    based_on = seen.find("input", name="based_on").attrs["value"]
    assert based_on == "2"
    goal_add(client, design_id, "Tweede doel")  # meanwhile, in another tab: version 3
    before = client.get(f"/api/designs/{design_id}").json()
    r = client.post(f"/designs/{design_id}/versions/1/restore", data={"based_on": based_on})
    assert r.status_code == 409
    said = html(r).one("div", id="versions-message").text()
    assert said.startswith("Iemand heeft het ontwerp intussen opnieuw opgeslagen; er is niets teruggezet.")
    assert client.get(f"/api/designs/{design_id}").json() == before
    r = client.post(
        f"/designs/{design_id}/versions/1/restore", data={"based_on": "3"}, follow_redirects=False
    )
    assert r.status_code == 303  # on the newest version it is restored
    assert client.get(f"/api/designs/{design_id}").json()["goals"] == []
