"""The FastAPI application: settings, start-up checks, routers, static files."""

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from wave.catalogue import get_catalogue
from wave.db import migrate
from wave.design_templates import get_templates
from wave.i18n import negotiate
from wave.settings import get_settings
from wave.web.rendering import STATIC_DIR
from wave.web.routes import api_designs, canvas, drawings, health, pages, rules


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    settings.check_safe()
    get_catalogue()  # a bad catalogue file stops start-up here, naming file and field
    get_templates()
    migrate(settings.database_url)
    if settings.seed_examples:
        from wave.examples import seed_examples

        seed_examples()
    yield


def create_app() -> FastAPI:
    app = FastAPI(title="Wave", version="0.1.0", lifespan=lifespan,
                  description="Course-design canvas and critic for blended learning.")

    @app.middleware("http")
    async def language(request: Request, call_next):
        request.state.lang = negotiate(cookie=request.cookies.get("wave_lang"),
                                       accept_language=request.headers.get("accept-language"))
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        return JSONResponse(status_code=422, content={"detail": [
            {"loc": ".".join(str(p) for p in e["loc"]), "msg": e["msg"]} for e in exc.errors()
        ]})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in (health.router, api_designs.router, pages.router, canvas.router, drawings.router,
                   rules.router):
        app.include_router(router)
    return app
