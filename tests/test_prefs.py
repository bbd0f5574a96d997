"""Per-person UI preferences (`/api/prefs`): collapsed panels and zoom (SPEC §5.1)."""

import json

import pytest
from webfixtures import new_design


def test_empty_at_first_then_merged(client):
    assert client.get("/api/prefs").json() == {}
    r = client.put("/api/prefs", json={"catalogue_collapsed": True})
    assert r.status_code == 200, r.text
    assert r.json() == {"catalogue_collapsed": True}
    r = client.put("/api/prefs", json={"zoom": 0.75, "critic_collapsed": False})
    assert r.json() == {"catalogue_collapsed": True, "critic_collapsed": False, "zoom": 0.75}
    r = client.put("/api/prefs", json={"catalogue_collapsed": False, "zoom": 2})
    assert r.status_code == 200, r.text
    expected = {"catalogue_collapsed": False, "critic_collapsed": False, "zoom": 2}
    assert r.json() == expected
    assert client.get("/api/prefs").json() == expected
    assert client.put("/api/prefs", json={}).json() == expected  # nothing sent, nothing changed


def test_per_person(client, other_client):
    client.put("/api/prefs", json={"critic_collapsed": True, "zoom": 0.25})
    assert other_client.get("/api/prefs").json() == {}
    other_client.put("/api/prefs", json={"zoom": 1.5})
    assert client.get("/api/prefs").json() == {"critic_collapsed": True, "zoom": 0.25}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"colour": "blue"}, "colour"),
        ({"zoom": 1, "sidebar": True}, "sidebar"),
        ({"catalogue_collapsed": "true"}, "catalogue_collapsed"),
        ({"critic_collapsed": 1}, "critic_collapsed"),
        ({"critic_collapsed": None}, "critic_collapsed"),
        ({"zoom": 5}, "zoom"),
        ({"zoom": 0.1}, "zoom"),
        ({"zoom": "1"}, "zoom"),
        ({"zoom": True}, "zoom"),
        ({"zoom": None}, "zoom"),
    ],
)
def test_bad_values_are_refused_naming_the_field(client, body, field):
    client.put("/api/prefs", json={"zoom": 1.25, "catalogue_collapsed": True})
    r = client.put("/api/prefs", json={"critic_collapsed": True, **body})
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert isinstance(detail, list) and detail
    assert all(set(d) == {"loc", "msg"} and d["msg"] for d in detail)
    assert field in [d["loc"] for d in detail]
    assert client.get("/api/prefs").json() == {"zoom": 1.25, "catalogue_collapsed": True}


@pytest.mark.parametrize("raw", ['{"zoom": NaN}', '{"zoom": Infinity}', '{"zoom": -Infinity}'])
def test_nan_and_infinity_are_refused(client, raw):
    r = client.put("/api/prefs", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert [d["loc"] for d in r.json()["detail"]] == ["zoom"]
    assert client.get("/api/prefs").json() == {}


@pytest.mark.parametrize(
    "raw", ["[]", '[{"zoom": 1}]', '"zoom"', "1", "null", "", "{not json", json.dumps({"zoom": 1})[:-1]]
)
def test_a_body_that_is_not_an_object_is_refused(client, raw):
    r = client.put("/api/prefs", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert [d["loc"] for d in r.json()["detail"]] == ["(body)"]
    assert client.get("/api/prefs").json() == {}


def test_a_form_post_needs_the_csrf_token(client):
    token = client.headers.pop("X-CSRF-Token")
    r = client.put("/api/prefs", data={"zoom": "1"})
    assert r.status_code == 403
    client.headers["X-CSRF-Token"] = token
    assert client.get("/api/prefs").json() == {}


def test_no_session_no_prefs(anon_client):
    assert anon_client.get("/api/prefs").status_code == 401
    r = anon_client.put("/api/prefs", json={"zoom": 1})
    assert r.status_code == 401
    assert r.json()["detail"]


def test_the_canvas_page_still_renders_with_prefs(client):
    client.put("/api/prefs", json={"catalogue_collapsed": True, "zoom": 0.5})
    design_id = new_design(client)
    assert client.get(f"/designs/{design_id}").status_code == 200


def test_the_canvas_page_context_holds_the_prefs(client):
    from test_undo import canvas_context

    design_id = new_design(client)
    assert canvas_context(client, design_id)["prefs"] == {}
    client.put("/api/prefs", json={"critic_collapsed": True, "zoom": 0.5})
    assert canvas_context(client, design_id)["prefs"] == {"critic_collapsed": True, "zoom": 0.5}
