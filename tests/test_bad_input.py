"""Unbreakable input (SPEC §3, §11): one corpus of bad documents, sent every way a
design comes in — `wave check` (exit 2, a message naming the field, no traceback),
`POST /api/designs` and `PUT` (4xx, the error shape naming the field, nothing
stored), the dashboard's import form — and the same values through the canvas's
edit routes where they take the field. Plus the good edges: BOMs, a baseline that
carries `baseline: null`, export without nulls, export → import → export."""

import copy
import json
import subprocess
import sys
import threading

import pytest
from typer.testing import CliRunner
from webfixtures import PASSWORD, new_design

from wave.cli import app as cli_app

runner = CliRunner()


def good() -> dict:
    return {
        "format": "wave.design/v1",
        "title": "Goed",
        "language": "nl",
        "template": "linear",
        "study_load_hours": 84,
        "goals": [{"id": "g1", "text": "De student past het model toe"}],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "mode": "online",
                        "minutes": 20,
                        "topics": ["model"],
                        "goals": ["g1"],
                    },
                    {"id": "a2", "activity": "werkcollege", "mode": "offline", "minutes": 90},
                ],
            }
        ],
        "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
    }


def activity(doc: dict) -> dict:
    return doc["phases"][0]["activities"][0]


def _set(path: str, value):
    """A mutation: set `path` (dots and [n]) in the good document."""

    def mutate(doc):
        target, parts = doc, path.replace("]", "").replace("[", ".").split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value

    return mutate


def _many_activities(n: int):
    def mutate(doc):
        per_phase = 50
        doc["phases"] = [
            {
                "id": f"p{p}",
                "title": f"Fase {p}",
                "activities": [
                    {"id": f"a{p}-{i}", "activity": "kennisclip", "mode": "online"}
                    for i in range(min(per_phase, n - p * per_phase))
                ],
            }
            for p in range((n + per_phase - 1) // per_phase)
        ]
        doc["links"] = []
        for a in doc["phases"][0]["activities"]:
            a.pop("goals", None)

    return mutate


A = "phases[0].activities[0]"
CUSTOM_ACTIVITY = {
    "id": "a1",
    "activity": "custom",
    "title": "Eigen podcast",
    "mode": "online",
    "learning_type": "acquisition",
    "interactions": ["student-content"],
}

# (case id, mutation of good(), the field the message must name)
DOCUMENTS = [
    ("minutes-as-text", _set(f"{A}.minutes", "20"), f"{A}.minutes"),
    ("minutes-as-bool", _set(f"{A}.minutes", True), f"{A}.minutes"),
    ("minutes-fraction", _set(f"{A}.minutes", 20.5), f"{A}.minutes"),
    ("minutes-negative", _set(f"{A}.minutes", -1), f"{A}.minutes"),
    ("minutes-over-limit", _set(f"{A}.minutes", 10_001), f"{A}.minutes"),
    ("minutes-nan", _set(f"{A}.minutes", float("nan")), f"{A}.minutes"),
    ("hours-infinity", _set("study_load_hours", float("inf")), "study_load_hours"),
    ("hours-nan", _set("study_load_hours", float("nan")), "study_load_hours"),
    ("hours-1e308", _set("study_load_hours", 1e308), "study_load_hours"),
    ("hours-negative", _set("study_load_hours", -1), "study_load_hours"),
    ("hours-as-text", _set("study_load_hours", "84"), "study_load_hours"),
    ("hours-as-bool", _set("study_load_hours", True), "study_load_hours"),
    ("multi-location-yes", _set(f"{A}.multi_location", "yes"), f"{A}.multi_location"),
    ("multi-location-1", _set(f"{A}.multi_location", 1), f"{A}.multi_location"),
    ("title-empty", _set("title", ""), "title"),
    ("title-too-long", _set("title", "t" * 201), "title"),
    ("title-number", _set("title", 123), "title"),
    ("title-null", _set("title", None), "title"),
    ("title-nul", _set("title", "a\x00b"), "title"),
    ("title-bell", _set("title", "a\x07b"), "title"),
    ("title-line-break", _set("title", "a\nb"), "title"),
    ("phase-title-nul", _set("phases[0].title", "\x00"), "phases[0].title"),
    ("activity-title-too-long", _set(f"{A}.title", "t" * 201), f"{A}.title"),
    ("notes-too-long", _set(f"{A}.notes", "n" * 10_001), f"{A}.notes"),
    ("notes-nul", _set(f"{A}.notes", "x\x00"), f"{A}.notes"),
    ("topics-too-many", _set(f"{A}.topics", [f"t{i}" for i in range(51)]), f"{A}.topics"),
    ("topic-too-long", _set(f"{A}.topics", ["t" * 101]), f"{A}.topics[0]"),
    ("topics-not-a-list", _set(f"{A}.topics", "model"), f"{A}.topics"),
    ("goals-too-many", _set("goals", [{"id": f"g{i}", "text": "x"} for i in range(101)]), "goals"),
    ("goal-text-too-long", _set("goals[0].text", "g" * 1001), "goals[0].text"),
    ("goal-id-pattern", _set("goals[0].id", "g 1"), "goals[0].id"),
    ("goal-unknown", _set(f"{A}.goals", ["g9"]), f"{A}.goals"),
    ("phases-too-many", _set("phases", [{"id": f"p{i}", "title": "F"} for i in range(61)]), "phases"),
    ("activities-too-many", _many_activities(2001), "phases"),
    ("links-too-many", _set("links", [{"from": "a1", "to": "a2"}] * 10_001), "links"),
    ("template-upper-case", _set("template", "Linear"), "template"),
    ("template-too-long", _set("template", "x" * 65), "template"),
    ("template-empty", _set("template", ""), "template"),
    ("template-number", _set("template", 5), "template"),
    ("format-wrong", _set("format", "wave.design/v2"), "format"),
    ("language-wrong", _set("language", "de"), "language"),
    ("mode-wrong", _set(f"{A}.mode", "hybrid"), f"{A}.mode"),
    ("mode-not-allowed", _set(f"{A}.mode", "offline"), f"{A}.mode"),
    ("timing-wrong", _set(f"{A}.timing", "both"), f"{A}.timing"),
    ("source-wrong", _set(f"{A}.source", "bought"), f"{A}.source"),
    ("environment-wrong", _set(f"{A}.environment", "moon"), f"{A}.environment"),
    ("online-in-the-workplace", _set(f"{A}.environment", "workplace"), f"{A}.environment"),
    (
        "offline-online",
        _set("phases[0].activities[1].environment", "online"),
        "phases[0].activities[1].environment",
    ),
    ("phase-kind-wrong", _set("phases[0].kind", "loop"), "phases[0].kind"),
    ("week-zero", _set("phases[0].week", 0), "phases[0].week"),
    ("week-61", _set("phases[0].week", 61), "phases[0].week"),
    ("week-as-text", _set("phases[0].week", "3"), "phases[0].week"),
    ("week-as-bool", _set("phases[0].week", True), "phases[0].week"),
    ("week-fraction", _set("phases[0].week", 2.5), "phases[0].week"),
    ("link-kind-wrong", _set("links[0].kind", "causes"), "links[0].kind"),
    ("link-alias-from_", _set("links", [{"from_": "a1", "to": "a2"}]), "links[0].from_"),
    ("link-unknown-end", _set("links[0].to", "a9"), "links[0].to"),
    ("unknown-field", _set("colour", "blue"), "colour"),
    ("unknown-activity-field", _set(f"{A}.colour", "blue"), f"{A}.colour"),
    ("unknown-activity", _set(f"{A}.activity", "toverdrank"), f"{A}.activity"),
    ("catalogue-with-learning-type", _set(f"{A}.learning_type", "practice"), f"{A}.learning_type"),
    ("duplicate-id", _set("phases[0].activities[1].id", "a1"), "phases[0].activities[1].id"),
    (
        "baseline-nested",
        _set("baseline", {"title": "Oud", "baseline": {"title": "Ouder"}}),
        "baseline.baseline",
    ),
    # audit of issue 11: the wrong types, limits and enum values the list above had not
    ("hours-over-limit", _set("study_load_hours", 10_001), "study_load_hours"),
    ("language-number", _set("language", 1), "language"),
    ("format-missing", lambda doc: doc.pop("format"), "format"),
    ("phase-id-number", _set("phases[0].id", 1), "phases[0].id"),
    ("phase-title-too-long", _set("phases[0].title", "f" * 201), "phases[0].title"),
    ("phase-title-empty", _set("phases[0].title", ""), "phases[0].title"),
    ("week-zero", _set("phases[0].week", 0), "phases[0].week"),
    ("week-over-limit", _set("phases[0].week", 61), "phases[0].week"),
    ("week-as-text", _set("phases[0].week", "1"), "phases[0].week"),
    ("activity-id-number", _set(f"{A}.id", 1), f"{A}.id"),
    ("activity-id-too-long", _set(f"{A}.id", "a" * 65), f"{A}.id"),
    ("timing-number", _set(f"{A}.timing", 1), f"{A}.timing"),
    ("source-null", _set(f"{A}.source", None), f"{A}.source"),
    ("notes-number", _set(f"{A}.notes", 5), f"{A}.notes"),
    ("goal-text-empty", _set("goals[0].text", ""), "goals[0].text"),
    ("goal-text-number", _set("goals[0].text", 1), "goals[0].text"),
    ("link-to-number", _set("links[0].to", 2), "links[0].to"),
    ("links-not-a-list", _set("links", {"from": "a1"}), "links"),
    (
        "custom-learning-type-wrong",
        _set(A, {**CUSTOM_ACTIVITY, "learning_type": "dreaming"}),
        f"{A}.learning_type",
    ),
    (
        "custom-interaction-wrong",
        _set(A, {**CUSTOM_ACTIVITY, "interactions": ["telepathy"]}),
        f"{A}.interactions[0]",
    ),
    ("custom-without-interactions", _set(A, {**CUSTOM_ACTIVITY, "interactions": []}), f"{A}.interactions"),
    ("baseline-not-an-object", _set("baseline", "oud"), "baseline"),
    ("goals-not-a-list", _set("goals", {"g1": "x"}), "goals"),
    ("phase-not-an-object", _set("phases", ["p1"]), "phases[0]"),
]

# (case id, raw bytes) that are not a document at all: the message names the document
RAW = [
    ("not-utf-8", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("latin-1", '{"format": "wave.design/v1", "title": "Caf\u00e9"}'.encode("latin-1")),
    ("empty", b""),
    ("not-json", b"{not json"),
    ("truncated", json.dumps(good()).encode()[:-1]),
    ("array", b"[]"),
    ("null", b"null"),
    ("a-string", b'"wave"'),
    ("deep-nesting", b"[" * 100_000 + b"]" * 100_000),
    ("nesting-past-the-format", json.dumps({**good(), "phases": [[[[[[[[[1]]]]]]]]]}).encode()),
    ("5000-digits", b'{"format": "wave.design/v1", "title": "T", "study_load_hours": ' + b"9" * 5000 + b"}"),
    ("over-5-mb", json.dumps({**good(), "title": "x" * 5_100_000}).encode()),
]


def _bad_documents():
    for case, mutate, loc in DOCUMENTS:
        doc = good()
        mutate(doc)
        yield pytest.param(doc, loc, id=case)


def bad_documents() -> list:
    return list(_bad_documents())


def raw_bytes(doc: dict) -> bytes:
    # allow_nan: the corpus holds NaN and Infinity, as JSON tools write them
    return json.dumps(doc, ensure_ascii=False).encode()


def count_designs(client) -> int:
    return len(client.get("/api/designs").json())


@pytest.fixture(scope="module")
def teacher_client(app):
    """One signed-in teacher for the corpus (a sign-up hashes a password: slow per test);
    each test counts the designs before and after, so they do not lean on each other."""
    from fastapi.testclient import TestClient
    from webfixtures import sign_up_and_in

    with TestClient(app) as c:
        yield sign_up_and_in(c)


# --- the good document passes everywhere (else every refusal below proves nothing) -----


def test_the_good_document_is_good(tmp_path, client):
    path = tmp_path / "good.json"
    path.write_bytes(raw_bytes(good()))
    assert runner.invoke(cli_app, ["check", str(path)]).exit_code in (0, 1)
    assert (
        client.post(
            "/api/designs", content=raw_bytes(good()), headers={"Content-Type": "application/json"}
        ).status_code
        == 201
    )


# --- the CLI ---------------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "loc"), bad_documents())
def test_cli_refuses_with_exit_2_naming_the_field(tmp_path, doc, loc):
    path = tmp_path / "bad.json"
    path.write_bytes(raw_bytes(doc))
    result = runner.invoke(cli_app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not an exception
    assert loc in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("raw", [pytest.param(r, id=c) for c, r in RAW])
def test_cli_refuses_bad_bytes_with_exit_2(tmp_path, raw):
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    result = runner.invoke(cli_app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert str(path) in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("case", ["hours-infinity", "5000-digits", "deep-nesting", "not-utf-8"])
def test_a_real_wave_check_process_prints_no_traceback(tmp_path, case):
    docs = {c: raw_bytes(d.values[0]) for c, d in ((p.id, p) for p in bad_documents())} | dict(RAW)
    path = tmp_path / "bad.json"
    path.write_bytes(docs[case])
    done = subprocess.run(
        [sys.executable, "-m", "wave.cli", "check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip()


# --- the JSON API -------------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "loc"), bad_documents())
def test_api_refuses_with_422_naming_the_field_and_stores_nothing(teacher_client, doc, loc):
    before = count_designs(teacher_client)
    r = teacher_client.post(
        "/api/designs",
        content=raw_bytes(doc),
        headers={"Content-Type": "application/json", "Accept-Language": "en"},
    )
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert all(set(d) == {"loc", "msg"} and d["msg"] for d in detail)
    assert loc in [d["loc"] for d in detail], detail
    assert count_designs(teacher_client) == before


@pytest.mark.parametrize(("doc", "loc"), bad_documents())
def test_put_refuses_and_changes_nothing(teacher_client, doc, loc):
    design_id = teacher_client.post("/api/designs", json=good()).json()["id"]
    stored = teacher_client.get(f"/api/designs/{design_id}").json()
    r = teacher_client.put(
        f"/api/designs/{design_id}",
        content=raw_bytes({**doc, "version": 1}),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 422, r.text
    assert loc in [d["loc"] for d in r.json()["detail"]]
    assert teacher_client.get(f"/api/designs/{design_id}").json() == stored


@pytest.mark.parametrize("raw", [pytest.param(r, id=c) for c, r in RAW])
def test_api_refuses_bad_bytes(teacher_client, raw):
    before = count_designs(teacher_client)
    r = teacher_client.post("/api/designs", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] in ("(body)", "(document)", "format")
    assert count_designs(teacher_client) == before


def test_a_body_over_10_mb_is_413_and_a_wrong_type_415(client):
    before = count_designs(client)
    r = client.post("/api/designs", content=b" " * 10_000_001, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["detail"][0]["loc"] == "(body)"
    r = client.post("/api/designs", content=raw_bytes(good()), headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert count_designs(client) == before


def test_put_version_must_be_a_whole_number_in_range(client):
    design_id = client.post("/api/designs", json=good()).json()["id"]
    for version in ("1", 1.5, True, -1, 2**63, None):
        r = client.put(f"/api/designs/{design_id}", json={**good(), "version": version})
        assert r.status_code == 422, (version, r.text)
        assert r.json()["detail"][0]["loc"] == "version"
    assert client.get(f"/api/designs/{design_id}").json()["version"] == 1


# --- the import form ---------------------------------------------------------------------


@pytest.mark.parametrize(("doc", "loc"), bad_documents())
def test_import_form_refuses_in_words_and_stores_nothing(teacher_client, doc, loc):
    before = count_designs(teacher_client)
    r = teacher_client.post(
        "/import",
        files={"file": ("ontwerp.json", raw_bytes(doc), "application/json")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 422, r.text[:300]
    assert 'id="import-form"' in r.text and "import-error" in r.text
    assert "Traceback" not in r.text and "Expecting value" not in r.text
    assert count_designs(teacher_client) == before


@pytest.mark.parametrize("raw", [pytest.param(r, id=c) for c, r in RAW])
def test_import_form_refuses_bad_bytes_without_python_words(teacher_client, raw):
    before = count_designs(teacher_client)
    r = teacher_client.post("/import", files={"file": ("ontwerp.png", raw, "image/png")})
    assert r.status_code == 422
    assert "codec" not in r.text and "Expecting" not in r.text and "char " not in r.text
    assert count_designs(teacher_client) == before


def test_import_error_is_dutch_and_in_words(client):
    doc = good()
    _set(f"{A}.mode", "offline")(doc)
    r = client.post(
        "/import",
        files={"file": ("ontwerp.json", raw_bytes(doc), "application/json")},
        headers={"HX-Request": "true"},
    )
    assert "Fase 1 › activiteit 1 › lesvorm" in r.text
    assert "phases[0]" not in r.text


# --- the canvas edit routes, where they take the field -------------------------------------


def _version(client, design_id) -> int:
    return client.get(f"/api/designs/{design_id}").json()["version"]


def _placed(client, design_id) -> str:
    r = client.post(
        f"/designs/{design_id}/edit/add",
        headers={"HX-Request": "true"},
        data={
            "version": _version(client, design_id),
            "activity": "kennisclip",
            "phase": client.get(f"/api/designs/{design_id}").json()["phases"][0]["id"],
            "mode": "online",
        },
    )
    assert r.status_code == 200, r.text[:300]
    return client.get(f"/api/designs/{design_id}").json()["phases"][0]["activities"][0]["id"]


CANVAS = [
    ("minutes", "minutes", "abc"),
    ("minutes", "minutes", "-1"),
    ("minutes", "minutes", "10001"),
    ("minutes", "minutes", "1e400"),
    ("minutes", "minutes", "nan"),
    ("minutes", "minutes", "9" * 5000),
    ("meta", "study_load_hours", "nan"),
    ("meta", "study_load_hours", "inf"),
    ("meta", "study_load_hours", "1e308"),
    ("meta", "study_load_hours", "-1"),
    ("meta", "title", ""),
    ("meta", "title", "t" * 201),
    ("meta", "title", "a\x00b"),
    ("meta", "language", "de"),
    ("update", "notes", "n" * 10_001),
    ("update", "environment", "workplace"),
    ("update", "topics", ",".join(f"t{i}" for i in range(51))),
    ("update", "title", "x\x07"),
    ("goal-add", "text", "g" * 1001),
    ("goal-add", "text", ""),
    ("phase-add", "title", "f" * 201),
    ("phase-add", "kind", "loop"),
    # the phase menu's week: the form sends text, so "3" there is the week 3; the rest
    # is refused as the format refuses 0, 61, "3", true and 2.5 in a document
    ("phase-update", "week", "0"),
    ("phase-update", "week", "61"),
    ("phase-update", "week", "abc"),
    ("phase-update", "week", "3.5"),
    ("phase-update", "week", "2.5"),
    ("phase-update", "week", "true"),
    ("phase-update", "week", "9" * 5000),
]


@pytest.mark.parametrize(("op", "field", "value"), CANVAS)
def test_canvas_edits_refuse_what_the_format_refuses(teacher_client, op, field, value):
    design_id = new_design(teacher_client)
    placed = _placed(teacher_client, design_id)
    before = teacher_client.get(f"/api/designs/{design_id}").json()
    form = {"version": str(before["version"]), "placed": placed, field: value}
    if op == "update":
        form |= {"minutes": "15"}
    if op == "meta":
        form = {"title": "Testontwerp", "study_load_hours": "", "language": "nl", **form}
    if op == "phase-update":
        first = before["phases"][0]
        form = {"phase": first["id"], "title": first["title"], "kind": first["kind"], **form}
    r = teacher_client.post(f"/designs/{design_id}/edit/{op}", data=form, headers={"HX-Request": "true"})
    assert r.status_code == 422, (op, field, r.status_code, r.text[:300])
    assert "toast-error" in r.text
    if field == "week":  # in words, naming the field: "Fase 1 › week: …"
        assert "Fase 1 › week: " in r.text, r.text[:300]
    assert teacher_client.get(f"/api/designs/{design_id}").json() == before


def test_a_huge_version_number_is_refused_not_a_500(client):
    design_id = new_design(client)
    r = client.post(
        f"/designs/{design_id}/edit/phase-add",
        headers={"HX-Request": "true"},
        data={"version": "9" * 30, "title": "Nieuw"},
    )
    assert r.status_code in (409, 422)


# --- text is text, ids in range -------------------------------------------------------------


@pytest.mark.parametrize("path", ["/signin", "/signup"])
def test_control_characters_in_account_forms_are_422(anon_client, path):
    r = anon_client.post(path, data={"email": "a\x00@school.example", "password": "x" * 12, "name": "N\x00"})
    assert r.status_code == 422


@pytest.mark.parametrize(
    "body",
    [
        {"email": "a\x00@school.example", "password": "Golfslag-2026", "name": "N"},
        {"email": "nieuw@school.example", "password": "Golfslag-2026", "name": "N\x00"},
        {"email": "nieuw@school.example", "password": "Golfslag\x00-2026", "name": "N"},
    ],
)
def test_control_characters_in_sign_up_json_are_422(anon_client, body):
    r = anon_client.post("/api/auth/signup", json=body)
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] in ("email", "name", "password")


def test_control_characters_in_sign_in_json_are_422(anon_client):
    r = anon_client.post("/api/auth/login", json={"email": "\x00", "password": "\x00"})
    assert r.status_code == 422


def test_control_characters_in_a_comment_are_422(client):
    design_id = new_design(client)
    r = client.post(
        f"/designs/{design_id}/review/comments", headers={"HX-Request": "true"}, data={"body": "Goed\x00 zo"}
    )
    assert r.status_code == 422
    from sqlmodel import Session

    from wave.db import get_engine
    from wave.review import comments_of

    with Session(get_engine()) as session:
        assert comments_of(session=session, design_id=design_id) == []


def test_control_characters_in_a_share_are_422(client):
    design_id = new_design(client)
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": "c\x00@x.nl", "role": "view"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "email"


@pytest.mark.parametrize("token", ["\u00e9", "t\u00f6ken", "\u2603" * 43])
def test_a_token_that_is_not_ascii_is_refused_not_a_500(client, anon_client, token):
    """`secrets.compare_digest` raises on non-ASCII text: the session's CSRF token as a
    form field or a header, and the sign-in form's own token and cookie, are 403."""
    design_id = new_design(client)
    before = client.get(f"/api/designs/{design_id}").json()
    real = client.headers.pop("X-CSRF-Token")
    try:
        edit = {"version": str(before["version"]), "text": "Ingeslopen doel"}
        r = client.post(f"/designs/{design_id}/edit/goal-add", data={**edit, "csrf_token": token})
        assert r.status_code == 403
        r = client.post(
            f"/designs/{design_id}/edit/goal-add", data=edit, headers={"X-CSRF-Token": token.encode()}
        )
        assert r.status_code == 403
    finally:
        client.headers["X-CSRF-Token"] = real
    assert client.get(f"/api/designs/{design_id}").json() == before
    anon_client.get("/signin")  # the form cookie, well formed
    sign_in = {"email": client.email, "password": PASSWORD}
    assert anon_client.post("/signin", data={**sign_in, "form_token": token}).status_code == 403
    anon_client.cookies.clear()
    quoted = "".join(f"\\{ord(c):03o}" if ord(c) < 256 else "x" for c in token)
    cookie = {"Cookie": f'wave_form="{quoted}"'}  # an escaped byte, which the cookie parser decodes
    r = anon_client.post("/signin", data={**sign_in, "form_token": "x"}, headers=cookie)
    assert r.status_code == 403 and "wave_session" not in r.headers.get("set-cookie", "")


@pytest.mark.parametrize("cookie", ['"\\000abc"', '"abc\\000"', "%00", '"\\351"'])
def test_a_session_cookie_that_is_no_token_is_no_session(anon_client, cookie):
    """Not looked up: an escaped NUL in the cookie would reach PostgreSQL's query (500)."""
    headers = {"Cookie": f"wave_session={cookie}"}
    assert anon_client.get("/api/designs", headers=headers).status_code == 401
    r = anon_client.get("/", headers=headers, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin")
    assert anon_client.post("/api/auth/logout", headers=headers).status_code == 200


@pytest.mark.parametrize("design_id", ["0", "-1", str(2**31), str(2**63), str(2**64 + 1), "1e3", "x"])
def test_ids_out_of_range_are_422_before_the_database(teacher_client, design_id):
    for path in (f"/api/designs/{design_id}", f"/api/designs/{design_id}/report", f"/designs/{design_id}"):
        r = teacher_client.get(path)
        assert r.status_code == 422, (path, r.status_code)


@pytest.mark.parametrize("parent", [str(2**63), "9" * 40, "-1", "x"])
def test_a_reply_to_a_comment_id_out_of_range_is_422(client, parent):
    design_id = new_design(client)
    r = client.post(
        f"/designs/{design_id}/review/comments",
        headers={"HX-Request": "true"},
        data={"body": "Antwoord", "parent": parent},
    )
    assert r.status_code == 422


def test_version_numbers_out_of_range_are_422(client):
    design_id = new_design(client)
    assert client.get(f"/designs/{design_id}/versions/compare?a={2**63}").status_code == 422
    r = client.post(f"/designs/{design_id}/versions/{2**63}/restore")
    assert r.status_code == 422


# --- the good edges ---------------------------------------------------------------------


def test_a_bom_is_accepted(client, tmp_path):
    raw = b"\xef\xbb\xbf" + raw_bytes(good())
    r = client.post("/api/designs", content=raw, headers={"Content-Type": "application/json"})
    assert r.status_code == 201
    path = tmp_path / "bom.json"
    path.write_bytes(raw)
    assert runner.invoke(cli_app, ["check", str(path)]).exit_code in (0, 1)


def test_an_exported_design_is_a_baseline_as_it_is(client):
    design_id = client.post("/api/designs", json=good()).json()["id"]
    exported = client.get(f"/designs/{design_id}/export.json").json()
    exported["baseline"] = None
    r = client.post("/api/designs", json={**good(), "baseline": exported})
    assert r.status_code == 201, r.text


def test_export_has_no_nulls_and_round_trips_byte_for_byte(client):
    design_id = client.post("/api/designs", json=good()).json()["id"]
    first = client.get(f"/designs/{design_id}/export.json").content
    assert b"null" not in first
    assert b'"learning_type"' not in first and b'"interactions"' not in first
    again = client.post("/api/designs", content=first, headers={"Content-Type": "application/json"}).json()[
        "id"
    ]
    assert client.get(f"/designs/{again}/export.json").content == first


def test_the_same_email_signing_up_twice_at_once_is_never_a_500(live_server):
    """Against the real server: parallel inserts of one unique address."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx
    from webfixtures import unique_email

    body = {"email": unique_email("tegelijk"), "password": "Golfslag-2026", "name": "Tegelijk"}
    start = threading.Barrier(4)

    def sign_up(_):
        with httpx.Client(base_url=live_server, timeout=60) as http:
            start.wait()
            return http.post("/api/auth/signup", json=body).status_code

    with ThreadPoolExecutor(4) as pool:
        statuses = sorted(pool.map(sign_up, range(4)))
    assert statuses.count(201) == 1 and set(statuses) <= {201, 422}, statuses


def test_the_same_share_made_several_times_at_once_is_never_a_500(live_server, teacher):
    """Against the real server: parallel inserts of one (design, person) share. On
    PostgreSQL all but one met the unique constraint (a 500) before."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx
    from webfixtures import sign_up_and_in

    with httpx.Client(base_url=live_server, timeout=60) as http:
        colleague = sign_up_and_in(http, name="Collega").email
    design_id = new_design(teacher)
    start = threading.Barrier(6)

    def share(i):
        with httpx.Client(
            base_url=live_server, timeout=60, cookies=teacher.cookies, headers=teacher.headers
        ) as http:
            start.wait()
            body = {"email": colleague, "role": ("view", "comment")[i % 2]}
            return http.post(f"/api/designs/{design_id}/shares", json=body).status_code

    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(share, range(6)))
    assert set(statuses) == {201}, statuses
    shares = [s for s in teacher.get(f"/api/designs/{design_id}/shares").json() if s["kind"] == "share"]
    assert len(shares) == 1, shares


def test_a_stored_design_that_no_longer_validates_is_shown_with_its_problems(client):
    from sqlmodel import Session

    from wave.db import get_engine
    from wave.models import DesignRecord

    design_id = client.post("/api/designs", json=good()).json()["id"]
    broken = copy.deepcopy(good())
    broken["study_load_hours"] = float("nan")
    with Session(get_engine()) as session:
        record = session.get(DesignRecord, design_id)
        record.document = json.dumps(broken)  # as an older, laxer Wave stored it
        session.add(record)
        session.commit()
    page = client.get(f"/designs/{design_id}")
    assert page.status_code == 200
    assert "Studielast" in page.text and "NaN" in page.text
    for path in (f"/api/designs/{design_id}", f"/api/designs/{design_id}/report"):
        r = client.get(path)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "study_load_hours"
    assert client.get("/").status_code == 200  # the dashboard still opens


def test_a_streamed_body_over_the_cap_is_stopped_at_the_cap(live_server, teacher):
    """No Content-Length (chunked): counted as it arrives, 413 at 10 MB, for any route."""
    import httpx

    sent = 0

    def chunks(head: bytes = b""):
        nonlocal sent
        yield head
        for _ in range(40):  # 40 MB if nobody stopped it
            sent += 1_000_000
            yield b" " * 1_000_000

    part = b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.json"\r\n\r\n'

    before = len(teacher.get("/api/designs").json())
    for path, kind in (("/api/designs", "application/json"), ("/import", "multipart/form-data; boundary=x")):
        sent = 0
        try:
            r = httpx.post(
                f"{live_server}{path}",
                content=chunks(part if path == "/import" else b""),
                timeout=120,
                headers={"Content-Type": kind, "X-CSRF-Token": teacher.headers["X-CSRF-Token"]},
                cookies={"wave_session": teacher.cookies["wave_session"]},
            )
        except httpx.HTTPError:  # the server may close the connection while we still send
            r = None
        if r is not None:
            assert r.status_code == 413, (path, r.status_code, r.text[:200])
            assert r.json()["detail"][0]["loc"] == "(body)"
        assert sent < 40_000_000, f"{path}: the whole body was read"
    assert len(teacher.get("/api/designs").json()) == before


def test_a_declared_length_over_the_cap_is_413_before_reading(client):
    r = client.post(
        "/import",
        content=b"x",
        headers={"Content-Length": str(11_000_000), "Content-Type": "multipart/form-data; boundary=x"},
    )
    assert r.status_code == 413
