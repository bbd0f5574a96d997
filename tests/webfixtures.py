"""Fixtures for the app: a test database, an in-process client, a live server and a browser.

The database is a fresh SQLite file per session, or the PostgreSQL named by
WAVE_TEST_DATABASE_URL (its public schema is emptied first). One server process
and one browser per session; every test makes its own designs.
"""

import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

_TMP = Path(tempfile.mkdtemp(prefix="wave-test-"))
TEST_DATABASE_URL = os.environ.get("WAVE_TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'wave.db'}"
os.environ["WAVE_DATABASE_URL"] = TEST_DATABASE_URL
os.environ.setdefault("WAVE_ENVIRONMENT", "development")

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _reset_database(url: str) -> None:
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(database_url):
    """A real `wave serve` process on a free port, for the browser tests."""
    port = _free_port()
    env = {**os.environ, "WAVE_DATABASE_URL": database_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "wave.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("wave serve did not start: " + proc.stdout.read().decode()[-2000:])
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        yield b
        b.close()


@pytest.fixture
def teacher(live_server):
    """A signed-in teacher on the live server: an httpx client that talks to the API as them."""
    with httpx.Client(base_url=live_server, timeout=30) as http:
        yield sign_up_and_in(http, name="Docent Test")


def browser_context(browser, live_server, person):
    """A browser context signed in as `person` (their session cookie)."""
    context = browser.new_context(viewport={"width": 1600, "height": 950}, locale="nl-NL",
                                  base_url=live_server)
    context.add_cookies([{"name": "wave_session", "value": person.cookies["wave_session"],
                          "url": live_server}])
    return context


@pytest.fixture
def page(browser, live_server, teacher):
    context = browser_context(browser, live_server, teacher)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def new_design(http, template: str = "linear", title: str = "Testontwerp", **extra) -> int:
    """Create a design through the API (as the signed-in `http` client), from a template."""
    from wave.design_templates import get_templates

    design = get_templates()[template].new_design(title=title, language="nl").to_json()
    design.update(extra)
    r = http.post("/api/designs", json=design)
    assert r.status_code == 201, r.text
    return r.json()["id"]
