"""The JSON API: create, list, read, replace (with versions), report; bad input."""

import json

import pytest

from wave.engine import RULES
from wave.examples import EXAMPLES_DIR

MARKETING = json.loads((EXAMPLES_DIR / "marketing-communicatie.json").read_text(encoding="utf-8"))


def minimal(**extra):
    doc = {
        "format": "wave.design/v1",
        "title": "API-test",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student legt het 4P-model uit"}],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 20,
                        "topics": ["4P-model"],
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "werkcollege",
                        "mode": "offline",
                        "timing": "sync",
                        "goals": ["g1"],
                    },
                ],
            }
        ],
        "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
    }
    doc.update(extra)
    return doc


def count_designs(client) -> int:
    return len(client.get("/api/designs").json())


def test_create_read_round_trip(client):
    r = client.post("/api/designs", json=MARKETING)
    assert r.status_code == 201
    body = r.json()
    assert body["version"] == 1
    got = client.get(f"/api/designs/{body['id']}").json()
    assert got.pop("id") == body["id"] and got.pop("version") == 1
    # export -> import -> export is exact
    r2 = client.post("/api/designs", json=got)
    again = client.get(f"/api/designs/{r2.json()['id']}").json()
    again.pop("id"), again.pop("version")
    assert again == got


def test_defaults_are_filled_from_the_catalogue(client):
    design_id = client.post("/api/designs", json=minimal()).json()["id"]
    a2 = client.get(f"/api/designs/{design_id}").json()["phases"][0]["activities"][1]
    assert a2["title"] == "Werkcollege"
    assert a2["minutes"] > 0
    assert a2["environment"] == "campus"


def test_list_contains_new_design_and_examples(client):
    design_id = client.post("/api/designs", json=minimal(title="Zichtbaar")).json()["id"]
    listed = client.get("/api/designs").json()
    assert any(d["id"] == design_id and d["title"] == "Zichtbaar" for d in listed)
    assert {d["example"] for d in listed} >= {"marketing-communicatie", "synchroon-asynchroon"}


def test_put_bumps_version_and_refuses_stale(client):
    design_id = client.post("/api/designs", json=minimal()).json()["id"]
    doc = client.get(f"/api/designs/{design_id}").json()
    doc["title"] = "Nieuwe titel"
    r = client.put(f"/api/designs/{design_id}", json=doc)
    assert r.status_code == 200 and r.json()["version"] == 2
    doc["title"] = "Verouderde wijziging"  # still based on version 1
    stale = client.put(f"/api/designs/{design_id}", json=doc)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert client.get(f"/api/designs/{design_id}").json()["title"] == "Nieuwe titel"


def test_report_matches_engine_json(client):
    design_id = client.post("/api/designs", json=MARKETING).json()["id"]
    report = client.get(f"/api/designs/{design_id}/report").json()
    assert set(report) == {"findings", "profile"}
    assert report["profile"]["total_minutes"] > 0
    assert not [f for f in report["findings"] if f["severity"] == "warning"]


def test_report_findings_name_their_misconception(client):
    """SPEC §4: a finding of a rule that detects a misconception names it; others say null."""
    bad = RULES["blend.one-tool"].EXAMPLES["bad"]
    design_id = client.post("/api/designs", json=bad).json()["id"]
    r = client.get(f"/api/designs/{design_id}/report")
    assert r.status_code == 200, r.text
    findings = {f["rule"]: f for f in r.json()["findings"]}
    assert findings["blend.one-tool"]["misconception"] == "online-tool"
    assert findings["blend.one-tool"]["activities"] == ["a1", "a3", "a5"]
    assert all("misconception" in f for f in findings.values())


def test_unknown_design_is_404(client):
    assert client.get("/api/designs/999999").status_code == 404
    assert client.get("/api/designs/999999/report").status_code == 404
    assert client.put("/api/designs/999999", json={**minimal(), "version": 1}).status_code == 404


@pytest.mark.parametrize(
    ("mutate", "loc", "words"),
    [
        (lambda d: d.update(colour="blue"), "colour", "unknown field"),
        (lambda d: d.update(format="wave.design/v0"), "format", "wave.design/v1"),
        (
            lambda d: d["phases"][0]["activities"][0].update(mode="offline"),
            "phases[0].activities[0].mode",
            "cannot be offline",
        ),
        (
            lambda d: d["phases"][0]["activities"][0].update(activity="tiktok"),
            "phases[0].activities[0].activity",
            "not in the catalogue",
        ),
        (lambda d: d["links"].append({"from": "a1", "to": "a9"}), "links[1].to", "unknown activity"),
        (
            lambda d: d["phases"][0]["activities"][0].update(goals=["g7"]),
            "phases[0].activities[0].goals",
            "unknown learning goal",
        ),
        (
            lambda d: d["phases"][0]["activities"][0].update(minutes=-5),
            "phases[0].activities[0].minutes",
            "negative",
        ),
        (
            lambda d: d["phases"][0]["activities"][1].update(id="a1"),
            "phases[0].activities[1].id",
            "used twice",
        ),
        (lambda d: d.pop("title"), "title", "required"),
    ],
)
def test_bad_documents_are_422_and_store_nothing(client, mutate, loc, words):
    before = count_designs(client)
    doc = minimal()
    mutate(doc)
    r = client.post("/api/designs", json=doc, headers={"Accept-Language": "en"})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert any(p["loc"] == loc and words in p["msg"] for p in detail), detail
    assert count_designs(client) == before


def test_bad_input_messages_are_dutch_by_default(client):
    doc = minimal()
    doc["phases"][0]["activities"][0]["mode"] = "offline"
    r = client.post("/api/designs", json=doc)
    assert "kan niet offline" in r.json()["detail"][0]["msg"]


def test_not_json_is_422(client):
    r = client.post(
        "/api/designs",
        content=b"{not json",
        headers={"Accept-Language": "en", "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    assert "not valid JSON" in r.json()["detail"][0]["msg"]
    r = client.post("/api/designs", content=b"{not json", headers={"Accept-Language": "en"})
    assert r.status_code == 415  # only application/json


def test_put_without_version_is_422_and_changes_nothing(client):
    design_id = client.post("/api/designs", json=minimal()).json()["id"]
    r = client.put(f"/api/designs/{design_id}", json=minimal(title="Zonder versie"))
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == "version"
    assert client.get(f"/api/designs/{design_id}").json()["version"] == 1


def test_put_invalid_changes_nothing(client):
    design_id = client.post("/api/designs", json=minimal()).json()["id"]
    doc = client.get(f"/api/designs/{design_id}").json()
    doc["phases"][0]["activities"][0]["timing"] = "sync"  # a knowledge clip is async only
    assert client.put(f"/api/designs/{design_id}", json=doc).status_code == 422
    assert client.get(f"/api/designs/{design_id}").json()["version"] == 1


def test_openapi_and_health(client):
    spec = client.get("/openapi.json").json()
    assert "/api/designs" in spec["paths"] and "/api/designs/{design_id}/report" in spec["paths"]
    assert client.get("/healthz").json() == {"status": "ok"}


NO_BODY = (  # posts that carry nothing
    "/api/auth/logout",
    "/api/designs/{design_id}/leave",
    "/api/designs/{design_id}/restore",
    "/api/comments/{comment_id}/resolve",
    "/api/invitations/{token}/accept",
    "/api/scans/{scan_id}/close",
)


def test_openapi_documents_every_body_and_answer(client):
    """SPEC §11: request and response bodies are models in the document, wave.design/v1
    among them, and the error shape is the one sent."""
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"Design", "DesignUpdate", "StoredDesign", "Invalid", "Signup", "Login"} <= set(schemas)
    assert set(schemas["Design"]["properties"]) >= {"format", "title", "phases", "links", "baseline"}
    assert schemas["Invalid"]["properties"]["detail"]["items"]["$ref"].endswith("/ErrorItem")
    assert "HTTPValidationError" not in schemas
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            answers = op["responses"]
            ok = next(code for code in answers if code.startswith("2"))
            # a documented body, or none at all: 204 No Content
            assert bool(answers[ok].get("content")) == (ok != "204"), (method, path)
            if method in ("post", "put") and path not in NO_BODY:
                content = op["requestBody"]["content"]
                file_upload = "multipart/form-data" in content  # POST /api/designs/import: the file
                body = content["multipart/form-data" if file_upload else "application/json"]["schema"]
                assert body["$ref"].rsplit("/", 1)[1] in schemas, (method, path)
                assert "422" in answers and (file_upload or "415" in answers), (method, path)
    r = client.post("/api/designs", json={"format": "wave.design/v1"})
    assert r.status_code == 422 and set(r.json()["detail"][0]) == {"loc", "msg"}
