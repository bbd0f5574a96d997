"""Sign up, sign in, sign out: as pages and as JSON (`/api/auth/…`); the account page's
own forms (name, password). Password reset: `routes/password_reset.py`."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlmodel import Session

from wave.accounts import (
    AccountProblem,
    TooManyAttempts,
    authenticate,
    change_name,
    change_password,
    create_user,
    end_all_sessions,
    end_session,
    start_session,
)
from wave.i18n import N_, translate
from wave.invitations import InvitationRefused, invitation_for, invitation_path, invitation_text
from wave.links import well_formed
from wave.models import User
from wave.web import account_view
from wave.web.api_models import (
    Account,
    Login,
    SignedIn,
    SignedOut,
    Signup,
    body_doc,
    body_of,
    errors,
    invalid,
)
from wave.web.auth import COOKIE, CallerDep, check_csrf
from wave.web.deps import FormDep, LangDep, SessionDep
from wave.web.signin_forms import EXPIRED, client_address, form_page, form_token_ok, safe_next, signed_in

router = APIRouter(tags=["accounts"])

BAD_LOGIN = N_("We do not know this combination of e-mail address and password.")


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
        return invalid(problem.field, problem(lang))
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
        return JSONResponse(status_code=401, content={"detail": translate(lang, BAD_LOGIN)})
    signin = start_session(session=session, user=user)
    body = {"id": user.id, "email": user.email, "name": user.name, "csrf_token": signin.csrf_token}
    return signed_in(JSONResponse(body), signin.id)


@router.post("/api/auth/logout", summary="Sign out", response_model=SignedOut)
def api_logout(request: Request, session: SessionDep) -> Response:
    end_session(session=session, token=request.cookies.get(COOKIE))
    response = JSONResponse({"signed_out": True})
    response.delete_cookie(COOKIE)
    return response


# --- pages -----------------------------------------------------------------


def _account_page(request: Request, context: dict, status: int = 200) -> Response:
    return form_page(request, "account.html", context, status)


def _invited(session: Session, lang: str, token: str) -> dict:
    """What the sign-in and sign-up pages say and carry when reached through an
    invitation's link (`/invitations/{token}`): after either, that link is opened."""
    if not token or not well_formed(token):
        return {}
    try:
        invitation, record = invitation_for(session=session, token=token)
    except InvitationRefused:
        return {}
    inviter = session.get(User, invitation.invited_by)
    note = invitation_text(
        lang, inviter=inviter.name if inviter else "?", title=record.title, role=invitation.role
    )
    return {
        "invitation": token,
        "invitation_note": note,
        "invited_email": invitation.email,
        "next": invitation_path(token),
    }


@router.get("/signin", response_class=HTMLResponse, include_in_schema=False)
def signin_page(request: Request, session: SessionDep, lang: LangDep) -> Response:
    context = {
        "mode": "signin",
        "next": safe_next(request.query_params.get("next")),
        **_invited(session, lang, request.query_params.get("invitation", "")),
    }
    context["reset_done"] = request.query_params.get("done") == "reset"
    return _account_page(request, context)


@router.post("/signin", response_class=HTMLResponse, include_in_schema=False)
def signin(request: Request, form: FormDep, session: SessionDep, lang: LangDep) -> Response:
    email = str(form.get("email") or "")
    target = safe_next(str(form.get("next") or "/"))
    typed = {
        "mode": "signin",
        "next": target,
        "email": email,
        **_invited(session, lang, str(form.get("invitation") or "")),
    }
    if not form_token_ok(request, form):
        return _account_page(request, {**typed, "error": translate(lang, EXPIRED)}, 403)
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
        return _account_page(request, {**typed, "error": translate(lang, BAD_LOGIN)}, 401)
    signin = start_session(session=session, user=user)
    return signed_in(RedirectResponse(typed["next"], status_code=303), signin.id)


@router.get("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup_page(request: Request, session: SessionDep, lang: LangDep) -> Response:
    invited = _invited(session, lang, request.query_params.get("invitation", ""))
    return _account_page(
        request, {"mode": "signup", "next": "/", "email": invited.get("invited_email", ""), **invited}
    )


@router.post("/signup", response_class=HTMLResponse, include_in_schema=False)
def signup(request: Request, form: FormDep, session: SessionDep, lang: LangDep) -> Response:
    values = {k: str(form.get(k) or "") for k in ("email", "name", "password")}
    typed = {
        "mode": "signup",
        "next": "/",
        **_invited(session, lang, str(form.get("invitation") or "")),
        "email": values["email"],
        "name": values["name"],
    }
    if not form_token_ok(request, form):
        return _account_page(request, {**typed, "error": translate(lang, EXPIRED)}, 403)
    try:
        user = create_user(session=session, **values)
    except AccountProblem as problem:
        return _account_page(request, {**typed, "errors": {problem.field: problem(lang)}}, 422)
    signin = start_session(session=session, user=user)
    return signed_in(RedirectResponse(typed["next"], status_code=303), signin.id)


@router.post("/signout", include_in_schema=False, dependencies=[Depends(check_csrf)])
def signout(request: Request, session: SessionDep) -> Response:
    end_session(session=session, token=request.cookies.get(COOKIE))
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/account", response_class=HTMLResponse, include_in_schema=False)
def account(request: Request, session: SessionDep, caller: CallerDep) -> Response:
    saved = request.query_params.get("saved", "")
    return account_view.account_page(request, session, caller.user, saved=saved)


@router.post(
    "/account/name", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(check_csrf)]
)
def rename(
    request: Request, form: FormDep, session: SessionDep, caller: CallerDep, lang: LangDep
) -> Response:
    name = str(form.get("name") or "")
    try:
        change_name(session=session, user=caller.user, name=name)
    except AccountProblem as problem:
        session.refresh(caller.user)
        return account_view.account_page(
            request, session, caller.user, 422, name_value=name, name_error=problem(lang)
        )
    return RedirectResponse("/account?saved=name#profile", status_code=303)


@router.post(
    "/account/password",
    response_class=HTMLResponse,
    include_in_schema=False,
    dependencies=[Depends(check_csrf)],
)
def new_password(
    request: Request, form: FormDep, session: SessionDep, caller: CallerDep, lang: LangDep
) -> Response:
    """Passwords are not sent back in the page: after an error both fields are empty."""
    try:
        change_password(
            session=session,
            user=caller.user,
            current=str(form.get("current_password") or ""),
            new=str(form.get("password") or ""),
            address=client_address(request),
            keep=caller.signin,
        )
    except TooManyAttempts as refused:
        page = account_view.account_page(
            request, session, caller.user, 429, password_errors={"current_password": refused(lang)}
        )
        page.headers["Retry-After"] = str(refused.retry_after)
        return page
    except AccountProblem as problem:
        session.rollback()
        return account_view.account_page(
            request, session, caller.user, 422, password_errors={problem.field: problem(lang)}
        )
    return RedirectResponse("/account?saved=password#password", status_code=303)


@router.post("/account/signout-everywhere", include_in_schema=False, dependencies=[Depends(check_csrf)])
def signout_everywhere(session: SessionDep, caller: CallerDep) -> Response:
    """End every session of the account (a lost laptop, a shared computer), this one too."""
    end_all_sessions(session=session, user=caller.user)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE)
    return response
