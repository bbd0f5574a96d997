"""Designing together, live (SPEC §10): the design's event stream and presence.

`GET /designs/{id}/events?client=…` is a server-sent event stream for one open canvas
(`client`: the tab's own random id): `changed` (version, by whom, the summary in the
reader's language, and the client it came from) and `presence` (everyone with the design
open, and the card each is editing). While the stream is open the tab counts as
present; it is gone as soon as the stream closes. A stream costs one asyncio task and
its queue, no database connection: it only uses one, briefly, to join, every
`HEARTBEAT_S` to stay fresh, and to leave.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from wave import presence
from wave.db import get_engine
from wave.events import hub
from wave.presence import CLIENT_ID
from wave.summaries import shown
from wave.web.auth import ViewAccess, check_csrf
from wave.web.deps import LangDep, SessionDep

router = APIRouter(prefix="/designs", tags=["canvas"], include_in_schema=False)

HEARTBEAT_S = 10.0
ClientId = Annotated[str, Query(pattern=CLIENT_ID, description="The open canvas's own random id")]


def _with_session(fn, **kwargs: Any) -> Any:
    with Session(get_engine()) as session:
        return fn(session=session, **kwargs)


def _sse(kind: str, data: dict[str, Any]) -> str:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _shown_event(event: dict[str, Any], lang: str) -> str:
    if event["type"] == "changed":
        return _sse(
            "changed",
            {
                "version": event["version"],
                "by": event["by"],
                "name": event["name"],
                "summary": shown(event["summary"], lang) if event["summary"] else "",
                "client": event["client"],
                "at": event.get("at"),
            },
        )
    return _sse("presence", {"people": event["people"]})


@router.get("/{design_id}/events")
async def events(
    access: ViewAccess, request: Request, session: SessionDep, lang: LangDep, client: ClientId
) -> Response:
    """Only waits: the database work of joining, staying and leaving runs in the pool."""
    design_id, user_id = access.record.id, access.caller.user.id
    session.close()  # the stream holds no connection
    queue = hub.subscribe(design_id)
    await run_in_threadpool(_with_session, presence.join, design_id=design_id, user_id=user_id, client=client)

    async def stream() -> AsyncIterator[str]:
        try:
            yield "retry: 2000\n\n"
            while True:
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=HEARTBEAT_S)
                except TimeoutError:
                    await run_in_threadpool(_with_session, presence.touch, client=client)
                    yield ": still here\n\n"
                    continue
                yield _shown_event(event, lang)
        finally:
            hub.unsubscribe(design_id, queue)
            await asyncio.shield(
                run_in_threadpool(_with_session, presence.leave, design_id=design_id, client=client)
            )

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.post("/{design_id}/presence", status_code=204, dependencies=[Depends(check_csrf)])
def editing(
    access: ViewAccess,
    session: SessionDep,
    client: Annotated[str, Form(pattern=CLIENT_ID)],
    card: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Which card this canvas's editor has open (`card`; empty: none)."""
    found = access.design.find(card) if card else None
    presence.editing(
        session=session,
        design_id=access.record.id,
        user_id=access.caller.user.id,
        client=client,
        card=card if found else None,
    )
    return Response(status_code=204)
