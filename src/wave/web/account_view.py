"""The account page of a signed-in person: who they are, signing out everywhere, and
their team (`wave.team`). Shown by the account route and again, with what went wrong,
by the team routes."""

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from wave.models import User
from wave.team import team_of
from wave.web.rendering import render_page


def account_page(
    request: Request, session: Session, user: User, status: int = 200, **form: str
) -> HTMLResponse:
    """`form`: the team form's typed `invite_email` and `invite_error`, or a `team_error`."""
    context = {"mode": "account", "user": user, "team": team_of(session=session, user=user), **form}
    return render_page(request, "account.html", context, status)
