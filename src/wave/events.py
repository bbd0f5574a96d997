"""Live events of designs (SPEC §10): a design changed (`changed`: version, by whom, the
summary), who has it open (`presence`).

- `announce(session, design_id, event)` is called inside the transaction that made the
  change. On PostgreSQL it is a `NOTIFY`, which PostgreSQL delivers to every process's
  listener when the transaction commits and drops when it rolls back. On SQLite (one
  process) the event waits in the session and goes to this process's subscribers when
  the session commits.
- `hub` holds this process's subscribers: one queue per open event stream.
- `start_listener(url)` starts, on PostgreSQL, the thread that `LISTEN`s and hands each
  notification to the hub; it stops with the app.

No design state lives in a process: an event only says that something happened, and a
client that missed one catches up from the version it has.
"""

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

import psycopg
from sqlalchemy import event as orm_event
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

CHANNEL = "wave_events"
QUEUE_SIZE = 200  # events a slow stream may fall behind before it misses some
_PENDING = "wave_events"


class Hub:
    """This process's event streams, per design. `dispatch` may be called from any
    thread; each stream's queue lives on the event loop."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queues: dict[int, set[asyncio.Queue]] = {}
        self._lock = threading.Lock()

    def subscribe(self, design_id: int) -> asyncio.Queue:
        self._loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)
        with self._lock:
            self._queues.setdefault(design_id, set()).add(queue)
        return queue

    def unsubscribe(self, design_id: int, queue: asyncio.Queue) -> None:
        with self._lock:
            queues = self._queues.get(design_id, set())
            queues.discard(queue)
            if not queues:
                self._queues.pop(design_id, None)

    def dispatch(self, design_id: int, event: dict[str, Any]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with self._lock:
            queues = list(self._queues.get(design_id, ()))
        for queue in queues:
            loop.call_soon_threadsafe(_offer, queue, event)


def _offer(queue: asyncio.Queue, event: dict[str, Any]) -> None:
    try:
        queue.put_nowait(event)
    except asyncio.QueueFull:  # a stream that stopped reading: it catches up by version
        pass


hub = Hub()


def announce(session: Session, design_id: int, event: dict[str, Any]) -> None:
    """Tell everyone with `design_id` open, once this session's transaction commits."""
    if session.get_bind().dialect.name == "postgresql":
        payload = json.dumps({"design": design_id, "event": event}, ensure_ascii=False)
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
        )
    else:
        session.info.setdefault(_PENDING, []).append((design_id, event))


@orm_event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    for design_id, event in session.info.pop(_PENDING, []):
        hub.dispatch(design_id, event)


@orm_event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def start_listener(database_url: str) -> Callable[[], None]:
    """On PostgreSQL: a thread that LISTENs on the channel (reconnecting when the
    connection drops) and dispatches what arrives. Returns the function that stops it.
    On SQLite there is nothing to listen to."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        return lambda: None
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    stop = threading.Event()
    ready = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    ready.set()
                    while not stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            message = json.loads(note.payload)
                            hub.dispatch(int(message["design"]), message["event"])
            except (psycopg.Error, ValueError, KeyError):
                stop.wait(0.5)  # the database went away: listen again when it is back

    thread = threading.Thread(target=run, name="wave-listen", daemon=True)
    thread.start()
    ready.wait(timeout=10)

    def stopper() -> None:
        stop.set()
        thread.join(timeout=5)

    return stopper
