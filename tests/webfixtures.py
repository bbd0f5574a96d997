"""Fixtures for the app: a test database, an in-process client, a live server and a browser.

The database is a fresh SQLite file per session, or the PostgreSQL named by
WAVE_TEST_DATABASE_URL (its public schema is emptied first). One server process
and one browser per session; every test makes its own designs.

Under `pytest -n N` (pytest-xdist) every worker is a process with a session of its
own: its own temp directory (so its own SQLite file), its own PostgreSQL database,
server on a port reserved for it, and browser. Waits end when their condition holds;
the bounds below only keep a broken run from hanging CI, they are not speed tests.
"""

import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

STARTUP_S = 600  # the live server's start-up, until /healthz answers (or the process ends)
REQUEST_S = 120  # one HTTP request of a test's client
PROCESS_S = 600  # one CLI process a test runs (`wave check`, `wave export`)
BROWSER_MS = 30_000  # one Playwright expect(...), as long as Playwright waits for an action

_TMP = Path(tempfile.mkdtemp(prefix="wave-test-"))  # per process, so per xdist worker
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... under `pytest -n`


def _test_database_url() -> str:
    url = os.environ.get("WAVE_TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{_TMP / 'wave.db'}"
    if WORKER and url.startswith("postgresql"):
        # Workers must not share a schema: one would drop or migrate the tables the
        # other is using. Each gets a database of its own beside the given one
        # (test -> test_gw0), made afresh through the given one (_reset_database).
        # Simpler than a schema per worker (no search_path to carry into the server
        # process and into Alembic) and no lock to wait on.
        from sqlalchemy.engine import make_url

        given = make_url(url)
        return given.set(database=f"{given.database}_{WORKER}").render_as_string(hide_password=False)
    return url


TEST_DATABASE_URL = _test_database_url()
os.environ["WAVE_DATABASE_URL"] = TEST_DATABASE_URL
os.environ.setdefault("WAVE_ENVIRONMENT", "development")

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _reset_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return  # a new SQLite file
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    if WORKER:  # this worker's own database, dropped (with any leftover sessions) and made anew
        name = make_url(url).database
        engine = create_engine(os.environ["WAVE_TEST_DATABASE_URL"], isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    else:
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url() -> str:
    from wave.db import migrate
    from wave.seeding import seed_examples

    _reset_database(TEST_DATABASE_URL)
    migrate(TEST_DATABASE_URL)
    seed_examples()
    return TEST_DATABASE_URL


@pytest.fixture(scope="session")
def app(database_url):
    from wave.web.app import create_app

    return create_app()


_counter = itertools.count()
PASSWORD = "Golfslag-2026"


def unique_email(prefix: str = "docent") -> str:
    return f"{prefix}{next(_counter)}-{os.getpid()}-{time.time_ns()}@school.example"


def sign_up_and_in(client, name: str = "Docent", email: str | None = None):
    """Create an account and sign the client in; form posts get the CSRF header."""
    email = email or unique_email()
    r = client.post("/api/auth/signup", json={"email": email, "password": PASSWORD, "name": name})
    assert r.status_code == 201, r.text
    r = client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    client.headers["X-CSRF-Token"] = r.json()["csrf_token"]
    client.email, client.user_id = email, r.json()["id"]
    return client


@pytest.fixture
def anon_client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def client(app):
    """A signed-in teacher (a new account per test)."""
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield sign_up_and_in(c)


@pytest.fixture
def other_client(app):
    """A second signed-in person, e.g. the coach."""
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield sign_up_and_in(c, name="Coach")


@contextmanager
def _reserved_port() -> Iterator[int]:
    """A free port of 127.0.0.1, held until the block ends: bound with SO_REUSEADDR and
    not listening, so the kernel gives it to no one else (not to the other worker's
    server either) while our server, which binds with SO_REUSEADDR too, starts on it."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", 0))
        yield s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_until_ready(proc: subprocess.Popen, url: str, log: Path) -> None:
    """Until /healthz answers 200; fails with the server's output if it stops first."""
    given_up = time.monotonic() + STARTUP_S
    last = "no answer yet"
    while proc.poll() is None:
        try:
            r = httpx.get(url + "/healthz", timeout=REQUEST_S)
            if r.status_code == 200:
                return
            last = f"HTTP {r.status_code}"
        except httpx.HTTPError as exc:
            last = repr(exc)
        if time.monotonic() > given_up:
            pytest.fail(
                f"wave serve is running but /healthz did not answer 200 in {STARTUP_S} s "
                f"({last}); its output:\n{log.read_text(errors='replace')[-3000:]}",
                pytrace=False,
            )
        time.sleep(0.1)
    pytest.fail(
        f"wave serve stopped (exit code {proc.returncode}) before /healthz answered; "
        f"its output:\n{log.read_text(errors='replace')[-3000:]}",
        pytrace=False,
    )


@contextmanager
def wave_serve(database_url: str, log: Path) -> Iterator[str]:
    """A real `wave serve` process on `database_url`, on a port reserved for it, until the
    block ends; yields its base URL once /healthz answers 200. Its output goes to `log`, a
    file rather than a pipe nobody reads, which once full would stall the server."""
    env = {**os.environ, "WAVE_DATABASE_URL": database_url}
    with open(log, "wb") as out, _reserved_port() as port:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wave.cli", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(proc, url, log)
        except BaseException:
            _stop(proc)
            raise
    try:
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def live_server(database_url, tmp_path_factory):
    """The server the browser tests drive, one per session (so one per xdist worker)."""
    with wave_serve(database_url, tmp_path_factory.mktemp("live-server") / "wave-serve.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_MS)  # 5 s by default: too short on a busy machine
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def teacher(live_server):
    """A signed-in teacher on the live server: an httpx client that talks to the API as them."""
    with httpx.Client(base_url=live_server, timeout=REQUEST_S) as http:
        yield sign_up_and_in(http, name="Docent Test")


def browser_context(browser, live_server, person):
    """A browser context signed in as `person` (their session cookie)."""
    context = browser.new_context(
        viewport={"width": 1600, "height": 950}, locale="nl-NL", base_url=live_server
    )
    context.add_cookies(
        [{"name": "wave_session", "value": person.cookies["wave_session"], "url": live_server}]
    )
    return context


@contextmanager
def watched_page(browser, live_server, person, whose: str = "the page"):
    """A page signed in as `person`; fails the test when a script error happened on it."""
    context = browser_context(browser, live_server, person)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on {whose}: {errors}"


@pytest.fixture
def page(browser, live_server, teacher):
    with watched_page(browser, live_server, teacher) as pg:
        yield pg


def new_design(http, template: str = "linear", title: str = "Testontwerp", **extra) -> int:
    """Create a design through the API (as the signed-in `http` client), from a template."""
    from wave.design_templates import get_templates

    design = get_templates()[template].new_design(title=title, language="nl").to_json()
    design.update(extra)
    r = http.post("/api/designs", json=design)
    assert r.status_code == 201, r.text
    return r.json()["id"]
