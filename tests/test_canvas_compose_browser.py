"""Composing a week on the canvas (SPEC §5.2), in a real Chromium, through the hooks of §5.3.

The seed-002 case (synchronous and asynchronous combined: eight activities in four
phases, three goals, seven links) is built from an empty linear design with the
mouse, counting every action the test takes — the figure in the README. Then undo
and redo, links by their kind, drops outside lanes, Escape, removal on the
catalogue, confirmations and repeating a week.
"""

import pytest
from canvashooks import card, drag, lane, sortable_caught_up, track_pointer, wait_saved
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


class Actions:
    """The mouse and keyboard actions a person would take, counted."""

    def __init__(self, page: Page):
        self.page, self.count = page, 0

    def drag(self, source, target, x: int = 30, y: int = 20) -> None:
        self.count += 1
        self.seen = drag(self.page, source, target, x, y, reaim=True)

    def click(self, locator) -> None:
        self.count += 1
        locator.click()

    def type(self, locator, text: str) -> None:
        """Typing a value into a field counts as one action (plus Enter, if pressed)."""
        self.count += 1
        locator.fill(text)

    def press(self, key: str) -> None:
        self.count += 1
        self.page.keyboard.press(key)


def version_of(page: Page) -> int:
    return int(page.locator("#design-version").input_value())


def doc_of(http, design_id: int) -> dict:
    doc = http.get(f"/api/designs/{design_id}").json()
    doc.pop("id"), doc.pop("version")
    return doc


SEED_002 = {
    # placed id: (catalogue id, phase, mode, minutes, goals)
    "a1": ("kennisclip", "p1", "online", 30, ["g1"]),
    "a2": ("vragenuur", "p2", "offline", 20, ["g1"]),
    "a3": ("casus", "p2", "offline", 60, ["g2"]),
    "a4": ("discussie", "p2", "offline", 30, ["g2"]),
    "a5": ("groepsopdracht", "p3", "online", 90, ["g2"]),
    "a6": ("inleveren", "p3", "online", 10, ["g2"]),
    "a7": ("peerfeedback", "p3", "online", 45, ["g3"]),
    "a8": ("online-bijeenkomst", "p4", "online", 45, ["g3"]),
}
LINKS = [("a1", "a2"), ("a2", "a3"), ("a3", "a4"), ("a4", "a5"), ("a5", "a6"), ("a6", "a7"), ("a7", "a8")]


def test_build_the_seed_002_week_with_the_mouse(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Week 2: synchroon en asynchroon")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"/designs/{design_id}")
    act = Actions(page)
    v = version_of(page)

    # three goals, in the goals panel that stays open between them
    act.click(page.locator("#goals-panel summary"))
    for text in (
        "legt de begrippen uit de clips uit",
        "past ze toe op de casus",
        "geeft onderbouwde peerfeedback",
    ):
        act.type(page.locator("#new-goal"), text)
        act.press("Enter")
        v += 1
        wait_saved(page, v)
    act.press("Escape")
    # a fourth phase for the feedback a few days later
    act.click(page.locator("#phase-add summary"))
    act.type(page.locator("#new-phase"), "Terugkoppeling")
    act.press("Enter")
    v += 1
    wait_saved(page, v)
    act.click(page.get_by_role("button", name="Passend", exact=True))

    # eight activities, dragged into their lanes in time order (each after the last)
    for placed_id, (activity, phase, mode, _, _) in SEED_002.items():
        act.drag(page.locator(f'[data-activity="{activity}"]'), lane(page, phase, mode), x=-45, y=40)
        v += 1
        assert f'data-phase="{phase}"' in act.seen and f'data-mode="{mode}"' in act.seen, act.seen
        wait_saved(page, v)
        expect(card(page, placed_id)).to_have_count(1)

    # minutes on the cards (where the catalogue's default is not what the case needs)
    for placed_id, (_, _, _, minutes, _) in SEED_002.items():
        field = card(page, placed_id).get_by_role("spinbutton", name="Minuten")
        if field.input_value() == str(minutes):
            continue
        act.type(field, str(minutes))
        act.press("Enter")
        v += 1
        wait_saved(page, v)

    # goals: pick a goal, then click the cards it covers
    for goal in ("g1", "g2", "g3"):
        act.click(page.locator(f'[data-goal-pick="{goal}"]'))
        for placed_id, (*_, goals) in SEED_002.items():
            if goal in goals:
                act.click(card(page, placed_id).locator(".card-title"))
                v += 1
                wait_saved(page, v)

    # seven links, each a drag from a card's connect handle onto the next card (the first
    # ends giving goals to cards); "Passend" kept the whole week in view as it grew
    for source, target in LINKS:
        act.drag(page.locator(f'[data-connect="{source}"]'), card(page, target), x=40, y=40)
        v += 1
        wait_saved(page, v)
        expect(page.locator(f'[data-link][data-from="{source}"][data-to="{target}"]')).to_have_count(1)

    doc = teacher.get(f"/api/designs/{design_id}").json()
    got = {
        a["id"]: (a["activity"], p["id"], a["mode"], a["minutes"], a["goals"])
        for p in doc["phases"]
        for a in p["activities"]
    }
    assert got == SEED_002
    assert [[a["id"] for a in p["activities"]] for p in doc["phases"]] == [
        ["a1"],
        ["a2", "a3", "a4"],
        ["a5", "a6", "a7"],
        ["a8"],
    ]
    # defaults by time order: every link runs forward, so each one prepares the next
    assert [(k["from"], k["to"], k["kind"]) for k in doc["links"]] == [(a, b, "prepares") for a, b in LINKS]
    assert act.count <= 50, act.count
    expect(page.locator('[data-goal-pick][aria-pressed="true"]')).to_have_count(0)
    print(f"\nseed-002 week with the mouse: {act.count} actions")


def test_build_the_seed_002_week_with_the_keyboard_only(page: Page, teacher):
    """The same week by keys alone: Tab, Shift+Tab, arrows, Enter, Space, Escape, letters.
    No focus(), fill() or select_option(): moving on is pressing Tab until the element a
    person is after has the focus, as a keyboard user does."""
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Week 2 met het toetsenbord")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"/designs/{design_id}")
    kb = page.keyboard
    v = version_of(page)

    def focused(selector: str) -> bool:
        return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)

    def tab_to(selector: str, back: bool = False, limit: int = 120) -> None:
        for _ in range(limit):
            if focused(selector):
                return
            kb.press("Shift+Tab" if back else "Tab")
        raise AssertionError(f"{selector} is not reachable with Tab")

    def saved() -> None:
        nonlocal v
        v += 1
        wait_saved(page, v)

    # three goals: the panel stays open, the field keeps the focus
    tab_to("#goals-panel summary")
    kb.press("Enter")
    tab_to("#new-goal")
    for text in (
        "legt de begrippen uit de clips uit",
        "past ze toe op de casus",
        "geeft onderbouwde peerfeedback",
    ):
        kb.type(text)
        kb.press("Enter")
        saved()
        expect(page.locator("#new-goal")).to_be_focused()
    kb.press("Escape")
    # a fourth phase
    tab_to("#phase-add summary")
    kb.press("Enter")
    tab_to("#new-phase")
    kb.type("Terugkoppeling")
    kb.press("Enter")
    saved()

    # eight activities: phase and lane in the two selects (type-ahead), then search
    # and Enter in the catalogue list
    titles = {"p1": "Voorb", "p2": "Bijee", "p3": "Verw", "p4": "Terug"}
    lanes = {"online": "O", "offline": "F"}
    tab_to("#cat-search")
    for placed_id, (activity, phase, mode, _, _) in SEED_002.items():
        tab_to("#add-target")
        kb.type(titles[phase])
        kb.press("Tab")
        kb.type(lanes[mode])
        tab_to("#cat-search", back=True)
        kb.press("Control+a")
        kb.type(activity.replace("-", " "))
        kb.press("ArrowDown")
        for _ in range(12):
            if focused(f'[data-activity="{activity}"]'):
                break
            kb.press("ArrowDown")
        kb.press("Enter")
        saved()
        expect(lane(page, phase, mode).locator(f'[data-placed="{placed_id}"]')).to_have_count(1)

    # minutes and goals in each card's editor: Enter opens it, Tab to the fields
    for placed_id, (_, _, _, minutes, goals) in SEED_002.items():
        tab_to(f'[data-placed="{placed_id}"]')
        kb.press("Enter")
        expect(page.get_by_role("dialog")).to_be_visible()
        tab_to('#editor-form input[name="minutes"]')
        kb.press("Control+a")
        kb.type(str(minutes))
        for goal in goals:
            tab_to(f'#editor-form input[name="goals"][value="{goal}"]')
            kb.press("Space")
        tab_to('#editor-form button[type="submit"]')
        kb.press("Enter")
        saved()
        expect(page.get_by_role("dialog")).to_be_hidden()
        expect(card(page, placed_id)).to_be_focused()

    # seven links: C on a card, the arrow to the next one, Enter
    for source, target in LINKS:
        tab_to(f'[data-placed="{source}"]')
        kb.press("c")
        kb.press("ArrowRight")
        expect(card(page, target)).to_be_focused()
        kb.press("Enter")
        saved()

    doc = teacher.get(f"/api/designs/{design_id}").json()
    got = {
        a["id"]: (a["activity"], p["id"], a["mode"], a["minutes"], a["goals"])
        for p in doc["phases"]
        for a in p["activities"]
    }
    assert got == SEED_002
    assert [(k["from"], k["to"], k["kind"]) for k in doc["links"]] == [(a, b, "prepares") for a, b in LINKS]


def test_ten_undos_and_ten_redos_survive_a_reload(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(
        teacher, "linear", title="Tien stappen terug", goals=[{"id": "g1", "text": "Doel"}]
    )
    page.goto(f"/designs/{design_id}")
    start = doc_of(teacher, design_id)
    kb = page.keyboard
    v = version_of(page)

    def add(activity: str) -> None:
        nonlocal v
        page.fill("#cat-search", activity)
        page.locator(f'[data-activity="{activity}"]').focus()
        kb.press("Enter")
        v += 1
        wait_saved(page, v)

    add("kennisclip")  # 1
    add("forum")  # 2
    card(page, "a2").focus()
    kb.press("ArrowLeft")  # 3: one step earlier
    v += 1
    wait_saved(page, v)
    kb.press("d")  # 4: duplicate
    v += 1
    wait_saved(page, v)
    field = card(page, "a1").get_by_role("spinbutton", name="Minuten")
    field.fill("33")  # 5: minutes on the card
    kb.press("Enter")
    v += 1
    wait_saved(page, v)
    card(page, "a1").focus()
    kb.press("ArrowRight")  # 6
    v += 1
    wait_saved(page, v)
    page.locator('[data-goal-pick="g1"]').click()
    card(page, "a2").locator(".card-title").click()  # 7: goal to a card
    v += 1
    wait_saved(page, v)
    kb.press("Escape")
    card(page, "a3").focus()
    kb.press("Delete")  # 8
    v += 1
    wait_saved(page, v)
    add("casus")  # 9
    card(page, "a1").focus()
    kb.press("ArrowRight")  # 10: into the next phase
    v += 1
    wait_saved(page, v)
    final = doc_of(teacher, design_id)
    assert final != start

    page.reload()  # the history is on the server
    undo = page.get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_enabled()
    page.locator("[data-board]").focus()
    for _ in range(10):
        kb.press("Control+z")
        v += 1
        wait_saved(page, v)
    assert doc_of(teacher, design_id) == start
    expect(undo).to_be_disabled()
    for i in range(10):
        kb.press("Control+Shift+z" if i % 2 else "Control+y")
        v += 1
        wait_saved(page, v)
    assert doc_of(teacher, design_id) == final
    expect(page.get_by_role("button", name="Opnieuw")).to_be_disabled()


def test_link_kind_changes_by_clicking_the_link(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Verbinding omzetten")
    doc = teacher.get(f"/api/designs/{design_id}").json()
    doc["phases"][0]["activities"] = [{"id": "a1", "activity": "kennisclip", "mode": "online"}]
    doc["phases"][1]["activities"] = [{"id": "a2", "activity": "casus", "mode": "offline"}]
    doc["links"] = [{"from": "a2", "to": "a1", "kind": "prepares"}]  # against time order
    assert teacher.put(f"/api/designs/{design_id}", json=doc).status_code == 200
    page.goto(f"/designs/{design_id}")
    link = page.locator('[data-link][data-from="a2"][data-to="a1"]')
    expect(link).to_have_class("against-time")
    # the editor says so, phrased from the open card's side
    card(page, "a1").locator(".card-title").click()
    expect(page.get_by_role("dialog")).to_contain_text("wordt voorbereid door")
    expect(page.locator(".link-warning")).to_be_visible()
    page.keyboard.press("Escape")
    link.locator(".link-hit").click(force=True)
    page.get_by_role("menuitemradio", name="volgt op").click()
    expect(page.locator('[data-link][data-from="a2"][data-to="a1"][data-kind="follows-up"]')).to_have_count(1)
    assert teacher.get(f"/api/designs/{design_id}").json()["links"] == [
        {"from": "a2", "to": "a1", "kind": "follows-up"}
    ]
    expect(page.locator('[data-link][data-from="a2"]')).not_to_have_class("against-time")


def test_a_drop_outside_every_lane_returns_the_card(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Terug op zijn plek")
    page.goto(f"/designs/{design_id}")
    act = Actions(page)
    act.drag(page.locator('[data-activity="casus"]'), lane(page, "p2", "offline"))
    wait_saved(page, 2)
    before = doc_of(teacher, design_id)
    # released over the canvas header, and just past the board's right edge
    act.drag(card(page, "a1"), page.locator("#design-title"))
    board = page.locator("[data-board]").bounding_box()
    page.mouse.move(board["x"] + board["width"] + 6, board["y"] + 40)
    act.drag(card(page, "a1"), page.locator('[data-panel="critic"]'), x=20, y=200)
    expect(card(page, "a1")).to_have_count(1)
    expect(lane(page, "p2", "offline").locator('[data-placed="a1"]')).to_have_count(1)
    assert doc_of(teacher, design_id) == before
    assert version_of(page) == 2


def test_escape_cancels_a_drag_from_the_catalogue(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Toch niet")
    page.goto(f"/designs/{design_id}")
    source = page.locator('[data-activity="inleveren"]')
    source.scroll_into_view_if_needed()
    track_pointer(page)
    box = source.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + 30, box["y"] + 20, steps=2)
    target = lane(page, "p3", "online").bounding_box()
    page.mouse.move(target["x"] + 30, target["y"] + 30, steps=20)
    sortable_caught_up(page)
    page.keyboard.press("Escape")
    page.mouse.move(target["x"] + 40, target["y"] + 30, steps=3)
    page.mouse.up()
    expect(page.locator("#status")).to_contain_text("geannuleerd")
    assert teacher.get(f"/api/designs/{design_id}").json()["version"] == 1
    expect(page.locator("[data-placed]")).to_have_count(0)
    expect(page.locator('#catalogue-list [data-activity="inleveren"]')).to_have_count(1)


def test_remove_by_dropping_on_the_catalogue(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Weg ermee")
    page.goto(f"/designs/{design_id}")
    act = Actions(page)
    act.drag(page.locator('[data-activity="forum"]'), lane(page, "p3", "online"))
    wait_saved(page, 2)
    act.drag(card(page, "a1"), page.locator('[data-panel="catalogue"]'), x=120, y=300)
    wait_saved(page, 3)
    expect(page.locator("[data-placed]")).to_have_count(0)
    assert doc_of(teacher, design_id)["phases"][2]["activities"] == []


def test_removing_a_phase_or_a_used_goal_asks_first(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Eerst vragen", goals=[{"id": "g1", "text": "Doel"}])
    doc = teacher.get(f"/api/designs/{design_id}").json()
    doc["phases"][0]["activities"] = [
        {"id": "a1", "activity": "kennisclip", "mode": "online", "goals": ["g1"]},
        {"id": "a2", "activity": "casus", "mode": "offline"},
    ]
    teacher.put(f"/api/designs/{design_id}", json=doc)
    page.goto(f"/designs/{design_id}")
    asked: list[str] = []

    def answer(dialog, accept: bool):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    # a "no" keeps everything
    page.once("dialog", lambda d: answer(d, False))
    page.locator('[data-phase-column="p1"] .phase-menu summary').click()
    page.get_by_role("button", name="Fase verwijderen").first.click()
    expect(page.locator('[data-phase-column="p1"]')).to_have_count(1)
    assert "2 activiteiten" in asked[0]
    assert teacher.get(f"/api/designs/{design_id}").json()["version"] == 2
    # the goal in use: asked, then removed
    page.keyboard.press("Escape")
    page.locator("#goals-panel summary").click()
    page.once("dialog", lambda d: answer(d, True))
    page.get_by_role("button", name="Leerdoel verwijderen g1").click()
    wait_saved(page, 3)
    assert "1 activiteit" in asked[1]
    assert teacher.get(f"/api/designs/{design_id}").json()["goals"] == []


def test_repeat_a_week_copies_its_phases_and_the_links_inside(page: Page, teacher):
    from webfixtures import new_design

    design_id = new_design(teacher, "linear", title="Elke week hetzelfde ritme")
    doc = teacher.get(f"/api/designs/{design_id}").json()
    doc["phases"][0]["title"], doc["phases"][2]["title"] = "Week 1 voor", "Week 1 na"
    doc["phases"][0]["activities"] = [{"id": "a1", "activity": "kennisclip", "mode": "online"}]
    doc["phases"][1]["activities"] = [{"id": "a2", "activity": "casus", "mode": "offline"}]
    doc["phases"][2]["activities"] = [{"id": "a3", "activity": "forum", "mode": "online"}]
    doc["links"] = [
        {"from": "a1", "to": "a2", "kind": "prepares"},
        {"from": "a3", "to": "a2", "kind": "follows-up"},
    ]
    teacher.put(f"/api/designs/{design_id}", json=doc)
    page.goto(f"/designs/{design_id}")
    page.locator('[data-phase-column="p1"] .phase-menu summary').click()
    menu = page.locator('[data-phase-column="p1"] .menu')
    menu.get_by_label("Herhalen tot en met").select_option("p3")
    menu.get_by_role("button", name="Fase dupliceren").click()
    wait_saved(page, 3)
    after = teacher.get(f"/api/designs/{design_id}").json()
    assert [p["title"] for p in after["phases"]] == [
        "Week 1 voor",
        "Bijeenkomst",
        "Week 1 na",
        "Week 2 voor",
        "Bijeenkomst (kopie)",
        "Week 2 na",
    ]
    copies = [a["id"] for p in after["phases"][3:] for a in p["activities"]]
    assert len(set(copies)) == 3 and not set(copies) & {"a1", "a2", "a3"}
    a1, a2, a3 = copies
    assert after["links"][2:] == [
        {"from": a1, "to": a2, "kind": "prepares"},
        {"from": a3, "to": a2, "kind": "follows-up"},
    ]
    expect(page.locator("[data-phase-column]")).to_have_count(6)
    expect(page.locator(f'[data-link][data-from="{a1}"][data-to="{a2}"]')).to_have_count(1)
