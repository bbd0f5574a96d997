"""Small answers in a real Chromium: an edit's answer redraws only the cards it changed
and the heads of the phases it touched, and the page script arranges the other cards by
the board data's layout. After every kind of edit the board must be exactly what a fresh
page of the same design shows: same cards, same lanes, same order and columns, same
phase heads."""

import pytest
from canvashooks import card, design_json, drag, lane, wait_saved
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# The board as a list of texts: per phase its classes and head, per lane its cards'
# markup in order. What the script draws over it (flags, comment badges, the inline
# styles of the CSP-free layout, what SortableJS marks) is left out: a fresh page has it only
# after its own script ran.
_SNAPSHOT = """(root) => {
  const clean = (el) => {
    const c = el.cloneNode(true);
    [c, ...c.querySelectorAll("*")].forEach((n) => {
      ["style", "data-severity", "hx-swap-oob", "draggable"].forEach((a) => n.removeAttribute(a));
      n.classList && n.classList.remove("drag-chosen", "drag-ghost", "goal-target", "sortable-chosen");
      if (n.classList && !n.classList.length) n.removeAttribute("class");
    });
    c.querySelectorAll(".card-flag, .card-comments").forEach((n) => n.remove());
    return c.outerHTML.replace(/\\s+/g, " ");
  };
  return [...root.querySelectorAll("[data-phase-column]")].map((phase) => [
    phase.id, [...phase.classList].sort().join(" "), clean(phase.querySelector(".phase-head")),
    [...phase.querySelectorAll("[data-lane]")].map((l) => [l.dataset.mode, [...l.children].map(clean)]),
  ]);
}"""
_FRESH = (
    "async (url) => { const html = await (await fetch(url)).text();"
    " const doc = new DOMParser().parseFromString(html, 'text/html');"
    " return (" + _SNAPSHOT + ")(doc); }"
)


def assert_board_is_fresh(page: Page, design_id: int) -> None:
    shown = page.evaluate(_SNAPSHOT, page.locator("body").element_handle())
    fresh = page.evaluate(_FRESH, f"/designs/{design_id}")
    for was, want in zip(shown, fresh, strict=True):  # one phase at a time: a readable diff
        assert was == want


DESIGN = {
    "format": "wave.design/v1",
    "title": "Kleine antwoorden",
    "language": "nl",
    "template": "hybrid",
    "goals": [{"id": "g1", "text": "De student legt het model uit."}],
    "phases": [
        {
            "id": "p1",
            "title": "Voorbereiden",
            "activities": [
                {"id": "a1", "activity": "kennisclip", "mode": "online", "minutes": 15, "goals": ["g1"]},
                {"id": "a2", "activity": "casus", "mode": "offline", "minutes": 45},
                {"id": "a3", "activity": "forum", "mode": "online", "minutes": 20},
            ],
        },
        {
            "id": "p2",
            "title": "Kiezen",
            "kind": "choice",
            "activities": [
                {"id": "a4", "activity": "oefentoets", "mode": "online", "minutes": 10},
                {"id": "a5", "activity": "werkcollege", "mode": "offline", "minutes": 90},
            ],
        },
        {"id": "p3", "title": "Afronden", "activities": []},
    ],
    "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
}


def test_every_small_answer_leaves_the_board_as_a_fresh_page_draws_it(page: Page, teacher):
    r = teacher.post("/api/designs", json=DESIGN)
    assert r.status_code == 201, r.text
    design_id = r.json()["id"]
    page.goto(f"/designs/{design_id}")
    kb = page.keyboard
    version = 1

    def saved() -> None:
        nonlocal version
        version += 1
        wait_saved(page, version)
        assert_board_is_fresh(page, design_id)

    assert_board_is_fresh(page, design_id)
    card(page, "a2").focus()
    kb.press("ArrowUp")  # the case goes online: its card is redrawn, the others move over
    saved()
    expect(card(page, "a2")).to_be_focused()
    card(page, "a3").focus()
    kb.press("ArrowRight")  # within the phase, then out of it into the choice phase
    saved()
    kb.press("ArrowRight")
    saved()
    card(page, "a1").focus()
    kb.press("d")  # a copy right after it
    saved()
    assert [a["id"] for a in design_json(teacher, design_id)["phases"][0]["activities"]][:2] == ["a1", "a6"]
    card(page, "a4").focus()
    kb.press("Delete")
    saved()
    expect(card(page, "a4")).to_have_count(0)
    kb.press("Control+z")  # the quiz comes back where it was
    saved()
    expect(lane(page, "p2", "online").locator('[data-placed="a4"]')).to_have_count(1)
    kb.press("Control+Shift+z")
    saved()
    # a drag across phases into the empty one, and back out of it
    drag(page, card(page, "a5"), lane(page, "p3", "offline"))
    saved()
    expect(page.locator("#phase-p3")).not_to_have_class("is-empty")
    drag(page, card(page, "a5"), lane(page, "p1", "online"))
    saved()
    expect(page.locator("#phase-p3")).to_have_class("phase kind-sequence is-empty")
    # the minutes on a card
    minutes = card(page, "a6").get_by_role("spinbutton", name="Minuten")
    minutes.click()
    kb.press("Control+a")
    kb.type("25")
    kb.press("Enter")
    saved()
    expect(page.locator("#phase-p1-head .phase-minutes")).to_contain_text(
        str(sum(a.get("minutes") or 0 for a in design_json(teacher, design_id)["phases"][0]["activities"]))
    )
    # a week for the choice phase: its head alone is drawn again, with the week's tag
    page.locator("#phase-p2-head .phase-menu summary").click()
    page.locator("#phase-p2-head").get_by_role("spinbutton", name="Week").click()
    kb.type("2")
    kb.press("Enter")
    saved()
    expect(page.locator("#phase-p2-head .phase-week .week-short")).to_have_text("Wk 2")
    page.reload()
    assert_board_is_fresh(page, design_id)
