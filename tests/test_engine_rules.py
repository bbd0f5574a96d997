"""The critic's rules, tested as data (tests/rule_cases/<rule-id>.json).

Each case file holds designs in `wave.design/v1` on which the rule must fire —
with, per finding of that rule in report order, the exact activities it names
and a subset of its `detail` — and designs on which it must stay quiet. One
parametrized test runs them all; other tests fail when a SPEC §4 rule is
missing, undocumented or without cases.
"""

import json
from pathlib import Path

import pytest

from wave.engine import RULES, SEVERITIES, EngineConfig, check, describe
from wave.engine.context import MAX_NAMES, build_context
from wave.format import parse_design

CASES_DIR = Path(__file__).parent / "rule_cases"

# SPEC §4, copied by hand: the public contract (id -> default severity, tip).
SPEC_RULES = {
    "goals.none": ("warning", 1),
    "goals.uncovered": ("warning", 1),
    "goals.activity-unlinked": ("advice", 1),
    "connect.unlinked": ("warning", 3),
    "content.duplicate": ("warning", 5),
    "workload.added-nothing-removed": ("warning", 4),
    "workload.over-budget": ("warning", None),
    "scope.too-much-at-once": ("advice", 2),
    "skills.new": ("advice", 6),
    "reuse.oer": ("advice", 7),
    "didactics.mode-changed": ("advice", 8),
    "blend.single-mode": ("warning", None),
    "blend.emergency-remote": ("warning", None),
    "blend.video-only": ("warning", None),
    "blend.hybrid-setting": ("advice", None),
    "blend.too-short": ("advice", None),
    "interaction.missing": ("warning", None),
    "interaction.decreased": ("warning", None),
    "timing.single": ("advice", None),
    "blend.one-tool": ("advice", None),
    "connect.workplace": ("advice", None),
    "workload.unknown": ("advice", 4),
}
MISCONCEPTIONS = {
    "budget-cut",
    "emergency-remote",
    "online-tool",
    "something-new-on-top",
    "hybrid-learning",
    "video",
    "less-interaction",
}
# SPEC §4, also by hand: the rules that detect a misconception, and which; every other
# rule names none.
SPEC_MISCONCEPTIONS = {
    "blend.emergency-remote": "emergency-remote",
    "blend.video-only": "video",
    "blend.hybrid-setting": "hybrid-learning",
    "interaction.missing": "less-interaction",
    "interaction.decreased": "less-interaction",
    "workload.added-nothing-removed": "something-new-on-top",
    "blend.one-tool": "online-tool",
}


def _case_files() -> dict[str, dict]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(CASES_DIR.glob("*.json"))
        if not path.name.startswith("_")
    }


CASES = _case_files()
FIRES = [
    (rule_id, i, case) for rule_id, data in CASES.items() for i, case in enumerate(data.get("fires", []))
]
QUIET = [
    (rule_id, i, case) for rule_id, data in CASES.items() for i, case in enumerate(data.get("quiet", []))
]


def _findings(design, catalogue, rule_id, lang="nl"):
    return [f for f in check(design, catalogue, lang=lang).findings if f.rule == rule_id]


# --- the cases ---------------------------------------------------------------


@pytest.mark.parametrize(("rule_id", "index", "case"), FIRES, ids=[f"{r}-fires-{i}" for r, i, _ in FIRES])
def test_rule_fires(rule_id, index, case, engine_catalogue):
    design = parse_design(case["design"], engine_catalogue)
    found = _findings(design, engine_catalogue, rule_id)
    expected = case["findings"]
    assert [f.activities for f in found] == [e["activities"] for e in expected], case["about"]
    for finding, want in zip(found, expected, strict=True):
        for key, value in want.get("detail", {}).items():
            assert finding.detail[key] == value, (case["about"], key)
        assert finding.severity == RULES[rule_id].SEVERITY
        data = json.loads(json.dumps(finding.to_json()))  # JSON-able
        assert data["misconception"] == SPEC_MISCONCEPTIONS.get(rule_id)


@pytest.mark.parametrize(("rule_id", "index", "case"), QUIET, ids=[f"{r}-quiet-{i}" for r, i, _ in QUIET])
def test_rule_stays_quiet(rule_id, index, case, engine_catalogue):
    design = parse_design(case["design"], engine_catalogue)
    assert _findings(design, engine_catalogue, rule_id) == [], case["about"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("rule_id", "index", "case"), FIRES, ids=[f"{r}-fires-{i}" for r, i, _ in FIRES])
def test_messages_name_the_activities(rule_id, index, case, lang, engine_catalogue):
    design = parse_design(case["design"], engine_catalogue)
    ctx = build_context(design, engine_catalogue, lang)
    rule = RULES[rule_id]
    for finding in _findings(design, engine_catalogue, rule_id, lang):
        assert finding.title == rule.TITLE[lang]
        assert rule.WHY[lang] in finding.message and rule.TRY[lang] in finding.message
        assert "{" not in finding.message and "}" not in finding.message
        if len(finding.activities) <= MAX_NAMES:
            for placed_id in finding.activities:
                assert ctx.by_id[placed_id].title in finding.message


# --- completeness -------------------------------------------------------------


def test_every_spec_rule_is_registered():
    assert set(RULES) == set(SPEC_RULES)


@pytest.mark.parametrize("rule_id", sorted(SPEC_RULES))
def test_rule_matches_the_spec(rule_id):
    rule = RULES[rule_id]
    assert rule.ID == rule_id
    assert (rule.SEVERITY, rule.TIP) == SPEC_RULES[rule_id]
    assert rule.__name__.rsplit(".", 1)[-1] == rule_id.replace(".", "_").replace("-", "_")
    assert rule.MISCONCEPTION == SPEC_MISCONCEPTIONS.get(rule_id)
    assert describe(rule)["misconception"] == SPEC_MISCONCEPTIONS.get(rule_id)


@pytest.mark.parametrize("rule_id", sorted(SPEC_RULES))
def test_rule_is_documented(rule_id):
    rule = RULES[rule_id]
    doc = rule.__doc__ or ""
    assert doc.startswith(rule_id), "the docstring starts with the rule id"
    assert "*Bad*" in doc and "*Good*" in doc, "the docstring gives a *Bad* and a *Good* example"
    for texts in (rule.TITLE, rule.WHY, rule.TRY):
        assert set(texts) == {"nl", "en"} and all(t.strip() for t in texts.values())
    variants = [rule.FOUND] if "nl" in rule.FOUND else list(rule.FOUND.values())
    for found in variants:
        assert set(found) == {"nl", "en"} and all(t.strip() for t in found.values())
    assert rule.MISCONCEPTION is None or rule.MISCONCEPTION in MISCONCEPTIONS
    assert callable(rule.check)
    info = describe(rule)
    assert info["docs"] and info["why"]["nl"] and info["try"]["en"]


@pytest.mark.parametrize("rule_id", sorted(SPEC_RULES))
def test_rule_has_cases(rule_id):
    data = CASES.get(rule_id)
    assert data is not None, f"tests/rule_cases/{rule_id}.json is missing"
    assert data.get("fires") and data.get("quiet"), "needs at least one fires and one quiet case"
    for case in data["fires"] + data["quiet"]:
        assert case.get("about"), "every case says what it is about"


def test_no_case_file_without_a_rule():
    assert set(CASES) <= set(RULES)


# --- configuration, order, report shape -------------------------------------


def _flawed(catalogue):
    """A design with warnings and advice of several rules."""
    return parse_design(
        {
            "format": "wave.design/v1",
            "title": "Flawed",
            "goals": [{"id": "g1", "text": "Doel"}],
            "phases": [
                {
                    "id": "p1",
                    "title": "P1",
                    "activities": [
                        {
                            "id": "a1",
                            "activity": "kennisclip",
                            "mode": "online",
                            "source": "own",
                            "goals": ["g1"],
                        },
                        {"id": "a2", "activity": "lezen", "mode": "online", "source": "own"},
                    ],
                }
            ],
        },
        catalogue,
    )


def test_findings_are_sorted(engine_catalogue):
    findings = check(_flawed(engine_catalogue), engine_catalogue).findings
    keys = [(SEVERITIES.index(f.severity), f.rule) for f in findings]
    assert keys == sorted(keys)
    oer = [f.activities for f in findings if f.rule == "reuse.oer"]
    assert oer == [["a1"], ["a2"]]
    assert findings[0].severity == "warning" and findings[-1].severity == "advice"


def test_report_json_shape(engine_catalogue):
    report = check(_flawed(engine_catalogue), engine_catalogue)
    data = report.to_json()
    assert set(data) == {"findings", "profile"}
    for finding in data["findings"]:
        assert set(finding) == {
            "rule",
            "severity",
            "tip",
            "misconception",
            "activities",
            "message",
            "detail",
            "title",
        }
    assert report.warnings == sum(1 for f in data["findings"] if f["severity"] == "warning")
    assert json.loads(json.dumps(data)) == data


def test_config_from_string():
    config = EngineConfig.from_string(" content.duplicate=off , reuse.oer=warning,,")
    assert config.enabled == {"content.duplicate": False, "reuse.oer": True}
    assert config.severity == {"reuse.oer": "warning"}
    assert EngineConfig.from_string("") == EngineConfig()
    assert EngineConfig.from_string(None) == EngineConfig()


@pytest.mark.parametrize("text", ["no.such-rule=off", "reuse.oer=loud", "reuse.oer"])
def test_config_rejects_what_it_does_not_know(text):
    with pytest.raises(ValueError) as error:
        EngineConfig.from_string(text)
    assert text.split("=")[0] in str(error.value)


def test_config_constructor_checks_ids_and_severities():
    with pytest.raises(ValueError, match="no.such-rule"):
        EngineConfig(enabled={"no.such-rule": False})
    with pytest.raises(ValueError, match="loud"):
        EngineConfig(severity={"reuse.oer": "loud"})


def test_config_changes_severity_and_switches_rules_off(engine_catalogue):
    design = _flawed(engine_catalogue)
    default = check(design, engine_catalogue)
    assert {f.severity for f in default.findings if f.rule == "reuse.oer"} == {"advice"}
    config = EngineConfig.from_string("reuse.oer=warning,blend.single-mode=off")
    changed = check(design, engine_catalogue, config=config)
    assert {f.severity for f in changed.findings if f.rule == "reuse.oer"} == {"warning"}
    assert not [f for f in changed.findings if f.rule == "blend.single-mode"]
    assert changed.warnings == default.warnings + 2 - 1


def test_both_languages_and_no_other(engine_catalogue):
    design = _flawed(engine_catalogue)
    nl = check(design, engine_catalogue, lang="nl").findings
    en = check(design, engine_catalogue, lang="en").findings
    assert [f.rule for f in nl] == [f.rule for f in en]
    assert any("Kennisclip" in f.message for f in nl if f.rule == "reuse.oer")
    assert any("Knowledge clip" in f.message for f in en)
    with pytest.raises(ValueError):
        check(design, engine_catalogue, lang="de")


def test_didactics_finding_carries_the_catalogue_tip(engine_catalogue):
    case = CASES["didactics.mode-changed"]["fires"][0]
    design = parse_design(case["design"], engine_catalogue)
    for lang in ("nl", "en"):
        (finding,) = _findings(design, engine_catalogue, "didactics.mode-changed", lang)
        tip = engine_catalogue["hoorcollege"].tip("online")(lang)
        assert finding.detail["tip_text"] == tip
        assert finding.message.endswith(tip)


def test_many_activities_are_named_briefly(engine_catalogue):
    acts = [{"id": f"a{i}", "activity": "kennisclip", "mode": "online"} for i in range(20)]
    design = parse_design(
        {
            "format": "wave.design/v1",
            "title": "T",
            "goals": [{"id": "g1", "text": "Doel"}],
            "phases": [{"id": "p", "title": "P", "activities": acts}],
        },
        engine_catalogue,
    )
    (finding,) = _findings(design, engine_catalogue, "goals.activity-unlinked", "en")
    assert len(finding.activities) == 20
    assert "and 14 more" in finding.message


# --- the same cases on the real catalogue ------------------------------------


def _real_catalogue():
    from wave.catalogue import get_catalogue

    try:
        return get_catalogue()
    except Exception as exc:  # noqa: BLE001 - report why, whatever it is
        pytest.skip(f"the catalogue data files do not load: {type(exc).__name__}: {exc}")


@pytest.mark.parametrize(
    ("rule_id", "index", "case"),
    FIRES + QUIET,
    ids=[f"{r}-{'fires' if 'findings' in c else 'quiet'}-{i}" for r, i, c in FIRES + QUIET],
)
def test_cases_hold_on_the_real_catalogue(rule_id, index, case):
    """The cases use only what SPEC §1 fixes, so they hold on the real data too.

    `skills.new` depends on teacher skills, which the spec leaves to the data:
    there only the design's validity is checked.
    """
    catalogue = _real_catalogue()
    design = parse_design(case["design"], catalogue)
    if rule_id == "skills.new":
        return
    found = [f.activities for f in _findings(design, catalogue, rule_id)]
    assert found == [e["activities"] for e in case.get("findings", [])], case["about"]
