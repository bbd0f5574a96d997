"""The example designs shipped in `wave.examples` (SPEC §2: worked examples).

Every example in `index.json` must import; a *worked* example is what the
toolkit asks for, so the rule engine has no warning for it; a *flawed* example
shows a pitfall, so the engine fires at least the rules the index promises.
`wave check` must agree (exit 0 without warnings, 1 with).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from webfixtures import PROCESS_S

from wave.catalogue import get_catalogue
from wave.engine import RULES, check
from wave.examples import EXAMPLES_DIR
from wave.format import parse_design

INDEX = json.loads((EXAMPLES_DIR / "index.json").read_text(encoding="utf-8"))
SLUGS = [entry["slug"] for entry in INDEX]
WORKED = [e["slug"] for e in INDEX if e["kind"] == "worked"]
FLAWED = [e for e in INDEX if e["kind"] == "flawed"]


def _wave_cli() -> str:
    """The `wave` script next to the interpreter running the tests (the venv's)."""
    script = Path(sys.executable).with_name("wave")
    if not script.exists():
        script = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "wave"
    return str(script)


def _path(slug: str) -> Path:
    return EXAMPLES_DIR / f"{slug}.json"


def _load(slug: str):
    return parse_design(json.loads(_path(slug).read_text(encoding="utf-8")), get_catalogue())


def _fired(report) -> dict[str, list[str]]:
    """Rule id -> severities of its findings."""
    fired: dict[str, list[str]] = {}
    for finding in report.findings:
        fired.setdefault(finding.rule, []).append(finding.severity)
    return fired


# --- the index ---------------------------------------------------------------


def test_index_lists_every_example_file_once():
    files = sorted(p.stem for p in EXAMPLES_DIR.glob("*.json") if p.name != "index.json")
    assert sorted(SLUGS) == files
    assert len(set(SLUGS)) == len(SLUGS)


@pytest.mark.parametrize("entry", INDEX, ids=SLUGS)
def test_index_entry_is_complete(entry):
    assert entry["kind"] in ("worked", "flawed")
    for field in ("title", "summary"):
        assert entry[field]["nl"].strip() and entry[field]["en"].strip()
    if entry["kind"] == "worked":
        assert entry["expected_rules"] == []
    else:
        assert entry["expected_rules"], "a flawed example names the rules it shows"
    for rule_id in entry["expected_rules"]:
        assert rule_id in RULES, f"unknown rule id {rule_id!r}"


def test_required_examples_are_present():
    """SPEC §2: Marketing Communication, sync/async, one non-linear and one hybrid."""
    assert {"marketing-communicatie", "synchroon-asynchroon"} <= set(WORKED)
    templates = {_load(slug).template for slug in WORKED}
    assert {"linear", "non-linear", "hybrid"} <= templates


# --- each example ------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_example_parses_as_dutch_design(slug):
    design = _load(slug)
    assert design.language == "nl"
    assert design.goals and design.placed()
    assert design.study_load_hours


@pytest.mark.parametrize("slug", SLUGS)
def test_example_file_is_canonical_json(slug):
    """UTF-8, two-space indent, no ASCII escapes: the files stay readable diffs."""
    text = _path(slug).read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("slug", SLUGS)
def test_example_round_trips(slug):
    design = _load(slug)
    exported = design.to_json()
    again = parse_design(exported, get_catalogue())
    assert again == design
    assert again.to_json() == exported


@pytest.mark.parametrize("slug", WORKED)
def test_worked_example_has_no_warnings(slug):
    report = check(_load(slug), get_catalogue())
    warnings = [f.rule for f in report.findings if f.severity == "warning"]
    assert warnings == []
    assert report.warnings == 0


# Advice a worked example may carry, judged per example against its own lesson: the
# Marketing redesign asks its teacher to write quiz questions and moderate a forum,
# which is tip 6 (develop new teacher skills), not a contradiction of the example.
ALLOWED_ADVICE: dict[str, set[str]] = {"marketing-communicatie": {"skills.new"}}
# Advice that would contradict what every worked example teaches: a model redesign
# begins small (tip 2), starts from goals (tip 1), is a blend of at least two steps and
# not a hybrid classroom, and reuses open material before making its own (tip 7).
CONTRADICTING = {
    "scope.too-much-at-once",
    "goals.activity-unlinked",
    "blend.too-short",
    "blend.hybrid-setting",
    "reuse.oer",
}


@pytest.mark.parametrize("slug", WORKED)
def test_worked_example_gives_no_advice_against_its_own_lesson(slug):
    report = check(_load(slug), get_catalogue())
    advice = {f.rule for f in report.findings if f.severity == "advice"}
    assert not advice & CONTRADICTING
    assert advice <= ALLOWED_ADVICE.get(slug, set()), "judge new advice against the lesson"


def test_marketing_example_shows_something_in_something_out():
    """Tip 4: the redesign replaces part of the old module instead of adding to it."""
    design = _load("marketing-communicatie")
    assert design.baseline is not None
    old = {a.id for a in design.baseline.placed()}
    new = {a.id for a in design.placed()}
    assert new - old and old - new
    old_minutes = sum(a.minutes for a in design.baseline.placed())
    new_minutes = sum(a.minutes for a in design.placed())
    assert new_minutes <= old_minutes


def test_marketing_example_begins_small():
    """Tip 2: against the set-up after the first round, this round is one small step
    (the rule scope.too-much-at-once stays quiet), and the result is still the module
    of the source case: clips, chapter, quiz, YouTube examples shared online, a case in
    class, handing in and online feedback."""
    design = _load("marketing-communicatie")
    report = check(design, get_catalogue())
    delta = report.profile.baseline
    changes = len(delta.added) + len(delta.removed) + len(delta.changed)
    assert 0 < changes * 2 <= len(design.baseline.placed())
    assert "scope.too-much-at-once" not in _fired(report)
    assert [a.activity for a in design.placed()] == [
        "kennisclip",
        "lezen",
        "oefentoets",
        "bronnen-zoeken",
        "forum",
        "casus",
        "inleveren",
        "feedback-docent",
    ]
    # against the week before any redesign (lecture, reading, exercises, tutorial) the
    # same design would be too much at once: that is what the first round was for
    lecture_week = {
        "title": "Oude opzet",
        "phases": [
            {
                "id": "p1",
                "title": "Week",
                "kind": "sequence",
                "activities": [
                    {"id": "x1", "activity": "hoorcollege", "mode": "offline", "timing": "sync"},
                    {"id": "a2", "activity": "lezen", "mode": "offline", "timing": "async", "minutes": 150},
                    {"id": "x2", "activity": "oefenopdracht", "mode": "offline", "timing": "async"},
                    {"id": "x3", "activity": "werkcollege", "mode": "offline", "timing": "sync"},
                ],
            }
        ],
    }
    all_at_once = parse_design({**design.to_json(), "baseline": lecture_week}, get_catalogue())
    assert "scope.too-much-at-once" in _fired(check(all_at_once, get_catalogue()))


def test_changed_example_files_reach_the_stored_examples(database_url):
    """Seeding stores a changed example file as the example's next version, once."""
    from sqlmodel import Session, select

    from wave.db import get_engine
    from wave.examples import load_example
    from wave.models import DesignRecord
    from wave.seeding import seed_examples
    from wave.store import dump, read

    with Session(get_engine()) as session:
        record = session.exec(
            select(DesignRecord).where(DesignRecord.example_slug == "synchroon-asynchroon")
        ).one()
        stale = load_example("synchroon-asynchroon").model_copy(update={"title": "Oude titel"})
        record.document, version = dump(stale), record.version
        session.add(record)
        session.commit()
    seed_examples()
    seed_examples()
    with Session(get_engine()) as session:
        record = session.exec(
            select(DesignRecord).where(DesignRecord.example_slug == "synchroon-asynchroon")
        ).one()
        assert read(record.document) == load_example("synchroon-asynchroon")
        assert record.version == version + 1


@pytest.mark.parametrize("entry", FLAWED, ids=[e["slug"] for e in FLAWED])
def test_flawed_example_fires_its_rules(entry):
    report = check(_load(entry["slug"]), get_catalogue())
    fired = _fired(report)
    missing = [rule for rule in entry["expected_rules"] if rule not in fired]
    assert missing == [], f"fired instead: {sorted(fired)}"
    assert report.warnings > 0


@pytest.mark.parametrize("slug", SLUGS)
def test_wave_check_exit_code(slug):
    expected = 0 if slug in WORKED else 1
    result = subprocess.run(
        [_wave_cli(), "check", str(_path(slug))],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
    )
    assert result.returncode == expected, result.stdout + result.stderr
