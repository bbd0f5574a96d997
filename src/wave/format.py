"""The design interchange format `wave.design/v1` (SPEC §3).

Three steps turn bytes into a `Design`, and every way a design changes goes
through all three (`load_document` for bytes, `parse_design` for the rest):
1. bytes: UTF-8 (a leading BOM is dropped), at most 5 MB, JSON with numbers of
   sane length, nested no deeper than the format needs;
2. shape: strict pydantic models (`extra="forbid"`, no type coercion, finite
   numbers, the limits of §3, no control characters in text);
3. meaning: every id resolves, every mode and timing is one the catalogue
   activity can take, an online activity takes place online
   (`check_against_catalogue`).
Each step reports `Problem`s that name the field (a readable path) and say why (a
message of the catalogue, shown in the reader's language). `parse_design` fills the
catalogue defaults, so a stored design is explicit and export -> import is an exact
round trip.
"""

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from wave.catalogue import Catalogue
from wave.i18n import N_, translate
from wave.vocabulary import (
    Environment,
    Interaction,
    LearningType,
    LinkKind,
    Mode,
    PhaseKind,
    Source,
    Timing,
)

FORMAT = "wave.design/v1"
CUSTOM = "custom"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"

# The limits of SPEC §3.
MAX_BYTES = 5_000_000
MAX_DEPTH = 8  # design > baseline > phases > phase > activities > activity > topics: 7
MAX_TITLE = 200
MAX_NOTES = 10_000
MAX_TOPICS, MAX_TOPIC = 50, 100
MAX_GOALS, MAX_GOAL = 100, 1000
MAX_PHASES = 60
MAX_ACTIVITIES = 2000
MAX_LINKS = 10_000
MAX_MINUTES = 10_000
MAX_HOURS = 10_000
MAX_WEEK = 60

# C0 control characters and DEL; a line of text also refuses tab and line breaks.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\t\n\r\u2028\u2029]")


def _text(value: str) -> str:
    if CONTROL.search(value):
        raise PydanticCustomError("control_character", "contains a control character")
    return value


def _line(value: str) -> str:
    if _LINE_BREAK.search(_text(value)):
        raise PydanticCustomError("line_break", "must be one line")
    return value


Text = Annotated[str, AfterValidator(_text)]
"""Text that may span lines (notes, a goal), without control characters."""
Line = Annotated[str, AfterValidator(_line)]
"""One line of text (titles, topics, ids)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Id = Annotated[str, Field(pattern=ID_PATTERN)]
Topic = Annotated[Line, Field(min_length=1, max_length=MAX_TOPIC)]


class Goal(Strict):
    id: Id
    text: Text = Field(min_length=1, max_length=MAX_GOAL)


class PlacedActivity(Strict):
    id: Id
    activity: Line = Field(min_length=1, max_length=64)
    title: Line | None = Field(default=None, max_length=MAX_TITLE)
    mode: Mode
    timing: Timing | None = None
    minutes: int | None = Field(default=None, ge=0, le=MAX_MINUTES)
    topics: list[Topic] = Field(default=[], max_length=MAX_TOPICS)
    goals: list[Id] = Field(default=[], max_length=MAX_GOALS)
    source: Source = "existing"
    multi_location: bool = False
    environment: Environment | None = None
    notes: Text = Field(default="", max_length=MAX_NOTES)
    learning_type: LearningType | None = None
    interactions: list[Interaction] | None = Field(default=None, max_length=3)


class Phase(Strict):
    id: Id
    title: Line = Field(min_length=1, max_length=MAX_TITLE)
    kind: PhaseKind = "sequence"
    # The week of the course the phase takes place in (SPEC §3, §12); a phase
    # without one takes no part in week totals.
    week: int | None = Field(default=None, ge=1, le=MAX_WEEK)
    activities: list[PlacedActivity] = Field(default=[], max_length=MAX_ACTIVITIES)


class Link(Strict):
    """`from` is a Python keyword: the attribute is `from_`, the JSON field only `from`."""

    from_: Id = Field(alias="from")
    to: Id
    kind: LinkKind = "prepares"


class DesignBody(Strict):
    format: Literal["wave.design/v1"] = FORMAT
    title: Line = Field(min_length=1, max_length=MAX_TITLE)
    language: Literal["nl", "en"] = "nl"
    template: str = Field(default="linear", pattern=SLUG_PATTERN)
    study_load_hours: float | None = Field(default=None, ge=0, le=MAX_HOURS, allow_inf_nan=False)
    goals: list[Goal] = Field(default=[], max_length=MAX_GOALS)
    phases: list[Phase] = Field(default=[], max_length=MAX_PHASES)
    links: list[Link] = Field(default=[], max_length=MAX_LINKS)

    @model_validator(mode="after")
    def _not_too_many_activities(self) -> "DesignBody":
        if sum(len(p.activities) for p in self.phases) > MAX_ACTIVITIES:
            raise PydanticCustomError(
                "too_many_activities", "more than {limit} activities", {"limit": MAX_ACTIVITIES}
            )
        return self

    # Walking the design ----------------------------------------------------
    def placed(self) -> list[PlacedActivity]:
        """All placed activities, in time order (phase order, then list order)."""
        return [a for p in self.phases for a in p.activities]

    def find(self, placed_id: str) -> tuple[Phase, PlacedActivity] | None:
        for phase in self.phases:
            for a in phase.activities:
                if a.id == placed_id:
                    return phase, a
        return None

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def positions(self) -> dict[str, tuple[int, int, str]]:
        """Each placed activity's (phase index, index in the phase, phase kind)."""
        return {
            a.id: (pi, ai, p.kind) for pi, p in enumerate(self.phases) for ai, a in enumerate(p.activities)
        }

    def precedes(
        self, a_id: str, b_id: str, positions: dict[str, tuple[int, int, str]] | None = None
    ) -> bool:
        """SPEC §3: A precedes B when A's phase comes earlier, or both sit in the same
        sequence phase and A is listed earlier (a choice phase has no order inside).
        Pass `positions()` when asking about many pairs."""
        where = positions if positions is not None else self.positions()
        if a_id not in where or b_id not in where:
            return False
        (pa, ia, kind), (pb, ib, _) = where[a_id], where[b_id]
        return pa < pb or (pa == pb and kind == "sequence" and ia < ib)


class Baseline(DesignBody):
    """The design before the redesign: the same shape, whose own `baseline` is absent
    or null (so an exported design can serve as a baseline as it is)."""

    baseline: None = None


class Design(DesignBody):
    """A design; `baseline` is the same shape without a nested baseline."""

    baseline: Baseline | None = None

    def to_json(self) -> dict[str, Any]:
        """The design as `wave.design/v1` JSON (field order as in the spec), with only
        the fields that carry a value."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (`loc`) and why (`msg`, an English
    message id marked with `N_`, and the values of its placeholders)."""

    loc: str
    msg: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        """Why, in `lang`."""
        return translate(lang, self.msg, **self.values)

    def message(self, lang: str) -> str:
        """With the field's path, for the CLI and the API: `phases[0].title: …`."""
        return f"{self.loc}: {self.text(lang)}"

    def readable(self, lang: str) -> str:
        """With the field in words, for a page: `Fase 1 › titel: …`."""
        return f"{where(self.loc, lang)}: {self.text(lang)}"


# The fields in words, as they read inside a path (`Fase 1 › titel`).
FIELD_WORDS: dict[str, str] = {
    "(document)": N_("File"),
    "format": N_("format"),
    "title": N_("title"),
    "language": N_("language"),
    "template": N_("template"),
    "study_load_hours": N_("study load"),
    "goals": N_("goal"),
    "text": N_("text"),
    "phases": N_("phase"),
    "kind": N_("kind"),
    "week": N_("week"),
    "activities": N_("activity"),
    "activity": N_("activity"),
    "mode": N_("mode"),
    "timing": N_("timing"),
    "minutes": N_("minutes"),
    "topics": N_("topic"),
    "source": N_("source"),
    "multi_location": N_("in several places at once"),
    "environment": N_("environment"),
    "notes": N_("notes"),
    "learning_type": N_("learning type"),
    "interactions": N_("interactions"),
    "links": N_("link"),
    "from": N_("from"),
    "to": N_("to"),
    "baseline": N_("baseline"),
}


def where(loc: str, lang: str) -> str:
    """A field path in words: `phases[0].activities[2].mode` -> `Fase 1 › activiteit 3 ›
    lesvorm` (numbers count from 1)."""
    parts = []
    for name, index in re.findall(r"([^.\[\]]+)(?:\[(\d+)\])?", loc):
        word = field_word(name, lang)
        parts.append(f"{word} {int(index) + 1}" if index else word)
    text = " › ".join(parts)
    return text[:1].upper() + text[1:]


def field_word(name: str, lang: str) -> str:
    """A field's name in words (`title` -> `titel`); a name not listed stays as it is."""
    if name not in FIELD_WORDS:
        return name
    return translate(lang, FIELD_WORDS[name])


class DesignInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.message("en") for p in problems))

    def messages(self, lang: str) -> list[str]:
        return [p.message(lang) for p in self.problems]


# --- shape errors ----------------------------------------------------------


def _loc(parts: tuple[Any, ...]) -> str:
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
    return out or "(document)"


CONTROL_MESSAGE = N_("contains a control character (such as NUL); plain text only")
_SHAPE_MESSAGES: dict[str, str] = {
    "missing": N_("this field is required"),
    "extra_forbidden": N_("unknown field"),
    "string_too_short": N_("must not be empty"),
    "string_too_long": N_("is longer than %(max_length)s characters"),
    "string_pattern_mismatch": N_("only letters, digits, '-', '_' and '.' (at most 64 characters)"),
    "too_long": N_("has more than %(max_length)s items"),
    "too_short": N_("must not be empty"),
    "too_many_activities": N_("has more than %(limit)s activities"),
    "greater_than_equal": N_("must not be less than %(ge)s"),
    "less_than_equal": N_("must not be more than %(le)s"),
    "finite_number": N_("must be a finite number (not NaN or infinity)"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "int_type": N_("must be a whole number (not text)"),
    "float_parsing": N_("must be a number"),
    "float_type": N_("must be a number (not text)"),
    "string_type": N_("must be text"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "none_required": N_("must be null or absent"),
    "list_type": N_("must be a list"),
    "model_type": N_("must be an object"),
    "model_attributes_type": N_("must be an object"),
    "dict_type": N_("must be an object"),
    "control_character": CONTROL_MESSAGE,
    "line_break": N_("must be one line (no tab or line break)"),
}
_TEMPLATE_SLUG = N_(
    "linear, non-linear, hybrid or a custom template's slug: lower-case letters, "
    "digits and '-' (at most 64 characters)"
)


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def shape_problems(exc: ValidationError) -> list[Problem]:
    return [shape_problem(e) for e in exc.errors()]


def shape_problem(error: dict[str, Any]) -> Problem:
    loc = _loc(tuple(error["loc"]))
    kind = error["type"]
    ctx = {k: _number(v) if isinstance(v, int | float) else v for k, v in error.get("ctx", {}).items()}
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        shown = _shown(error.get("input"))
        return Problem(
            loc,
            N_("%(value)s is not a valid value; expected %(expected)s"),
            {"value": shown, "expected": expected},
        )
    if kind == "too_many_activities":
        loc = "phases" if loc == "(document)" else f"{loc}.phases"
    if kind == "string_pattern_mismatch" and loc.endswith("template"):
        return Problem(loc, _TEMPLATE_SLUG)
    if kind == "greater_than_equal" and ctx.get("ge") == "0":
        return Problem(loc, N_("must not be negative"))
    message = _SHAPE_MESSAGES.get(kind, N_("invalid value"))
    names = re.findall(r"%\((\w+)\)s", message)
    return Problem(loc, message, {name: ctx.get(name, "") for name in names})


def _shown(value: Any) -> str:
    """A wrong value as the message quotes it: short, and without control characters."""
    text = repr(value)
    text = CONTROL.sub("?", text)
    return text if len(text) <= 60 else text[:57] + "..."


# --- bytes -----------------------------------------------------------------


def load_document(raw: bytes | str, *, loc: str = "(document)") -> Any:
    """Bytes (a file, a request body) -> a JSON value, or `DesignInvalid` saying what is
    wrong with them in words a teacher can read (no Python exception text)."""

    def refuse(message: str, **values: object) -> DesignInvalid:
        return DesignInvalid([Problem(loc, message, values)])

    too_deep = N_("is nested deeper than the format allows")
    if len(raw) > MAX_BYTES:
        raise refuse(N_("the document is larger than 5 MB"))
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise refuse(N_("is not UTF-8 text (is it a JSON file?)")) from None
    raw = raw.removeprefix("\ufeff")
    try:
        data = json.loads(raw)  # NaN and Infinity load; the models refuse them by field
    except json.JSONDecodeError as exc:
        raise refuse(
            N_("is not valid JSON (line %(line)s, column %(column)s)"), line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise refuse(too_deep) from None
    except ValueError:
        raise refuse(N_("contains a number with too many digits")) from None
    if _depth(data) > MAX_DEPTH:
        raise refuse(too_deep)
    return data


def _depth(value: Any) -> int:
    """How deep objects and lists nest (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


# --- meaning errors --------------------------------------------------------


def check_against_catalogue(design: Design, catalogue: Catalogue) -> list[Problem]:
    """Every id resolves and every placed activity is one the catalogue allows."""
    problems: list[Problem] = []
    problems += _check_body(design, catalogue, "")
    if design.baseline is not None:
        problems += _check_body(design.baseline, catalogue, "baseline.")
    return problems


_CANNOT_BE = N_("%(activity)s cannot be %(value)s (allowed: %(allowed)s)%(name)s")


def _check_body(body: DesignBody, catalogue: Catalogue, prefix: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(loc: str, message: str, **values: object) -> None:
        problems.append(Problem(prefix + loc, message, values))

    goal_ids: set[str] = set()
    for gi, goal in enumerate(body.goals):
        if goal.id in goal_ids:
            add(f"goals[{gi}].id", N_("goal id %(id)r is used twice"), id=goal.id)
        goal_ids.add(goal.id)

    phase_ids: set[str] = set()
    placed_ids: set[str] = set()
    for pi, phase in enumerate(body.phases):
        if phase.id in phase_ids:
            add(f"phases[{pi}].id", N_("phase id %(id)r is used twice"), id=phase.id)
        phase_ids.add(phase.id)
        for ai, placed in enumerate(phase.activities):
            at = f"phases[{pi}].activities[{ai}]"
            name = f" ({placed.id})"
            if placed.id in placed_ids:
                add(f"{at}.id", N_("activity id %(id)r is used twice"), id=placed.id)
            placed_ids.add(placed.id)
            for goal_id in placed.goals:
                if goal_id not in goal_ids:
                    add(f"{at}.goals", N_("unknown learning goal %(goal)r%(name)s"), goal=goal_id, name=name)
            if placed.environment is not None and (placed.environment == "online") != (
                placed.mode == "online"
            ):
                add(
                    f"{at}.environment",
                    N_(
                        "an online activity takes place online, a face-to-face one on campus, at "
                        "the workplace or in society%(name)s"
                    ),
                    name=name,
                )
            if placed.activity == CUSTOM:
                if not placed.title:
                    add(f"{at}.title", N_("a custom activity needs a title%(name)s"), name=name)
                if placed.learning_type is None:
                    add(
                        f"{at}.learning_type",
                        N_("a custom activity needs a learning_type%(name)s"),
                        name=name,
                    )
                if not placed.interactions:
                    add(
                        f"{at}.interactions",
                        N_("a custom activity needs at least one interaction%(name)s"),
                        name=name,
                    )
                continue
            entry = catalogue.get(placed.activity)
            if entry is None:
                add(
                    f"{at}.activity",
                    N_("%(activity)r is not in the catalogue%(name)s"),
                    activity=placed.activity,
                    name=name,
                )
                continue
            if placed.mode not in entry.modes:
                add(
                    f"{at}.mode",
                    _CANNOT_BE,
                    activity=entry.name,
                    value=placed.mode,
                    allowed=", ".join(entry.modes),
                    name=name,
                )
            if placed.timing is not None and placed.timing not in entry.timings:
                add(
                    f"{at}.timing",
                    _CANNOT_BE,
                    activity=entry.name,
                    value=placed.timing,
                    allowed=", ".join(entry.timings),
                    name=name,
                )
            if placed.learning_type is not None or placed.interactions is not None:
                add(
                    f"{at}.learning_type",
                    N_("only a custom activity gives learning_type and interactions%(name)s"),
                    name=name,
                )

    for li, link in enumerate(body.links):
        for end in ("from", "to"):
            ref = link.from_ if end == "from" else link.to
            if ref not in placed_ids:
                add(f"links[{li}].{end}", N_("refers to unknown activity %(activity)r"), activity=ref)
        if link.from_ == link.to:
            add(f"links[{li}]", N_("an activity cannot link to itself"))
    return problems


def fill_defaults(design: Design, catalogue: Catalogue) -> Design:
    """Make catalogue defaults explicit: title, timing, minutes, environment."""
    for body in (design, design.baseline):
        if body is None:
            continue
        for placed in body.placed():
            entry = catalogue.get(placed.activity)
            if entry is not None:
                placed.title = placed.title or entry.name(body.language)
                placed.timing = placed.timing or entry.timings[0]
                placed.minutes = entry.minutes if placed.minutes is None else placed.minutes
            else:
                placed.timing = placed.timing or "async"
                placed.minutes = 0 if placed.minutes is None else placed.minutes
            if placed.environment is None:
                placed.environment = "online" if placed.mode == "online" else "campus"
            placed.topics = [t.strip() for t in placed.topics if t.strip()]
    return design


NOT_AN_OBJECT = N_("must be a JSON object")


def validated(design: Design, catalogue: Catalogue) -> Design:
    """The whole of a design that was changed in place (a canvas edit), validated
    again as a document: what `parse_design` would make of it, or `DesignInvalid`."""
    return parse_design(design.model_dump(by_alias=True, exclude_none=True), catalogue)


def parse_design(data: Any, catalogue: Catalogue) -> Design:
    """A JSON value -> a complete, valid `Design`, or `DesignInvalid`."""
    if not isinstance(data, dict):
        raise DesignInvalid([Problem("(document)", NOT_AN_OBJECT)])
    if data.get("format") != FORMAT:
        raise DesignInvalid([Problem("format", N_("must be %(format)r"), {"format": FORMAT})])
    if isinstance(data.get("baseline"), dict):
        data = {**data, "baseline": {"format": FORMAT, **data["baseline"]}}
    try:
        design = Design.model_validate(data)
    except ValidationError as exc:
        raise DesignInvalid(shape_problems(exc)) from None
    problems = check_against_catalogue(design, catalogue)
    if problems:
        raise DesignInvalid(problems)
    return fill_defaults(design, catalogue)
