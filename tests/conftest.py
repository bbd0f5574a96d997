"""Shared fixtures.

`engine_catalogue`: the catalogue the engine tests run on, from
`tests/rule_cases/_catalogue.json` (the SPEC §1 activities with fixed minutes
and teacher skills), so rule cases do not change when the catalogue data files
are edited. Built with `model_construct`: the test data is not a catalogue file
and needs no icon.
"""

import json
from pathlib import Path

import pytest

from wave.catalogue import Activity, Catalogue, ModeSkills, ModeTips, Text

ENGINE_CATALOGUE = Path(__file__).parent / "rule_cases" / "_catalogue.json"


def load_engine_catalogue() -> Catalogue:
    rows = json.loads(ENGINE_CATALOGUE.read_text(encoding="utf-8"))["activities"]
    activities = []
    for row in rows:
        name = Text(**row["name"])
        tips = {
            mode: Text(nl=f"Zo werkt {name.nl} {mode} het best.", en=f"How {name.en} works best {mode}.")
            for mode in row["modes"]
        }
        activities.append(
            Activity.model_construct(
                id=row["id"],
                name=name,
                description=name,
                icon="circle",
                learning_type=row["learning_type"],
                assessment="none",
                modes=row["modes"],
                timings=row["timings"],
                interactions=row["interactions"],
                grouping="class",
                minutes=row["minutes"],
                tips=ModeTips(**tips),
                teacher_skills=ModeSkills(**row["teacher_skills"]),
            )
        )
    return Catalogue(activities)


@pytest.fixture(scope="session")
def engine_catalogue() -> Catalogue:
    return load_engine_catalogue()


# The app, database, server and browser fixtures.
from webfixtures import *  # noqa: E402,F401,F403
