"""Several `wave serve` processes behind one PostgreSQL behave as one (SPEC §10): an edit
saved through one process reaches an event stream opened on another (LISTEN/NOTIFY).
SQLite is one process (its events stay in it: tests/test_live_browser.py); this test
runs in the PostgreSQL run of the README's test command."""

import json
import queue
import threading

import httpx
import pytest
from webfixtures import REQUEST_S, new_design, wave_serve


def _read_events(http: httpx.Client, url: str, found: queue.Queue, stop: threading.Event) -> None:
    try:
        _read(http, url, found, stop)
    except httpx.HTTPError:  # the second server stopped at the end of the test
        pass


def _read(http: httpx.Client, url: str, found: queue.Queue, stop: threading.Event) -> None:
    with http.stream("GET", url, timeout=httpx.Timeout(REQUEST_S, read=None)) as answer:
        found.put(("status", answer.status_code))
        kind = None
        for line in answer.iter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: ") and kind:
                found.put((kind, json.loads(line.removeprefix("data: "))))
            if stop.is_set():
                return


def _next(found: queue.Queue, kind: str, check=lambda data: True) -> dict:
    while True:
        got, data = found.get(timeout=REQUEST_S)
        if got == kind and check(data):
            return data


def test_an_edit_through_one_process_reaches_a_stream_on_another(
    database_url, live_server, teacher, tmp_path
):
    if not database_url.startswith("postgresql"):
        pytest.skip("several processes need PostgreSQL; the README's test command runs this on it")
    design_id = new_design(teacher, "linear", title="Twee processen")
    with wave_serve(database_url, tmp_path / "second.log") as second:
        with httpx.Client(base_url=second, cookies=teacher.cookies, timeout=REQUEST_S) as other:
            found: queue.Queue = queue.Queue()
            stop = threading.Event()
            reader = threading.Thread(
                target=_read_events,
                args=(other, f"/designs/{design_id}/events?client=second-process-tab", found, stop),
                daemon=True,
            )
            reader.start()
            assert _next(found, "status") == 200
            # the stream has joined: its own presence came back through PostgreSQL
            people = _next(found, "presence")["people"]
            assert [p["client"] for p in people] == ["second-process-tab"]

            r = teacher.post(
                f"/designs/{design_id}/edit/goal-add", data={"version": 1, "text": "Een leerdoel van ver"}
            )
            assert r.status_code == 200, r.text
            changed = _next(found, "changed")
            assert changed["version"] == 2
            assert changed["by"] == teacher.user_id and changed["name"] == "Docent Test"
            assert changed["summary"] == "Leerdoel toegevoegd."  # in the stream's language
            stop.set()
