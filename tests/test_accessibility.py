"""Accessibility in a real Chromium: axe-core on every page and state a teacher meets,
and no horizontal overflow on a phone (390×844, SPEC §5.1 "Every size").

axe-core comes from the npm registry (`web/package.json`, devDependencies) and stays
in `web/node_modules`; `.ci/setup` installs it. It is injected with a script tag,
or, where the page's Content-Security-Policy refuses inline scripts, through
`page.evaluate`, which CSP does not govern. A test fails on any violation of impact
serious or critical against WCAG 2.0/2.1 A and AA, and names each violation's rule,
impact, help text and the first elements it found, so the failure says what to fix.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from test_compare import REDESIGN
from webfixtures import REQUEST_S, sign_up_and_in

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "web" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    summary: v.nodes.length ? v.nodes[0].failureSummary : ''}));
}"""

# The elements that stick out to the right of the viewport, outermost first.
OVERFLOWING = """(limit) => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= limit + 1) continue;
    if (out.some(o => o.contains(el))) continue;
    let hidden = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== 'visible' && p.getBoundingClientRect().right <= limit + 1) { hidden = true; break; }
    }
    if (!hidden) out.push(el);
  }
  return out.slice(0, 8).map(el => {
    const name = typeof el.className === 'string' ? el.className.trim() : '';
    const cls = name ? '.' + name.split(/\\s+/).join('.') : '';
    const right = Math.round(el.getBoundingClientRect().right);
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} right=${right}`;
  });
}"""


# --- the people and designs the pages show ----------------------------------------------


@dataclass
class Site:
    url: str
    teacher: httpx.Client
    design_id: int
    example_id: int
    rule_id: str
    trashed_id: int = 0  # a design of the teacher's in their trash
    scan_id: int = 0  # a readiness scan the teacher and the colleague answered, following another
    empty_scan_id: int = 0  # one nobody answered yet


def _design() -> dict:
    doc = copy.deepcopy(REDESIGN)
    doc["title"] = "Toegankelijk ontwerp"
    doc["goals"] = [{"id": "g1", "text": "De student kiest een passende werkvorm"}]
    doc["phases"][0]["activities"][0]["goals"] = ["g1"]
    return doc


@pytest.fixture(scope="module")
def site(live_server):
    with (
        httpx.Client(base_url=live_server, timeout=REQUEST_S) as teacher,
        httpx.Client(base_url=live_server, timeout=REQUEST_S) as colleague,
    ):
        sign_up_and_in(teacher, name="Docent Toegankelijk")
        sign_up_and_in(colleague, name="Collega Coach")
        r = teacher.post("/api/designs", json=_design())
        assert r.status_code == 201, r.text
        design_id = r.json()["id"]
        for title in ("Toegankelijk ontwerp (2)", "Toegankelijk ontwerp (3)"):  # versions 2 and 3
            current = teacher.get(f"/api/designs/{design_id}").json()
            r = teacher.put(f"/api/designs/{design_id}", json={**current, "title": title})
            assert r.status_code == 200, r.text
        r = teacher.post(
            f"/api/designs/{design_id}/shares", json={"email": colleague.email, "role": "comment"}
        )
        assert r.status_code == 201, r.text
        r = colleague.post(
            f"/designs/{design_id}/review/comments",
            data={"body": "Waarom is de casus zo lang?", "activity": "longer"},
        )
        assert r.status_code == 200, r.text
        # something shared with the teacher, so the dashboard has every list
        r = colleague.post("/api/designs", json={**_design(), "title": "Ontwerp van een collega"})
        shared_id = r.json()["id"]
        r = colleague.post(f"/api/designs/{shared_id}/shares", json={"email": teacher.email, "role": "view"})
        assert r.status_code == 201, r.text
        designs = teacher.get("/api/designs").json()
        example_id = next(d["id"] for d in designs if d["example"] == "marketing-communicatie")
        rule_id = "workload.added-nothing-removed"
        rules = teacher.get("/rules")
        assert rules.status_code == 200
        if f"/rules/{rule_id}" not in rules.text:  # the id may change; any rule will do
            rule_id = rules.text.split('href="/rules/', 2)[1].split('"')[0]
        r = teacher.post("/api/designs", json={**_design(), "title": "Weggegooid ontwerp"})
        trashed_id = r.json()["id"]
        assert teacher.delete(f"/api/designs/{trashed_id}").status_code == 204  # the trash has one
        scan_ids = _scans(teacher, colleague)
        yield Site(live_server, teacher, design_id, example_id, rule_id, trashed_id, *scan_ids)


def _scans(teacher: httpx.Client, colleague: httpx.Client) -> tuple[int, int]:
    """A scan that follows an earlier one, answered by two people, and an empty one."""
    ids = []
    for title in ("Teamscan 2025", "Teamscan 2026", "Lege scan"):
        body = {"title": title, "level": "course", **({"follows": ids[0]} if len(ids) == 1 else {})}
        r = teacher.post("/api/scans", json=body)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = teacher.post(f"/api/scans/{ids[1]}/shares", json={"email": colleague.email, "role": "edit"})
    assert r.status_code == 201, r.text
    for scan_id, who, value in ((ids[0], teacher, 1), (ids[1], teacher, 2), (ids[1], colleague, 4)):
        answers = {"flexibility.1": value, "facilities.1": value, "governance.2": None, "finances.1": 3}
        assert who.post(f"/api/scans/{scan_id}/answers", json={"answers": answers}).status_code == 200
    return ids[1], ids[2]


# --- pages and states --------------------------------------------------------------------


def _open_editor(page: Page) -> None:
    page.locator("[data-placed]").first.click()
    expect(page.get_by_role("dialog").first).to_be_visible()


def _open_phase_menu(page: Page) -> None:
    page.locator(".phase-menu summary").first.click()
    expect(page.locator(".phase-menu[open]").first).to_be_visible()


def _open_review(page: Page) -> None:
    review = page.locator('[data-panel="review"], #review').first
    review.scroll_into_view_if_needed()
    share = review.locator(".share-panel summary")
    if share.count():
        share.first.click()
    expect(review).to_be_visible()


def _signup_errors(page: Page) -> None:
    page.fill("input[name=name]", "Docent")
    page.fill("input[name=email]", "geen-adres")
    page.fill("input[name=password]", "kort")
    page.evaluate("document.getElementById('account-form').noValidate = true")
    page.click("#account-form button[type=submit]")
    expect(page.locator(".field-error").first).to_be_visible()


def _ask_for_a_link(page: Page) -> None:
    page.fill("input[name=email]", "iemand@school.example")
    page.click("#forgot-form button[type=submit]")
    expect(page.locator("#forgot-sent")).to_be_visible()


def _wrong_current_password(page: Page) -> None:
    page.fill("#password-form input[name=current_password]", "niet-mijn-wachtwoord")
    page.fill("#password-form input[name=password]", "Een-heel-ander-wachtwoord")
    page.click("#password-form button[type=submit]")
    expect(page.locator("#current-password-error")).to_be_visible()


def _invite(page: Page) -> None:
    _open_review(page)
    address = f"coach-{page.viewport_size['width']}@nog-geen-account.example"
    page.fill("#share-form input[name=email]", address)
    page.select_option("#share-form select[name=role]", "comment")
    page.click("#share-form button")
    expect(page.locator("#invitation-box")).to_be_visible()


def _scan_without_title(page: Page) -> None:
    page.evaluate("document.getElementById('new-scan').noValidate = true")
    page.click("#new-scan button")
    expect(page.locator("#title-error")).to_be_visible()


def _save_answers(page: Page) -> None:
    page.locator('[data-statement="interaction.1"] input[value="3"]').check()
    page.click("#save-answers")
    expect(page.locator("#saved-note")).to_be_visible()


@dataclass(frozen=True)
class State:
    path: str  # format fields from Site
    signed_in: bool = True
    then: Callable[[Page], None] | None = None
    canvas: bool = False


STATES = {
    "signin": State("/signin", signed_in=False),
    "signup": State("/signup", signed_in=False),
    "signup-errors": State("/signup", signed_in=False, then=_signup_errors),
    "forgot": State("/forgot", signed_in=False),
    "forgot-sent": State("/forgot", signed_in=False, then=_ask_for_a_link),
    "reset-refused": State("/reset/geen-geldige-link-om-te-openen", signed_in=False),
    "account": State("/account"),
    "account-errors": State("/account", then=_wrong_current_password),
    "dashboard": State("/"),
    "dashboard-deleted": State("/?deleted={trashed_id}"),  # the notice with its undo
    "dashboard-filtered": State("/?q=toegankelijk&sort=title"),
    "dashboard-no-match": State("/?q=niets+dat+past&status=approved"),
    "dashboard-refused": State("/?status=onbekend"),
    "rules": State("/rules"),
    "rule": State("/rules/{rule_id}"),
    "tips": State("/tips"),
    "cards": State("/misconceptions"),
    "card": State("/misconceptions/hybrid-learning"),
    "glossary": State("/glossary#multi-location"),
    "versions": State("/designs/{design_id}/versions"),
    "versions-compare": State("/designs/{design_id}/versions/compare?a=1&b=3"),
    "compare": State("/designs/{design_id}/compare"),
    "not-found": State("/designs/999999"),
    "canvas-example": State("/designs/{example_id}", canvas=True),
    "canvas-editor": State("/designs/{design_id}", then=_open_editor, canvas=True),
    "canvas-phase-menu": State("/designs/{design_id}", then=_open_phase_menu, canvas=True),
    "canvas-review": State("/designs/{design_id}", then=_open_review, canvas=True),
    "canvas-invitation": State("/designs/{design_id}", then=_invite, canvas=True),
    "scans": State("/scans"),
    "scans-errors": State("/scans", then=_scan_without_title),
    "scan-answer": State("/scans/{scan_id}"),
    "scan-answer-saved": State("/scans/{scan_id}", then=_save_answers),
    "scan-results": State("/scans/{scan_id}/results"),
    "scan-results-empty": State("/scans/{empty_scan_id}/results"),
}
PHONE_PAGES = [
    "signin",
    "signup",
    "forgot",
    "reset-refused",
    "account",
    "dashboard",
    "dashboard-deleted",
    "dashboard-no-match",
    "rules",
    "rule",
    "tips",
    "cards",
    "card",
    "glossary",
    "versions",
    "versions-compare",
    "compare",
    "not-found",
    "canvas-example",
    "canvas-editor",
    "scans",
    "scan-answer",
    "scan-results",
    "scan-results-empty",
]


def open_state(browser, site: Site, name: str, viewport: dict):
    state = STATES[name]
    context = browser.new_context(viewport=viewport, locale="nl-NL", base_url=site.url)
    if state.signed_in:
        context.add_cookies(
            [{"name": "wave_session", "value": site.teacher.cookies["wave_session"], "url": site.url}]
        )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(
        state.path.format(
            design_id=site.design_id,
            example_id=site.example_id,
            rule_id=site.rule_id,
            trashed_id=site.trashed_id,
            scan_id=site.scan_id,
            empty_scan_id=site.empty_scan_id,
        )
    )
    page.wait_for_load_state("networkidle")
    if state.then:
        state.then(page)
    return context, page, errors


def inject_axe(page: Page) -> None:
    source = AXE.read_text(encoding="utf-8")
    try:
        page.add_script_tag(content=source)
    except Exception:  # refused by a Content-Security-Policy: evaluate is not subject to it
        pass
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    assert page.evaluate("typeof window.axe !== 'undefined'"), "axe-core could not be injected"


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}, {v['count']}×): {v['help']}")
        lines.extend(f"    {t}" for t in v["targets"])
        if v["summary"]:
            lines.append("    " + v["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.fixture(scope="module", autouse=True)
def _forget_failed_sign_ins():
    """The wrong current password and the reset requests above count against the live
    server's one client address: forget them afterwards, so later tests have their room."""
    yield
    from sqlalchemy import delete
    from sqlmodel import Session

    from wave.db import get_engine
    from wave.models import LoginAttempt

    with Session(get_engine()) as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.address.in_(["127.0.0.1", "mail 127.0.0.1"])))
        session.commit()


@pytest.fixture(scope="module", autouse=True)
def _axe_is_installed():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `bash .ci/setup` (it installs web/package-lock.json)")


@pytest.mark.parametrize("viewport", [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="390")])
@pytest.mark.parametrize("name", list(STATES))
def test_axe_finds_no_serious_violation(browser, site, name, viewport):
    context, page, errors = open_state(browser, site, name, viewport)
    try:
        inject_axe(page)
        violations = page.evaluate(RUN_AXE, TAGS)
    finally:
        context.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    others = [v for v in violations if v["impact"] not in BLOCKING]
    if others:
        print(f"{name} @ {viewport['width']}: below serious:\n{describe(others)}")
    assert not blocking, f"axe on {name} at {viewport['width']}×{viewport['height']}:\n{describe(blocking)}"
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_nothing_overflows_a_phone(browser, site, name):
    context, page, errors = open_state(browser, site, name, PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        culprits = page.evaluate(OVERFLOWING, PHONE["width"]) if width > PHONE["width"] else []
    finally:
        context.close()
    assert width <= PHONE["width"], (
        f"{name} is {width} px wide at a {PHONE['width']} px viewport; sticking out: {culprits}"
    )
    assert not errors, f"JavaScript errors on the page: {errors}"
