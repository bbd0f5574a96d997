"""Sign up, sign in, sign out: as pages and as JSON (`/api/auth/…`)."""

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from wave.accounts import (
    AccountProblem,
    TooManyAttempts,
    authenticate,
    create_user,
    end_all_sessions,
    end_session,
    start_session,
)
from wave.settings import get_settings
from wave.web import account_view
from wave.web.api_models import Account, Login, SignedIn, SignedOut, Signup, body_doc, body_of, errors
from wave.web.auth import COOKIE, CallerDep, check_csrf
from wave.web.deps import FormDep, LangDep, SessionDep
from wave.web.rendering import render_page

router = APIRouter(tags=["accounts"])

BAD_LOGIN = {
    "nl": "Deze combinatie van e-mailadres en wachtwoord kennen we niet.",
    "en": "We do not know this combination of e-mail address and password.",
}


def _signed_in(response: Response, token: str) -> Response:
    response.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
        max_age=14 * 24 * 3600,
    )
    return response


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def client_address(request: Request) -> str:
    """The address the sign-in limits count by: the peer's, or the client's as a trusted
    proxy names it (`WAVE_FORWARDED_ALLOW_IPS`: uvicorn then rewrites `request.client`)."""
    return request.client.host if request.client else ""


# --- JSON ------------------------------------------------------------------


@router.post(
    "/api/auth/signup",
    status_code=201,
    summary="Create an account",
    response_model=Account,
    responses=errors(413, 415, 422),
    openapi_extra=body_doc(Signup),
)
def api_signup(wanted: Annotated[Signup, body_of(Signup)], session: SessionDep, lang: LangDep) -> Response:
    try:
        user = create_user(session=session, email=wanted.email, password=wanted.password, name=wanted.name)
    except AccountProblem as problem:
        return JSONResponse(
            status_code=422, content={"detail": [{"loc": problem.field, "msg": problem(lang)}]}
        )
    return JSONResponse(status_code=201, content={"id": user.id, "email": user.email, "name": user.name})


@router.post(
    "/api/auth/login",
    summary="Sign in; sets the session cookie",
    response_model=SignedIn,
    responses=errors(401, 413, 415, 422, 429),
    openapi_extra=body_doc(Login),
)
def api_login(
    request: Request, wanted: Annotated[Login, body_of(Login)], session: SessionDep, lang: LangDep
) -> Response:
    try:
        user = authenticate(
            session=session, email=wanted.email, password=wanted.password, address=client_address(request)
        )
    except TooManyAttempts as refused:
        return JSONResponse(
            status_code=429,
            content={"detail": refused(lang)},
            headers={"Retry-After": str(refused.retry_after)},
        )
    if user is None:
        return JSONResponse(status_code=401, content={"detail": BAD_LOGIN[lang]})
    signin = start_session(session=session, user=user)
    body = {"id": user.id, "email": user.email, "name": user.name, "csrf_token": signin.csrf_token}
    return _signed_in(JSONResponse(body), signin.id)


@router.post("/api/auth/logout", summary="Sign out", response_model=SignedOut)
def api_logout(request: Request, session: SessionDep) -> Response:
    end_session(session=session, token=request.cookies.get(COOKIE))
    response = JSONResponse({"signed_out": True})
    response.delete_cookie(COOKIE)
    return response


# --- pages -----------------------------------------------------------------

# Sign-in and sign-up happen before there is a session, so their forms carry a token of
# their own (double submit): a random value in a SameSite=Strict cookie and in the form.
# Another site can neither read the cookie nor make the browser send it with its post.
FORM_COOKIE = "wave_form"
EXPIRED = {
    "nl": "Dit formulier is verlopen; probeer het nog eens.",
    "en": "This form has expired; please try again.",
}


def _account_page(request: Request, context: dict, status: int = 200) -> Response:
    token = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(32)
    page = render_page(request, "account.html", {**context, "form_token": token}, status)
    page.set_cookie(
        FORM_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=get_settings().secure_cookies,
        max_age=24 * 3600,
    )
    return page


def _form_token_ok(request: Request, form) -> bool:
    cookie, sent = request.cookies.get(FORM_COOKIE), str(form.get("form_token") or "")
    return bool(cookie) and secrets.compare_digest(cookie, sent)


@router.get("/signin", response_class=HTMLResponse, include_in_schema=False)
def signin_page(request: Request) -> Response:
    return _account_page(request, {"mode": "signin", "next": _safe_next(request.query_params.get("next"))})


@router.post("/signin", response_class=HTMLResponse, include_in_schema=False)
def signin(request: Request, form: FormDep, session: SessionDep, lang: LangDep) -> Response:
    email = str(form.get("email") or "")
    target = _safe_next(str(form.get("next") or "/"))
    typed = {"mode": "signin", "next": target, "email": email}
    if not _form_token_ok(request, form):
        return _account_page(request, {**typed, "error": EXPIRED[lang]}, 403)
    try:
        user = authenticate(
            session=session,
            email=email,
            password=str(form.get("password") or ""),
            address=client_address(request),
        )
    except TooManyAttempts as refused:
        page = _account_page(request, {**typed, "error": refused(lang)}, 429)
        page.headers["Retry-After"] = str(refused.retry_after)
        return page
    if user is None:
        return _account_page(request, {**typed, "error": BAD_LOGIN[lang]}, 401)
    signin = start_session(session=session, user=user)
    return _signed_in(RedirectResponse(target, status_code=303), signin.id)


@router.get("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup_page(request: Request) -> Response:
    return _account_page(request, {"mode": "signup", "next": "/"})


@router.post("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup(request: Request, form: FormDep, session: SessionDep, lang: LangDep) -> Response:
    values = {k: str(form.get(k) or "") for k in ("email", "name", "password")}
    typed = {"mode": "signup", "next": "/", "email": values["email"], "name": values["name"]}
    if not _form_token_ok(request, form):
        return _account_page(request, {**typed, "error": EXPIRED[lang]}, 403)
    try:
        user = create_user(session=session, **values)
    except AccountProblem as problem:
        return _account_page(request, {**typed, "errors": {problem.field: problem(lang)}}, 422)
    signin = start_session(session=session, user=user)
    return _signed_in(RedirectResponse("/", status_code=303), signin.id)


@router.post("/signout", include_in_schema=False, dependencies=[Depends(check_csrf)])
def signout(request: Request, session: SessionDep) -> Response:
    end_session(session=session, token=request.cookies.get(COOKIE))
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/account", response_class=HTMLResponse, include_in_schema=False)
def account(request: Request, session: SessionDep, caller: CallerDep) -> Response:
    return account_view.account_page(request, session, caller.user)


@router.post("/account/signout-everywhere", include_in_schema=False, dependencies=[Depends(check_csrf)])
def signout_everywhere(session: SessionDep, caller: CallerDep) -> Response:
    """End every session of the account (a lost laptop, a shared computer), this one too."""
    end_all_sessions(session=session, user=caller.user)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE)
    return response
