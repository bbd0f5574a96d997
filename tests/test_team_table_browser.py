"""From a finding on the canvas to its conversation card and its tip, in a real browser
(SPEC §9: "a finding of such a rule links to its card"), and by keyboard from the main
navigation to the toolkit's pages."""

import re

import pytest
from playwright.sync_api import Page, expect

from wave.engine.rules import workload_added_nothing_removed

pytestmark = pytest.mark.browser

RULE = "workload.added-nothing-removed"  # tip 4 and the card something-new-on-top


def test_from_a_finding_to_its_card_and_its_tip(page: Page, teacher):
    r = teacher.post("/api/designs", json=workload_added_nothing_removed.EXAMPLES["bad"])
    assert r.status_code == 201, r.text
    design_url = f"/designs/{r.json()['id']}"

    page.goto(design_url)
    finding = page.locator(f'.finding[data-rule="{RULE}"]')
    finding.locator(".finding-head").click()
    card_link = finding.get_by_role("link", name="Gesprekskaart: Iets nieuws erbij")
    expect(card_link).to_be_visible()
    card_link.click()

    expect(page).to_have_url(re.compile(r"/misconceptions/something-new-on-top$"))
    card = page.locator('[data-misconception="something-new-on-top"]')
    expect(card).to_be_visible()
    expect(card.get_by_role("heading", level=1)).to_have_text("Iets nieuws erbij")
    # the card names the rule that found it: back to the rule's page and its examples
    expect(card.get_by_role("link", name="Iets erbij, niets eruit")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(design_url) + "$"))
    finding = page.locator(f'.finding[data-rule="{RULE}"]')
    head = finding.locator(".finding-head")
    if head.get_attribute("aria-expanded") != "true":
        head.click()
    tip_link = finding.get_by_role("link", name="Tip 4: er gaat iets in, er gaat iets uit")
    expect(tip_link).to_be_visible()
    tip_link.click()

    expect(page).to_have_url(re.compile(r"/tips#tip-4$"))
    tip = page.locator('[data-tip="4"]')
    expect(tip).to_be_in_viewport()
    expect(tip.get_by_role("heading", level=2)).to_contain_text("Er gaat iets in, er gaat iets uit")
    expect(tip.get_by_role("link", name="Iets erbij, niets eruit")).to_be_visible()
    assert page.evaluate("document.querySelector(':target').dataset.tip") == "4"


def test_the_toolkit_by_keyboard(page: Page):
    page.goto("/")
    toolkit = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Toolkit")
    toolkit.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/tips$"))
    expect(page.locator("[data-tip]")).to_have_count(10)

    nav = page.get_by_role("navigation", name="Toolkit")
    nav.get_by_role("link", name="Gesprekskaarten").focus()
    page.keyboard.press("Enter")
    expect(page.locator("li[data-misconception]")).to_have_count(9)
    page.locator('[data-misconception="video"]').get_by_role("link").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/misconceptions/video$"))
    card = page.locator('article[data-misconception="video"]')
    expect(card.locator("ol.discuss li")).to_have_count(4)

    # a word in the card's text leads to its entry on the glossary page
    card.locator("a.term").first.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/glossary#[a-z-]+$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
