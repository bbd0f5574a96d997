"""Waiting for an export rendered within the budget (`wave.export.budget`), on the event
loop: the answer when it is ready, 499 when the person has gone (the renderer is
killed), 503 past the time; a refusal to start is 429 (theirs is running) or 503."""

import asyncio
from collections.abc import Callable

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from wave.export.budget import ExportFailed, ExportRefused, Job
from wave.i18n import N_, translate
from wave.settings import get_settings

EXPORT_REFUSED = {
    "yours": N_("An export of yours is running already; wait until it is done."),
    "busy": N_("Too many exports are running; try again in half a minute."),
    "time": N_(
        "This PDF takes more than %(seconds)s seconds; make the design smaller or ask your "
        "administrator for more time (WAVE_EXPORT_SECONDS)."
    ),
}


async def pdf_answer(request: Request, start: Callable[[], Job], lang: str, filename: str) -> Response:
    settings = get_settings()
    try:
        job = start()
    except ExportRefused as refused:
        status = 429 if refused.reason == "yours" else 503
        return JSONResponse(
            status_code=status,
            headers={"Retry-After": "30"},
            content={"detail": translate(lang, EXPORT_REFUSED[refused.reason])},
        )
    loop_time = asyncio.get_running_loop().time
    deadline = loop_time() + settings.export_seconds
    try:
        while (pdf := await run_in_threadpool(job.result, 0.25)) is None:
            if await request.is_disconnected():
                job.cancel()  # nobody is waiting for it any more
                return Response(status_code=499)
            if loop_time() > deadline:
                job.cancel()
                text = translate(lang, EXPORT_REFUSED["time"], seconds=settings.export_seconds)
                return JSONResponse(status_code=503, content={"detail": text})
    except ExportFailed as failed:
        raise RuntimeError(f"the PDF renderer failed: {failed.reason}") from None
    finally:
        job.cancel()
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
