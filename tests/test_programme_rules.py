"""The programme rules (SPEC §12), tested as data (tests/programme_cases/<rule-id>.json).

Each case is a `wave.programme/v1` document with its courses' designs by name, and,
for the programmes on which the rule fires, per finding the courses it names (in
programme order) and a subset of its `detail`. Other tests fail when a SPEC §12
rule is missing, undocumented, without cases, or when its page examples disagree.
"""

import json
from pathlib import Path

import pytest

from wave.engine import PROGRAMME_RULES, RULES, EngineConfig, describe
from wave.engine.programme import check_programme
from wave.format import parse_design
from wave.programme_format import parse_programme

CASES_DIR = Path(__file__).parent / "programme_cases"

# SPEC §12, by hand: id -> default severity.
SPEC_RULES = {
    "programme.week-over-load": "warning",
    "programme.content-duplicate": "warning",
    "programme.no-blend": "advice",
    "programme.week-unplanned": "advice",
}

CASES = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES_DIR.glob("*.json"))}
FIRES = [(r, i, c) for r, data in CASES.items() for i, c in enumerate(data["fires"])]
QUIET = [(r, i, c) for r, data in CASES.items() for i, c in enumerate(data["quiet"])]


def _report(case, catalogue, lang="nl", config=None):
    programme = parse_programme(case["programme"])
    designs = {name: parse_design(doc, catalogue) for name, doc in case["designs"].items()}
    return check_programme(programme, designs, catalogue, lang=lang, config=config)


def _of(report, rule_id):
    return [f for f in report.findings if f.rule == rule_id]


@pytest.mark.parametrize(("rule_id", "index", "case"), FIRES, ids=[f"{r}-fires-{i}" for r, i, _ in FIRES])
def test_rule_fires(rule_id, index, case, engine_catalogue):
    found = _of(_report(case, engine_catalogue), rule_id)
    assert [f.courses for f in found] == [e["courses"] for e in case["findings"]], case["about"]
    for finding, want in zip(found, case["findings"], strict=True):
        for key, value in want.get("detail", {}).items():
            assert finding.detail[key] == value, (case["about"], key)
        assert finding.severity == SPEC_RULES[rule_id]
        json.dumps(finding.to_json())


@pytest.mark.parametrize(("rule_id", "index", "case"), QUIET, ids=[f"{r}-quiet-{i}" for r, i, _ in QUIET])
def test_rule_stays_quiet(rule_id, index, case, engine_catalogue):
    assert _of(_report(case, engine_catalogue), rule_id) == [], case["about"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("rule_id", "index", "case"), FIRES, ids=[f"{r}-fires-{i}" for r, i, _ in FIRES])
def test_messages_name_the_courses(rule_id, index, case, lang, engine_catalogue):
    rule = PROGRAMME_RULES[rule_id]
    for finding in _of(_report(case, engine_catalogue, lang), rule_id):
        assert finding.title == rule.TITLE[lang]
        assert rule.WHY[lang] in finding.message and rule.TRY[lang] in finding.message
        assert "{" not in finding.message and "}" not in finding.message
        for key in finding.courses:
            assert case["designs"][key]["title"] in finding.message


def test_every_spec_rule_is_registered_and_ids_do_not_meet_the_course_rules():
    assert set(PROGRAMME_RULES) == set(SPEC_RULES)
    assert not set(PROGRAMME_RULES) & set(RULES)
    assert set(CASES) == set(SPEC_RULES)


@pytest.mark.parametrize("rule_id", sorted(SPEC_RULES))
def test_rule_is_documented_and_has_cases(rule_id):
    rule = PROGRAMME_RULES[rule_id]
    assert rule.ID == rule_id and rule.SEVERITY == SPEC_RULES[rule_id]
    assert rule.__name__.rsplit(".", 1)[-1] == rule_id.replace(".", "_").replace("-", "_")
    doc = rule.__doc__ or ""
    assert doc.startswith(rule_id) and "*Bad*" in doc and "*Good*" in doc
    for texts in (rule.TITLE, rule.WHY, rule.TRY):
        assert set(texts) == {"nl", "en"} and all(t.strip() for t in texts.values())
    assert CASES[rule_id]["fires"] and CASES[rule_id]["quiet"]
    assert describe(rule)["docs"]


@pytest.mark.parametrize("rule_id", sorted(SPEC_RULES))
def test_page_examples_bad_fires_good_does_not(rule_id, engine_catalogue):
    examples = PROGRAMME_RULES[rule_id].EXAMPLES
    assert _of(_report(examples["bad"], engine_catalogue), rule_id)
    assert not _of(_report(examples["good"], engine_catalogue), rule_id)


def test_config_switches_programme_rules_off_and_changes_their_severity(engine_catalogue):
    case = CASES["programme.week-over-load"]["fires"][0]
    config = EngineConfig.from_string("programme.week-over-load=advice,programme.no-blend=off")
    report = _report(case, engine_catalogue, config=config)
    assert [f.severity for f in _of(report, "programme.week-over-load")] == ["advice"]
    assert not _of(report, "programme.no-blend")


def test_weekly_load_and_blend_in_the_report(engine_catalogue):
    case = CASES["programme.week-over-load"]["fires"][1]
    data = _report(case, engine_catalogue).to_json()
    assert [w["week"] for w in data["weeks"]] == list(range(1, 9))
    week3 = data["weeks"][2]
    assert week3 == {"week": 3, "hours": 45.0, "by_course": {"a": 30.0, "b": 15.0}}
    assert data["weeks"][3]["by_course"] == {"b": 5.0}
    assert [c["design"] for c in data["courses"]] == ["a", "b"]
    assert data["courses"][1]["weeks"] == [3, 4]
    assert data["blend"]["total_minutes"] == 1800 + 900 + 300
