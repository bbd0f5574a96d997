"""The FastAPI application: settings, start-up checks, routers, static files."""

import json
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import escape
from pydantic.json_schema import models_json_schema
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Session

from wave.catalogue import get_catalogue
from wave.db import get_engine, migrate
from wave.design_templates import get_templates
from wave.events import start_listener
from wave.format import DesignInvalid, Problem, shape_problem
from wave.i18n import N_, negotiate, translate
from wave.models import now
from wave.scans.dimensions import dimensions as scan_dimensions
from wave.settings import get_settings
from wave.store import QuotaExceeded, StoredDesignInvalid
from wave.teamtable import check_all as check_team_table
from wave.templating import STATIC_DIR
from wave.trash import purge_trash
from wave.web.api_models import MAX_BODY, TOO_LARGE, BodyRefused, body_models
from wave.web.auth import CsrfFailed, DesignUnreadable, Forbidden, NotSignedIn, NotVisible
from wave.web.plain_text import plain_text_only
from wave.web.rendering import render_page
from wave.web.routes import (
    accounts,
    api_designs,
    api_programmes,
    api_review,
    api_scans,
    bench_fragment,
    canvas,
    drawings,
    exports,
    health,
    inbox,
    invitations,
    live,
    pages,
    password_reset,
    prefs,
    programmes,
    review,
    review_queue,
    rules,
    scans,
    team,
    teamtable,
)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    settings.check_safe()
    get_catalogue()  # a bad catalogue file stops start-up here, naming file and field
    get_templates()
    check_team_table()  # the tips, cards and words, as the catalogue
    scan_dimensions()  # the readiness scan's dimensions and statements, likewise
    migrate(settings.database_url)
    with Session(get_engine()) as session:  # what has been in a trash for 30 days goes
        purge_trash(session=session, now=now())
    if settings.seed_examples:
        from wave.seeding import seed_examples

        seed_examples()
    stop_listening = start_listener(settings.database_url)  # PostgreSQL: events from every process
    try:
        yield
    finally:
        stop_listening()


def create_app() -> FastAPI:
    # No /docs or /redoc: they load their scripts from a CDN, which the CSP (and the
    # machines without internet) refuse; /openapi.json is the document.
    app = FastAPI(
        title="Wave",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Course-design canvas and critic for blended learning.",
        dependencies=[Depends(plain_text_only)],
        separate_input_output_schemas=False,
    )

    app.add_middleware(BodyLimit, limit=MAX_BODY)
    app.add_middleware(LanguageAndHeaders, secure=get_settings().secure_cookies)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        """Path and query parameters (a body is read by the route): the one error shape,
        with the format's messages."""
        return refused(request, [_parameter_problem(e) for e in exc.errors()])

    app.openapi = lambda: openapi(app)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_access_handlers(app)
    for router in (
        health.router,
        accounts.router,
        exports.router,
        api_designs.router,
        api_designs.trash_router,
        pages.router,
        canvas.router,
        review.router,
        drawings.router,
        rules.router,
        teamtable.router,
        prefs.router,
        team.router,
        password_reset.router,
        invitations.router,
        api_review.router,
        api_scans.router,
        scans.router,
        inbox.router,
        review_queue.router,
        live.router,
        api_programmes.router,
        programmes.router,
    ):
        app.include_router(router)
    if bench_fragment.bench_enabled():
        # `wave bench` only: the bare endpoint an edit round trip is compared with.
        app.include_router(bench_fragment.router)
    return app


# SPEC §11: on every response. Scripts and styles only from our own files (layout values
# set from script: web/static/styles.js), never framed, no referrer to other sites.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class _TooLarge(BaseException):  # not Exception: the body parsers catch and rewrap those
    pass


class BodyLimit:
    """Pure ASGI middleware: no request body past `limit` bytes, for every route (JSON,
    forms, files). A declared Content-Length over it is answered 413 before a byte is
    read; a streamed body is counted as it arrives and stopped at the limit."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            return await self._refuse(scope, send)
        seen, started = 0, False

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def watching_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope, send):
        lang = negotiate(
            cookie=None, accept_language=dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
        )
        msg = TOO_LARGE.text(lang)
        body = json.dumps({"detail": [{"loc": TOO_LARGE.loc, "msg": msg}]}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class LanguageAndHeaders:
    """Pure ASGI middleware: the request's language (`request.state.lang`) and the
    security headers on every answer. (Not Starlette's BaseHTTPMiddleware, which costs
    a task per request and hides a client's disconnect from the routes.)"""

    def __init__(self, app, secure: bool):
        self.app, self.secure = app, secure
        headers = dict(SECURITY_HEADERS)
        if secure:
            headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        self.headers = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        scope.setdefault("state", {})["lang"] = negotiate(
            cookie=request.cookies.get("wave_lang"), accept_language=request.headers.get("accept-language")
        )
        names = {name for name, _ in self.headers}

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _parameter_problem(error: dict) -> Problem:
    where = [str(p) for p in error["loc"] if p not in ("path", "query", "header", "cookie", "body")]
    problem = shape_problem({**error, "loc": tuple(where)})
    return problem


def openapi(app: FastAPI) -> dict:
    """FastAPI's document, plus the request bodies the routes read themselves
    (`api_models.body_doc`) as component schemas."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    _, defs = models_json_schema(
        [(m, "validation") for m in body_models()], ref_template="#/components/schemas/{model}"
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    # the same classes as FastAPI's response models (it drops `"default": null`)
    schemas.update(defs.get("$defs", {}))
    app.openapi_schema = document
    return document


ACCESS_TEXT = {
    "signin": N_("Sign in first."),
    "hidden": N_("This design does not exist or you may not see it."),
    "forbidden": N_("Your role on this design does not allow this."),
    "csrf": N_("This form has expired; reload the page and try again."),
}


def install_access_handlers(app: FastAPI) -> None:
    """One answer per access failure: JSON for the API, a page, redirect or toast otherwise."""

    def answer(request: Request, status: int, key: str):
        lang = request.state.lang
        text = translate(lang, ACCESS_TEXT[key])
        if request.url.path.startswith("/api/"):
            return JSONResponse(status_code=status, content={"detail": text})
        if status == 401:
            target = f"/signin?next={quote(request.url.path)}"
            if request.headers.get("HX-Request"):
                return Response(status_code=401, headers={"HX-Redirect": target})
            return RedirectResponse(target, status_code=303)
        if request.headers.get("HX-Request"):
            return error_toast(text, status)
        page = "not_found.html" if status == 404 else "forbidden.html"
        return render_page(request, page, {"message": text}, status_code=status)

    app.add_exception_handler(NotSignedIn, lambda r, e: answer(r, 401, "signin"))
    app.add_exception_handler(NotVisible, lambda r, e: answer(r, 404, "hidden"))
    app.add_exception_handler(Forbidden, lambda r, e: answer(r, 403, "forbidden"))
    app.add_exception_handler(CsrfFailed, lambda r, e: answer(r, 403, "csrf"))
    app.add_exception_handler(DesignUnreadable, unreadable)
    app.add_exception_handler(PoolTimeout, busy)
    app.add_exception_handler(QuotaExceeded, over_quota)
    app.add_exception_handler(DesignInvalid, lambda r, e: refused(r, e.problems))
    app.add_exception_handler(BodyRefused, lambda r, e: refused(r, e.problems, e.status))
    app.add_exception_handler(StoredDesignInvalid, lambda r, e: refused(r, e.problems))


def error_toast(text: str, status: int) -> HTMLResponse:
    """An htmx answer that puts `text` in the page's status area as an error."""
    html = (
        '<div class="status-area" id="status" role="status" aria-live="polite">'
        f'<div class="toast toast-error" role="alert">{escape(text)}</div></div>'
    )
    return HTMLResponse(
        html, status_code=status, headers={"HX-Retarget": "#status", "HX-Reswap": "outerHTML"}
    )


def problems_json(problems: list[Problem], lang: str, status: int) -> JSONResponse:
    """The API's one error shape (SPEC §11): each problem's field and message."""
    return JSONResponse(
        status_code=status,
        content={"detail": [{"loc": p.loc, "msg": p.text(lang)} for p in problems]},
    )


def refused(request: Request, problems: list[Problem], status: int = 422):
    """What no route caught: the problems, as the API's error shape or a message."""
    lang = request.state.lang
    if request.url.path.startswith("/api/"):
        return problems_json(problems, lang, status)
    text = " ".join(p.readable(lang) for p in problems[:3])
    if request.headers.get("HX-Request"):
        return error_toast(text, status)
    return render_page(request, "forbidden.html", {"message": text, "invalid": True}, status_code=status)


BUSY = N_("Wave is too busy for a moment; try again in a few seconds.")


def busy(request: Request, exc: PoolTimeout):
    """No database connection came free in time: say so, and when to come back."""
    return JSONResponse(
        status_code=503, headers={"Retry-After": "5"}, content={"detail": translate(request.state.lang, BUSY)}
    )


def over_quota(request: Request, exc: QuotaExceeded):
    """A person's designs or storage at the limit: 403 and why; nothing was stored."""
    text = exc(request.state.lang)
    if request.url.path.startswith("/api/"):
        return JSONResponse(status_code=403, content={"detail": text})
    if request.headers.get("HX-Request"):
        return error_toast(text, 403)
    return render_page(request, "forbidden.html", {"message": text}, status_code=403)


def unreadable(request: Request, exc: DesignUnreadable):
    """A stored design the format no longer accepts: its problems, never a 500."""
    lang = request.state.lang
    if request.url.path.startswith("/api/") or request.headers.get("HX-Request"):
        return problems_json(exc.problems, lang, 422)
    return render_page(
        request,
        "unreadable.html",
        {
            "record": exc.record,
            "problems": [p.readable(lang) for p in exc.problems],
            "document": exc.document,
        },
    )
