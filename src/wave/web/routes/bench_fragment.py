"""`GET /_bench/fragment?size=N`, in an app started with `WAVE_BENCH=1` only (`wave bench`
starts its server so): N bytes of text/html and nothing else, the baseline an edit
round trip is compared with. `wave.bench` requests it by `FRAGMENT_PATH`."""

import os

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

BENCH_ENV = "WAVE_BENCH"
FRAGMENT_PATH = "/_bench/fragment"
MAX_FRAGMENT = 20_000_000

router = APIRouter(tags=["bench"], include_in_schema=False)


def bench_enabled() -> bool:
    return os.environ.get(BENCH_ENV) == "1"


@router.get(FRAGMENT_PATH, response_class=HTMLResponse)
async def fragment(size: int = Query(0, ge=0, le=MAX_FRAGMENT)) -> HTMLResponse:
    return HTMLResponse("x" * size)
