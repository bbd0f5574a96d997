"""An invitation in two browsers: a teacher shares a design with a coach's address that has
no account, copies the link from the review panel; the coach opens it in a fresh browser,
signs up and lands on the design with the comment role."""

import pytest
from playwright.sync_api import Page, expect
from webfixtures import PASSWORD, new_design, unique_email

pytestmark = pytest.mark.browser


def test_a_coach_signs_up_through_the_copied_link(page: Page, browser, live_server, teacher):
    design_id = new_design(teacher, "linear", title="Marketing, blok 2")
    coach_email = unique_email("coach")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)

    page.goto(f"/designs/{design_id}")
    page.locator("#review .share-panel summary").click()
    form = page.locator("#share-form")
    form.get_by_label("E-mailadres").fill(coach_email)
    form.get_by_label("Rol").select_option("comment")
    form.get_by_role("button", name="Delen").click()

    box = page.locator("#invitation-box")
    expect(box).to_contain_text(coach_email)
    expect(page.locator("#share-list li[data-invitation]")).to_contain_text("uitgenodigd, nog geen account")
    copy = box.get_by_role("button", name="Link kopiëren")
    copy.focus()
    page.keyboard.press("Enter")  # by keyboard
    expect(box.locator("[data-copy-status]")).to_have_text("Link gekopieerd")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == box.get_by_label("Uitnodigingslink").input_value()
    assert link.startswith(f"{live_server}/invitations/")

    # the coach, in a fresh browser of their own
    context = browser.new_context(
        viewport={"width": 1280, "height": 720}, locale="nl-NL", base_url=live_server
    )
    try:
        coach = context.new_page()
        coach.goto(link)
        expect(coach).to_have_url(f"{live_server}/signin?invitation={link.rsplit('/', 1)[-1]}")
        expect(coach.locator("#invitation-note")).to_contain_text(
            "feedback te geven op het ontwerp “Marketing, blok 2”"
        )
        coach.get_by_role("link", name="Maak er een aan").click()
        expect(coach.get_by_label("E-mailadres")).to_have_value(coach_email)  # pre-filled
        coach.get_by_label("Naam").fill("Coach Carla")
        coach.get_by_label("Wachtwoord").fill(PASSWORD)
        coach.get_by_role("button", name="Account aanmaken").click()
        expect(coach).to_have_url(f"{live_server}/designs/{design_id}")
        expect(coach.locator("#review .review-status")).to_contain_text("Reageren (coach)")
    finally:
        context.close()

    # the teacher's list now holds the coach's share, and no pending invitation
    shares = teacher.get(f"/api/designs/{design_id}/shares").json()
    assert [(s["email"], s["role"], s["kind"]) for s in shares] == [(coach_email, "comment", "share")]
