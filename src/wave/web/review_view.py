"""What the review panel shows (status, next steps, shares, coach comments) and the
open-comment counts on the cards: used by the review routes and by the canvas page."""

from typing import Any

from sqlmodel import Session

from wave.access import share_of, shares_of
from wave.engine import RULES
from wave.i18n import N_, translate
from wave.invitations import pending_of
from wave.review import CommentView, comments_of, next_steps
from wave.web.auth import Access

# One word per status, step and role, through Babel like every other text on the page.
LABELS = {
    "status": {
        "draft": N_("Draft"),
        "in_review": N_("Awaiting review"),
        "feedback_given": N_("Feedback given"),
        "approved": N_("Approved"),
    },
    "step": {
        "draft": N_("Back to draft"),
        "in_review": N_("Ask for review"),
        "feedback_given": N_("Send feedback"),
        "approved": N_("Approve"),
    },
    "role": {
        "owner": N_("Owner"),
        "edit": N_("Edit (team member)"),
        "comment": N_("Comment (coach)"),
        "view": N_("View"),
    },
}


def _labels(kind: str, lang: str) -> dict[str, str]:
    return {code: translate(lang, message) for code, message in LABELS[kind].items()}


def status_labels(lang: str) -> dict[str, str]:
    return _labels("status", lang)


def role_labels(lang: str) -> dict[str, str]:
    return _labels("role", lang)


def review_context(
    access: Access, session: Session, lang: str, *, design=None, **errors: str
) -> dict[str, Any]:
    design = design or access.design
    record = access.record
    comments = comments_of(session=session, design_id=record.id)
    mine = access.role == "owner"
    shared_with_me = (
        not mine and share_of(session=session, record=record, user_id=access.caller.user.id) is not None
    )
    return {
        "review_status": record.review_status,
        "status_labels": _labels("status", lang),
        "step_labels": _labels("step", lang),
        "role_labels": _labels("role", lang),
        "next_steps": next_steps(record.review_status, access.role),
        "may_comment": access.can_comment,
        "shares": shares_of(session=session, design_id=record.id) if mine else [],
        "invitations": pending_of(session=session, design_id=record.id) if mine else [],
        "shared_with_me": shared_with_me,  # they may leave it
        "comments": comments,
        **comment_summary(comments),
        "rule_titles": {rule_id: rule.TITLE[lang] for rule_id, rule in RULES.items()},
        "activity_titles": {a.id: a.title for a in design.placed()},
        "user_id": access.caller.user.id,
        **errors,
    }


def comment_counts(comments: list[CommentView]) -> dict[str, int]:
    """Open comments per activity, for the badges on the cards (and, through the review
    panel's `data-comment-counts`, kept up to date by the page script after each answer)."""
    counts: dict[str, int] = {}
    for c in comments:
        if c.activity_id and not c.resolved:
            counts[c.activity_id] = counts.get(c.activity_id, 0) + 1
    return counts


def comment_summary(comments: list[CommentView]) -> dict[str, Any]:
    """The badges on the cards and the open-comments count at the top of the canvas."""
    return {
        "comment_counts": comment_counts(comments),
        "open_comments": sum(1 for c in comments if not c.resolved),
    }
