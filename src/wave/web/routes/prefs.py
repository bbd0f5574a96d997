"""The signed-in person's UI preferences as JSON (`/api/prefs`): collapsed panels, zoom.

Writes are JSON (no CSRF token needed; see `check_csrf`). A body with an unknown
key, a value of the wrong type or out of range is refused whole (422, naming the
field, with the format's messages) and nothing is stored.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from wave.prefs import PrefsUpdate, prefs_of, update_prefs
from wave.web.api_models import body_doc, body_of, errors
from wave.web.auth import CallerDep, check_csrf
from wave.web.deps import SessionDep

router = APIRouter(prefix="/api/prefs", tags=["preferences"], dependencies=[Depends(check_csrf)])


class Prefs(BaseModel):
    """The stored preferences; a key never set is absent."""

    catalogue_collapsed: bool | None = None
    critic_collapsed: bool | None = None
    zoom: float | None = None


@router.get(
    "",
    summary="Your UI preferences (collapsed panels, zoom)",
    response_model=Prefs,
    response_model_exclude_unset=True,
    responses=errors(401),
)
def get_prefs(caller: CallerDep) -> dict[str, Any]:
    return prefs_of(caller.user)


@router.put(
    "",
    summary="Change some of your UI preferences; the keys sent are merged in",
    response_model=Prefs,
    responses=errors(401, 413, 415, 422),
    openapi_extra=body_doc(PrefsUpdate),
)
def put_prefs(
    changes: Annotated[PrefsUpdate, body_of(PrefsUpdate)], session: SessionDep, caller: CallerDep
) -> Response:
    return JSONResponse(update_prefs(session=session, user=caller.user, changes=changes))
