"""Programmes through the JSON API (SPEC §12): create, read, versioned replace (409),
share, report with the weekly load; bad input refused with the field named and
nothing stored; the worked example programme and `wave check PROGRAMME --designs`."""

import json
import subprocess

import pytest
from test_examples import _wave_cli
from webfixtures import PROCESS_S

from wave.engine.programme_rules import course
from wave.examples import PROGRAMMES_DIR, programme_examples


def _design(client, title: str, weeks) -> int:
    r = client.post("/api/designs", json=course(title, weeks))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _hours(h: float, activity="groepsopdracht"):
    return (activity, "offline", "async", int(h * 60))


def _programme(courses, **extra):
    return {
        "format": "wave.programme/v1",
        "title": "CE jaar 1, blok 1",
        "weeks": 10,
        "courses": [{"design": d, "start_week": s} for d, s in courses],
        **extra,
    }


def _count(client) -> int:
    return len([p for p in client.get("/api/programmes").json() if p["example"] is None])


@pytest.fixture
def two_courses(client):
    a = _design(client, "Marketing", {1: [_hours(20)], 2: [_hours(10)]})
    b = _design(client, "Bedrijfskunde", {1: [_hours(15)]})
    return a, b


def test_create_read_replace_with_versions(client, two_courses):
    a, b = two_courses
    r = client.post("/api/programmes", json=_programme([(a, 1)]))
    assert r.status_code == 201, r.text
    pid, version = r.json()["id"], r.json()["version"]
    assert version == 1
    got = client.get(f"/api/programmes/{pid}").json()
    assert got["week_hours_norm"] == 40  # the default
    assert got["courses"] == [{"design": a, "start_week": 1}]
    got["courses"].append({"design": b, "start_week": 2})
    r = client.put(f"/api/programmes/{pid}", json=got)
    assert r.status_code == 200 and r.json()["version"] == 2
    # the same edit again, on version 1: someone saved in between
    r = client.put(f"/api/programmes/{pid}", json=got)
    assert r.status_code == 409 and r.json()["current_version"] == 2
    versions = client.get(f"/api/programmes/{pid}/versions").json()
    assert [v["version"] for v in versions] == [2, 1]
    listed = [p for p in client.get("/api/programmes").json() if p["id"] == pid]
    assert listed[0]["courses"] == 2 and listed[0]["owned"] and listed[0]["role"] == "owner"


def test_report_weeks_by_course_and_findings_follow_the_designs(client, two_courses):
    a, b = two_courses
    pid = client.post("/api/programmes", json=_programme([(a, 1), (b, 1)])).json()["id"]
    report = client.get(f"/api/programmes/{pid}/report").json()
    assert report["weeks"][0] == {"week": 1, "hours": 35.0, "by_course": {str(a): 20.0, str(b): 15.0}}
    assert report["weeks"][1]["hours"] == 10.0
    assert len(report["weeks"]) == 10
    assert not [f for f in report["findings"] if f["rule"] == "programme.week-over-load"]
    # the course grows by 6 hours in week 1: 41 > 40
    doc = client.get(f"/api/designs/{b}").json()
    doc["phases"][0]["activities"][0]["minutes"] = 21 * 60
    assert client.put(f"/api/designs/{b}", json=doc).status_code == 200
    report = client.get(f"/api/programmes/{pid}/report").json()
    over = [f for f in report["findings"] if f["rule"] == "programme.week-over-load"]
    assert [f["detail"]["week"] for f in over] == [1]
    assert over[0]["courses"] == [str(a), str(b)] and over[0]["severity"] == "warning"
    assert "Marketing" in over[0]["message"]
    assert report["courses"][0]["design"] == str(a) and report["courses"][0]["weeks"] == [1, 2]


def test_a_deleted_course_is_listed_as_missing(client, two_courses):
    a, b = two_courses
    pid = client.post("/api/programmes", json=_programme([(a, 1), (b, 1)])).json()["id"]
    assert client.delete(f"/api/designs/{b}").status_code == 204
    report = client.get(f"/api/programmes/{pid}/report").json()
    assert [c["missing"] for c in report["courses"]] == [False, True]
    assert report["weeks"][0]["by_course"] == {str(a): 20.0}


def test_share_view_reads_edit_changes_stranger_sees_nothing(client, other_client, app, two_courses):
    from fastapi.testclient import TestClient
    from webfixtures import sign_up_and_in

    a, _ = two_courses
    pid = client.post("/api/programmes", json=_programme([(a, 1)])).json()["id"]
    with TestClient(app) as stranger:
        sign_up_and_in(stranger, name="Onbekend")
        assert stranger.get(f"/api/programmes/{pid}").status_code == 404
        assert stranger.get(f"/api/programmes/{pid}/report").status_code == 404
    r = client.post(f"/api/programmes/{pid}/shares", json={"email": other_client.email, "role": "view"})
    assert r.status_code == 201, r.text
    doc = other_client.get(f"/api/programmes/{pid}").json()
    assert other_client.get(f"/api/programmes/{pid}/report").status_code == 200
    assert other_client.put(f"/api/programmes/{pid}", json=doc).status_code == 403
    assert (
        other_client.post(
            f"/api/programmes/{pid}/shares", json={"email": client.email, "role": "view"}
        ).status_code
        == 403
    )
    client.post(f"/api/programmes/{pid}/shares", json={"email": other_client.email, "role": "edit"})
    doc["weeks"] = 12
    assert other_client.put(f"/api/programmes/{pid}", json=doc).status_code == 200
    # an editor may not place a course they cannot see themselves
    own = _design(other_client, "Eigen cursus", {1: [_hours(2)]})
    doc = other_client.get(f"/api/programmes/{pid}").json()
    doc["courses"].append({"design": own, "start_week": 1})
    assert other_client.put(f"/api/programmes/{pid}", json=doc).status_code == 200
    assert other_client.delete(f"/api/programmes/{pid}").status_code == 403
    assert client.delete(f"/api/programmes/{pid}").status_code == 204
    assert client.get(f"/api/programmes/{pid}").status_code == 404


def test_share_with_an_unknown_address_names_the_field(client, two_courses):
    pid = client.post("/api/programmes", json=_programme([])).json()["id"]
    r = client.post(f"/api/programmes/{pid}/shares", json={"email": "niemand@school.example", "role": "view"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "email"
    r = client.post(f"/api/programmes/{pid}/shares", json={"email": "a\x00b@school.example", "role": "view"})
    assert r.status_code == 422


def test_signed_out_is_401(anon_client):
    assert anon_client.get("/api/programmes").status_code == 401
    assert anon_client.post("/api/programmes", json=_programme([])).status_code == 401


BAD = [
    ("week out of range", lambda a, o: _programme([(a, 11)]), "courses[0].start_week"),
    ("start week 0", lambda a, o: _programme([(a, 0)]), "courses[0].start_week"),
    ("no weeks at all", lambda a, o: _programme([], weeks=0), "weeks"),
    ("more weeks than a calendar holds", lambda a, o: _programme([], weeks=61), "weeks"),
    ("weeks as text", lambda a, o: _programme([], weeks="10"), "weeks"),
    ("a norm of nothing", lambda a, o: _programme([], week_hours_norm=0), "week_hours_norm"),
    ("a norm of NaN", lambda a, o: _programme([], week_hours_norm=float("nan")), "week_hours_norm"),
    ("a norm past the hours of a week", lambda a, o: _programme([], week_hours_norm=169), "week_hours_norm"),
    ("an unknown design", lambda a, o: _programme([(2_000_000_000, 1)]), "courses[0].design"),
    ("a design past the id range", lambda a, o: _programme([(2**40, 1)]), "courses[0].design"),
    ("a design by file name", lambda a, o: _programme([("marketing", 1)]), "courses[0].design"),
    ("a design as true", lambda a, o: _programme([(True, 1)]), "courses[0].design"),
    ("a course the user may not see", lambda a, o: _programme([(o, 1)]), "courses[0].design"),
    ("the same course twice", lambda a, o: _programme([(a, 1), (a, 2)]), "courses[1].design"),
    ("an unknown field", lambda a, o: _programme([], colour="blue"), "colour"),
    ("an empty title", lambda a, o: _programme([], title=""), "title"),
    ("a NUL in the title", lambda a, o: _programme([], title="Blok\x001"), "title"),
    ("another format", lambda a, o: _programme([], format="wave.design/v1"), "format"),
]


@pytest.mark.parametrize(("about", "make", "loc"), BAD, ids=[b[0] for b in BAD])
def test_bad_programmes_are_refused_naming_the_field_and_store_nothing(
    client, other_client, about, make, loc
):
    mine = _design(client, "Marketing", {1: [_hours(2)]})
    theirs = _design(other_client, "Niet gedeeld", {1: [_hours(2)]})
    before = _count(client)
    r = client.post(
        "/api/programmes",
        content=json.dumps(make(mine, theirs)),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 422, (about, r.text)
    assert r.json()["detail"][0]["loc"] == loc, about
    assert _count(client) == before
    # the same through PUT: refused, the version unchanged
    pid = client.post("/api/programmes", json=_programme([(mine, 1)])).json()["id"]
    doc = {**make(mine, theirs), "version": 1}
    r = client.put(
        f"/api/programmes/{pid}", content=json.dumps(doc), headers={"content-type": "application/json"}
    )
    assert r.status_code == 422, (about, r.text)
    assert client.get(f"/api/programmes/{pid}").json()["version"] == 1


def test_wrong_content_type_and_not_json(client):
    r = client.post("/api/programmes", content="{}", headers={"content-type": "text/plain"})
    assert r.status_code in (403, 415)
    r = client.post("/api/programmes", content="{", headers={"content-type": "application/json"})
    assert r.status_code == 422


# --- the worked example -----------------------------------------------------------------


def test_the_worked_example_programme_is_seeded_and_shows_its_two_lessons(client):
    (info,) = programme_examples()
    example = [p for p in client.get("/api/programmes").json() if p["example"] == info.slug]
    assert len(example) == 1 and example[0]["courses"] == 4 and example[0]["role"] == "view"
    report = client.get(f"/api/programmes/{example[0]['id']}/report").json()
    fired = sorted({f["rule"] for f in report["findings"]})
    assert fired == sorted(info.expected_rules)
    over = [w for w in report["weeks"] if w["hours"] > 40]
    assert len(over) == 1
    (duplicate,) = [f for f in report["findings"] if f["rule"] == "programme.content-duplicate"]
    assert duplicate["detail"]["topic"] == "SWOT-analyse"


def test_wave_check_programme_with_designs_dir():
    folder = PROGRAMMES_DIR / "eerstejaars-blok-1"
    cmd = [_wave_cli(), "check", str(folder / "programme.json"), "--designs", str(folder), "--json"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=PROCESS_S)
    assert done.returncode == 1, done.stderr  # warnings
    data = json.loads(done.stdout)
    assert {f["rule"] for f in data["findings"]} == {
        "programme.week-over-load",
        "programme.content-duplicate",
    }
    assert data["courses"][3]["design"] == "eerstejaars-marktonderzoek"
    text = subprocess.run(cmd[:-1], capture_output=True, text=True, timeout=PROCESS_S)
    assert text.returncode == 1 and "programme.week-over-load" in text.stdout


def test_wave_check_programme_refuses_a_missing_design_file(tmp_path):
    (tmp_path / "p.json").write_text(json.dumps(_programme([("bestaat-niet", 1)])), encoding="utf-8")
    cmd = [_wave_cli(), "check", str(tmp_path / "p.json"), "--designs", str(tmp_path)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=PROCESS_S)
    assert done.returncode == 2
    assert "courses[0].design" in done.stderr and "Traceback" not in done.stderr
    # without --designs: exit 2 and a message that says what is missing
    done = subprocess.run(cmd[:3], capture_output=True, text=True, timeout=PROCESS_S)
    assert done.returncode == 2 and "--designs" in done.stderr and "Traceback" not in done.stderr


def test_the_page_forms_refuse_bad_values_by_their_form_and_change_nothing(client, two_courses):
    a, b = two_courses
    pid = client.post("/api/programmes", json=_programme([(a, 1)])).json()["id"]
    for data, shown in (
        ({"course": "0", "start_week": "0", "version": "1", "form": "start-0"}, 'id="course-error"'),
        ({"course": "0", "start_week": "elf", "version": "1", "form": "start-0"}, 'id="course-error"'),
        ({"course": "7", "start_week": "2", "version": "1", "form": "start-7"}, 'id="programme-error"'),
    ):
        r = client.post(f"/programmes/{pid}/start", data=data, headers={"HX-Request": "true"})
        assert r.status_code == 422 and shown in r.text, data
    r = client.post(
        f"/programmes/{pid}/courses", data={"design": "", "start_week": "1", "version": "1", "form": "add"}
    )
    assert r.status_code == 422 and 'id="add-error"' in r.text
    r = client.post(
        f"/programmes/{pid}/settings",
        data={"title": "X", "weeks": "0", "week_hours_norm": "40", "version": "1"},
    )
    assert r.status_code == 422 and 'id="settings-error"' in r.text
    # a change on an older version: 409, the page shows the newest
    ok = client.post(f"/programmes/{pid}/start", data={"course": "0", "start_week": "2", "version": "1"})
    assert ok.status_code == 200
    stale = client.post(f"/programmes/{pid}/start", data={"course": "0", "start_week": "3", "version": "1"})
    assert stale.status_code == 409
    got = client.get(f"/api/programmes/{pid}").json()
    assert got["version"] == 2 and got["courses"][0]["start_week"] == 2
