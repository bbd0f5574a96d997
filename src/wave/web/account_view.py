"""The account page of a signed-in person: who they are (their name and password, which
they change here), signing out everywhere, and their team (`wave.team`). Shown by the
account route and again, with what went wrong, by the account and team routes."""

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from wave.models import User
from wave.team import team_of
from wave.web.rendering import render_page


def account_page(
    request: Request, session: Session, user: User, status: int = 200, **form: object
) -> HTMLResponse:
    """`form`: what a form sent back with its error: the team form's typed `invite_email`
    and `invite_error`, a `team_error`, the name form's `name_value` and `name_error`, the
    password form's `password_errors` (per field); or `saved`, what was just changed."""
    context = {"mode": "account", "user": user, "team": team_of(session=session, user=user), **form}
    return render_page(request, "account.html", context, status)
