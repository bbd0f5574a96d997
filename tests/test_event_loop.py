"""Nothing blocks the event loop (SPEC §11): route handlers are plain functions (run in
the thread pool); only dependencies that read the request are `async`. And under a
flood of wrong sign-ins, the server keeps answering others."""

import inspect
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import delete
from sqlmodel import Session
from webfixtures import PASSWORD, unique_email

from wave.db import get_engine
from wave.models import LoginAttempt

# async, and doing nothing but read the request (or nothing at all)
ASYNC_ALLOWED = {
    "_form",
    "_json_value",
    "dependency",
    "check_csrf",
    "plain_text_only",
    "export_pdf",  # only waits for its renderer process (export/budget.py)
    "fragment",
    "_lang",  # request.state.lang
    "_catalogue",  # loaded at start-up
    "_reader_lang",  # ?lang= or request.state.lang
    "require_caller",  # is there a caller (looked up by optional_caller, in the pool)
    "events",  # an event stream: waits for its queue; joining and leaving run in the pool
}


def _dependencies(dependant):
    for sub in dependant.dependencies:
        yield sub.call
        yield from _dependencies(sub)


def api_routes(routes):
    """Every APIRoute, also inside included routers (FastAPI keeps them wrapped)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from api_routes(route.original_router.routes)


def test_handlers_are_plain_functions_and_async_dependencies_only_read(app):
    routes = list(api_routes(app.routes))
    assert len(routes) > 30
    async_handlers = [
        r.path
        for r in routes
        if inspect.iscoroutinefunction(r.endpoint) and r.endpoint.__name__ not in ASYNC_ALLOWED
    ]
    assert not async_handlers, f"async handlers do their work on the event loop: {async_handlers}"
    async_deps = {
        call.__qualname__
        for r in routes
        for call in _dependencies(r.dependant)
        if inspect.iscoroutinefunction(call) and call.__name__ not in ASYNC_ALLOWED
    }
    assert not async_deps, async_deps


@pytest.fixture
def forget_failed_sign_ins():
    """The flood's failures all come from 127.0.0.1, the live server's one client: forget
    them afterwards, so the sign-in limits per address leave later tests their room."""
    yield
    with Session(get_engine()) as session:
        session.execute(delete(LoginAttempt).where(LoginAttempt.address == "127.0.0.1"))
        session.commit()


def test_fifty_wrong_sign_ins_do_not_stop_the_server_answering(live_server, forget_failed_sign_ins):
    email = unique_email("belegerd")
    with httpx.Client(base_url=live_server, timeout=120) as http:
        assert (
            http.post(
                "/api/auth/signup", json={"email": email, "password": PASSWORD, "name": "Belegerd"}
            ).status_code
            == 201
        )
    start = threading.Barrier(51)

    def wrong(i: int) -> int:
        with httpx.Client(base_url=live_server, timeout=120) as http:
            start.wait()
            status = http.post(
                "/api/auth/login", json={"email": email, "password": f"fout-wachtwoord-{i}"}
            ).status_code
            return status

    with ThreadPoolExecutor(51) as pool:
        attempts = [pool.submit(wrong, i) for i in range(50)]
        start.wait()
        with httpx.Client(base_url=live_server, timeout=120) as http:
            health = http.get("/healthz").status_code
        statuses = [a.result() for a in attempts]
    assert health == 200
    assert set(statuses) <= {401, 429}, statuses


def test_fifty_wrong_sign_ins_over_many_accounts_leave_pages_answering(
    live_server, teacher, forget_failed_sign_ins
):
    emails = []
    with httpx.Client(base_url=live_server, timeout=120) as http:
        for k in range(5):
            emails.append(unique_email(f"gespreid{k}-"))
            body = {"email": emails[-1], "password": PASSWORD, "name": "Gespreid"}
            assert http.post("/api/auth/signup", json=body).status_code == 201
    start = threading.Barrier(51)

    def wrong(i: int) -> int:
        with httpx.Client(base_url=live_server, timeout=120) as http:
            start.wait()
            body = {"email": emails[i % len(emails)], "password": f"fout-wachtwoord-{i}"}
            status = http.post("/api/auth/login", json=body).status_code
            return status

    with ThreadPoolExecutor(51) as pool:
        attempts = [pool.submit(wrong, i) for i in range(50)]
        start.wait()
        health = teacher.get("/healthz").status_code
        page = teacher.get("/").status_code  # a signed-in page, during the flood
        statuses = [a.result() for a in attempts]
    assert page == 200 and health == 200
    assert set(statuses) <= {401, 429} and 429 in statuses, statuses


def test_an_edit_on_a_design_at_the_size_limit_leaves_other_people_served(live_server, teacher):
    """The edit's validation, critic and rendering run in a worker thread: another
    person's page and /healthz are answered while it works."""
    from test_pdf import generated_design

    big = generated_design(2000, phases=40)
    r = teacher.post("/api/designs", json=big)
    assert r.status_code == 201, r.text
    design_id, version = r.json()["id"], r.json()["version"]
    other = httpx.Client(base_url=live_server, timeout=120)
    from webfixtures import sign_up_and_in

    sign_up_and_in(other, name="Ander")
    with ThreadPoolExecutor(1) as pool:
        edit = pool.submit(
            teacher.post,
            f"/designs/{design_id}/edit/phase-add",
            data={"version": version, "title": "Nog een week"},
            headers={"HX-Request": "true"},
        )
        assert other.get("/").status_code == 200
        assert other.get("/healthz").status_code == 200
        assert edit.result().status_code == 200
    other.close()
    assert teacher.get(f"/api/designs/{design_id}").json()["version"] == version + 1
