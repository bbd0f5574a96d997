"""What the review panel shows (status, next steps, shares, coach comments) and the
open-comment counts on the cards: used by the review routes and by the canvas page."""

from typing import Any

from sqlmodel import Session

from wave.access import share_of, shares_of
from wave.review import CommentView, comments_of, next_steps
from wave.web.auth import Access

LABELS = {
    "status": {
        "draft": {"nl": "Concept", "en": "Draft"},
        "in_review": {"nl": "In review", "en": "In review"},
        "feedback_given": {"nl": "Feedback gegeven", "en": "Feedback given"},
        "approved": {"nl": "Goedgekeurd", "en": "Approved"},
    },
    "step": {
        "draft": {"nl": "Terug naar concept", "en": "Back to draft"},
        "in_review": {"nl": "Vraag om review", "en": "Ask for review"},
        "feedback_given": {"nl": "Feedback is gegeven", "en": "Feedback given"},
        "approved": {"nl": "Goedkeuren", "en": "Approve"},
    },
    "role": {
        "owner": {"nl": "Eigenaar", "en": "Owner"},
        "edit": {"nl": "Bewerken (collega)", "en": "Edit (colleague)"},
        "comment": {"nl": "Reageren (coach)", "en": "Comment (coach)"},
        "view": {"nl": "Bekijken", "en": "View"},
    },
}


def _labels(kind: str, lang: str) -> dict[str, str]:
    return {code: text[lang] for code, text in LABELS[kind].items()}


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
        "shared_with_me": shared_with_me,  # they may leave it
        "comments": comments,
        "comment_counts": comment_counts(comments),
        "activity_titles": {a.id: a.title for a in design.placed()},
        "user_id": access.caller.user.id,
        **errors,
    }


def comment_counts(comments: list[CommentView]) -> dict[str, int]:
    """Open comments per activity, for the badges on the cards."""
    counts: dict[str, int] = {}
    for c in comments:
        if c.activity_id and not c.resolved:
            counts[c.activity_id] = counts.get(c.activity_id, 0) + 1
    return counts
