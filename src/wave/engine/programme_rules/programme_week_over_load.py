"""programme.week-over-load — a week asks more hours than the programme's norm.

For every programme week, the minutes of all courses' phases that fall in it
(`start_week + week - 1`) are added up; when they exceed `week_hours_norm` × 60
the rule fires, one finding per week, naming the courses with minutes that week.
`detail` gives the week, the hours, the norm and the hours per course. Phases
without a week are not counted here (see `programme.week-unplanned`).

*Bad*: week 6 of a first-year block, in which a project deadline, an exam and a
presentation of three courses meet: 45 hours against a norm of 40.

*Good*: the same block with the report and presentation of one course a week
earlier: 33 and 36 hours.
"""

from collections.abc import Iterator

from wave.engine.context import ProgrammeHit
from wave.engine.programme_rules import course, programme

ID = "programme.week-over-load"
SEVERITY = "warning"
TIP = 4
MISCONCEPTION = None
TITLE = {"nl": "Een week te vol", "en": "A week too full"}
FOUND = {
    "nl": "Week {week} vraagt {hours} uur studietijd, over {count} cursussen samen ({courses}); "
    "de norm is {norm} uur per week.",
    "en": "Week {week} asks {hours} hours of study, over {count} courses together ({courses}); "
    "the norm is {norm} hours a week.",
}
WHY = {
    "nl": "Studenten voelen de last van al hun cursussen tegelijk. In een overvolle week "
    "laten ze iets liggen, en dat is vaak juist de online voorbereiding of verwerking "
    "waar de bijeenkomsten op rekenen.",
    "en": "Students feel the load of all their courses at once. In an overfull week they "
    "drop something, and it is often the online preparation or follow-up the sessions "
    "count on.",
}
TRY = {
    "nl": "Leg de weekplanning van de cursussen naast elkaar en spreid deadlines, toetsen "
    "en presentaties, of schuif een cursus een week op.",
    "en": "Put the courses' week plans side by side and spread deadlines, exams and "
    "presentations, or move a course by a week.",
}


def check(ctx) -> Iterator[ProgrammeHit]:
    norm = ctx.programme.week_hours_norm
    for load in ctx.weeks:
        if load.minutes > norm * 60:
            yield ProgrammeHit(
                courses=list(load.by_course),
                detail={
                    "week": load.week,
                    "hours": load.hours,
                    "norm": norm,
                    "by_course": {key: round(m / 60, 2) for key, m in load.by_course.items()},
                },
                params={"week": load.week, "hours": ctx.number(load.hours), "norm": ctx.number(norm)},
            )


_PROJECT = course(
    "Project marktonderzoek",
    {5: [("groepsopdracht", "offline", "sync", 600)], 6: [("groepsopdracht", "online", "async", 900)]},
)
_ECONOMICS = course(
    "Bedrijfseconomie",
    {
        5: [("hoorcollege", "offline", "sync", 360)],
        6: [("lezen", "offline", "async", 600), ("toets", "offline", "sync", 180)],
    },
)
_SKILLS = course(
    "Professionele vaardigheden",
    {
        5: [("practicum", "offline", "sync", 480)],
        6: [("schrijfopdracht", "online", "async", 900), ("presentatie", "offline", "sync", 120)],
    },
)
_SKILLS_SPREAD = course(
    "Professionele vaardigheden",
    {
        5: [("schrijfopdracht", "online", "async", 900), ("presentatie", "offline", "sync", 120)],
        6: [("practicum", "offline", "sync", 480)],
    },
)

EXAMPLES = {
    "bad": {
        "programme": programme(
            "CE jaar 1, blok 1",
            8,
            [("project", 1), ("economie", 1), ("vaardigheden", 1)],
        ),
        "designs": {"project": _PROJECT, "economie": _ECONOMICS, "vaardigheden": _SKILLS},
    },
    "good": {
        "programme": programme(
            "CE jaar 1, blok 1",
            8,
            [("project", 1), ("economie", 1), ("vaardigheden", 1)],
        ),
        "designs": {"project": _PROJECT, "economie": _ECONOMICS, "vaardigheden": _SKILLS_SPREAD},
    },
}
