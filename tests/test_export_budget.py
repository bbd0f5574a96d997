"""PDF exports within a budget (SPEC §11): rendered in a process of their own, one at a
time per person, a few per server process, stopped past their time or when the person
has gone."""

import time

import httpx
import pytest
from pypdf import PdfReader
from test_pdf import generated_design
from webfixtures import new_design

from wave.export import budget
from wave.settings import get_settings


def design_json(count: int) -> dict:
    from wave.catalogue import get_catalogue
    from wave.format import parse_design

    return parse_design(generated_design(count), get_catalogue()).model_dump(by_alias=True)


def test_a_pdf_comes_from_its_own_process(client):
    import io

    design_id = new_design(client, title="Budget")
    r = client.get(f"/api/designs/{design_id}/export.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert "Budget" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert budget._running.people == set()  # the person's slot is free again


def test_cancel_kills_the_renderer_and_frees_the_slot():
    job = budget.start_pdf(person=-1, design=design_json(1000), comments=[], owner=None, rules="", at_once=2)
    assert job.result(timeout=0.01) is None  # a thousand activities: still working
    job.cancel()
    assert not job.process.is_alive()
    assert -1 not in budget._running.people


def test_one_export_at_a_time_per_person(client):
    design_id = new_design(client)
    job = budget.start_pdf(
        person=client.user_id, design=design_json(1000), comments=[], owner=None, rules="", at_once=2
    )
    try:
        r = client.get(f"/api/designs/{design_id}/export.pdf", headers={"Accept-Language": "en"})
        assert r.status_code == 429 and "running already" in r.json()["detail"]
        assert r.headers["retry-after"]
    finally:
        job.cancel()
    assert client.get(f"/api/designs/{design_id}/export.pdf").status_code == 200


def test_the_server_refuses_more_than_it_may_render_at_once(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "export_at_once", 1)
    design_id = new_design(client)
    job = budget.start_pdf(person=-2, design=design_json(1000), comments=[], owner=None, rules="", at_once=1)
    try:
        r = client.get(f"/api/designs/{design_id}/export.pdf")
        assert r.status_code == 503 and r.json()["detail"]
    finally:
        job.cancel()


def test_an_export_past_its_time_is_stopped(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "export_seconds", 1)
    r = client.post("/api/designs", json=generated_design(1000))
    assert r.status_code == 201, r.text
    r = client.get(f"/api/designs/{r.json()['id']}/export.pdf", headers={"Accept-Language": "en"})
    assert r.status_code == 503 and "more than 1 seconds" in r.json()["detail"]
    assert budget._running.people == set()


def test_a_client_that_goes_away_stops_its_export(live_server, teacher):
    r = teacher.post("/api/designs", json=generated_design(1000))
    design_id = r.json()["id"]
    url = f"{live_server}/api/designs/{design_id}/export.pdf"
    cookies = {"wave_session": teacher.cookies["wave_session"]}
    with pytest.raises(httpx.ReadTimeout):  # gives up long before a thousand rows are laid out
        httpx.get(url, cookies=cookies, timeout=httpx.Timeout(30, read=1.5))
    small = new_design(teacher)
    # the slot frees once the server sees the client gone and kills the renderer (the
    # thousand-row PDF alone would take some twenty seconds); a safety bound, not a figure
    deadline = time.monotonic() + 300
    while (status := teacher.get(f"/api/designs/{small}/export.pdf").status_code) == 429:
        assert time.monotonic() < deadline, "the abandoned export still holds the slot"
        time.sleep(0.1)
    assert status == 200


def test_the_renderer_is_killed_when_the_client_has_gone(app, client, monkeypatch):
    """The route itself, called as the server calls it, by a client that has gone before
    the first look: it answers 499 and the renderer was killed (SIGKILL), not left to
    finish a PDF of a thousand activities nobody waits for."""
    import signal
    from concurrent.futures import ThreadPoolExecutor

    import anyio

    from wave.web.routes import api_designs

    r = client.post("/api/designs", json=generated_design(1000))
    assert r.status_code == 201, r.text
    jobs = []

    def recorded(**kwargs):
        jobs.append(budget.start_pdf(**kwargs))
        return jobs[-1]

    monkeypatch.setattr(api_designs, "start_pdf", recorded)
    path = f"/api/designs/{r.json()['id']}/export.pdf"
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"testserver"),
            (b"cookie", f"wave_session={client.cookies['wave_session']}".encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent = []

    async def receive():
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    # in a thread of its own: a browser test before it in this worker leaves Playwright's
    # event loop running in the main thread
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, app, scope, receive, send).result()
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 499
    assert len(jobs) == 1 and jobs[0].process.exitcode == -signal.SIGKILL
    assert budget._running.people == set()
