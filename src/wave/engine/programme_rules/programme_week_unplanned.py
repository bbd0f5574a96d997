"""programme.week-unplanned — a course whose load cannot be placed on the weeks.

Fires for every course with phases that hold activities but have no `week`: their
minutes count in the course's total but not in any week, so the weekly load of
the programme looks lighter than it is. One finding per course; `detail` names
the phases and their minutes.

*Bad*: a course of four weekly phases and a "Project" phase without a week that
holds 20 hours of group work.

*Good*: the project phase is given week 4, when the group work is done.
"""

from collections.abc import Iterator

from wave.engine.context import ProgrammeHit
from wave.engine.programme_rules import course, programme

ID = "programme.week-unplanned"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
TITLE = {"nl": "Niet in de weken te plaatsen", "en": "Not placed on the weeks"}
FOUND = {
    "one": {
        "nl": "In {courses} heeft de fase {phases} geen week, dus {minutes} minuten tellen in "
        "geen enkele week mee.",
        "en": "In {courses} the phase {phases} has no week, so {minutes} minutes count in no week at all.",
    },
    "many": {
        "nl": "In {courses} hebben de fasen {phases} geen week, dus {minutes} minuten tellen in "
        "geen enkele week mee.",
        "en": "In {courses} the phases {phases} have no week, so {minutes} minutes count in no week at all.",
    },
}
WHY = {
    "nl": "De weekbelasting van de opleiding lijkt dan lichter dan ze voor studenten is.",
    "en": "The programme's weekly load then looks lighter than it is for students.",
}
TRY = {
    "nl": "Geef elke fase de week waarin studenten eraan werken; verdeel een lange fase over meer weken.",
    "en": "Give every phase the week in which students work on it; split a long phase over several weeks.",
}


def check(ctx) -> Iterator[ProgrammeHit]:
    for c in ctx.present:
        if not c.unplanned_phases:
            continue
        names = ", ".join(f"“{title}”" for title in c.unplanned_phases)
        yield ProgrammeHit(
            courses=[c.key],
            detail={"phases": list(c.unplanned_phases), "minutes": c.unplanned_minutes},
            params={"phases": names, "minutes": c.unplanned_minutes},
            variant="one" if len(c.unplanned_phases) == 1 else "many",
        )


_WEEKS = {
    1: [("kennisclip", "online", "async", 30), ("werkcollege", "offline", "sync", 90)],
    2: [("lezen", "online", "async", 60), ("werkcollege", "offline", "sync", 90)],
    3: [("casus", "offline", "sync", 90)],
}
_PROJECT = [("groepsopdracht", "offline", "async", 1200)]

EXAMPLES = {
    "bad": {
        "programme": programme("CE jaar 1, blok 1", 8, [("onderzoek", 1)]),
        "designs": {"onderzoek": course("Marktonderzoek", {**_WEEKS, None: _PROJECT})},
    },
    "good": {
        "programme": programme("CE jaar 1, blok 1", 8, [("onderzoek", 1)]),
        "designs": {"onderzoek": course("Marktonderzoek", {**_WEEKS, 4: _PROJECT})},
    },
}
