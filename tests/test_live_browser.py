"""Designing together, live (SPEC §10), in two real browser contexts on one design: the
teacher and a colleague (edit share) see each other, each sees the other's edits without
reloading — with their own open editor and typed text untouched —, edits of different
cards at the same moment both land, and the same field changed by both is refused once,
saying what changed, with the input kept."""

import httpx
import pytest
from canvashooks import card, design_json, drag, lane, wait_saved
from playwright.sync_api import Page, expect
from webfixtures import REQUEST_S, sign_up_and_in, watched_page

pytestmark = pytest.mark.browser

DESIGN = {
    "format": "wave.design/v1",
    "title": "Samen ontwerpen",
    "language": "nl",
    "template": "linear",
    "phases": [
        {
            "id": "p1",
            "title": "Voorbereiden",
            "activities": [
                {"id": "a1", "activity": "kennisclip", "mode": "online", "minutes": 15},
                {"id": "a2", "activity": "casus", "mode": "offline", "minutes": 45},
            ],
        },
        {"id": "p2", "title": "Verwerken", "activities": []},
    ],
}


@pytest.fixture
def colleague(live_server):
    with httpx.Client(base_url=live_server, timeout=REQUEST_S) as http:
        yield sign_up_and_in(http, name="Collega Jansen")


@pytest.fixture
def shared(teacher, colleague):
    r = teacher.post("/api/designs", json=DESIGN)
    assert r.status_code == 201, r.text
    design_id = r.json()["id"]
    r = teacher.post(f"/api/designs/{design_id}/shares", json={"email": colleague.email, "role": "edit"})
    assert r.status_code == 201, r.text
    return design_id


@pytest.fixture
def other(browser, live_server, colleague):
    with watched_page(browser, live_server, colleague, "the colleague's page") as page:
        yield page


def editor(page: Page):
    return page.get_by_role("dialog")


def test_two_people_see_each_other_and_each_others_edits(page: Page, other: Page, teacher, colleague, shared):
    design_id = shared
    page.goto(f"/designs/{design_id}")
    other.goto(f"/designs/{design_id}")

    # presence: each sees the other (initials, name for screen readers)
    expect(page.locator(f'#presence [data-presence-user="{colleague.user_id}"]')).to_contain_text("CJ")
    expect(other.locator(f'#presence [data-presence-user="{teacher.user_id}"]')).to_be_visible()

    # the colleague opens the editor of the clip and types, without saving
    other.locator("#card-a1").click()
    expect(editor(other)).to_be_visible()
    title = editor(other).get_by_role("textbox", name="Titel")
    title.fill("Clip over segmentatie")
    # the teacher sees which card the colleague is editing
    expect(page.locator("#card-a1")).to_have_attribute("data-editing-by", "CJ")

    # the teacher adds, moves and links: the colleague sees each without reloading
    drag(page, page.locator('.cat-item[data-activity="forum"]'), lane(page, "p2", "online"))
    wait_saved(page, 2)
    expect(card(other, "a3")).to_be_visible()
    expect(other.locator("#design-version")).to_have_value("2")
    drag(page, card(page, "a2"), lane(page, "p2", "offline"))
    wait_saved(page, 3)
    expect(lane(other, "p2", "offline").locator('[data-placed="a2"]')).to_have_count(1)
    drag(page, page.locator('[data-connect="a1"]'), card(page, "a3"), x=40, y=40)
    wait_saved(page, 4)
    expect(other.locator('[data-link][data-from="a1"][data-to="a3"]')).to_have_count(1)
    expect(other.locator("#status")).to_contain_text("Docent Test")
    # …and the colleague's editor is still open, with what was typed
    expect(editor(other)).to_be_visible()
    expect(title).to_have_value("Clip over segmentatie")

    # different cards at the same moment: neither is refused
    minutes = card(page, "a3").get_by_role("spinbutton", name="Minuten")
    minutes.fill("25")
    minutes.press("Enter")
    editor(other).get_by_role("button", name="Opslaan").click()
    expect(editor(other)).to_be_hidden()
    wait_saved(page, 6)  # both saved (in either order), and each page has the other's
    wait_saved(other, 6)
    doc = design_json(teacher, design_id)
    placed = {a["id"]: a for p in doc["phases"] for a in p["activities"]}
    assert placed["a1"]["title"] == "Clip over segmentatie"
    assert placed["a3"]["minutes"] == 25
    expect(page.locator("#card-a1 .card-title")).to_have_text("Clip over segmentatie")

    # the same field of the same card: the second save is refused, told, input kept
    other.locator("#card-a2").click()
    expect(editor(other)).to_be_visible()
    other_minutes = editor(other).get_by_role("spinbutton", name="Minuten")
    other_minutes.fill("60")
    teacher_minutes = card(page, "a2").get_by_role("spinbutton", name="Minuten")
    teacher_minutes.fill("50")
    teacher_minutes.press("Enter")
    wait_saved(page, 7)
    expect(other.locator("#design-version")).to_have_value("7")
    editor(other).get_by_role("button", name="Opslaan").click()
    expect(other.locator("#editor-error")).to_contain_text("minuten")
    expect(other.locator("#editor-error")).to_contain_text("Docent Test")
    expect(editor(other)).to_be_visible()
    expect(other_minutes).to_have_value("60")
    assert design_json(teacher, design_id)["version"] == 7
    expect(card(other, "a2").get_by_role("spinbutton", name="Minuten")).to_have_value("50")

    # presence clears when the colleague closes the tab
    other.close()
    expect(page.locator(f'#presence [data-presence-user="{colleague.user_id}"]')).to_have_count(0)
    expect(page.locator("#card-a1")).not_to_have_attribute("data-editing-by", "CJ")
