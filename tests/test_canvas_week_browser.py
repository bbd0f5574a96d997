"""A phase's week on the canvas (SPEC §3, §5.3; issue 17), in a real Chromium, by mouse
and by keyboard alone (no focus(), fill() or select_option()): set in the phase menu,
shown as a tag on the phase head, kept across a reload, refused when out of range,
undone, numbered on when a run of phases is repeated, and whole in the phone list."""

import pytest
from canvashooks import design_json, wait_saved
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

DESIGN = {
    "format": "wave.design/v1",
    "title": "Twee weken",
    "language": "nl",
    "template": "linear",
    "phases": [
        {
            "id": "p1",
            "title": "Voorbereiding",
            "activities": [{"id": "a1", "activity": "kennisclip", "mode": "online"}],
        },
        {
            "id": "p2",
            "title": "Bijeenkomst",
            "activities": [{"id": "a2", "activity": "werkcollege", "mode": "offline"}],
        },
        {"id": "p3", "title": "Afronding", "activities": []},
    ],
}


def create(teacher) -> int:
    r = teacher.post("/api/designs", json=DESIGN)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def week_tag(page: Page, phase: str):
    return page.locator(f'[data-phase-column="{phase}"] .phase-head .phase-week')


def week_field(page: Page, phase: str):
    return page.locator(f'[data-phase-column="{phase}"] .phase-menu').get_by_role("spinbutton", name="Week")


def test_a_week_by_mouse_and_by_keyboard_survives_a_reload_and_repeats_numbered_on(page: Page, teacher):
    design_id = create(teacher)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/designs/{design_id}")
    kb = page.keyboard
    expect(week_tag(page, "p1")).to_have_count(0)

    # by mouse: open the phase's menu, click the week field, type, click Save
    page.locator('[data-phase-column="p1"] .phase-menu summary').click()
    week_field(page, "p1").click()
    kb.type("1")
    page.locator('[data-phase-column="p1"] .phase-menu').get_by_role("button", name="Opslaan").click()
    wait_saved(page, 2)
    expect(week_tag(page, "p1")).to_have_text("Wk 1Week 1")
    expect(week_tag(page, "p1").locator(".week-short")).to_be_visible()
    expect(page.locator('[data-phase-column="p1"]')).to_have_accessible_name("Voorbereiding Week 1")

    def focused(selector: str) -> bool:
        return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            if focused(selector):
                return
            kb.press("Tab")
        raise AssertionError(f"{selector} is not reachable with Tab")

    # by keyboard: Tab to the next phase's menu, Enter opens it, Tab to the week, type, Enter
    summary = '[data-phase-column="p2"] .phase-menu summary'
    tab_to(summary)
    kb.press("Enter")
    tab_to('[data-phase-column="p2"] input[name="week"]')
    kb.type("0")  # out of range: refused, said in the alert, the typed value kept
    kb.press("Enter")
    alert = page.locator("#status [role=alert]")
    expect(alert).to_have_text("Fase 2 › week: mag niet kleiner zijn dan 1")
    expect(week_field(page, "p2")).to_have_value("0")
    assert "week" not in design_json(teacher, design_id)["phases"][1]
    kb.press("Control+a")
    kb.type("2")
    kb.press("Enter")
    wait_saved(page, 3)
    expect(week_tag(page, "p2").locator(".week-short")).to_have_text("Wk 2")
    expect(page.locator(summary)).to_be_focused()  # the keyboard goes on from the menu button
    assert [p.get("week") for p in design_json(teacher, design_id)["phases"]] == [1, 2, None]

    # kept across a reload, in the tag and in the field
    page.reload()
    expect(week_tag(page, "p1").locator(".week-short")).to_have_text("Wk 1")
    expect(week_tag(page, "p2").locator(".week-short")).to_have_text("Wk 2")
    expect(week_tag(page, "p3")).to_have_count(0)
    expect(page.locator('[data-phase-column="p2"] input[name="week"]')).to_have_value("2")  # (menu closed)

    # repeat weeks 1–2 by keys: the run through "Bijeenkomst", then "Fase dupliceren"
    tab_to('[data-phase-column="p1"] .phase-menu summary')
    kb.press("Enter")
    tab_to('[data-phase-column="p1"] select[name="through"]')
    kb.type("Bij")
    expect(page.locator('[data-phase-column="p1"] select[name="through"]')).to_have_value("p2")
    tab_to('[data-phase-column="p1"] .repeat-form button')
    kb.press("Enter")
    wait_saved(page, 4)
    expect(page.locator("[data-phase-column]")).to_have_count(5)
    doc = design_json(teacher, design_id)
    assert [(p["title"], p.get("week")) for p in doc["phases"]] == [
        ("Voorbereiding", 1),
        ("Bijeenkomst", 2),
        ("Voorbereiding (kopie)", 3),
        ("Bijeenkomst (kopie)", 4),
        ("Afronding", None),
    ]
    copies = [p["id"] for p in doc["phases"][2:4]]
    expect(week_tag(page, copies[0]).locator(".week-short")).to_have_text("Wk 3")
    expect(week_tag(page, copies[1]).locator(".week-short")).to_have_text("Wk 4")

    # undo takes the copies back, and a second undo the week of "Bijeenkomst"
    kb.press("Control+z")
    wait_saved(page, 5)
    expect(page.locator("[data-phase-column]")).to_have_count(3)
    kb.press("Control+z")
    wait_saved(page, 6)
    expect(week_tag(page, "p2")).to_have_count(0)
    expect(week_tag(page, "p1").locator(".week-short")).to_have_text("Wk 1")


def test_the_phone_list_and_print_show_the_whole_week(page: Page, teacher):
    doc = {**DESIGN, "phases": [{**DESIGN["phases"][0], "week": 3}, *DESIGN["phases"][1:]]}
    r = teacher.post("/api/designs", json=doc)
    assert r.status_code == 201, r.text
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/designs/{r.json()['id']}")
    tag = week_tag(page, "p1")
    expect(tag.locator(".week-long")).to_be_visible()
    expect(tag.locator(".week-short")).to_be_hidden()
    box = tag.locator(".week-long").bounding_box()
    assert box["width"] > 20 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 720})
    page.emulate_media(media="print")
    expect(tag.locator(".week-long")).to_be_visible()
    expect(tag.locator(".week-short")).to_be_hidden()
