"""People in a real browser: share with a coach, comment, status, reply, resolve;
and two editors at once, where the second is told and nothing is overwritten."""

import pytest
from playwright.sync_api import Page, expect
from webfixtures import PASSWORD, browser_context, new_design, unique_email

pytestmark = pytest.mark.browser


def sign_up_in_browser(page: Page, name: str) -> str:
    email = unique_email("coach")
    page.goto("/signup")
    page.fill("input[name=name]", name)
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("#account-form button[type=submit]")
    expect(page.locator(".user-name")).to_contain_text(name)
    return email


def test_share_comment_status_reply_resolve(page: Page, browser, live_server, teacher):
    design_id = new_design(
        teacher,
        "linear",
        title="Review met de coach",
        phases=[
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [{"id": "a1", "activity": "kennisclip", "mode": "online", "timing": "async"}],
            }
        ],
    )

    # the coach signs up in a browser of their own
    coach_context = browser.new_context(
        viewport={"width": 1600, "height": 950}, base_url=live_server, locale="nl-NL"
    )
    coach = coach_context.new_page()
    coach_email = sign_up_in_browser(coach, "Coach Carla")

    # the teacher shares the design with the coach (role: comment) and asks for review
    page.goto(f"/designs/{design_id}")
    page.click("#review .share-panel summary")
    page.fill("#share-form input[name=email]", coach_email)
    page.select_option("#share-form select[name=role]", "comment")
    page.click("#share-form button")
    expect(page.locator("#review .share-list")).to_contain_text("Coach Carla")
    page.click('#review button[data-step="in_review"]')
    expect(page.locator("#review .status-pill")).to_have_attribute("data-status", "in_review")

    # the coach is told, finds it in the review queue, with owner and status
    coach.goto("/")
    expect(coach.locator("#inbox [data-event=review-requested]")).to_contain_text("Review met de coach")
    expect(coach.locator("#inbox [data-event=shared]")).to_contain_text("Reageren (coach)")
    expect(coach.locator(f'#shared-designs [data-design="{design_id}"] [data-shared-by]')).to_contain_text(
        "Docent Test"
    )
    coach.get_by_role("link", name="Beoordelen").click()
    row = coach.locator(f'[data-queue-design="{design_id}"]')
    expect(row).to_contain_text("Docent Test")
    expect(row.locator("[data-status]")).to_have_text("Wacht op beoordeling")
    row.get_by_role("link", name="Review met de coach").click()
    expect(coach.locator("#role-note")).to_be_visible()
    expect(coach.locator("#shared-by")).to_contain_text("Van Docent Test")
    expect(coach.locator("#critic-heading")).to_have_text("Feedback op dit ontwerp")
    # a comment on the clip, and one on a finding of the critic
    coach.locator("#card-a1").click()
    coach.fill("#activity-comment", "Houd de clip korter dan zes minuten.")
    coach.click("#activity-comment-form button")
    expect(coach.locator("#comments .comment")).to_have_count(1)
    coach.select_option("#comment-form select[name=activity]", "rule:goals.none")
    coach.fill("#comment-body", "Welke leerdoelen horen bij deze week?")
    coach.click("#comment-form button")
    expect(coach.locator("#comments [data-comment-rule='goals.none']")).to_be_visible()
    coach.click('#review button[data-step="feedback_given"]')
    expect(coach.locator("#review .status-pill")).to_have_attribute("data-status", "feedback_given")
    # a coach cannot move cards: no sortable lanes, keys do nothing
    coach.locator("#card-a1").focus()
    coach.keyboard.press("ArrowDown")
    assert teacher.get(f"/api/designs/{design_id}").json()["version"] == 1

    # the teacher sees the news on the dashboard, the count at the top and the badge
    page.goto("/")
    expect(page.locator("#inbox [data-event=comment]")).to_have_count(2)
    expect(page.locator("#inbox")).to_contain_text("Coach Carla")
    page.goto(f"/designs/{design_id}")
    expect(page.locator("#card-a1 .card-comments")).to_have_attribute("data-comments", "1")
    expect(page.locator("#review .status-pill")).to_have_attribute("data-status", "feedback_given")
    top = page.locator("#open-comments")
    expect(top).to_have_text("2 open reacties")
    top.click()
    expect(page.locator("#review-heading")).to_be_focused()
    expect(page.locator("#review-heading")).to_be_in_viewport()
    comment = page.locator("#comments .comment").first
    expect(comment).to_contain_text("zes minuten")
    comment.locator(".reply-box summary").click()
    comment.locator("textarea").fill("Goed punt, ik knip hem in tweeën.")
    comment.locator(".reply-box button").click()
    expect(page.locator("#comments .reply")).to_contain_text("in tweeën")
    page.locator("#comments .comment").first.locator("button[data-resolve]").click()
    expect(page.locator("#comments .comment").first).to_have_class("comment resolved")
    # without a reload: the badge goes, the count at the top follows
    expect(page.locator("#card-a1 .card-comments")).to_be_hidden()
    expect(top).to_have_text("1 open reactie")
    page.goto("/")
    expect(page.locator("#inbox")).to_be_hidden()  # seen when the design was opened
    page.goto(f"/designs/{design_id}")
    expect(page.locator("#card-a1 .card-comments")).to_be_hidden()  # resolved
    # the coach's inbox has the teacher's reply
    coach.goto("/")
    expect(coach.locator("#inbox [data-event=reply]")).to_contain_text("in tweeën")
    coach_context.close()


def test_two_editors_adding_goals_at_once_both_keep_theirs(page: Page, browser, live_server, teacher):
    design_id = new_design(teacher, "linear", title="Samen bewerken")
    other = browser_context(browser, live_server, teacher).new_page()
    page.goto(f"/designs/{design_id}")
    other.goto(f"/designs/{design_id}")

    page.locator("#goals-panel summary").click()
    other.locator("#goals-panel summary").click()
    other.fill("#new-goal", "Doel van de tweede docent")  # typed, not yet added
    page.fill("#new-goal", "Doel van de eerste docent")
    page.click("#goal-add button")
    expect(page.locator("#design-version")).to_have_value("2")

    # the first goal reaches the second page live (the whole canvas: goals are its
    # structure), with the panel still open and what was typed still there
    expect(other.locator("#design-version")).to_have_value("2")
    expect(other.locator("#goal-g1")).to_have_value("Doel van de eerste docent")
    expect(other.locator("#new-goal")).to_have_value("Doel van de tweede docent")
    other.click("#goal-add button")
    expect(other.locator("#design-version")).to_have_value("3")
    goals = teacher.get(f"/api/designs/{design_id}").json()["goals"]
    assert [(g["id"], g["text"]) for g in goals] == [
        ("g1", "Doel van de eerste docent"),
        ("g2", "Doel van de tweede docent"),
    ]
    expect(other.locator("#goal-g1")).to_have_value("Doel van de eerste docent")
    expect(other.locator("#goal-g2")).to_have_value("Doel van de tweede docent")
    expect(other.locator(".toast-conflict")).to_have_count(0)
    other.close()
