"""The JSON API's bodies as models (SPEC §8, §11): what the routes read and answer,
and what `/openapi.json` documents — the same classes, so the two cannot drift.

Request bodies are read by `read_body` (bytes checked by `format.load_document`,
then the model, strictly); a route declares its body with `body_doc(Model)`, which
puts the model in the OpenAPI document. Errors have one shape, `Invalid`.
"""

from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wave.format import (
    NOT_AN_OBJECT,
    Design,
    DesignInvalid,
    Line,
    Problem,
    Text,
    load_document,
    shape_problems,
)
from wave.i18n import N_

MAX_BODY = 10_000_000  # SPEC §11: larger request bodies get 413
M = TypeVar("M", bound=BaseModel)


# --- errors -------------------------------------------------------------------------


class ErrorItem(BaseModel):
    loc: str = Field(description="The field, as a path: `phases[0].title`; `(body)` for the whole")
    msg: str = Field(description="What is wrong, in the caller's language")


class Invalid(BaseModel):
    """Invalid input (422), a body too large (413) or of the wrong type (415)."""

    detail: list[ErrorItem]


class Message(BaseModel):
    """Not signed in (401), not allowed (403), not found (404), gone (410), too many
    attempts (429)."""

    detail: str


class Stale(BaseModel):
    """The edit was based on an older version (409)."""

    detail: str
    current_version: int


class BodyRefused(Exception):
    def __init__(self, status: int, problem: Problem):
        self.status, self.problems = status, [problem]


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented error answers of a route."""
    models = {
        401: Message,
        403: Message,
        404: Message,
        409: Stale,
        410: Message,
        413: Invalid,
        415: Invalid,
        422: Invalid,
        429: Message,
    }
    return {s: {"model": models[s]} for s in statuses}


def invalid(field: str, message: str) -> JSONResponse:
    """A 422 in the one error shape (`Invalid`): what was wrong with which field."""
    return JSONResponse(status_code=422, content={"detail": [{"loc": field, "msg": message}]})


# --- reading a body -------------------------------------------------------------------

_REGISTERED: list[type[BaseModel]] = []


def body_doc(model: type[BaseModel], description: str = "") -> dict[str, Any]:
    """`openapi_extra` for a route whose JSON body is `model` (read with `read_body`)."""
    if model not in _REGISTERED:
        _REGISTERED.append(model)
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        }
    }


def body_models() -> list[type[BaseModel]]:
    return list(_REGISTERED)


TOO_LARGE = Problem("(body)", N_("the request is larger than 10 MB"))


async def read_json(request: Request) -> Any:
    """The body as a JSON value: `application/json`, and bytes that `load_document`
    accepts. (Bodies over `MAX_BODY` never get here: `web.app.BodyLimit` stops them.)"""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise BodyRefused(
            415,
            Problem("(body)", N_("send the data as application/json")),
        )
    return load_document(await request.body(), loc="(body)")


def parse_body(model: type[M], data: Any) -> M:
    if not isinstance(data, dict):
        raise DesignInvalid([Problem("(body)", NOT_AN_OBJECT)])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DesignInvalid(shape_problems(exc)) from None


async def read_body(request: Request, model: type[M]) -> M:
    return parse_body(model, await read_json(request))


def body_of(model: type[M]) -> Any:
    """A dependency: the body as `model`, read on the event loop, so the handler can be
    a plain `def` whose blocking work runs in the thread pool."""

    async def dependency(request: Request) -> M:
        return await read_body(request, model)

    return Depends(dependency)


async def _json_value(request: Request) -> Any:
    return await read_json(request)


JsonDep = Annotated[Any, Depends(_json_value)]


# --- bodies ---------------------------------------------------------------------------


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Email = Annotated[Line, Field(max_length=254, description="An e-mail address")]
Password = Annotated[Text, Field(max_length=1000)]


class Signup(Body):
    email: Email
    password: Password = Field(description="At least 10 characters")
    name: Annotated[Line, Field(max_length=200)]


class Login(Body):
    email: Email
    password: Password


class Account(BaseModel):
    id: int
    email: str
    name: str


class SignedIn(Account):
    csrf_token: str = Field(description="Send as `X-CSRF-Token` on posts that are not JSON")


class SignedOut(BaseModel):
    signed_out: bool


class ShareRequest(Body):
    email: Email
    role: Literal["edit", "comment", "view"]


class ShareCreated(BaseModel):
    """A share with an account (`user_id`), or, for an address without one, an invitation:
    `invitation` is its link (once: only a hash of it is kept), mailed too when Wave sends mail."""

    design_id: int
    user_id: int | None = None
    role: str
    email: str | None = Field(default=None, description="The address invited")
    invitation: str | None = Field(default=None, description="The invitation's link")


class Forgot(Body):
    email: Email


class PasswordReset(Body):
    token: Annotated[Line, Field(max_length=200, description="The last path segment of the link")]
    password: Password = Field(description="The new password; at least 10 characters")


class InvitationAccepted(BaseModel):
    design_id: int
    role: str = Field(description="The role the caller now has on the design")


class DesignUpdate(Design):
    """What `GET /api/designs/{id}` answered, edited: `version` is the one the edit was
    based on; `id` may stay in."""

    id: int | None = None
    version: int = Field(ge=0, le=2_147_483_647)


class StoredDesign(Design):
    """A design as `wave.design/v1`, with its id and the version it is at."""

    id: int
    version: int


class Saved(BaseModel):
    id: int
    version: int


class DesignListItem(BaseModel):
    id: int
    title: str
    template: str
    version: int
    example: str | None = Field(description="The worked example it was seeded from, if any")
    review_status: str
    owned: bool
    updated_at: datetime


class FindingOut(BaseModel):
    rule: str
    severity: Literal["warning", "advice"]
    tip: int | None
    misconception: str | None = Field(
        description="The misconception the rule detects (a conversation card id), if any"
    )
    activities: list[str]
    message: str
    detail: dict[str, Any]
    title: str


class BaselineDeltaOut(BaseModel):
    added: list[str]
    removed: list[str]
    changed: list[str]
    moved: list[str]
    minutes_delta: int
    online_share_delta: float
    interactive_minutes_delta: int


class ProfileOut(BaseModel):
    total_minutes: int
    online_minutes: int
    online_share: float
    category: str
    sync_share: float
    by_learning_type: dict[str, int]
    by_interaction: dict[str, int]
    by_environment: dict[str, int]
    by_phase: dict[str, int]
    by_week: dict[str, int] = Field(description="Study minutes per course week (phases with a `week`).")
    baseline: BaselineDeltaOut | None


class ReportOut(BaseModel):
    """The rule engine's findings and the design's profile (as `wave check --json`)."""

    findings: list[FindingOut]
    profile: ProfileOut
