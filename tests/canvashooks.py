"""The canvas as the browser tests drive it: the hooks of SPEC §5.3 and a real drag."""

from playwright.sync_api import Locator, Page, expect


def lane(page: Page, phase: str, mode: str) -> Locator:
    return page.locator(f'[data-lane][data-phase="{phase}"][data-mode="{mode}"]')


def card(page: Page, placed_id: str) -> Locator:
    return page.locator(f'[data-placed="{placed_id}"]')


def wait_saved(page: Page, version: int) -> None:
    expect(page.locator("#design-version")).to_have_value(str(version))


def design_json(http, design_id: int) -> dict:
    r = http.get(f"/api/designs/{design_id}")
    assert r.status_code == 200, r.text
    return r.json()


def drag(
    page: Page, source: Locator, target: Locator, x: int = 30, y: int = 5, *, reaim: bool = False
) -> None:
    """A real mouse drag, as SortableJS (forceFallback) needs it: press, a small move to
    start, the way to the target in steps, a pause so Sortable handles the last
    dragover (it polls every 50 ms), release. With `reaim`, the target is scrolled into
    view first and aimed at once more before the release, as a person would after the
    board scrolled on the way."""
    if reaim:
        target.scroll_into_view_if_needed()
    source.scroll_into_view_if_needed()
    box = source.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 8, box["y"] + box["height"] / 2 + 8, steps=2)
    goal = target.bounding_box()
    page.mouse.move(goal["x"] + x, goal["y"] + y, steps=20)
    page.wait_for_timeout(120)
    if reaim:
        goal = target.bounding_box()
        page.mouse.move(goal["x"] + x, goal["y"] + y, steps=3)
        page.wait_for_timeout(120)
    page.mouse.up()
