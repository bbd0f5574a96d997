"""The programme format `wave.programme/v1` (SPEC §12): courses on a calendar of weeks.

    {"format": "wave.programme/v1", "title": "CE jaar 1, blok 1", "weeks": 10,
     "week_hours_norm": 40, "courses": [{"design": 12, "start_week": 1}]}

A course is a design placed from `start_week`; a phase's `week` counts from the
course's start, so it falls in programme week `start_week + week - 1`. Through the
API `design` is a design's id; in a file checked by `wave check PROGRAMME.json
--designs DIR` it names the file `DIR/<design>.json` (an id is read as that name too).

The same strictness as `wave.design/v1` (`wave.format`): no coercion, finite
numbers, unknown fields refused, problems that name the field. Whether the
designs exist and whether the person may see them is for the storage layer.
"""

import re
from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, ValidationError, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from wave.format import MAX_TITLE, MAX_WEEK, DesignInvalid, Line, Problem, Strict, shape_problem
from wave.i18n import N_

PROGRAMME_FORMAT = "wave.programme/v1"
MAX_COURSES = 40
MAX_WEEK_HOURS = 168  # the hours of a week
DEFAULT_NORM = 40
MAX_ID = 2_147_483_647  # a database id (INTEGER; PostgreSQL: 32 bits)

FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def _design_ref(value: Any) -> int | str:
    """One check with one message, instead of a union's two (`must be a whole number`
    and `must be text`) for a single wrong value."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= MAX_ID:
            return value
    elif isinstance(value, str) and FILE_NAME.match(value):
        return value
    raise PydanticCustomError("design_ref", "not a design's id")


DesignRef = Annotated[
    int | str,
    PlainValidator(_design_ref),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                {"type": "string", "pattern": FILE_NAME.pattern},
            ],
            "description": "A design's id (the API), or a file's name without .json (`wave check`)",
        }
    ),
]


class Course(Strict):
    design: DesignRef
    start_week: int = Field(default=1, ge=1, le=MAX_WEEK)


class Programme(Strict):
    format: Literal["wave.programme/v1"] = PROGRAMME_FORMAT
    title: Line = Field(min_length=1, max_length=MAX_TITLE)
    weeks: int = Field(ge=1, le=MAX_WEEK)
    week_hours_norm: float = Field(default=DEFAULT_NORM, gt=0, le=MAX_WEEK_HOURS, allow_inf_nan=False)
    courses: list[Course] = Field(default=[], max_length=MAX_COURSES)

    @model_validator(mode="after")
    def _courses_fit(self) -> "Programme":
        seen: set[str] = set()
        for index, course in enumerate(self.courses):
            if course.start_week > self.weeks:
                raise PydanticCustomError(
                    "start_after_end",
                    "courses[{index}].start_week: {start} is after the programme's last week ({weeks})",
                    {"index": index, "start": course.start_week, "weeks": self.weeks},
                )
            if str(course.design) in seen:
                raise PydanticCustomError(
                    "course_twice",
                    "courses[{index}].design: this design is in the programme already",
                    {"index": index},
                )
            seen.add(str(course.design))
        return self

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


# Problems the model's own checks find, reported on the field they name.
_OWN_CHECKS = {
    "design_ref": ("", N_("must be the id of a design (a whole number of 1 or more)")),
    "start_after_end": ("start_week", N_("week %(start)s is after the programme's last week (%(weeks)s)")),
    "course_twice": ("design", N_("this design is in the programme already")),
}


def programme_problems(exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors():
        own = _OWN_CHECKS.get(error["type"])
        if own is None:
            problems.append(shape_problem(error))
            continue
        field, message = own
        ctx = error.get("ctx", {})
        loc = f"courses[{ctx['index']}].{field}" if field else shape_problem(error).loc
        problems.append(Problem(loc, message, {k: v for k, v in ctx.items() if k in ("start", "weeks")}))
    return problems


def parse_programme(data: Any) -> Programme:
    """A JSON value -> a `Programme`, or `DesignInvalid` with the problems."""
    if not isinstance(data, dict):
        raise DesignInvalid([Problem("(document)", N_("must be an object"))])
    try:
        return Programme.model_validate(data)
    except ValidationError as exc:
        raise DesignInvalid(programme_problems(exc)) from None


def is_programme(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == PROGRAMME_FORMAT
