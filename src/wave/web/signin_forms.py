"""What the pages used without a session share (sign in, sign up, forgot password, new
password): their forms' own token, the client's address the limits count, the session
cookie set on success, and the target after sign-in.

Those forms come before there is a session, so they carry a token of their own (double
submit): a random value in a SameSite=Strict cookie and in the form. Another site can
neither read the cookie nor make the browser send it with its post."""

import secrets
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from wave.accounts import same_token, well_formed
from wave.i18n import N_
from wave.settings import get_settings
from wave.web.auth import COOKIE
from wave.web.rendering import render_page

FORM_COOKIE = "wave_form"
EXPIRED = N_("This form has expired; please try again.")


def form_page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page with such a form: `form_token` in its context, and the cookie set."""
    token = request.cookies.get(FORM_COOKIE)
    if not well_formed(token):  # none yet, or not one Wave made
        token = secrets.token_urlsafe(32)
    page = render_page(request, template, {**context, "form_token": token}, status)
    page.set_cookie(
        FORM_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=get_settings().secure_cookies,
        max_age=24 * 3600,
    )
    return page


def form_token_ok(request: Request, form) -> bool:
    cookie = request.cookies.get(FORM_COOKIE)
    return cookie is not None and same_token(form.get("form_token"), cookie)


def client_address(request: Request) -> str:
    """The address the sign-in limits count by: the peer's, or the client's as a trusted
    proxy names it (`WAVE_FORWARDED_ALLOW_IPS`: uvicorn then rewrites `request.client`)."""
    return request.client.host if request.client else ""


def signed_in(response: Response, token: str) -> Response:
    """`response` with the session cookie of the new session `token`."""
    response.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
        max_age=14 * 24 * 3600,
    )
    return response


def safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def request_base(request: Request) -> str:
    """The address this request came in on, for links when `WAVE_PUBLIC_URL` is not set."""
    return str(request.base_url)
