"""The headers of SPEC §11 on every page and route, and a strict Content-Security-Policy
that the pages keep to: no console refusals in a real browser, and the layout values
(card columns, phase widths) still applied — from script, not style attributes."""

import pytest
from test_canvas_view_browser import copy_marketing, sized_page
from webfixtures import new_design

from wave.web.app import CSP


def test_the_csp_is_strict():
    rules = dict(part.strip().split(" ", 1) for part in CSP.split(";"))
    assert rules["default-src"] == "'self'" and rules["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert rules["script-src"] == "'self'" and rules["style-src"] == "'self'"


def paths(design_id: int) -> list[tuple[str, str]]:
    return [
        ("GET", "/"),
        ("GET", "/signin"),
        ("GET", "/signup"),
        ("GET", "/rules"),
        ("GET", f"/designs/{design_id}"),
        ("GET", f"/designs/{design_id}/versions"),
        ("GET", f"/designs/{design_id}/versions/compare"),
        ("GET", "/api/designs"),
        ("GET", f"/api/designs/{design_id}"),
        ("GET", f"/designs/{design_id}/wave.svg"),
        ("GET", "/openapi.json"),
        ("GET", "/healthz"),
        ("GET", "/static/wave.css"),
        ("GET", "/designs/999999"),
        ("GET", "/no-such-page"),
        ("POST", "/api/designs"),
        ("POST", f"/designs/{design_id}/edit/phase-add"),
    ]


def test_every_page_and_route_sends_the_headers(client):
    design_id = new_design(client)
    for method, path in paths(design_id):
        r = client.request(method, path, headers={"HX-Request": "true"} if "edit" in path else {})
        assert r.headers.get("content-security-policy") == CSP, (method, path, r.status_code)
        assert r.headers.get("x-content-type-options") == "nosniff", path
        assert r.headers.get("referrer-policy") == "same-origin", path
        assert "strict-transport-security" not in r.headers  # only with WAVE_SECURE_COOKIES


def test_signed_out_answers_carry_them_too(anon_client):
    for path in ("/", "/signin", "/api/designs", "/healthz"):
        r = anon_client.get(path, follow_redirects=False)
        assert r.headers.get("content-security-policy") == CSP, path


def test_no_docs_pages_that_would_load_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/openapi.json").status_code == 200


@pytest.mark.parametrize("where", ["canvas", "compare", "dashboard"])
def test_the_pages_break_no_csp_rule_in_a_browser(browser, live_server, teacher, where):
    design_id = copy_marketing(teacher)
    url = {
        "canvas": f"/designs/{design_id}",
        "dashboard": "/",
        "compare": f"/designs/{design_id}/versions/compare",
    }[where]
    with sized_page(browser, live_server, teacher, (1280, 720)) as page:
        refused: list[str] = []
        page.on(
            "console",
            lambda m: (
                refused.append(m.text) if "Content Security Policy" in m.text or "Refused" in m.text else None
            ),
        )
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if where == "canvas":
            page.wait_for_function("document.querySelectorAll('#link-layer path').length > 0")
            first = page.locator(".card[data-start]").first
            start = first.get_attribute("data-start")
            column = first.evaluate("c => getComputedStyle(c).gridColumnStart")
            assert column == start  # the column came from data-style, set by script
            halfcols = page.locator(".phase[data-style]").first.evaluate(
                "p => p.style.getPropertyValue('--halfcols').trim()"
            )
            assert halfcols.isdigit()
        assert not refused, refused
