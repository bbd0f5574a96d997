"""Exports within a budget (SPEC §11): each PDF is rendered in a process of its own,
which is killed when it runs past its time or when the person asking has gone; at
most a few at once per server process, and one at a time per person.

    job = start_pdf(design_json, comments, owner, rules)     # returns at once
    pdf = job.result(timeout=0.5)                            # None while still working
    job.cancel()                                             # kills the renderer

The renderer process is forked from a fork server that has imported WeasyPrint
once (so an export does not pay for the import), never from the server's own
threads; its memory goes back to the system when it ends.
"""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import dataclass, field
from typing import Any

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["wave.export.pdf", "wave.export.programme_pdf", "wave.catalogue"])


class ExportRefused(Exception):
    """Too many exports at once (for this person, or for the server)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class ExportFailed(Exception):
    """The renderer ran out of time, was cancelled, or broke."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _render(
    conn,
    design: dict[str, Any],
    comments: list[dict[str, Any]],
    owner: str | None,
    rules: str,
    lang: str | None = None,
    review_status: str | None = None,
) -> None:
    """In the renderer process: the PDF's bytes, or the error's text, through `conn`."""
    try:
        from types import SimpleNamespace

        from wave.catalogue import get_catalogue
        from wave.engine import EngineConfig
        from wave.export.pdf import render_pdf
        from wave.format import Design

        notes = [SimpleNamespace(**c) for c in comments]
        pdf = render_pdf(
            Design.model_validate(design),
            get_catalogue(),
            owner=owner,
            comments=notes,
            config=EngineConfig.from_string(rules),
            lang=lang,
            review_status=review_status,
        )
        conn.send_bytes(pdf)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send_bytes(b"ERROR:" + repr(exc).encode()[:2000])
    finally:
        conn.close()


@dataclass
class _Running:
    people: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


_running = _Running()


@dataclass
class Job:
    person: int
    process: Any
    conn: Any
    done: bool = False

    def result(self, timeout: float) -> bytes | None:
        """The PDF when it is ready within `timeout` seconds, else None."""
        if not self.conn.poll(timeout):
            if not self.process.is_alive():
                self._end()
                raise ExportFailed("the renderer stopped without an answer")
            return None
        data = self.conn.recv_bytes()
        self._end()
        if data.startswith(b"ERROR:"):
            raise ExportFailed(data[6:].decode(errors="replace"))
        return data

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self._end()

    def _end(self) -> None:
        if self.done:
            return
        self.done = True
        self.process.join(timeout=5)
        self.conn.close()
        with _running.lock:
            _running.people.discard(self.person)


def start_pdf(
    *,
    person: int,
    design: dict[str, Any],
    comments: list[dict[str, Any]],
    owner: str | None,
    rules: str,
    at_once: int,
    lang: str | None = None,
    review_status: str | None = None,
) -> Job:
    """Start rendering, or `ExportRefused` when `person` has an export running or the
    server runs `at_once` already. `lang`: the reader's language (default: the
    design's); `review_status`: the review status's label, for the title page."""
    return _start(person, at_once, _render, (design, comments, owner, rules, lang, review_status))


def _render_programme(
    conn,
    programme: dict[str, Any],
    designs: dict[str, dict[str, Any]],
    owner: str | None,
    rules: str,
    lang: str,
) -> None:
    """In the renderer process: a programme's PDF (`wave.export.programme_pdf`)."""
    try:
        from wave.catalogue import get_catalogue
        from wave.engine import EngineConfig
        from wave.export.programme_pdf import render_programme_pdf
        from wave.format import Design
        from wave.programme_format import Programme

        pdf = render_programme_pdf(
            Programme.model_validate(programme),
            {key: Design.model_validate(doc) for key, doc in designs.items()},
            get_catalogue(),
            lang=lang,
            owner=owner,
            config=EngineConfig.from_string(rules),
        )
        conn.send_bytes(pdf)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send_bytes(b"ERROR:" + repr(exc).encode()[:2000])
    finally:
        conn.close()


def start_programme_pdf(
    *,
    person: int,
    programme: dict[str, Any],
    designs: dict[str, dict[str, Any]],
    owner: str | None,
    rules: str,
    at_once: int,
    lang: str,
) -> Job:
    """As `start_pdf`, for a programme and its courses' designs (by the programme's key)."""
    return _start(person, at_once, _render_programme, (programme, designs, owner, rules, lang))


def _start(person: int, at_once: int, target: Any, args: tuple[Any, ...]) -> Job:
    with _running.lock:
        if person in _running.people:
            raise ExportRefused("yours")
        if len(_running.people) >= at_once:
            raise ExportRefused("busy")
        _running.people.add(person)
    try:
        parent, child = _context.Pipe(duplex=False)
        process = _context.Process(target=target, args=(child, *args), daemon=True)
        process.start()
        child.close()
    except BaseException:
        with _running.lock:
            _running.people.discard(person)
        raise
    return Job(person=person, process=process, conn=parent)
