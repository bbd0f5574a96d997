"""The canvas in a real Chromium: drag, drop, edit, link, remove, undo, reload."""

import re

import pytest
from canvashooks import card, design_json, drag, lane, wait_saved
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def placed(doc: dict) -> list[tuple[str, str, str, str]]:
    """(phase id, placed id, catalogue id, mode) in time order."""
    return [(p["id"], a["id"], a["activity"], a["mode"]) for p in doc["phases"] for a in p["activities"]]


def dialog(page: Page):
    return page.get_by_role("dialog")


@pytest.mark.parametrize("template", ["linear", "non-linear", "hybrid"])
def test_create_design_from_each_template(page: Page, template):
    page.goto("/")
    page.fill("#new-title", f"Module {template}")
    page.check(f'input[name=template][value="{template}"]')
    page.click("#new-design button[type=submit]")
    expect(page.locator("#design-title")).to_have_text(f"Module {template}")
    expect(page.locator("[data-phase-column]")).to_have_count(3)
    if template != "linear":
        expect(page.locator("[data-phase-column].kind-choice")).to_have_count(1)


def test_new_design_without_title_is_refused_with_message(page: Page):
    page.goto("/")
    page.evaluate("document.getElementById('new-title').removeAttribute('required')")
    page.click("#new-design button[type=submit]")
    expect(page.locator("#title-error")).to_be_visible()


def test_drag_edit_link_remove_undo_reload(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Slepen en neerzetten")
    page.goto(f"/designs/{design_id}")
    cat = lambda a: page.locator(f'.cat-item[data-activity="{a}"]')  # noqa: E731

    # three activities in from the catalogue
    drag(page, cat("kennisclip"), lane(page, "p1", "online"))
    wait_saved(page, 2)
    drag(page, cat("casus"), lane(page, "p2", "offline"))
    wait_saved(page, 3)
    drag(page, cat("forum"), lane(page, "p3", "online"))
    wait_saved(page, 4)
    doc = design_json(teacher, design_id)
    assert placed(doc) == [
        ("p1", "a1", "kennisclip", "online"),
        ("p2", "a2", "casus", "offline"),
        ("p3", "a3", "forum", "online"),
    ]
    expect(page.locator(".wave-line")).to_have_count(1)

    # move the case between lanes (offline -> online changes its mode)
    drag(page, card(page, "a2"), lane(page, "p2", "online"))
    wait_saved(page, 5)
    assert placed(design_json(teacher, design_id))[1] == ("p2", "a2", "casus", "online")

    # move the forum between phases (p3 -> p1, after the clip: to the right of it)
    target = card(page, "a1")
    drag(page, card(page, "a3"), target, x=int(target.bounding_box()["width"]) + 12, y=30)
    wait_saved(page, 6)
    assert [p[:2] for p in placed(design_json(teacher, design_id))] == [
        ("p1", "a1"),
        ("p1", "a3"),
        ("p2", "a2"),
    ]

    # a refused move: a knowledge clip cannot be face-to-face; the card returns
    drag(page, card(page, "a1"), lane(page, "p2", "offline"))
    expect(page.locator(".toast-error")).to_contain_text("Kennisclip")
    expect(lane(page, "p1", "online").locator('[data-placed="a1"]')).to_have_count(1)
    assert design_json(teacher, design_id)["version"] == 6

    # edit minutes and topics in the editor
    card(page, "a1").click()
    expect(dialog(page)).to_be_visible()
    dialog(page).get_by_role("spinbutton", name="Minuten").fill("25")
    page.fill("#editor-form input[name=topics]", "4P-model, doelgroep")
    page.click("#editor-form button[type=submit]")
    wait_saved(page, 7)
    expect(dialog(page)).to_be_hidden()
    a1 = design_json(teacher, design_id)["phases"][0]["activities"][0]
    assert (a1["minutes"], a1["topics"]) == (25, ["4P-model", "doelgroep"])
    expect(card(page, "a1").get_by_role("spinbutton", name="Minuten")).to_have_value("25")

    # link the clip to the case: drag its connect handle onto the case
    drag(page, page.locator('[data-connect="a1"]'), card(page, "a2"), x=40, y=40)
    wait_saved(page, 8)
    assert design_json(teacher, design_id)["links"] == [{"from": "a1", "to": "a2", "kind": "prepares"}]
    expect(page.locator('[data-link][data-from="a1"][data-to="a2"][data-kind="prepares"]')).to_have_count(1)

    # remove by dropping on the catalogue, then undo
    drag(page, card(page, "a2"), page.locator('[data-panel="catalogue"]'), x=100, y=300)
    wait_saved(page, 9)
    expect(card(page, "a2")).to_have_count(0)
    assert design_json(teacher, design_id)["links"] == []
    page.get_by_role("button", name="Ongedaan maken").click()
    wait_saved(page, 10)
    expect(card(page, "a2")).to_have_count(1)

    # reload: everything as left
    page.reload()
    doc = design_json(teacher, design_id)
    assert [p[:2] for p in placed(doc)] == [("p1", "a1"), ("p1", "a3"), ("p2", "a2")]
    assert doc["links"] == [{"from": "a1", "to": "a2", "kind": "prepares"}]
    expect(card(page, "a1").get_by_role("spinbutton", name="Minuten")).to_have_value("25")
    expect(lane(page, "p2", "online").locator('[data-placed="a2"]')).to_have_count(1)


def test_the_same_flow_with_the_keyboard_only(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Alleen toetsenbord")
    page.goto(f"/designs/{design_id}")
    kb = page.keyboard

    def add(activity: str, phase: str, version: int) -> None:
        page.focus("#add-target")
        page.select_option("#add-target", phase)  # a select answers to the keyboard natively
        page.focus("#cat-search")
        kb.type(activity)
        kb.press("ArrowDown")
        expect(page.locator(".cat-item:focus")).to_have_attribute("data-activity", activity)
        kb.press("Enter")
        wait_saved(page, version)
        page.fill("#cat-search", "")

    add("kennisclip", "p1", 2)
    add("casus", "p2", 3)
    add("forum", "p3", 4)
    assert placed(design_json(teacher, design_id)) == [
        ("p1", "a1", "kennisclip", "online"),
        ("p2", "a2", "casus", "online"),
        ("p3", "a3", "forum", "online"),
    ]

    # between lanes: the case goes face-to-face
    card(page, "a2").focus()
    kb.press("ArrowDown")
    wait_saved(page, 5)
    expect(card(page, "a2")).to_be_focused()
    expect(page.locator("#status")).to_contain_text("Casus")
    # between phases: the forum moves left out of p3 into p2 (after the case)
    card(page, "a3").focus()
    kb.press("ArrowLeft")
    wait_saved(page, 6)
    assert [p[:2] for p in placed(design_json(teacher, design_id))] == [
        ("p1", "a1"),
        ("p2", "a2"),
        ("p2", "a3"),
    ]
    # refused: a knowledge clip cannot go face-to-face
    card(page, "a1").focus()
    kb.press("ArrowDown")
    expect(page.locator(".toast-error")).to_be_visible()
    assert design_json(teacher, design_id)["version"] == 6

    # edit minutes and topics: Enter opens the editor
    card(page, "a1").focus()
    kb.press("Enter")
    expect(page.locator("#editor")).to_be_visible()
    dialog(page).get_by_role("spinbutton", name="Minuten").focus()
    kb.press("Control+a")
    kb.type("30")
    page.focus("#editor-form input[name=topics]")
    kb.type("segmentatie")
    kb.press("Enter")
    wait_saved(page, 7)
    a1 = design_json(teacher, design_id)["phases"][0]["activities"][0]
    assert (a1["minutes"], a1["topics"]) == (30, ["segmentatie"])

    # a link, from the editor
    card(page, "a1").focus()
    kb.press("Enter")
    page.focus("#link-to")
    page.select_option("#link-to", "a2")
    page.focus("#link-form button")
    kb.press("Enter")
    wait_saved(page, 8)
    assert design_json(teacher, design_id)["links"][0]["to"] == "a2"
    kb.press("Escape")  # the editor stays open after a link; Escape closes it
    expect(dialog(page)).to_be_hidden()

    # remove with Delete, undo with Ctrl+Z
    card(page, "a3").focus()
    kb.press("Delete")
    wait_saved(page, 9)
    expect(card(page, "a3")).to_have_count(0)
    expect(page.get_by_role("button", name="Ongedaan maken")).to_be_enabled()
    kb.press("Control+z")
    wait_saved(page, 10)
    expect(card(page, "a3")).to_have_count(1)

    page.reload()
    doc = design_json(teacher, design_id)
    assert [p[:2] for p in placed(doc)] == [("p1", "a1"), ("p2", "a2"), ("p2", "a3")]
    assert doc["phases"][1]["activities"][0]["mode"] == "offline"
    expect(card(page, "a1").get_by_role("spinbutton", name="Minuten")).to_have_value("30")


def test_findings_update_without_reload(page: Page, teacher):
    """An edit that creates a finding shows it at once; the repair removes it."""
    from webfixtures import new_design

    design_id = new_design(
        teacher, "linear", title="Dubbel aanbod", goals=[{"id": "g1", "text": "Leg de balans uit"}]
    )
    page.goto(f"/designs/{design_id}")
    page.focus("#cat-search")
    page.keyboard.type("kennisclip")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_saved(page, 2)
    page.select_option("#add-target", "p2")
    page.fill("#cat-search", "hoorcollege")
    page.focus(".cat-item[data-activity=hoorcollege]")
    page.keyboard.press("Enter")
    wait_saved(page, 3)
    expect(page.locator('.finding[data-rule="content.duplicate"]')).to_have_count(0)

    for placed_id, version in (("a1", 4), ("a2", 5)):
        card(page, placed_id).click()
        page.fill("#editor-form input[name=topics]", "balans")
        page.click("#editor-form button[type=submit]")
        wait_saved(page, version)
    finding = page.locator('.finding[data-rule="content.duplicate"]')
    expect(finding).to_have_count(1)
    expect(finding).to_have_attribute("data-activities", "a1 a2")
    finding.locator(".finding-head").click()
    expect(card(page, "a1")).to_have_class(re.compile(r"\bhighlight\b"))
    expect(card(page, "a2")).to_have_attribute("data-severity", "warning")

    card(page, "a2").click()
    page.fill("#editor-form input[name=topics]", "resultatenrekening")
    page.click("#editor-form button[type=submit]")
    wait_saved(page, 6)
    expect(page.locator('.finding[data-rule="content.duplicate"]')).to_have_count(0)


def test_phases_and_goals_are_edited_on_the_canvas(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Fasen en doelen")
    page.goto(f"/designs/{design_id}")
    # goals: the panel stays open after adding one, with the focus in the field
    page.locator("#goals-panel summary").click()
    page.fill("#new-goal", "De student past het 4P-model toe")
    page.click("#goal-add button")
    wait_saved(page, 2)
    expect(page.locator("#new-goal")).to_be_focused()
    page.keyboard.press("Escape")  # closes the goals panel
    # a new phase, renamed, moved to the front, and an old one removed
    page.get_by_text("Nieuwe fase").click()
    page.fill("#new-phase", "Week 2")
    page.click(".phase-add form button")
    wait_saved(page, 3)
    p4 = page.locator('[data-phase-column="p4"]')
    p4.locator(".phase-menu summary").click()
    p4.locator('input[name="title"]').fill("Week 2: verdieping")
    p4.locator('select[name="kind"]').select_option("choice")
    p4.get_by_role("button", name="Opslaan").click()
    wait_saved(page, 4)
    for version in (5, 6, 7):
        p4 = page.locator('[data-phase-column="p4"]')
        p4.locator(".phase-menu summary").click()
        p4.locator('button[hx-vals*="-1"]').click()
        wait_saved(page, version)
    page.locator('[data-phase-column="p2"] .phase-menu summary').click()
    page.locator('[data-phase-column="p2"]').get_by_role("button", name="Fase verwijderen").click()
    wait_saved(page, 8)
    doc = design_json(teacher, design_id)
    assert [(p["id"], p["title"], p["kind"]) for p in doc["phases"]] == [
        ("p4", "Week 2: verdieping", "choice"),
        ("p1", "Voorbereiding", "sequence"),
        ("p3", "Verwerking", "sequence"),
    ]
    assert doc["goals"] == [{"id": "g1", "text": "De student past het 4P-model toe"}]
    page.reload()
    expect(page.locator("[data-phase-column] .phase-title")).to_have_text(
        ["Week 2: verdieping", "Voorbereiding", "Verwerking"]
    )
    expect(page.locator("[data-phase-column].kind-choice")).to_have_count(1)


def test_export_and_import_json_in_the_browser(page: Page, teacher, tmp_path):
    from wave.examples import load_example

    doc = {**load_example("synchroon-asynchroon").to_json(), "title": "Heen en terug"}
    design_id = teacher.post("/api/designs", json=doc).json()["id"]
    page.goto(f"/designs/{design_id}")
    page.get_by_text("Exporteren").click()
    with page.expect_download() as download:
        page.click('a[href$="/export.json"]')
    path = tmp_path / "design.json"
    download.value.save_as(path)
    original = design_json(teacher, design_id)

    page.goto("/")
    page.set_input_files("#import-file", str(path))
    page.click("#import-form button[type=submit]")
    # told apart from the one it came from (finding 28); otherwise the same design
    expect(page.locator("#design-title")).to_have_text("Heen en terug (geïmporteerd)")
    imported_id = int(page.url.rsplit("/", 1)[1])
    again = design_json(teacher, imported_id)
    for doc in (original, again):
        doc.pop("id"), doc.pop("version")
    assert again == {**original, "title": "Heen en terug (geïmporteerd)"}

    # a broken file: a clear message, nothing stored
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "wave.design/v1", "title": "Kapot", "phases": [{"id": "p1", '
        '"title": "x", "activities": [{"id": "a1", "activity": "kennisclip", '
        '"mode": "offline"}]}]}',
        encoding="utf-8",
    )
    before = len(teacher.get("/api/designs").json())
    page.goto("/")
    page.fill("#new-title", "Nog niet weg")  # typed in the other form: kept (finding 27)
    page.set_input_files("#import-file", str(bad))
    page.click("#import-form button[type=submit]")
    expect(page.locator("#import-form .field-error")).to_contain_text("Fase 1 › activiteit 1 › lesvorm")
    assert "phases[0]" not in page.locator("#import-form").inner_text()
    expect(page.locator("#new-title")).to_have_value("Nog niet weg")
    assert page.url.rstrip("/") == page.url.split("/import")[0].rstrip("/")  # not /import
    assert len(teacher.get("/api/designs").json()) == before
