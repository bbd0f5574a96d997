"""The critic on a programme-sized design: complete and deterministic (SPEC §4, §8).

How fast it is, is `wave bench`'s figure (rules_1000_ms); these tests only record
their times (`record_property`), so a busy machine cannot fail them."""

import random
import time

from wave.engine import check
from wave.format import parse_design

CATALOGUE_IDS = [
    ("kennisclip", "online"),
    ("hoorcollege", "offline"),
    ("lezen", "online"),
    ("casus", "offline"),
    ("forum", "online"),
    ("werkcollege", "offline"),
    ("oefentoets", "online"),
    ("discussie", "offline"),
    ("webinar", "online"),
    ("groepsopdracht", "offline"),
    ("peerfeedback", "online"),
    ("presentatie", "offline"),
]


def generated_design(n: int = 1000, *, seed: int = 7, with_baseline: bool = True) -> dict:
    """n activities over n/20 phases (every fifth a choice phase), with goals, topics
    (many shared, so the duplicate rule has work to do), links in long chains and
    a baseline that differs in about a third of the activities."""
    rng = random.Random(seed)
    goals = [{"id": f"g{i}", "text": f"Leerdoel {i}"} for i in range(40)]
    phases, ids = [], []
    for p in range(n // 20):
        acts = []
        for k in range(20):
            i = p * 20 + k
            activity, mode = CATALOGUE_IDS[i % len(CATALOGUE_IDS)]
            acts.append(
                {
                    "id": f"a{i}",
                    "activity": activity,
                    "mode": mode,
                    "minutes": rng.randint(5, 120),
                    "topics": [
                        f"onderwerp {rng.randrange(60)}",
                        "Rode draad" if i % 7 == 0 else "x",
                    ],
                    "goals": [f"g{rng.randrange(40)}"] if i % 9 else [],
                    "source": "own" if i % 11 == 0 else "existing",
                    "multi_location": i % 97 == 0,
                }
            )
            ids.append(f"a{i}")
        kind = "choice" if p % 5 == 4 else "sequence"
        phases.append({"id": f"p{p}", "title": f"Fase {p}", "kind": kind, "activities": acts})
    links = [{"from": ids[i], "to": ids[i + 1], "kind": "prepares"} for i in range(0, n - 1) if i % 3 != 2]
    links += [{"from": ids[i], "to": ids[i + 30], "kind": "uses"} for i in range(0, n - 30, 30)]
    design = {
        "format": "wave.design/v1",
        "title": "Opleiding",
        "study_load_hours": 840,
        "goals": goals,
        "phases": phases,
        "links": links,
    }
    if with_baseline:
        base_phases = []
        for phase in phases:
            acts = []
            for a in phase["activities"]:
                i = int(a["id"][1:])
                if i % 13 == 0:
                    continue  # added in the redesign
                b = dict(a)
                if i % 5 == 0:
                    b["minutes"] = a["minutes"] + 10
                acts.append(b)
            if phase["id"] == "p0":
                acts.append({"id": "old1", "activity": "hoorcollege", "mode": "offline", "minutes": 90})
            base_phases.append({**phase, "activities": acts})
        design["baseline"] = {"title": "Oud", "goals": goals, "phases": base_phases, "links": []}
    return design


def test_1000_activities_check(engine_catalogue, record_property):
    design = parse_design(generated_design(1000), engine_catalogue)
    assert len(design.placed()) == 1000
    check(design, engine_catalogue)  # warm-up (imports, caches)
    start = time.perf_counter()
    report = check(design, engine_catalogue)
    record_property("seconds_1000_activities", round(time.perf_counter() - start, 3))
    rules = {f.rule for f in report.findings}
    assert {
        "content.duplicate",
        "connect.unlinked",
        "reuse.oer",
        "goals.activity-unlinked",
        "blend.hybrid-setting",
        "workload.over-budget",
    } <= rules
    assert report.profile.total_minutes > 0


def test_same_design_same_report(engine_catalogue):
    data = generated_design(1000)
    first = check(parse_design(data, engine_catalogue), engine_catalogue).to_json()
    second = check(parse_design(data, engine_catalogue), engine_catalogue).to_json()
    assert first == second
    assert [f["rule"] for f in first["findings"]] == [f["rule"] for f in second["findings"]]


def test_every_activity_on_one_topic(engine_catalogue, record_property):
    """The worst case for content.duplicate: one topic index entry, one finding."""
    data = generated_design(1000, with_baseline=False)
    for phase in data["phases"]:
        for a in phase["activities"]:
            a["topics"] = ["Alles"]
    design = parse_design(data, engine_catalogue)
    start = time.perf_counter()
    report = check(design, engine_catalogue)
    record_property("seconds_one_topic", round(time.perf_counter() - start, 3))
    duplicates = [f for f in report.findings if f.rule == "content.duplicate"]
    assert len(duplicates) == 1
    acquisition = {"kennisclip", "hoorcollege", "lezen", "webinar"}
    expected = [a["id"] for p in data["phases"] for a in p["activities"] if a["activity"] in acquisition]
    assert duplicates[0].activities == expected
