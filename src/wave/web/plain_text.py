"""Text is text: a form field or query parameter holding a control character (NUL and
the like) is refused with a 422 naming it, before any route or the database sees it.
JSON bodies are checked by their models (`format.Line`, `format.Text`)."""

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from wave.format import CONTROL, CONTROL_MESSAGE, DesignInvalid, Problem
from wave.i18n import N_
from wave.web.api_models import BodyRefused

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _refuse(name: str) -> DesignInvalid:
    return DesignInvalid([Problem(name, CONTROL_MESSAGE)])


async def plain_text_only(request: Request) -> None:
    for name, value in request.query_params.multi_items():
        if CONTROL.search(name) or CONTROL.search(value):
            raise _refuse(name)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method in ("GET", "HEAD") or kind not in FORM_TYPES:
        return
    try:
        form = await request.form()
    except (HTTPException, MultiPartException, ValueError):  # a malformed form
        raise BodyRefused(
            400,
            Problem("(body)", N_("cannot be read as a form")),
        ) from None
    for name, value in form.multi_items():
        if CONTROL.search(name) or (not isinstance(value, UploadFile) and CONTROL.search(value)):
            raise _refuse(name)
