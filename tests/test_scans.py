"""The readiness scan (SPEC §13): its data, the scoring as cases, the JSON API with its
refusals, the pages' forms, the link from a design, and the PDF.

Access per route and role is in tests/test_authorization.py; the browser test with
three people answering is tests/test_scans_browser.py.
"""

import io
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from pypdf import PdfReader
from sqlmodel import Session, func, select
from webfixtures import new_design, sign_up_and_in

from wave.db import get_engine
from wave.models import ScanAnswer, ScanRecord, User
from wave.scans import latest_for
from wave.scans.dimensions import (
    DIMENSION_IDS,
    LEVELS,
    ScanDataError,
    dimensions,
    load_dimensions,
    statement_ids,
)
from wave.scans.results import scan_results
from wave.scans.scoring import ScanReport, combine, compare, weakest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SPEC_IDS = (
    "flexibility interaction design-process experience institutional-support institutional-strategy "
    "sharing-communities professional-development quality-assurance governance finances facilities"
).split()


# --- the data ------------------------------------------------------------------------------


def test_the_twelve_dimensions_of_the_spec_in_order():
    assert list(DIMENSION_IDS) == SPEC_IDS
    assert [d.id for d in dimensions()] == SPEC_IDS


@pytest.mark.parametrize("dim", dimensions(), ids=lambda d: d.id)
def test_each_dimension_has_three_to_five_statements_and_two_or_three_steps(dim):
    assert 3 <= len(dim.statements) <= 5
    assert 2 <= len(dim.steps) <= 3
    assert [s.id for s in dim.statements] == [f"{dim.id}.{n}" for n in range(1, len(dim.statements) + 1)]
    for level in LEVELS:
        for s in dim.statements:
            text = s.text_at(level)
            assert text.nl and text.en and text.nl != text.en


def test_some_statements_read_differently_per_level():
    differing = [s.id for d in dimensions() for s in d.statements if s.programme or s.institution or s.course]
    assert len(differing) >= 8
    flex = dimensions()[0].statements[0]
    assert "cursus" in flex.text_at("course").nl and "opleiding" in flex.text_at("programme").nl
    assert flex.text_at("institution").en != flex.text_at("course").en


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def test_the_texts_are_our_own_no_six_words_in_a_row_from_a_seed():
    if not SEEDS.is_dir():
        pytest.skip("the seeds are not beside this checkout")
    seed_words = _words(" ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
    grams = {tuple(seed_words[i : i + 6]) for i in range(len(seed_words) - 5)}
    texts = [d.name.nl for d in dimensions()] + [d.about.nl for d in dimensions()]
    texts += [s.text_at(level).nl for d in dimensions() for s in d.statements for level in LEVELS]
    texts += [step.nl for d in dimensions() for step in d.steps]
    copied = []
    for text in texts:
        w = _words(text)
        copied += [" ".join(w[i : i + 6]) for i in range(len(w) - 5) if tuple(w[i : i + 6]) in grams]
    assert not copied, copied


def test_a_bad_data_file_names_the_entry(tmp_path):
    good = (Path(__file__).resolve().parents[1] / "src/wave/scans/dimensions.toml").read_text(
        encoding="utf-8"
    )
    broken = tmp_path / "dimensions.toml"
    broken.write_text(good.replace('id = "facilities.5"', 'id = "facilities.1"'), encoding="utf-8")
    with pytest.raises(ScanDataError, match="facilities.1.*twice"):
        load_dimensions(broken)
    broken.write_text(good.replace('id = "finances.4"', 'id = "money.4"'), encoding="utf-8")
    with pytest.raises(ScanDataError, match="dimension finances"):
        load_dimensions(broken)
    broken.write_text(good.replace('id = "governance"', 'id = "steering"'), encoding="utf-8")
    with pytest.raises(ScanDataError, match="dimension steering.*does not start with"):
        load_dimensions(broken)
    broken.write_text(good.split('[[dimension]]\nid = "facilities"')[0], encoding="utf-8")  # eleven
    with pytest.raises(ScanDataError, match="expected the dimensions"):
        load_dimensions(broken)


# --- scoring, as cases ------------------------------------------------------------------------

# name, members' answers, expected {dimension: (score, answers, spread)} (others: none), respondents
SCORING_CASES = [
    ("nobody answered", {}, {}, 0),
    ("one member, one answer", {1: {"flexibility.1": 3}}, {"flexibility": (3.0, 1, 0)}, 1),
    (
        "one member, a dimension's statements",
        {1: {"facilities.1": 1, "facilities.2": 2, "facilities.3": 4}},
        {"facilities": (2.33, 3, 3)},
        1,
    ),
    (
        "several members: all their answers together",
        {1: {"interaction.1": 4, "interaction.2": 3}, 2: {"interaction.1": 2}, 3: {"interaction.3": 1}},
        {"interaction": (2.5, 4, 3)},
        3,
    ),
    (
        "don't know counts nowhere, but the member did answer",
        {1: {"finances.1": None, "finances.2": 2}, 2: {"finances.1": None}},
        {"finances": (2.0, 1, 0)},
        2,
    ),
    ("only don't know: no score", {1: {"governance.1": None, "governance.2": None}}, {}, 1),
    (
        "missing answers are simply not there",
        {1: {"experience.1": 4}, 2: {"flexibility.4": 1}},
        {"experience": (4.0, 1, 0), "flexibility": (1.0, 1, 0)},
        2,
    ),
    ("a retired statement counts nowhere", {1: {"facilities.9": 2, "nothing.1": 3}}, {}, 1),
    (
        "a member with no answers is no respondent",
        {1: {}, 2: {"flexibility.1": 2}},
        {"flexibility": (2.0, 1, 0)},
        1,
    ),
]


@pytest.mark.parametrize(
    ("answers", "expected", "respondents"), [c[1:] for c in SCORING_CASES], ids=[c[0] for c in SCORING_CASES]
)
def test_scoring(answers, expected, respondents):
    report = ScanReport.of(answers)
    assert report.respondents == respondents
    assert [d.id for d in report.dimensions] == SPEC_IDS
    for d in report.dimensions:
        assert (d.score, d.answers, d.spread) == expected.get(d.id, (None, 0, None)), d.id
    assert report.previous is None


def test_counts_per_step_for_the_spread_picture():
    scores = {
        d.id: d for d in combine({1: {"flexibility.1": 1, "flexibility.2": 4}, 2: {"flexibility.1": 4}})
    }
    assert scores["flexibility"].counts == (1, 0, 0, 2)
    assert (scores["flexibility"].low, scores["flexibility"].high) == (1, 4)


COMPARE_CASES = [
    ("up", {1: {"flexibility.1": 3}}, {1: {"flexibility.1": 1}}, {"flexibility": 2.0}),
    (
        "down, unrounded means",
        {1: {"flexibility.1": 1, "flexibility.2": 2}},
        {1: {"flexibility.1": 3}, 2: {"flexibility.2": 3, "flexibility.3": 2}},
        {"flexibility": -1.17},
    ),
    ("no change", {1: {"governance.1": 2}}, {2: {"governance.2": 2}}, {"governance": 0.0}),
    ("no score now: null", {1: {"governance.1": None}}, {1: {"governance.1": 3}}, {}),
    ("no score then: null", {1: {"finances.1": 3}}, {1: {}}, {}),
]


@pytest.mark.parametrize(
    ("now", "then", "expected"), [c[1:] for c in COMPARE_CASES], ids=[c[0] for c in COMPARE_CASES]
)
def test_the_change_since_the_previous_scan(now, then, expected):
    report = ScanReport.of(now, previous=then)
    assert set(report.previous) == set(SPEC_IDS)  # every dimension, null where not comparable
    assert report.previous == {d: expected.get(d) for d in SPEC_IDS}
    assert report.to_json()["previous"] == report.previous


def test_compare_is_per_dimension():
    a = combine({1: {"facilities.1": 4}})
    assert compare(a, a)["facilities"] == 0.0
    assert compare(a, a)["flexibility"] is None


def test_the_weakest_dimensions_get_next_steps():
    answers = {
        1: {"flexibility.1": 2, "interaction.1": 1, "facilities.1": 2, "governance.1": 3, "finances.1": 4},
        2: {"experience.1": None},
    }
    names = [d.id for d in weakest(combine(answers))]
    assert names == ["interaction", "flexibility", "facilities"]  # ties in the dimensions' order
    assert [d.id for d in weakest(combine({1: {"finances.1": 4}}))] == []  # embedded needs none
    view = scan_results(ScanReport.of(answers), "en")
    assert [s.id for s in view.next_steps] == names
    assert all(2 <= len(s.steps) <= 3 for s in view.next_steps)


def test_the_report_json_has_the_shape_of_the_spec():
    data = ScanReport.of({1: {"flexibility.1": 2}}).to_json()
    assert set(data) == {"respondents", "dimensions", "previous"}
    assert all(set(d) == {"id", "score", "answers", "spread"} for d in data["dimensions"])


# --- the API -------------------------------------------------------------------------------------


@pytest.fixture
def team(app):
    """An owner, an edit member, a view member and a stranger, each with a client."""
    with TestClient(app) as o, TestClient(app) as e, TestClient(app) as v, TestClient(app) as s:
        people = {
            "owner": sign_up_and_in(o, name="Eigenaar"),
            "editor": sign_up_and_in(e, name="Teamlid"),
            "viewer": sign_up_and_in(v, name="Lezer"),
            "stranger": sign_up_and_in(s, name="Vreemde"),
        }
        yield people


def new_scan(people, title="Teamscan", level="course", **extra) -> int:
    owner = people["owner"]
    r = owner.post("/api/scans", json={"title": title, "level": level, **extra})
    assert r.status_code == 201, r.text
    scan_id = r.json()["id"]
    for who, role in (("editor", "edit"), ("viewer", "view")):
        r = owner.post(f"/api/scans/{scan_id}/shares", json={"email": people[who].email, "role": role})
        assert r.status_code == 201, r.text
    return scan_id


def scan_rows() -> tuple[int, int]:
    with Session(get_engine()) as session:
        return (
            session.exec(select(func.count()).select_from(ScanRecord)).one(),
            session.exec(select(func.count()).select_from(ScanAnswer)).one(),
        )


def test_create_read_answer_report(team):
    scan_id = new_scan(team, level="programme")
    owner, editor, viewer = team["owner"], team["editor"], team["viewer"]
    r = viewer.get(f"/api/scans/{scan_id}", params={"lang": "en"})
    assert r.status_code == 200
    body = r.json()
    assert [d["id"] for d in body["dimensions"]] == SPEC_IDS
    first = body["dimensions"][0]["statements"][0]
    assert first == {"id": "flexibility.1", "text": dimensions()[0].statements[0].text_at("programme").en}
    assert body["role"] == "view" and body["level"] == "programme" and body["own_answers"] == {}
    dutch = owner.get(f"/api/scans/{scan_id}", params={"lang": "nl"}).json()
    assert (
        dutch["dimensions"][0]["statements"][0]["text"]
        == dimensions()[0].statements[0].text_at("programme").nl
    )

    assert owner.post(f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 4}}).json() == {
        "saved": 1
    }
    r = editor.post(
        f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 2, "flexibility.2": None}}
    )
    assert r.status_code == 200, r.text
    report = viewer.get(f"/api/scans/{scan_id}/report").json()
    assert report["respondents"] == 2 and report["previous"] is None
    assert report["dimensions"][0] == {"id": "flexibility", "score": 3.0, "answers": 2, "spread": 2}

    # a second post replaces the member's own answers as a whole
    r = editor.post(f"/api/scans/{scan_id}/answers", json={"answers": {"interaction.1": 1}})
    assert r.json() == {"saved": 1}
    assert editor.get(f"/api/scans/{scan_id}").json()["own_answers"] == {"interaction.1": 1}
    report = owner.get(f"/api/scans/{scan_id}/report").json()
    assert report["dimensions"][0] == {"id": "flexibility", "score": 4.0, "answers": 1, "spread": 0}
    assert report["dimensions"][1] == {"id": "interaction", "score": 1.0, "answers": 1, "spread": 0}

    listed = {s["id"]: s for s in editor.get("/api/scans").json()}
    assert listed[scan_id]["role"] == "edit" and listed[scan_id]["respondents"] == 2
    assert scan_id not in {s["id"] for s in team["stranger"].get("/api/scans").json()}


def test_a_follow_up_scan_reports_the_change(team):
    first = new_scan(team, title="2025")
    owner = team["owner"]
    owner.post(f"/api/scans/{first}/answers", json={"answers": {"facilities.1": 1, "finances.1": 2}})
    second = new_scan(team, title="2026", follows=first)
    owner.post(f"/api/scans/{second}/answers", json={"answers": {"facilities.1": 3, "governance.1": 2}})
    previous = team["viewer"].get(f"/api/scans/{second}/report").json()["previous"]
    assert previous == {d: {"facilities": 2.0}.get(d) for d in SPEC_IDS}
    assert team["viewer"].get(f"/api/scans/{second}").json()["follows"] == first


BAD_ANSWERS = [
    ({"flexibility.9": 2}, "answers.flexibility.9", "statement"),
    ({"budget.1": 2}, "answers.budget.1", "dimension"),
    ({"flexibility.1": 0}, "answers.flexibility.1", "1"),
    ({"flexibility.1": 5}, "answers.flexibility.1", "4"),
    ({"flexibility.1": "3"}, "answers.flexibility.1", "whole number"),
    ({"flexibility.1": True}, "answers.flexibility.1", "whole number"),
    ({"flexibility.1": 2.5}, "answers.flexibility.1", "whole number"),
    ({"flexibility.1": [3]}, "answers.flexibility.1", "whole number"),
]


@pytest.mark.parametrize(
    ("answers", "loc", "word"), BAD_ANSWERS, ids=[b[1] + " " + repr(b[0]) for b in BAD_ANSWERS]
)
def test_bad_answers_are_refused_naming_the_statement_and_nothing_changes(team, answers, loc, word):
    scan_id = new_scan(team)
    editor = team["editor"]
    editor.post(f"/api/scans/{scan_id}/answers", json={"answers": {"interaction.1": 2}})
    before = scan_rows()
    r = editor.post(
        f"/api/scans/{scan_id}/answers",
        json={"answers": {"facilities.1": 3, **answers}},
        headers={"Accept-Language": "en"},
    )
    assert r.status_code == 422, r.text
    problems = r.json()["detail"]
    assert [p["loc"] for p in problems] == [loc]
    assert word in problems[0]["msg"]
    assert scan_rows() == before
    assert editor.get(f"/api/scans/{scan_id}").json()["own_answers"] == {"interaction.1": 2}


@pytest.mark.parametrize(
    "body",
    [
        {"answers": []},
        {"answers": {"flexibility.1": 2}, "extra": 1},
        {},
        {"answers": {f"x{i}.1": 1 for i in range(201)}},
    ],
    ids=["not an object", "unknown field", "missing", "too many"],
)
def test_bad_answer_bodies(team, body):
    scan_id = new_scan(team)
    r = team["editor"].post(f"/api/scans/{scan_id}/answers", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"]


def test_a_viewer_reads_but_does_not_answer_and_a_stranger_sees_nothing(team):
    scan_id = new_scan(team)
    r = team["viewer"].post(f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 2}})
    assert r.status_code == 403
    for path in ("", "/report"):
        assert team["stranger"].get(f"/api/scans/{scan_id}{path}").status_code == 404
    r = team["stranger"].post(f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 2}})
    assert r.status_code == 404
    assert team["owner"].get("/api/scans/999999").status_code == 404
    assert team["owner"].get(f"/api/scans/{scan_id}/report").json()["respondents"] == 0


def test_a_closed_scan_takes_no_answers(team):
    scan_id = new_scan(team)
    team["editor"].post(f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 2}})
    assert team["editor"].post(f"/api/scans/{scan_id}/close").status_code == 403
    r = team["owner"].post(f"/api/scans/{scan_id}/close")
    assert r.status_code == 200 and r.json()["closed_at"]
    before = scan_rows()
    r = team["editor"].post(f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 4}})
    assert r.status_code == 409 and r.json()["detail"]
    assert scan_rows() == before
    assert team["owner"].get(f"/api/scans/{scan_id}").json()["closed"] is True
    assert team["owner"].post(f"/api/scans/{scan_id}/close").status_code == 200  # again: nothing changes


BAD_SCANS = [
    ({"title": "", "level": "course"}, "title"),
    ({"title": "x" * 201, "level": "course"}, "title"),
    ({"title": "Scan", "level": "school"}, "level"),
    ({"title": "Scan", "level": "course", "follows": 999999}, "follows"),
    ({"title": "Scan", "level": "course", "follows": "1"}, "follows"),
    ({"title": "Scan", "level": "course", "follows": 0}, "follows"),
    ({"title": "Scan"}, "level"),
    ({"title": "Scan", "level": "course", "owner": 1}, "owner"),
]


@pytest.mark.parametrize(("body", "loc"), BAD_SCANS, ids=[f"{b[1]} {b[0]!r}"[:60] for b in BAD_SCANS])
def test_bad_scans_are_refused_and_nothing_is_stored(team, body, loc):
    before = scan_rows()
    r = team["owner"].post("/api/scans", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == loc
    assert scan_rows() == before


def test_follows_a_scan_the_owner_may_see_of_the_same_level(team):
    theirs = team["stranger"].post("/api/scans", json={"title": "Elders", "level": "course"}).json()["id"]
    mine = new_scan(team, level="course")
    before = scan_rows()
    r = team["owner"].post("/api/scans", json={"title": "Vervolg", "level": "course", "follows": theirs})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == "follows"
    r = team["owner"].post(
        "/api/scans",
        json={"title": "Vervolg", "level": "institution", "follows": mine},
        headers={"Accept-Language": "en"},
    )
    assert r.status_code == 422 and "same level" in r.json()["detail"][0]["msg"]
    assert scan_rows() == before
    # a viewer of a scan may follow it with a scan of their own
    r = team["viewer"].post("/api/scans", json={"title": "Mijn vervolg", "level": "course", "follows": mine})
    assert r.status_code == 201


def test_sharing_like_a_design(team, app):
    scan_id = new_scan(team)
    owner = team["owner"]
    shares = owner.get(f"/api/scans/{scan_id}/shares").json()
    assert {s["email"]: s["role"] for s in shares} == {
        team["editor"].email: "edit",
        team["viewer"].email: "view",
    }
    for body, loc in (
        ({"email": team["stranger"].email, "role": "comment"}, "role"),
        ({"email": "niemand@school.example", "role": "edit"}, "email"),
        ({"email": owner.email, "role": "edit"}, "email"),
    ):
        r = owner.post(f"/api/scans/{scan_id}/shares", json=body)
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == loc, r.text
    assert (
        team["editor"]
        .post(f"/api/scans/{scan_id}/shares", json={"email": team["stranger"].email, "role": "view"})
        .status_code
        == 403
    )
    viewer_share = next(s["id"] for s in shares if s["role"] == "view")
    assert owner.delete(f"/api/scans/{scan_id}/shares/{viewer_share}").status_code == 204
    assert team["viewer"].get(f"/api/scans/{scan_id}").status_code == 404
    assert owner.delete(f"/api/scans/{scan_id}/shares/{viewer_share}").status_code == 404


def test_latest_for_is_the_newest_scan_one_may_see(team):
    with Session(get_engine()) as session:
        stranger = session.get(User, team["stranger"].user_id)
        assert latest_for(session, stranger) is None
    first = new_scan(team, level="course")
    second = new_scan(team, level="programme")
    with Session(get_engine()) as session:
        editor = session.get(User, team["editor"].user_id)
        assert latest_for(session, editor).id == second
        assert latest_for(session, editor, "course").id == first
        assert latest_for(session, editor, "institution") is None


# --- the pages ----------------------------------------------------------------------------------


def test_the_answer_page_prefills_ones_own_answers_and_saves_a_form(team):
    scan_id = new_scan(team)
    editor = team["editor"]
    editor.post(
        f"/api/scans/{scan_id}/answers", json={"answers": {"flexibility.1": 3, "flexibility.2": None}}
    )
    page = html(editor.get(f"/scans/{scan_id}"))
    checked = {n.attrs["name"]: n.attrs["value"] for n in page.find_all("input", type="radio", checked=True)}
    assert checked == {"flexibility.1": "3", "flexibility.2": "dk"}
    assert len(page.find_all("fieldset", data_dimension=True)) == 12
    assert len(page.find_all(role="radiogroup")) == len(statement_ids())

    r = editor.post(
        f"/scans/{scan_id}/answers", data={"facilities.1": "4", "facilities.2": "dk"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].startswith(f"/scans/{scan_id}?saved=1")
    assert editor.get(f"/api/scans/{scan_id}").json()["own_answers"] == {
        "facilities.1": 4,
        "facilities.2": None,
    }
    page = html(editor.get(r.headers["location"]))
    assert page.find_all(id="saved-note")

    r = editor.post(f"/scans/{scan_id}/answers", data={"facilities.1": "2"}, headers={"HX-Request": "true"})
    assert r.status_code == 200
    assert 'id="save-status"' in r.text and 'id="saved-note"' in r.text and "<main" not in r.text

    r = editor.post(f"/scans/{scan_id}/answers", data={"facilities.1": "9"}, headers={"HX-Request": "true"})
    assert r.status_code == 422 and 'role="alert"' in r.text
    assert editor.get(f"/api/scans/{scan_id}").json()["own_answers"] == {"facilities.1": 2}


def test_the_answer_page_for_a_viewer_and_a_closed_scan_is_read_only(team):
    scan_id = new_scan(team)
    page = html(team["viewer"].get(f"/scans/{scan_id}"))
    assert page.find_all(id="view-note") and not page.find_all(id="save-answers")
    assert page.find_all("fieldset", class_="scan-all", disabled=True)
    assert team["viewer"].post(f"/scans/{scan_id}/answers", data={"facilities.1": "2"}).status_code == 403
    team["owner"].post(f"/scans/{scan_id}/close")
    page = html(team["editor"].get(f"/scans/{scan_id}"))
    assert page.find_all(id="closed-note") and not page.find_all(id="save-answers")
    assert team["editor"].post(f"/scans/{scan_id}/answers", data={"facilities.1": "2"}).status_code == 409


def test_the_results_page_shows_the_scores_spread_change_and_next_steps(team):
    first = new_scan(team, title="Vorig jaar")
    team["owner"].post(f"/api/scans/{first}/answers", json={"answers": {"facilities.1": 1}})
    empty = html(team["owner"].get(f"/scans/{new_scan(team)}/results"))
    assert empty.find_all(id="no-answers")
    assert not html(team["owner"].get(f"/scans/{first}/results")).find_all(id="no-answers")

    second = new_scan(team, title="Dit jaar", follows=first)
    team["owner"].post(
        f"/api/scans/{second}/answers", json={"answers": {"facilities.1": 2, "flexibility.1": 4}}
    )
    team["editor"].post(f"/api/scans/{second}/answers", json={"answers": {"facilities.1": 4}})
    page = html(team["viewer"].get(f"/scans/{second}/results"))
    row = page.find_all("tr", data_dimension="facilities")[0]
    assert (row.attrs["data-score"], row.attrs["data-answers"], row.attrs["data-spread"]) == ("3.0", "2", "2")
    assert row.attrs["data-change"] == "2.0"
    point = page.find_all("circle", data_dimension="facilities")[0]
    assert point.attrs["data-score"] == "3.0"
    assert page.find_all("svg", data_spread="facilities")[0].attrs["data-low"] == "2"
    assert page.find_all("circle", data_previous="facilities")[0].attrs["data-score"] == "1.0"
    assert [n.attrs["data-weak"] for n in page.find_all(data_weak=True)] == ["facilities"]
    assert not page.find_all(id="share")  # the viewer does not share
    assert html(team["owner"].get(f"/scans/{second}/results")).find_all(id="share")


def test_the_start_form_and_its_errors_keep_what_was_typed(team):
    owner = team["owner"]
    r = owner.post("/scans", data={"title": "", "level": "programme", "follows": ""})
    assert r.status_code == 422
    page = html(r)
    assert page.find_all(id="title-error")
    assert page.find_all("input", name="level", value="programme", checked=True)
    r = owner.post("/scans", data={"title": "Nieuw", "level": "course", "follows": "abc"})
    assert r.status_code == 422 and html(r).find_all(id="follows-error")
    r = owner.post("/scans", data={"title": "Nieuw", "level": "course"}, follow_redirects=False)
    assert r.status_code == 303
    scan_id = int(r.headers["location"].rsplit("/", 1)[1])
    page = html(owner.get(f"/scans?follows={scan_id}"))
    assert page.find_all("option", value=str(scan_id), selected=True)
    assert page.find_all("li", data_scan=str(scan_id))


def test_sharing_from_the_results_page(team):
    scan_id = new_scan(team)
    owner = team["owner"]
    r = owner.post(f"/scans/{scan_id}/shares", data={"email": "niemand@school.example", "role": "view"})
    assert r.status_code == 422
    page = html(r)
    assert page.find_all(id="share-error") and page.find_all("option", value="view", selected=True)
    r = owner.post(
        f"/scans/{scan_id}/shares",
        data={"email": team["stranger"].email, "role": "edit"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert team["stranger"].get(f"/api/scans/{scan_id}").json()["role"] == "edit"
    r = owner.post(f"/scans/{scan_id}/shares/{team['stranger'].user_id}/remove", follow_redirects=False)
    assert r.status_code == 303 and team["stranger"].get(f"/api/scans/{scan_id}").status_code == 404


def test_the_design_panel_links_to_the_teams_scan(team):
    owner = team["owner"]
    design_id = new_design(owner)
    link = html(owner.get(f"/designs/{design_id}")).find_all(id="team-scan-link")[0]
    assert link.attrs["href"] == "/scans#start"
    scan_id = new_scan(team, title="Onze scan")
    link = html(owner.get(f"/designs/{design_id}")).find_all(id="team-scan-link")[0]
    assert link.attrs["href"] == f"/scans/{scan_id}/results" and "Onze scan" in link.text()


def test_the_menu_has_the_scan(team):
    page = html(team["owner"].get("/scans"))
    assert any(a.attrs.get("href") == "/scans" for a in page.find_all("a", aria_current="page"))


# --- the PDF --------------------------------------------------------------------------------------


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages)), len(reader.pages)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_holds_the_results(team, lang):
    first = new_scan(team, title="Scan vorig jaar")
    team["owner"].post(f"/api/scans/{first}/answers", json={"answers": {"facilities.1": 1}})
    scan_id = new_scan(team, title="Scan dit jaar", follows=first)
    team["owner"].post(
        f"/api/scans/{scan_id}/answers", json={"answers": {"facilities.1": 2, "facilities.2": None}}
    )
    team["editor"].post(
        f"/api/scans/{scan_id}/answers", json={"answers": {"facilities.1": 3, "governance.1": 1}}
    )
    r = team["viewer"].get(f"/api/scans/{scan_id}/export.pdf", params={"lang": lang})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"] == 'attachment; filename="scan-dit-jaar.pdf"'
    text, pages = pdf_text(r.content)
    assert pages == 2
    facilities = dimensions()[-1]
    expected = [
        "Scanditjaar",
        "Scanvorigjaar",
        facilities.name(lang).replace(" ", ""),
        "2,5" if lang == "nl" else "2.5",  # the score of facilities
        "+1,5" if lang == "nl" else "+1.5",  # its change
        facilities.steps[0](lang).replace(" ", "")[:40],
        ("Volgendestappen" if lang == "nl" else "Nextsteps"),
    ]
    for piece in expected:
        assert piece in text, piece


def test_the_pdf_of_an_empty_scan_says_so(team):
    scan_id = new_scan(team)
    text, pages = pdf_text(
        team["owner"].get(f"/api/scans/{scan_id}/export.pdf", params={"lang": "en"}).content
    )
    assert "Nobodyhasansweredthisscanyet" in text and pages == 2
