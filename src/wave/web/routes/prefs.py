"""The signed-in person's UI preferences as JSON (`/api/prefs`): collapsed panels, zoom.

Writes are JSON (no CSRF token needed; see `check_csrf`). A body with an unknown
key, a value of the wrong type or out of range is refused whole (422, naming the
field) and nothing is stored.
"""

import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from wave.prefs import PrefsUpdate, prefs_of, update_prefs
from wave.web.auth import CallerDep, check_csrf
from wave.web.deps import LangDep, SessionDep

router = APIRouter(prefix="/api/prefs", tags=["preferences"], dependencies=[Depends(check_csrf)])

MAX_BODY = 10_000
NOT_AN_OBJECT = {"nl": "moet een JSON-object zijn", "en": "must be a JSON object"}


def _refused(problems: list[dict[str, str]]) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": problems})


@router.get("", summary="Your UI preferences (collapsed panels, zoom)")
def get_prefs(caller: CallerDep) -> dict[str, Any]:
    return prefs_of(caller.user)


@router.put(
    "",
    summary="Change some of your UI preferences; the keys sent are merged in",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": PrefsUpdate.model_json_schema()}},
        }
    },
)
async def put_prefs(request: Request, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    body = await request.body()
    try:
        if len(body) > MAX_BODY:
            raise ValueError
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError is a ValueError
        return _refused([{"loc": "(body)", "msg": NOT_AN_OBJECT[lang]}])
    if not isinstance(data, dict):
        return _refused([{"loc": "(body)", "msg": NOT_AN_OBJECT[lang]}])
    try:
        changes = PrefsUpdate.model_validate(data)
    except ValidationError as exc:
        return _refused(
            [{"loc": ".".join(str(p) for p in e["loc"]) or "(body)", "msg": e["msg"]} for e in exc.errors()]
        )
    return JSONResponse(update_prefs(session=session, user=caller.user, changes=changes))
