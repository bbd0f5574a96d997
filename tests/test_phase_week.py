"""A phase's week (SPEC §3, issue 17): set in the phase menu of the canvas through the
edit route and its one validation, drawn on the phase head, repeated with a run of
phases, merged as a cell of its own, and carried by the exports and the CSV import."""

import csv
import io

import pytest
from htmltree import html
from openpyxl import load_workbook
from pptx import Presentation

from wave import edits
from wave.catalogue import get_catalogue
from wave.drawing import wave_svg
from wave.engine import check
from wave.export.csvfile import render_csv
from wave.export.pdf import export_page
from wave.export.slides import render_pptx
from wave.export.table import KEYS
from wave.export.xlsx import render_xlsx
from wave.format import parse_design
from wave.importers import import_file
from wave.merge import merge

CATALOGUE = get_catalogue()
HX = {"HX-Request": "true"}


def document(**weeks: int) -> dict:
    """Three phases with a card each; `p1=3` gives phase p1 week 3."""
    phases = [
        ("p1", "Voorbereiding", "kennisclip", "online"),
        ("p2", "Bijeenkomst", "werkcollege", "offline"),
        ("p3", "Verwerking", "forum", "online"),
    ]
    return {
        "format": "wave.design/v1",
        "title": "Weken",
        "language": "nl",
        "template": "linear",
        "phases": [
            {
                "id": pid,
                "title": title,
                **({"week": weeks[pid]} if pid in weeks else {}),
                "activities": [{"id": f"a{n}", "activity": activity, "mode": mode}],
            }
            for n, (pid, title, activity, mode) in enumerate(phases, start=1)
        ],
    }


def design(**weeks: int):
    return parse_design(document(**weeks), CATALOGUE)


def stored(http, design_id: int) -> dict:
    r = http.get(f"/api/designs/{design_id}")
    assert r.status_code == 200, r.text
    return r.json()


def create(http, **weeks: int) -> int:
    r = http.post("/api/designs", json=document(**weeks))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def set_week(http, design_id: int, week: str, *, phase: str = "p1", status: int = 200, **extra):
    doc = stored(http, design_id)
    current = next(p for p in doc["phases"] if p["id"] == phase)
    form = {
        "version": str(doc["version"]),
        "phase": phase,
        "title": current["title"],
        "kind": current.get("kind", "sequence"),
        "week": week,
        **extra,
    }
    r = http.post(f"/designs/{design_id}/edit/phase-update", data=form, headers=HX)
    assert r.status_code == status, (week, r.status_code, r.text[:400])
    return r


def weeks_of(doc: dict) -> list[int | None]:
    return [p.get("week") for p in doc["phases"]]


# --- the format and the API --------------------------------------------------------------------


def test_the_api_keeps_the_weeks_and_the_report_adds_them_up(client):
    design_id = create(client, p1=1, p2=1, p3=2)
    assert weeks_of(stored(client, design_id)) == [1, 1, 2]
    profile = client.get(f"/api/designs/{design_id}/report").json()["profile"]
    assert {int(k): v for k, v in profile["by_week"].items()} == {1: 15 + 90, 2: 30}


def test_export_import_export_with_weeks_is_byte_identical(client):
    design_id = create(client, p1=3, p3=4)
    first = client.get(f"/designs/{design_id}/export.json").content
    assert b'"week": 3' in first and first.count(b'"week"') == 2  # none for p2, no null
    again = client.post("/api/designs", content=first, headers={"Content-Type": "application/json"})
    assert again.status_code == 201, again.text
    assert client.get(f"/designs/{again.json()['id']}/export.json").content == first


# --- the phase menu on the canvas ---------------------------------------------------------------


def test_the_phase_menu_sets_the_week_and_the_answer_redraws_only_that_head(client):
    design_id = create(client)
    r = set_week(client, design_id, "3")
    assert weeks_of(stored(client, design_id)) == [3, None, None]
    answer = html(r)
    assert answer.find(id="canvas") is None  # a small answer: the head, not the whole board
    head = answer.one(id="phase-p1-head")
    assert head.attrs.get("hx-swap-oob") == "true"
    tag = head.one("span", "phase-week")
    assert tag.attrs["data-week"] == "3" and tag.attrs["id"] == "phase-p1-week"
    assert tag.one("span", "week-short").text() == "Wk 3" and tag.one("span", "week-long").text() == "Week 3"
    assert answer.find(id="phase-p2-head") is None
    field = head.one("input", name="week")
    assert field.attrs["value"] == "3" and field.attrs["type"] == "number"


def test_the_page_shows_the_week_in_the_readers_language(client):
    design_id = create(client, p2=7)
    page = html(client.get(f"/designs/{design_id}", headers={"Accept-Language": "en"}))
    column = page.one(data_phase_column="p2")
    assert column.attrs["aria-labelledby"] == "phase-p2-title phase-p2-week"
    assert column.one("span", "phase-week").text() == "Wk 7 Week 7"
    assert page.one(data_phase_column="p1").find("span", class_="phase-week") is None
    assert page.one(data_phase_column="p1").one("input", name="week").attrs["value"] == ""
    dutch = html(client.get(f"/designs/{design_id}", headers={"Accept-Language": "nl"}))
    assert dutch.one(data_phase_column="p2").one("span", "week-short").text() == "Wk 7"


def test_an_empty_week_is_no_week_and_a_form_without_the_field_keeps_it(client):
    design_id = create(client, p1=2)
    doc = stored(client, design_id)
    form = {"version": str(doc["version"]), "phase": "p1", "title": "Thuis", "kind": "sequence"}
    assert client.post(f"/designs/{design_id}/edit/phase-update", data=form, headers=HX).status_code == 200
    assert weeks_of(stored(client, design_id))[0] == 2  # renamed, the week kept
    set_week(client, design_id, " ")
    doc = stored(client, design_id)
    assert "week" not in doc["phases"][0] and doc["phases"][0]["title"] == "Thuis"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("0", "mag niet kleiner zijn dan 1"),
        ("61", "mag niet groter zijn dan 60"),
        ("99999", "mag niet groter zijn dan 60"),
        ("9" * 5000, "mag niet groter zijn dan 60"),
        ("abc", "moet een geheel getal zijn"),
        ("3.5", "moet een geheel getal zijn"),
        ("-1", "moet een geheel getal zijn"),
        ("1e1", "moet een geheel getal zijn"),
        ("true", "moet een geheel getal zijn"),
        ("\u0663", "moet een geheel getal zijn"),  # an Arabic-Indic three: a digit, not ours
    ],
)
def test_a_bad_week_is_refused_naming_the_field_and_nothing_is_stored(client, value, why):
    design_id = create(client, p2=5)
    before = stored(client, design_id)
    r = set_week(client, design_id, value, phase="p2", status=422)
    alert = html(r).one(cls="toast-error")
    assert alert.attrs.get("role") == "alert"
    assert alert.text() == f"Fase 2 › week: {why}", alert.text()
    assert stored(client, design_id) == before


def test_setting_a_week_is_undone_and_redone(client):
    design_id = create(client, p1=1)
    set_week(client, design_id, "4")
    set_week(client, design_id, "", phase="p1")
    assert weeks_of(stored(client, design_id))[0] is None
    for op, expected in (("undo", 4), ("undo", 1), ("redo", 4), ("redo", None)):
        version = str(stored(client, design_id)["version"])
        r = client.post(f"/designs/{design_id}/edit/{op}", data={"version": version}, headers=HX)
        assert r.status_code == 200, r.text[:300]
        assert weeks_of(stored(client, design_id))[0] == expected, op


def test_a_week_set_on_an_older_page_is_merged_with_a_rename_since(client):
    design_id = create(client)
    old = str(stored(client, design_id)["version"])
    doc = stored(client, design_id)
    doc["phases"][0]["title"] = "Thuis"
    assert client.put(f"/api/designs/{design_id}", json=doc).status_code == 200
    form = {"version": old, "phase": "p1", "title": "Voorbereiding", "kind": "sequence", "week": "2"}
    # the person's page still says "Voorbereiding": an unchanged title is no change of it
    r = client.post(f"/designs/{design_id}/edit/phase-update", data=form, headers=HX)
    assert r.status_code == 200, r.text[:300]
    after = stored(client, design_id)["phases"][0]
    assert (after["title"], after["week"]) == ("Thuis", 2)


# --- repeating a run of phases -----------------------------------------------------------------


def test_repeating_a_run_numbers_the_copies_weeks_on():
    d = design(p1=1, p2=2)
    edits.duplicate_phases(d, phase_id="p1", through_id="p3")
    assert [(p.title, p.week) for p in d.phases] == [
        ("Voorbereiding", 1),
        ("Bijeenkomst", 2),
        ("Verwerking", None),
        ("Voorbereiding (kopie)", 3),
        ("Bijeenkomst (kopie)", 4),
        ("Verwerking (kopie)", None),  # without a week, it stays without
    ]


def test_repeating_one_phase_or_a_week_of_several_phases():
    one = design(p2=5)
    edits.duplicate_phases(one, phase_id="p2")
    assert [p.week for p in one.phases] == [None, 5, 6, None]
    week = design(p1=2, p2=2, p3=2)  # "Week 2 voor … na": one week of three phases
    edits.duplicate_phases(week, phase_id="p1", through_id="p3")
    assert [p.week for p in week.phases] == [2, 2, 2, 3, 3, 3]


def test_repeating_through_the_route_and_past_week_60(client):
    design_id = create(client, p1=1, p2=2)
    doc = stored(client, design_id)
    form = {"version": str(doc["version"]), "phase": "p1", "through": "p2"}
    r = client.post(f"/designs/{design_id}/edit/phase-duplicate", data=form, headers=HX)
    assert r.status_code == 200, r.text[:300]
    assert weeks_of(stored(client, design_id)) == [1, 2, 3, 4, None]
    late = create(client, p3=60)
    before = stored(client, late)
    form = {"version": str(before["version"]), "phase": "p3"}
    r = client.post(f"/designs/{late}/edit/phase-duplicate", data=form, headers=HX)
    assert r.status_code == 422
    assert html(r).one(cls="toast-error").text() == "Fase 4 › week: mag niet groter zijn dan 60"
    assert stored(client, late) == before


# --- merging ---------------------------------------------------------------------------------------


def test_a_week_taken_away_merges_with_a_rename_and_comes_back_by_undo():
    base = design(p2=3)
    mine = design(p2=3)
    edits.update_phase(mine, phase_id="p2", title="Bijeenkomst", kind="sequence", week="")
    theirs = design(p2=3)
    edits.update_phase(theirs, phase_id="p2", title="Werkgroep", kind="sequence")
    theirs = parse_design(theirs.to_json(), CATALOGUE)  # saved first
    merged = merge(base, mine, theirs, CATALOGUE)
    assert [(p.title, p.week) for p in merged.phases][1] == ("Werkgroep", None)
    back = merge(merged, theirs, merged, CATALOGUE)  # my step undone (after → before): theirs stays
    assert [(p.title, p.week) for p in back.phases][1] == ("Werkgroep", 3)


# --- the exports and the CSV import -----------------------------------------------------------------


def test_the_table_exports_carry_the_week_and_the_csv_brings_it_back():
    d = design(p1=1, p3=2)
    book = load_workbook(io.BytesIO(render_xlsx(d, CATALOGUE, lang="nl", report=check(d, CATALOGUE))))
    rows = [
        dict(zip(KEYS, (c.value for c in row), strict=True))
        for row in book.worksheets[0].iter_rows(min_row=2)
    ]
    assert [r["week"] for r in rows] == [1, None, 2]
    data = render_csv(d, CATALOGUE, lang="en")
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [r["Week"] for r in table] == ["1", "", "2"]
    back = import_file("weken.csv", data, CATALOGUE, lang="nl")
    assert back.unmapped == []
    assert [(p.title, p.week) for p in back.design.phases] == [(p.title, p.week) for p in d.phases]


def test_the_csv_import_keeps_apart_phases_of_one_name_in_other_weeks_and_refuses_a_bad_week():
    head = "phase;week;title;activity;mode\r\n"
    rows = "Werkgroep;1;Casus;casus;offline\r\nWerkgroep;2;Casus;casus;offline\r\n"
    back = import_file("weken.csv", (head + rows).encode(), CATALOGUE, lang="nl")
    assert [(p.title, p.week) for p in back.design.phases] == [("Werkgroep", 1), ("Werkgroep", 2)]
    from wave.format import DesignInvalid

    for bad in ("0", "61", "3,5", "drie"):
        with pytest.raises(DesignInvalid) as refused:
            import_file(
                "weken.csv",
                (head + f"Werkgroep;{bad};Casus;casus;offline\r\n").encode(),
                CATALOGUE,
                lang="en",
            )
        assert refused.value.problems[0].loc == "B2 (week)", bad


def test_the_pdf_names_the_week_before_the_phase():
    d = design(p1=3)
    page = html(type("R", (), {"text": export_page(d, CATALOGUE, lang="nl").html})())
    heads = [row.text() for row in page.select("tr", "phase-row")]
    assert heads[0].startswith("1. Week 3 · Voorbereiding") and heads[1].startswith("2. Bijeenkomst")
    line = page.one("dd", "phase-line").text()
    assert line.startswith("Voorbereiding (Wk 3, 15 min) → Bijeenkomst (90 min)")


def test_the_slides_and_the_wave_drawing_name_the_week():
    d = design(p2=4)
    deck = Presentation(io.BytesIO(render_pptx(d, CATALOGUE, lang="en", report=check(d, CATALOGUE))))
    shapes = {s.name: s for slide in deck.slides for s in slide.shapes}
    assert shapes["phase p2"].text_frame.text == "Wk 4 · Bijeenkomst"
    assert shapes["phase p1"].text_frame.text == "Voorbereiding"
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    texts = [t.text_frame.text for slide in deck.slides for t in slide.shapes if t.has_text_frame]
    assert "Week 4 · Bijeenkomst" in titles + texts
    svg = wave_svg(d, CATALOGUE, "nl")
    assert "Wk 4 · 90 min" in svg and svg.count("Wk ") == 1
