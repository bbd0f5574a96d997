"""The profile: where the study time goes (SPEC §4), with and without a baseline."""

import pytest

from wave.engine import check
from wave.engine.profile import category
from wave.format import parse_design
from wave.vocabulary import ENVIRONMENTS, INTERACTIONS, LEARNING_TYPES


def _design(phases, **extra):
    return {"format": "wave.design/v1", "title": "Profiel", "phases": phases, **extra}


def _act(id, activity, mode, minutes, **kw):
    return {"id": id, "activity": activity, "mode": mode, "minutes": minutes, **kw}


PHASES = [
    {
        "id": "voor",
        "title": "Voorbereiding",
        "activities": [
            _act("a1", "kennisclip", "online", 20),  # acquisition, async, C
            _act("a2", "forum", "online", 30),  # discussion, async, T+S
        ],
    },
    {
        "id": "keuze",
        "title": "Keuze",
        "kind": "choice",
        "activities": [
            _act("a3", "casus", "offline", 60, timing="sync"),  # investigation, S+C
            _act("a4", "stage", "offline", 90, environment="workplace"),  # practice, sync, T+C
        ],
    },
    {"id": "na", "title": "Afronding", "activities": []},
]


@pytest.fixture
def profile(engine_catalogue):
    design = parse_design(_design(PHASES), engine_catalogue)
    return check(design, engine_catalogue).profile


def test_minutes_and_shares(profile):
    assert profile.total_minutes == 200  # the choice phase counts every activity
    assert profile.online_minutes == 50
    assert profile.online_share == 0.25
    assert profile.category == "web-facilitated"
    assert profile.sync_share == 0.75  # casus (sync) + stage (sync)


def test_tables_hold_every_key(profile):
    assert list(profile.by_learning_type) == list(LEARNING_TYPES)
    assert list(profile.by_interaction) == list(INTERACTIONS)
    assert list(profile.by_environment) == list(ENVIRONMENTS)
    assert profile.by_learning_type == {
        "acquisition": 20,
        "investigation": 60,
        "practice": 90,
        "discussion": 30,
        "collaboration": 0,
        "production": 0,
    }
    # an activity counts under each of its interaction types
    assert profile.by_interaction == {
        "student-teacher": 30 + 90,
        "student-student": 30 + 60,
        "student-content": 20 + 60 + 90,
    }
    assert profile.by_environment == {"online": 50, "campus": 60, "workplace": 90, "society": 0}
    assert profile.by_phase == {"voor": 50, "keuze": 150, "na": 0}
    assert profile.baseline is None


def test_json(profile):
    data = profile.to_json()
    assert set(data) == {
        "total_minutes",
        "online_minutes",
        "online_share",
        "category",
        "sync_share",
        "by_learning_type",
        "by_interaction",
        "by_environment",
        "by_phase",
        "by_week",
        "baseline",
    }
    assert data["baseline"] is None
    assert data["by_week"] == {}  # no phase has a week


def test_by_week_adds_phases_of_one_week_and_leaves_out_phases_without_one(engine_catalogue):
    phases = [
        {
            "id": "p1",
            "title": "Week 2, voorbereiding",
            "week": 2,
            "activities": [_act("a1", "kennisclip", "online", 20)],
        },
        {"id": "p2", "title": "Week 1", "week": 1, "activities": [_act("a2", "forum", "online", 30)]},
        {
            "id": "p3",
            "title": "Week 2, bijeenkomst",
            "week": 2,
            "activities": [_act("a3", "casus", "offline", 60, timing="sync")],
        },
        {"id": "p4", "title": "Ergens", "activities": [_act("a4", "lezen", "online", 45)]},
        {"id": "p5", "title": "Week 12, leeg", "week": 12, "activities": []},
    ]
    profile = check(parse_design(_design(phases), engine_catalogue), engine_catalogue).profile
    assert profile.by_week == {"1": 30, "2": 80, "12": 0}
    assert list(profile.to_json()["by_week"]) == ["1", "2", "12"]  # in week order, not text order
    assert profile.total_minutes == 155  # the phase without a week still counts in the total


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.0, "traditional"),
        (0.0001, "web-facilitated"),
        (0.2999, "web-facilitated"),
        (0.30, "blended"),
        (0.7999, "blended"),
        (0.80, "online"),
        (1.0, "online"),
    ],
)
def test_allen_and_seaman_boundaries(share, expected):
    assert category(share) == expected


@pytest.mark.parametrize(
    ("online", "offline", "expected"),
    [
        (0, 100, "traditional"),
        (29, 71, "web-facilitated"),
        (30, 70, "blended"),
        (79, 21, "blended"),
        (80, 20, "online"),
        (100, 0, "online"),
    ],
)
def test_category_from_a_design(online, offline, expected, engine_catalogue):
    design = parse_design(
        _design(
            [
                {
                    "id": "p",
                    "title": "P",
                    "activities": [
                        _act("a1", "lezen", "online", online),
                        _act("a2", "lezen", "offline", offline),
                    ],
                }
            ]
        ),
        engine_catalogue,
    )
    assert check(design, engine_catalogue).profile.category == expected


def test_no_minutes(engine_catalogue):
    design = parse_design(
        _design([{"id": "p", "title": "P", "activities": [_act("a1", "kennisclip", "online", 0)]}]),
        engine_catalogue,
    )
    profile = check(design, engine_catalogue).profile
    assert (profile.total_minutes, profile.online_share, profile.sync_share) == (0, 0.0, 0.0)
    assert profile.category == "traditional"
    empty = check(parse_design(_design([]), engine_catalogue), engine_catalogue).profile
    assert empty.total_minutes == 0 and empty.category == "traditional"
    assert empty.by_phase == {}


def test_shares_are_rounded(engine_catalogue):
    design = parse_design(
        _design(
            [
                {
                    "id": "p",
                    "title": "P",
                    "activities": [
                        _act("a1", "lezen", "online", 1),
                        _act("a2", "lezen", "offline", 2),
                    ],
                }
            ]
        ),
        engine_catalogue,
    )
    assert check(design, engine_catalogue).profile.online_share == 0.3333


def test_baseline_deltas(engine_catalogue):
    baseline = {
        "title": "Oud",
        "phases": [
            {
                "id": "p",
                "title": "P",
                "activities": [
                    _act("a1", "hoorcollege", "offline", 90),  # T+C: interactive
                    _act("a2", "werkcollege", "offline", 90),  # T+S+C: interactive
                    _act("a3", "lezen", "offline", 60),
                    _act("a4", "discussie", "offline", 45),  # interactive, removed below
                ],
            }
        ],
    }
    design = parse_design(
        _design(
            [
                {
                    "id": "p",
                    "title": "P",
                    "activities": [
                        _act("a5", "kennisclip", "online", 30),  # added
                        _act("a1", "hoorcollege", "online", 90),  # moved (mode) -> changed
                        _act("a2", "werkcollege", "offline", 60),  # minutes -> changed
                        _act("a3", "lezen", "offline", 60),  # unchanged
                    ],
                }
            ],
            baseline=baseline,
        ),
        engine_catalogue,
    )
    delta = check(design, engine_catalogue).profile.baseline
    assert delta.added == ["a5"]
    assert delta.removed == ["a4"]
    assert delta.changed == ["a1", "a2"]
    assert delta.moved == ["a1"]
    assert delta.minutes_delta == (30 + 90 + 60 + 60) - (90 + 90 + 60 + 45)
    assert delta.online_share_delta == round(120 / 240 - 0.0, 4)
    assert delta.interactive_minutes_delta == (90 + 60) - (90 + 90 + 45)
    assert set(delta.to_json()) == {
        "added",
        "removed",
        "changed",
        "moved",
        "minutes_delta",
        "online_share_delta",
        "interactive_minutes_delta",
    }


def test_timing_change_counts_as_changed(engine_catalogue):
    baseline = {
        "title": "Oud",
        "phases": [
            {
                "id": "p",
                "title": "P",
                "activities": [_act("a1", "casus", "offline", 60, timing="sync")],
            }
        ],
    }
    design = parse_design(
        _design(
            [
                {
                    "id": "p",
                    "title": "P",
                    "activities": [_act("a1", "casus", "offline", 60, timing="async")],
                }
            ],
            baseline=baseline,
        ),
        engine_catalogue,
    )
    delta = check(design, engine_catalogue).profile.baseline
    assert (delta.changed, delta.moved, delta.minutes_delta) == (["a1"], [], 0)


def test_custom_activity_uses_its_own_fields(engine_catalogue):
    design = parse_design(
        _design(
            [
                {
                    "id": "p",
                    "title": "P",
                    "activities": [
                        {
                            "id": "c1",
                            "activity": "custom",
                            "title": "Speeddate",
                            "mode": "offline",
                            "timing": "sync",
                            "minutes": 40,
                            "learning_type": "discussion",
                            "interactions": ["student-student", "student-teacher"],
                        }
                    ],
                }
            ]
        ),
        engine_catalogue,
    )
    profile = check(design, engine_catalogue).profile
    assert profile.by_learning_type["discussion"] == 40
    assert profile.by_interaction == {
        "student-teacher": 40,
        "student-student": 40,
        "student-content": 0,
    }
    assert profile.sync_share == 1.0
