"""Password reset (SPEC §6), as pages and as JSON: ask for a link by e-mail address
(`/forgot`, `POST /api/auth/forgot`), set a new password through it (`/reset/{token}`,
`POST /api/auth/reset`). The link is mailed when `WAVE_SMTP_URL` names a mail server,
after the answer (a background task in the thread pool); without one an administrator
makes it (`wave users reset-link`). The answer is the same whether or not the address has
an account, and asking is throttled per client address like signing in."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlmodel import Session

from wave.accounts import AccountProblem, TooManyAttempts, check_email
from wave.i18n import N_, translate
from wave.links import link
from wave.mail import mail_enabled, send_mail
from wave.password_reset import (
    ResetRefused,
    refused_problem,
    request_reset,
    reset_for,
    reset_mail,
    reset_password,
    reset_path,
)
from wave.web.api_models import Forgot, Message, PasswordReset, body_doc, body_of, errors, invalid
from wave.web.deps import FormDep, LangDep, SessionDep
from wave.web.signin_forms import EXPIRED, client_address, form_page, form_token_ok, request_base

router = APIRouter(tags=["accounts"])

ASKED = N_(
    "If there is an account with this e-mail address, a link to set a new password is on its way. "
    "It works once, within an hour."
)
ASKED_WITHOUT_MAIL = N_("Wave sends no mail here: ask your administrator for a link to set a new password.")


def _ask(request: Request, session: Session, lang: str, email: str, background: BackgroundTasks) -> None:
    """A reset of `email`, mailed after the answer when there is an account and a mail server.
    Raises AccountProblem (not an address) or TooManyAttempts."""
    email = check_email(email)
    found = request_reset(session=session, email=email, address=client_address(request))
    if found is not None and mail_enabled():
        user, token = found
        url = link(reset_path(token), base=request_base(request))
        subject, body = reset_mail(lang, name=user.name, url=url)
        background.add_task(send_mail, to=user.email, subject=subject, body=body)


def _too_many(refused: TooManyAttempts, response: Response) -> Response:
    response.headers["Retry-After"] = str(refused.retry_after)
    return response


# --- JSON ------------------------------------------------------------------


@router.post(
    "/api/auth/forgot",
    status_code=202,
    summary="Ask for a password-reset link by mail; 202 whether or not the account exists",
    response_model=Message,
    responses=errors(413, 415, 422, 429),
    openapi_extra=body_doc(Forgot),
)
def api_forgot(
    request: Request,
    wanted: Annotated[Forgot, body_of(Forgot)],
    background: BackgroundTasks,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    try:
        _ask(request, session, lang, wanted.email, background)
    except AccountProblem as problem:
        return invalid(problem.field, problem(lang))
    except TooManyAttempts as refused:
        return _too_many(refused, JSONResponse(status_code=429, content={"detail": refused(lang)}))
    text = translate(lang, ASKED if mail_enabled() else ASKED_WITHOUT_MAIL)
    return JSONResponse(status_code=202, content={"detail": text})


@router.post(
    "/api/auth/reset",
    status_code=204,
    summary="Set a new password through a reset link's token; then the link no longer works",
    response_class=Response,
    responses=errors(413, 415, 422),
    openapi_extra=body_doc(PasswordReset),
)
def api_reset(
    wanted: Annotated[PasswordReset, body_of(PasswordReset)], session: SessionDep, lang: LangDep
) -> Response:
    """Every session of the account ends, and every other reset link of it stops working."""
    try:
        reset_password(session=session, token=wanted.token, password=wanted.password)
    except ResetRefused as refused:
        problem = refused_problem(refused)
        return invalid("token", problem(lang))
    except AccountProblem as problem:
        return invalid(problem.field, problem(lang))
    return Response(status_code=204)


# --- pages -----------------------------------------------------------------


def _page(request: Request, context: dict, status: int = 200) -> HTMLResponse:
    return form_page(request, "password.html", context, status)


@router.get("/forgot", response_class=HTMLResponse, include_in_schema=False)
def forgot_page(request: Request) -> Response:
    return _page(request, {"mode": "forgot", "email": request.query_params.get("email", "")[:254]})


@router.post("/forgot", response_class=HTMLResponse, include_in_schema=False)
def forgot(
    request: Request, form: FormDep, background: BackgroundTasks, session: SessionDep, lang: LangDep
) -> Response:
    email = str(form.get("email") or "")
    typed = {"mode": "forgot", "email": email}
    if not form_token_ok(request, form):
        return _page(request, {**typed, "error": translate(lang, EXPIRED)}, 403)
    try:
        _ask(request, session, lang, email, background)
    except AccountProblem as problem:
        return _page(request, {**typed, "errors": {problem.field: problem(lang)}}, 422)
    except TooManyAttempts as refused:
        return _too_many(refused, _page(request, {**typed, "error": refused(lang)}, 429))
    return _page(request, {"mode": "forgot-sent", "email": email.strip(), "mail": mail_enabled()})


def _refused_page(request: Request, refused: ResetRefused) -> HTMLResponse:
    status = 404 if refused.reason == "unknown" else 410
    return _page(request, {"mode": "reset-refused", "reason": refused.reason}, status)


@router.get("/reset/{token}", response_class=HTMLResponse, include_in_schema=False)
def reset_page(token: str, request: Request, session: SessionDep) -> Response:
    try:
        reset_for(session=session, token=token)
    except ResetRefused as refused:
        return _refused_page(request, refused)
    return _page(request, {"mode": "reset", "token": token})


@router.post("/reset/{token}", response_class=HTMLResponse, include_in_schema=False)
def reset(token: str, request: Request, form: FormDep, session: SessionDep, lang: LangDep) -> Response:
    if not form_token_ok(request, form):
        return _page(request, {"mode": "reset", "token": token, "error": translate(lang, EXPIRED)}, 403)
    try:
        reset_password(session=session, token=token, password=str(form.get("password") or ""))
    except ResetRefused as refused:
        return _refused_page(request, refused)
    except AccountProblem as problem:
        problems = {problem.field: problem(lang)}
        return _page(request, {"mode": "reset", "token": token, "errors": problems}, 422)
    return RedirectResponse("/signin?done=reset", status_code=303)
