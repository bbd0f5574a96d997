"""Imports from other tools (SPEC §7): Learning Designer (.ldj) with the mapping of
§7, the CSV table, and bad files; through the API and the dashboard."""

import json
from pathlib import Path

import pytest
from webfixtures import sign_up_and_in

from wave.catalogue import get_catalogue
from wave.examples import load_example
from wave.format import DesignInvalid
from wave.importers import import_file

SAMPLE = Path(__file__).parent / "files" / "learning-designer.ldj"


@pytest.fixture(scope="module")
def imported():
    return import_file(SAMPLE.name, SAMPLE.read_bytes(), get_catalogue(), lang="nl")


def test_ldj_maps_name_outcomes_activities_and_slas(imported):
    design = imported.design
    assert design.title == "Statistiek voor de zorg – blok 2"
    assert [g.text for g in design.goals] == [
        "De student legt uit wat gemiddelde, mediaan en spreiding zeggen over een reeks metingen.",
        "De student maakt van een dataset uit de praktijk een passende grafiek.",
    ]
    assert [(p.title, p.kind) for p in design.phases] == [
        ("Week 1: kennismaken met de data", "sequence"),
        ("Week 2: zelf aan de slag", "sequence"),
    ]
    got = [
        (a.activity, a.learning_type, a.mode, a.timing, a.minutes, sorted(a.interactions))
        for a in design.placed()
    ]
    assert got == [
        ("custom", "acquisition", "online", "async", 60, ["student-content"]),
        ("custom", "discussion", "online", "async", 30, ["student-student", "student-teacher"]),
        (
            "custom",
            "practice",
            "offline",
            "sync",
            45,
            ["student-content", "student-student", "student-teacher"],
        ),
        ("custom", "collaboration", "offline", "sync", 90, ["student-student"]),
        ("custom", "production", "online", "async", 120, ["student-content"]),
        ("custom", "investigation", "online", "async", 40, ["student-content"]),
    ]
    titles = [a.title for a in design.placed()]
    assert titles[0] == "Hoofdstuk 3 lezen over centrum- en spreidingsmaten"
    assert titles[4] == "Produceren"  # no description: the type's name
    forum = design.placed()[1]
    assert forum.notes.endswith("Reageer op twee medestudenten.") and "\n" in forum.notes


def test_ldj_lists_what_does_not_map(imported):
    said = "\n".join(u.message("en") for u in imported.unmapped)
    for field in (
        "topic",
        "learningTime",
        "designedLearningTime",
        "aims",
        "outcomes[].type",
        "activities[].duration",
        "activities[].slas[].resources",
    ):
        assert f"{field}: Wave has no place for this" in said, field
    assert "'assess'" in said and "Instaptoets" in said  # an unknown type, left out, with its title
    assert "activities[1].slas[2].syncActivity" in said  # missing, and what was assumed
    assert "outcomes[2]" in said  # an outcome without text
    assert all(u.message("nl") for u in imported.unmapped)


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"\x89PNG\r\n\x1a\n....", "(file)"),
        (b"{not json", "(file)"),
        (b"[1, 2]", "(file)"),
        (json.dumps({"activities": []}).encode(), "name"),
        (json.dumps({"name": "X"}).encode(), "activities"),
        (json.dumps({"name": "X", "activities": {"a": 1}}).encode(), "activities"),
        (
            json.dumps(
                {"name": "X", "activities": [{"slas": [{"type": "read", "onlineActivity": "yes"}]}]}
            ).encode(),
            "activities[0].slas[0].onlineActivity",
        ),
        (
            json.dumps(
                {"name": "X", "activities": [{"slas": [{"type": "read", "duration": "lang"}]}]}
            ).encode(),
            "activities[0].slas[0].duration",
        ),
        (json.dumps({"name": "X", "activities": [{"title": "T"}] * 61}).encode(), "activities"),
        (b" " * 5_000_001, "(file)"),
    ],
)
def test_bad_ldj_files_name_the_field(content, field):
    with pytest.raises(DesignInvalid) as refused:
        import_file("bad.ldj", content, get_catalogue(), lang="nl")
    problem = refused.value.problems[0]
    assert problem.loc == field
    assert problem.text("nl") and problem.text("en") and "Traceback" not in problem.text("en")


def test_bad_csv_names_the_cell():
    text = "\ufeffFase;Titel;Online/fysiek;Minuten\r\nWeek 1;Lezen;ergens;20\r\nWeek 1;Quiz;online;veel\r\n"
    with pytest.raises(DesignInvalid) as refused:
        import_file("tabel.csv", text.encode(), get_catalogue(), lang="nl")
    locs = [p.loc for p in refused.value.problems]
    assert locs == ["C2 (Online/fysiek)", "D3 (Minuten)"]


def test_csv_from_dutch_excel_in_windows_1252_with_labels():
    text = "Fase;Titel;Online/fysiek;Synchroon/asynchroon;Minuten;Catalogus-id;Opmerking\r\n"
    text += "Week 1;Hoorcollege één;Fysiek;Synchroon;45;hoorcollege;x\r\n"
    back = import_file("Mijn tabel.csv", text.encode("cp1252"), get_catalogue(), lang="nl")
    (a,) = back.design.placed()
    assert (a.title, a.mode, a.timing, a.minutes) == ("Hoorcollege één", "offline", "sync", 45)
    assert back.design.title == "Mijn tabel"
    assert [u.loc for u in back.unmapped] == ["G1"]  # the unknown column, listed


# --- through the API and the dashboard -------------------------------------------------------


def test_api_import_creates_a_design_and_lists_the_unmapped(client):
    r = client.post(
        "/api/designs/import?lang=en",
        files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "application/octet-stream")},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["kind"] == "ldj" and body["title"] == "Statistiek voor de zorg – blok 2 (imported)"
    assert any("'assess'" in u["message"] for u in body["unmapped"])
    design = client.get(f"/api/designs/{body['id']}").json()
    assert len([a for p in design["phases"] for a in p["activities"]]) == 6


def test_api_import_refuses_bad_files_and_stores_nothing(client):
    before = len(client.get("/api/designs").json())
    for name, content in (("x.ldj", b"nope"), ("x.txt", b"hello"), ("x.csv", b"a;b\r\n1;2\r\n")):
        r = client.post("/api/designs/import", files={"file": (name, content, "text/plain")})
        assert r.status_code == 422, (name, r.text)
        assert "Traceback" not in r.text
    assert len(client.get("/api/designs").json()) == before


def test_dashboard_import_lists_unmapped_and_keeps_the_form(client):
    r = client.post(
        "/import",
        files={"file": (SAMPLE.name, SAMPLE.read_bytes(), "application/octet-stream")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200
    assert 'id="import-form"' in r.text and 'id="import-result"' in r.text
    assert "Statistiek voor de zorg – blok 2 (geïmporteerd)" in r.text and "learningTime" in r.text
    bad = client.post(
        "/import", files={"file": ("x.ldj", b"{", "text/plain")}, headers={"HX-Request": "true"}
    )
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "Traceback" not in bad.text


def own_design(client) -> int:
    r = client.post("/api/designs", json=load_example("marketing-communicatie").to_json())
    assert r.status_code == 201, r.text
    return r.json()["id"]


def test_json_import_gets_a_title_that_tells_it_apart(client):
    document = load_example("marketing-communicatie").to_json()
    r = client.post(
        "/import",
        files={"file": ("d.json", json.dumps(document), "application/json")},
        follow_redirects=False,
    )
    assert r.status_code == 303
    new_id = int(r.headers["location"].rsplit("/", 1)[1])
    assert client.get(f"/api/designs/{new_id}").json()["title"].endswith(" (geïmporteerd)")


# --- exports through the API ------------------------------------------------------------------------

TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "imscc": "application/zip",
}


@pytest.mark.parametrize("ext", list(TYPES))
def test_api_exports_status_type_and_name(client, app, ext):
    design_id = own_design(client)
    r = client.get(f"/api/designs/{design_id}/export.{ext}?lang=en")
    assert r.status_code == 200
    assert r.headers["content-type"] == TYPES[ext]
    assert r.headers["content-disposition"].startswith('attachment; filename="marketingcommunicatie')
    assert r.headers["content-disposition"].endswith(f'.{ext}"')
    from fastapi.testclient import TestClient

    with TestClient(app) as stranger:
        sign_up_and_in(stranger, name="Vreemde")
        assert stranger.get(f"/api/designs/{design_id}/export.{ext}").status_code == 404
    with TestClient(app) as anonymous:
        assert anonymous.get(f"/api/designs/{design_id}/export.{ext}").status_code == 401
