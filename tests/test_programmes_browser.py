"""The programme page in a browser (SPEC §12): a teacher starts a programme, adds three
designs, sets their start weeks, and sees the weekly chart and the feedback change when
a design's minutes change — each change saved and still there after a reload."""

from playwright.sync_api import expect

from wave.engine.programme_rules import course


def _design(teacher, title, weeks) -> int:
    r = teacher.post("/api/designs", json=course(title, weeks))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _hours(h):
    return ("groepsopdracht", "offline", "async", int(h * 60))


def _week_total(page, week: int) -> str:
    return page.locator(f'#programme-chart [data-week-total="{week}"]').get_attribute("data-hours")


def test_programme_from_three_designs_with_start_weeks_and_changing_minutes(page, teacher):
    a = _design(teacher, "Marketing", {1: [_hours(20)], 2: [_hours(10)]})
    b = _design(teacher, "Bedrijfskunde", {1: [_hours(12)]})
    c = _design(teacher, "Onderzoek", {1: [_hours(15)]})
    page.goto("/programmes")
    page.get_by_label("Titel").fill("Blok 1")
    page.get_by_label("Aantal weken").fill("8")
    page.get_by_role("button", name="Opleiding beginnen").click()
    expect(page.get_by_role("heading", name="Blok 1", level=1)).to_be_visible()
    expect(page.locator("#programme-findings-none")).to_be_visible()
    for design_id, start in ((a, "1"), (b, "1"), (c, "3")):
        page.get_by_label("Ontwerp", exact=True).select_option(str(design_id))
        page.locator("#add-start").fill(start)
        page.get_by_role("button", name="Toevoegen").click()
        expect(page.locator(f'#course-list [data-course="{design_id}"]')).to_be_visible()
    expect(page.locator("#programme-status")).to_have_text("Cursus toegevoegd.")
    assert _week_total(page, 1) == "32.0"  # 20 + 12
    assert _week_total(page, 3) == "15.0"  # Onderzoek's week 1 starts in week 3
    # Onderzoek moves to week 2: 10 + 15 = 25 there
    start = page.get_by_label("Startweek van Onderzoek")
    start.fill("2")
    start.press("Enter")
    expect(page.locator("#programme-status")).to_have_text("Startweek bewaard.")
    assert _week_total(page, 2) == "25.0"
    expect(page.locator('#programme-findings [data-rule="programme.week-over-load"]')).to_have_count(0)
    # Bedrijfskunde's week 1 grows to 25 hours: 45 hours in week 1, over the norm
    doc = teacher.get(f"/api/designs/{b}").json()
    doc["phases"][0]["activities"][0]["minutes"] = 25 * 60
    assert teacher.put(f"/api/designs/{b}", json=doc).status_code == 200
    page.reload()
    assert _week_total(page, 1) == "45.0"
    finding = page.locator('#programme-findings [data-rule="programme.week-over-load"]')
    expect(finding).to_have_count(1)
    expect(finding).to_contain_text("Week 1")
    expect(page.locator("#over-weeks")).to_contain_text("week 1")
    # a start week out of range: the browser's own check holds it, nothing is saved
    start = page.get_by_label("Startweek van Marketing")
    start.fill("0")
    start.press("Enter")
    assert start.evaluate("input => input.validity.valid") is False
    page.reload()
    expect(page.get_by_label("Startweek van Marketing")).to_have_value("1")
    expect(page.get_by_label("Startweek van Onderzoek")).to_have_value("2")
