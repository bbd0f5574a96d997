"""The readiness scan in a real browser (SPEC §13): three people answer one scan through
the answer page — the owner with the mouse, a colleague with the keyboard only, another
with the mouse — and the results page's radar, table and spread show what they
answered; then a follow-up scan shows the change.
"""

import httpx
import pytest
from playwright.sync_api import Page, expect
from webfixtures import REQUEST_S, sign_up_and_in, watched_page

pytestmark = pytest.mark.browser

STEP = {1: "1", 2: "2", 3: "3", 4: "4", None: "dk"}
OWNER = {
    "flexibility.1": 4,
    "flexibility.2": 4,
    "flexibility.3": 3,
    "flexibility.4": None,
    "facilities.1": 1,
    "facilities.2": 1,
    "facilities.3": 2,
    "facilities.4": 2,
    "facilities.5": 1,
}
# in page order: the keyboard walks the statements from the first one
KEYBOARD = {
    "flexibility.1": 2,
    "flexibility.2": 2,
    "flexibility.3": 3,
    "flexibility.4": 3,
    "interaction.1": 1,
}
THIRD = {"flexibility.1": 1, "facilities.1": 4, "governance.1": None}


def answer_with_the_mouse(page: Page, scan_id: int, answers: dict) -> None:
    page.goto(f"/scans/{scan_id}")
    for statement, value in answers.items():
        page.locator(f'[data-statement="{statement}"] label.choice-{STEP[value]}').click()
        expect(page.locator(f'[data-statement="{statement}"] input[value="{STEP[value]}"]')).to_be_checked()
    page.get_by_role("button", name="Mijn antwoorden opslaan").click()
    expect(page.locator("#saved-note")).to_contain_text("Opgeslagen")


def focused(page: Page) -> tuple[str, str]:
    return page.evaluate("() => [document.activeElement.name || '', document.activeElement.id || '']")


def answer_with_the_keyboard(page: Page, scan_id: int, answers: dict) -> None:
    """Tab to each radio group in turn; Space takes the first step, the right arrow the next
    ones ("don't know" is the fifth); groups without an answer are tabbed past."""
    page.goto(f"/scans/{scan_id}")
    statements = page.eval_on_selector_all("[data-statement]", "els => els.map(e => e.dataset.statement)")
    for _ in range(60):  # past the menu and the tabs to the first group
        page.keyboard.press("Tab")
        if focused(page)[0] == statements[0]:
            break
    for statement in statements[: statements.index(list(answers)[-1]) + 1]:
        assert focused(page)[0] == statement
        if statement in answers:
            page.keyboard.press("Space")
            for _ in range(int(STEP[answers[statement]].replace("dk", "5")) - 1):
                page.keyboard.press("ArrowRight")
            expect(
                page.locator(f'[data-statement="{statement}"] input[value="{STEP[answers[statement]]}"]')
            ).to_be_checked()
        page.keyboard.press("Tab")
    for _ in range(len(statements) + 5):  # on to the save button
        if focused(page)[1] == "save-answers":
            break
        page.keyboard.press("Tab")
    assert focused(page)[1] == "save-answers"
    page.keyboard.press("Enter")
    expect(page.locator("#saved-note")).to_contain_text("Opgeslagen")


def row(page: Page, dimension: str):
    return page.locator(f'#scores tr[data-dimension="{dimension}"]')


def test_three_people_answer_and_a_follow_up_shows_the_change(browser, live_server, teacher):
    with (
        httpx.Client(base_url=live_server, timeout=REQUEST_S) as keyboard_person,
        httpx.Client(base_url=live_server, timeout=REQUEST_S) as third_person,
    ):
        sign_up_and_in(keyboard_person, name="Toetsenbord Teamlid")
        sign_up_and_in(third_person, name="Derde Teamlid")
        with watched_page(browser, live_server, teacher, "the owner's page") as page:
            # the owner starts a scan from the menu and shares it from its results page
            page.goto("/")
            page.get_by_role("link", name="Scan", exact=True).click()
            page.get_by_label("Titel").fill("Team Marketing 2025")
            page.get_by_label("Opleiding").check()
            page.get_by_role("button", name="Scan beginnen").click()
            expect(page.locator("h1")).to_have_text("Team Marketing 2025")
            scan_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
            page.get_by_role("link", name="Uitkomsten", exact=True).click()
            expect(page.locator("#no-answers")).to_be_visible()
            for person in (keyboard_person, third_person):
                page.locator("#scan-share-form input[name=email]").fill(person.email)
                page.locator("#scan-share-form select[name=role]").select_option("edit")
                page.locator("#scan-share-form button").click()
                expect(page.locator("#scan-share-list")).to_contain_text(person.email)
            answer_with_the_mouse(page, scan_id, OWNER)

        with watched_page(browser, live_server, keyboard_person, "the keyboard page") as page:
            answer_with_the_keyboard(page, scan_id, KEYBOARD)
            page.reload()  # what was saved comes back filled in
            expect(page.locator('[data-statement="flexibility.3"] input[value="3"]')).to_be_checked()
        with watched_page(browser, live_server, third_person, "the third page") as page:
            answer_with_the_mouse(page, scan_id, THIRD)

        with watched_page(browser, live_server, teacher, "the results page") as page:
            page.goto(f"/scans/{scan_id}/results")
            expect(page.locator("#respondents")).to_have_attribute("data-respondents", "3")
            # flexibility: 4 4 3 · 2 2 3 3 · 1 → 2.75 of 8 answers, from 1 to 4
            point = page.locator('[data-chart="radar"] circle[data-dimension="flexibility"]')
            expect(point).to_have_attribute("data-score", "2.75")
            expect(point).to_have_attribute("data-answers", "8")
            expect(row(page, "flexibility")).to_have_attribute("data-spread", "3")
            expect(row(page, "flexibility").locator("td").first).to_have_text("2,75")
            spread = page.locator('svg[data-spread="flexibility"]')
            expect(spread).to_have_attribute("data-low", "1")
            expect(spread).to_have_attribute("data-high", "4")
            expect(spread.locator('circle[data-step="3"]')).to_have_attribute("data-count", "3")
            # facilities: 1 1 2 2 1 · 4 → 1.83; interaction: 1; governance: only "don't know"
            expect(row(page, "facilities")).to_have_attribute("data-score", "1.83")
            expect(row(page, "interaction")).to_have_attribute("data-score", "1.0")
            expect(row(page, "governance")).to_have_attribute("data-score", "")
            expect(page.locator('[data-chart="radar"] g[data-axis="governance"]')).to_contain_text(
                "geen score"
            )
            expect(page.locator('[data-chart="radar"] circle[data-dimension="governance"]')).to_have_count(0)
            weak = page.locator("[data-weak]")
            expect(weak).to_have_count(3)
            expect(weak.first).to_have_attribute("data-weak", "interaction")

            # a year later: a follow-up scan, started from the results
            page.get_by_role("link", name="Begin een vervolgscan").click()
            expect(page.locator("#scan-follows")).to_have_value(str(scan_id))
            page.get_by_label("Titel").fill("Team Marketing 2026")
            page.get_by_role("button", name="Scan beginnen").click()
            expect(page.locator("h1")).to_have_text("Team Marketing 2026")
            second = int(page.url.rstrip("/").rsplit("/", 1)[1])
            answer_with_the_mouse(
                page, second, {f"flexibility.{n}": 4 for n in range(1, 5)} | {"facilities.1": 3}
            )
            page.goto(f"/scans/{second}/results")
            expect(row(page, "flexibility")).to_have_attribute("data-change", "1.25")
            expect(row(page, "flexibility").locator("td.change")).to_have_text("+1,25")
            expect(row(page, "facilities")).to_have_attribute("data-change", "1.17")
            expect(row(page, "interaction")).to_have_attribute("data-change", "")
            expect(
                page.locator('[data-chart="radar"] circle[data-previous="flexibility"]')
            ).to_have_attribute("data-score", "2.75")
            expect(page.locator('[data-chart="radar"] [data-series="previous"]')).to_have_count(1)
