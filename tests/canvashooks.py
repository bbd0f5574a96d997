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


# SortableJS (forceFallback) acts on the pointer every 50 ms, from the last pointermove
# it saw (`_emulateDragOver` keeps that point in `_lastX`/`_lastY` of the active
# instance). A drag waits until it has acted on the pointer's last place, rather
# than for a guessed time. With no Sortable drag (a connect drag) there is nothing to
# wait for; a Sortable drag that never starts fails the wait.
_TRACK_POINTER = """() => {
  if (window.__testPointer) return;
  window.__testPointer = [null, null];
  // pointermove, as Sortable listens: its coordinates have fractions, those of mousemove not
  document.addEventListener("pointermove", (e) => { window.__testPointer = [e.clientX, e.clientY]; }, true);
}"""
_SORTABLE_CAUGHT_UP = """() => {
  const S = window.Sortable, [x, y] = window.__testPointer;
  if (!S || !S.dragged) return true;
  return !!S.active && S.active._lastX === x && S.active._lastY === y;
}"""


_POINTER_ON = "(e, [x, y]) => document.elementsFromPoint(x, y).some((n) => e.contains(n))"


def track_pointer(page: Page) -> None:
    """Before the mouse goes down: lets `sortable_caught_up` know where the pointer is."""
    page.evaluate(_TRACK_POINTER)


def sortable_caught_up(page: Page) -> None:
    page.wait_for_function(_SORTABLE_CAUGHT_UP)


def drag(
    page: Page, source: Locator, target: Locator, x: int = 30, y: int = 5, *, reaim: bool = False
) -> None:
    """A real mouse drag, as SortableJS (forceFallback) needs it: press, a small move to
    start, the way to the target in steps, a pause so Sortable handles the last
    dragover (`sortable_caught_up`), release. A negative `x` counts from the target's
    right edge, measured when aiming. With `reaim`, the target is first scrolled
    to the middle of the board and aimed at once more before the release, as a person
    would after the board scrolled on the way. Returns the start tags of the three topmost elements
    under the pointer at the release, for messages of failed asserts."""
    if reaim:  # the target in the middle of its scrolling box, away from autoscroll at the edges
        target.evaluate("e => e.scrollIntoView({block: 'nearest', inline: 'center'})")
    source.scroll_into_view_if_needed()
    track_pointer(page)
    box = source.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 8, box["y"] + box["height"] / 2 + 8, steps=2)

    def aim(steps: int) -> tuple[float, float]:
        goal = target.bounding_box()
        if goal["y"] < 0 or goal["y"] + min(y, goal["height"]) > page.viewport_size["height"]:
            # the page scrolled on the way (bringing the source into view, or Sortable's
            # autoscroll): a person scrolls the target back into view before letting go
            target.evaluate("e => e.scrollIntoView({block: 'nearest', inline: 'nearest'})")
            goal = target.bounding_box()
        # at most half its height down, however low it is drawn (an empty lane at 80 %
        # zoom is lower than 40 px); `x` may aim past a card on purpose (to drop after it)
        point = (goal["x"] + (x if x >= 0 else goal["width"] + x), goal["y"] + min(y, goal["height"] / 2))
        page.mouse.move(*point, steps=steps)
        sortable_caught_up(page)
        return point

    point = aim(20)
    if reaim:
        # the board may still shift under the pointer (the lanes make room for the card,
        # the board refits): aim again until the pointer is on the target, as a person
        # looks before letting go
        for _ in range(5):
            point = aim(3)
            if target.evaluate(_POINTER_ON, list(point)):
                break
    under = page.evaluate(
        "([x, y]) => document.elementsFromPoint(x, y).slice(0, 3)"
        ".map(e => e.outerHTML.slice(0, e.outerHTML.indexOf('>') + 1)).join(' ')",
        list(point),
    )
    page.mouse.up()
    if not under:  # nothing there: say where the pointer was, for the failed assert's message
        under = f"nothing at {point}; target {target.bounding_box()}; viewport {page.viewport_size}"
    return under
