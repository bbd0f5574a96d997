"""Housekeeping in a real browser (SPEC §6): delete from the dashboard and undo, delete
from the canvas, find it in the trash and restore it; search and a filter narrowing the
list with the mouse, back undoing it; and the same with the keyboard alone."""

import re

import pytest
from playwright.sync_api import Dialog, Page, expect
from webfixtures import new_design

pytestmark = pytest.mark.browser


def confirm_naming(page: Page, title: str) -> list[str]:
    """Accept the next confirmation, and keep what it said."""
    said: list[str] = []

    def accept(dialog: Dialog) -> None:
        said.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    return said


def design_item(page: Page, design_id: int):
    return page.locator(f'#dashboard-results li[data-design="{design_id}"]')


def in_trash(page: Page, design_id: int):
    return page.locator(f'#trash li[data-trashed="{design_id}"]')


def test_delete_undo_delete_from_the_canvas_and_restore_from_the_trash(page: Page, teacher):
    first = new_design(teacher, "linear", title="Oude module")
    kept = new_design(teacher, "hybrid", title="Blijft gewoon staan")

    page.goto("/")
    expect(page.locator("#trash-empty")).to_be_visible()
    said = confirm_naming(page, "Oude module")
    design_item(page, first).get_by_role("button", name="Oude module verwijderen").click()
    expect(design_item(page, first)).to_have_count(0)
    assert said and "“Oude module”" in said[0] and "prullenbak" in said[0]
    notice = page.locator("#dashboard-notice")
    expect(notice).to_contain_text("“Oude module” staat in de prullenbak.")
    expect(in_trash(page, first)).to_contain_text("Oude module")
    expect(design_item(page, kept)).to_be_visible()
    assert teacher.get(f"/api/designs/{first}").status_code == 404

    # the undo restores it (and has the focus, since the pressed button has gone)
    undo = notice.get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()
    undo.click()
    expect(design_item(page, first)).to_be_visible()
    expect(in_trash(page, first)).to_have_count(0)
    expect(notice).to_contain_text("“Oude module” is terug.")
    assert teacher.get(f"/api/designs/{first}").status_code == 200

    # delete it from the canvas's Design panel: off to the dashboard, where the trash has it
    page.goto(f"/designs/{first}")
    page.locator("#meta-panel > summary").click()
    said = confirm_naming(page, "Oude module")
    page.get_by_role("button", name="Ontwerp verwijderen").click()
    expect(page).to_have_url(re.compile(rf"/\?deleted={first}$"))
    assert said and "“Oude module”" in said[0]
    expect(page.locator("#dashboard-notice")).to_contain_text("staat in de prullenbak")
    expect(design_item(page, first)).to_have_count(0)
    item = in_trash(page, first)
    expect(item).to_contain_text("Wordt definitief verwijderd op")
    assert teacher.get(f"/designs/{first}").status_code == 404

    # and restore it from the trash; the focus goes to the link that opens it
    item.get_by_role("button", name="Oude module terugzetten").click()
    expect(design_item(page, first)).to_be_visible()
    expect(page.locator("#trash-empty")).to_be_visible()
    expect(page.locator("#dashboard-notice").get_by_role("link", name="Openen")).to_be_focused()
    design_item(page, first).get_by_role("link", name="Oude module").click()
    expect(page.locator("#design-title")).to_have_text("Oude module")


def make_three(teacher) -> dict[str, int]:
    ids = {
        "week1": new_design(teacher, "linear", title="Rekenen week 1"),
        "week2": new_design(teacher, "linear", title="Rekenen week 2"),
        "taal": new_design(teacher, "hybrid", title="Taal en communicatie"),
    }
    r = teacher.post(f"/designs/{ids['week2']}/review/status", data={"status": "in_review"})
    assert r.status_code == 200, r.text
    return ids


def shown(page: Page) -> list[str]:
    return page.locator("#dashboard-results li[data-design] strong").all_inner_texts()


def test_search_and_a_filter_with_the_mouse_and_back(page: Page, teacher):
    ids = make_three(teacher)
    page.goto("/")
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(3)

    page.get_by_label("Zoeken", exact=True).click()
    page.keyboard.type("rekenen")
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"\?q=rekenen"))
    expect(page.locator("#filter-summary")).to_contain_text("2 van 3 ontwerpen")

    page.get_by_label("Status", exact=True).select_option("in_review")
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(1)
    expect(design_item(page, ids["week2"])).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=rekenen&status=in_review"))

    page.get_by_label("Status", exact=True).select_option("approved")
    expect(page.locator("#no-matches")).to_contain_text("Geen ontwerp past bij “rekenen” met deze filters.")

    # back: the list and the form as the address before it says
    page.go_back()
    expect(page).to_have_url(re.compile(r"q=rekenen&status=in_review$"))
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(1)
    expect(page.get_by_label("Status", exact=True)).to_have_value("in_review")
    expect(page.get_by_label("Zoeken", exact=True)).to_have_value("rekenen")

    # the address is the view: opened afresh it shows the same
    page.goto("/?q=rekenen&status=in_review")
    assert shown(page) == ["Rekenen week 2"]
    page.locator("#no-matches, #filter-summary").get_by_role("link", name="Filters wissen").first.click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(3)


def press_tab_until(page: Page, element_id: str, most: int = 60) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_search_filter_sort_delete_and_undo_with_the_keyboard_alone(page: Page, teacher):
    ids = make_three(teacher)
    page.goto("/")
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(3)

    press_tab_until(page, "design-search")
    page.keyboard.type("rekenen")
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(2)
    page.keyboard.press("Tab")  # to the status
    expect(page.locator("#filter-status")).to_be_focused()
    page.keyboard.press("ArrowDown")  # draft
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(1)
    expect(design_item(page, ids["week1"])).to_be_visible()
    page.keyboard.press("ArrowUp")  # every status again
    expect(page.locator("#dashboard-results li[data-design]")).to_have_count(2)
    press_tab_until(page, "filter-sort")
    page.keyboard.press("ArrowDown")  # title (A–Z)
    expect(page).to_have_url(re.compile(r"sort=title"))
    expect(page.locator("#dashboard-results li[data-design] strong").first).to_have_text("Rekenen week 1")

    # on to the first design's delete button; Enter, the confirmation, and the undo by key
    said = confirm_naming(page, "Rekenen week 1")
    for _ in range(20):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label')")
        if label == "Rekenen week 1 verwijderen":
            break
    else:
        raise AssertionError("Tab never reached the delete button")
    page.keyboard.press("Enter")
    expect(design_item(page, ids["week1"])).to_have_count(0)
    assert said and "“Rekenen week 1”" in said[0]
    undo = page.locator("#dashboard-notice").get_by_role("button", name="Ongedaan maken")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(design_item(page, ids["week1"])).to_be_visible()
    assert shown(page) == ["Rekenen week 1", "Rekenen week 2"]  # the search and order held
    assert teacher.get(f"/api/designs/{ids['week1']}").status_code == 200
