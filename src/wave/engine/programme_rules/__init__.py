"""The programme rules (SPEC §12), one module each, made like the course rules in
`wave.engine.rules`: `ID`, `SEVERITY`, `TIP`, `MISCONCEPTION`, texts in nl and en,
a docstring with *Bad* and *Good*, `EXAMPLES` and `check(ctx)` over a
`wave.engine.programme.ProgrammeContext`, yielding `ProgrammeHit`s.

Their `EXAMPLES` are small programmes: `{"programme": wave.programme/v1 with
courses named by file, "designs": {name: wave.design/v1}}`, built with `course`.
"""

from typing import Any


def course(title: str, weeks: dict[int | None, list[tuple]], *, template: str = "linear") -> dict[str, Any]:
    """A small complete `wave.design/v1` course for an example: per week (None: a phase
    without a week) its activities as `(catalogue id, mode, timing, minutes[, topics])`,
    every activity on the course's one goal."""
    phases = []
    number = 0
    for week, activities in weeks.items():
        placed = []
        for activity, mode, timing, minutes, *topics in activities:
            number += 1
            item = {
                "id": f"a{number}",
                "activity": activity,
                "mode": mode,
                "timing": timing,
                "minutes": minutes,
                "goals": ["g1"],
            }
            if topics:
                item["topics"] = list(topics[0])
            placed.append(item)
        phase = {
            "id": f"p{len(phases) + 1}",
            "title": f"Week {week}" if week else "Extra",
            "activities": placed,
        }
        if week is not None:
            phase["week"] = week
        phases.append(phase)
    return {
        "format": "wave.design/v1",
        "title": title,
        "language": "nl",
        "template": template,
        "goals": [{"id": "g1", "text": f"De student beheerst de kern van {title.lower()}."}],
        "phases": phases,
    }


def programme(title: str, weeks: int, courses: list[tuple[str, int]], norm: float = 40) -> dict[str, Any]:
    return {
        "format": "wave.programme/v1",
        "title": title,
        "weeks": weeks,
        "week_hours_norm": norm,
        "courses": [{"design": name, "start_week": start} for name, start in courses],
    }
