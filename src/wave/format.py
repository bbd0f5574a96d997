"""The design interchange format `wave.design/v1` (SPEC §3).

Two steps turn a JSON document into a `Design`:
1. shape: pydantic models with `extra="forbid"` (unknown fields are errors);
2. meaning: every id resolves, every mode and timing is one the catalogue
   activity can take (`check_against_catalogue`).
Both report `Problem`s that name the field (a readable path) and say why in
Dutch and English. `parse_design` does both and fills the catalogue defaults,
so a stored design is explicit and export -> import is an exact round trip.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wave.catalogue import Catalogue
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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Goal(Strict):
    id: str = Field(pattern=ID_PATTERN)
    text: str = Field(min_length=1, max_length=1000)


class PlacedActivity(Strict):
    id: str = Field(pattern=ID_PATTERN)
    activity: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=200)
    mode: Mode
    timing: Timing | None = None
    minutes: int | None = Field(default=None, ge=0, le=100_000)
    topics: list[str] = []
    goals: list[str] = []
    source: Source = "existing"
    multi_location: bool = False
    environment: Environment | None = None
    notes: str = Field(default="", max_length=20_000)
    learning_type: LearningType | None = None
    interactions: list[Interaction] | None = None


class Phase(Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=200)
    kind: PhaseKind = "sequence"
    activities: list[PlacedActivity] = []


class Link(Strict):
    from_: str = Field(alias="from")
    to: str
    kind: LinkKind = "prepares"

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class DesignBody(Strict):
    format: Literal["wave.design/v1"] = FORMAT
    title: str = Field(min_length=1, max_length=200)
    language: Literal["nl", "en"] = "nl"
    template: str = "linear"
    study_load_hours: float | None = Field(default=None, ge=0)
    goals: list[Goal] = []
    phases: list[Phase] = []
    links: list[Link] = []

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
        return {a.id: (pi, ai, p.kind) for pi, p in enumerate(self.phases)
                for ai, a in enumerate(p.activities)}

    def precedes(self, a_id: str, b_id: str,
                 positions: dict[str, tuple[int, int, str]] | None = None) -> bool:
        """SPEC §3: A precedes B when A's phase comes earlier, or both sit in the same
        sequence phase and A is listed earlier (a choice phase has no order inside).
        Pass `positions()` when asking about many pairs."""
        where = positions if positions is not None else self.positions()
        if a_id not in where or b_id not in where:
            return False
        (pa, ia, kind), (pb, ib, _) = where[a_id], where[b_id]
        return pa < pb or (pa == pb and kind == "sequence" and ia < ib)


class Design(DesignBody):
    """A design; `baseline` is the same shape without a nested baseline."""

    baseline: DesignBody | None = None

    def to_json(self) -> dict[str, Any]:
        """The design as `wave.design/v1` JSON (field order as in the spec)."""
        return self.model_dump(mode="json", by_alias=True)


class Problem(BaseModel):
    """One thing wrong with a document: where (`loc`) and why, in both languages."""

    loc: str
    nl: str
    en: str

    def message(self, lang: str) -> str:
        return f"{self.loc}: {self.en if lang == 'en' else self.nl}"


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
            p = "from" if p == "from_" else p
            out += f".{p}" if out else str(p)
    return out or "(document)"


_SHAPE_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("dit veld is verplicht", "this field is required"),
    "extra_forbidden": ("onbekend veld", "unknown field"),
    "string_too_short": ("mag niet leeg zijn", "must not be empty"),
    "string_too_long": ("is te lang", "is too long"),
    "string_pattern_mismatch": (
        "alleen letters, cijfers, '-', '_' en '.' (max. 64 tekens)",
        "only letters, digits, '-', '_' and '.' (at most 64 characters)",
    ),
    "greater_than_equal": ("mag niet negatief zijn", "must not be negative"),
    "less_than_equal": ("is te groot", "is too large"),
    "int_parsing": ("moet een geheel getal zijn", "must be a whole number"),
    "int_from_float": ("moet een geheel getal zijn", "must be a whole number"),
    "int_type": ("moet een geheel getal zijn", "must be a whole number"),
    "float_parsing": ("moet een getal zijn", "must be a number"),
    "float_type": ("moet een getal zijn", "must be a number"),
    "string_type": ("moet tekst zijn", "must be text"),
    "bool_type": ("moet true of false zijn", "must be true or false"),
    "bool_parsing": ("moet true of false zijn", "must be true or false"),
    "list_type": ("moet een lijst zijn", "must be a list"),
    "model_type": ("moet een object zijn", "must be an object"),
    "model_attributes_type": ("moet een object zijn", "must be an object"),
    "dict_type": ("moet een object zijn", "must be an object"),
}


def _shape_problem(error: dict[str, Any]) -> Problem:
    loc = _loc(tuple(error["loc"]))
    kind = error["type"]
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return Problem(
            loc=loc,
            nl=f"{error.get('input')!r} is geen geldige waarde; kies uit {expected}",
            en=f"{error.get('input')!r} is not a valid value; expected {expected}",
        )
    nl, en = _SHAPE_MESSAGES.get(kind, (error["msg"], error["msg"]))
    return Problem(loc=loc, nl=nl, en=en)


# --- meaning errors --------------------------------------------------------

def check_against_catalogue(design: Design, catalogue: Catalogue) -> list[Problem]:
    """Every id resolves and every placed activity is one the catalogue allows."""
    problems: list[Problem] = []
    problems += _check_body(design, catalogue, "")
    if design.baseline is not None:
        problems += _check_body(design.baseline, catalogue, "baseline.")
    return problems


def _check_body(body: DesignBody, catalogue: Catalogue, prefix: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(loc: str, nl: str, en: str) -> None:
        problems.append(Problem(loc=prefix + loc, nl=nl, en=en))

    goal_ids: set[str] = set()
    for gi, goal in enumerate(body.goals):
        if goal.id in goal_ids:
            add(f"goals[{gi}].id", f"doel-id {goal.id!r} komt twee keer voor",
                f"goal id {goal.id!r} is used twice")
        goal_ids.add(goal.id)

    phase_ids: set[str] = set()
    placed_ids: set[str] = set()
    for pi, phase in enumerate(body.phases):
        if phase.id in phase_ids:
            add(f"phases[{pi}].id", f"fase-id {phase.id!r} komt twee keer voor",
                f"phase id {phase.id!r} is used twice")
        phase_ids.add(phase.id)
        for ai, placed in enumerate(phase.activities):
            at = f"phases[{pi}].activities[{ai}]"
            name = f" ({placed.id})"
            if placed.id in placed_ids:
                add(f"{at}.id", f"activiteit-id {placed.id!r} komt twee keer voor",
                    f"activity id {placed.id!r} is used twice")
            placed_ids.add(placed.id)
            for goal_id in placed.goals:
                if goal_id not in goal_ids:
                    add(f"{at}.goals", f"onbekend leerdoel {goal_id!r}{name}",
                        f"unknown learning goal {goal_id!r}{name}")
            if placed.activity == CUSTOM:
                if not placed.title:
                    add(f"{at}.title", f"een eigen activiteit heeft een titel nodig{name}",
                        f"a custom activity needs a title{name}")
                if placed.learning_type is None:
                    add(f"{at}.learning_type",
                        f"een eigen activiteit heeft een leertype nodig{name}",
                        f"a custom activity needs a learning_type{name}")
                if not placed.interactions:
                    add(f"{at}.interactions",
                        f"een eigen activiteit heeft minstens één interactie nodig{name}",
                        f"a custom activity needs at least one interaction{name}")
                continue
            entry = catalogue.get(placed.activity)
            if entry is None:
                add(f"{at}.activity", f"{placed.activity!r} staat niet in de catalogus{name}",
                    f"{placed.activity!r} is not in the catalogue{name}")
                continue
            if placed.mode not in entry.modes:
                add(f"{at}.mode",
                    f"{entry.name.nl} kan niet {placed.mode} (wel: {', '.join(entry.modes)}){name}",
                    f"{entry.name.en} cannot be {placed.mode} (allowed: "
                    f"{', '.join(entry.modes)}){name}")
            if placed.timing is not None and placed.timing not in entry.timings:
                add(f"{at}.timing",
                    f"{entry.name.nl} kan niet {placed.timing} (wel: "
                    f"{', '.join(entry.timings)}){name}",
                    f"{entry.name.en} cannot be {placed.timing} (allowed: "
                    f"{', '.join(entry.timings)}){name}")
            if placed.learning_type is not None or placed.interactions is not None:
                add(f"{at}.learning_type",
                    f"alleen een eigen activiteit ('custom') geeft leertype en interacties{name}",
                    f"only a custom activity gives learning_type and interactions{name}")

    for li, link in enumerate(body.links):
        for end in ("from", "to"):
            ref = link.from_ if end == "from" else link.to
            if ref not in placed_ids:
                add(f"links[{li}].{end}", f"verwijst naar onbekende activiteit {ref!r}",
                    f"refers to unknown activity {ref!r}")
        if link.from_ == link.to:
            add(f"links[{li}]", "een activiteit kan niet naar zichzelf verwijzen",
                "an activity cannot link to itself")
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


def parse_design(data: Any, catalogue: Catalogue) -> Design:
    """A JSON value -> a complete, valid `Design`, or `DesignInvalid`."""
    if not isinstance(data, dict):
        raise DesignInvalid([Problem(loc="(document)", nl="moet een JSON-object zijn",
                                     en="must be a JSON object")])
    if data.get("format") != FORMAT:
        raise DesignInvalid([Problem(
            loc="format", nl=f"moet {FORMAT!r} zijn", en=f"must be {FORMAT!r}")])
    if isinstance(data.get("baseline"), dict):
        data = {**data, "baseline": {"format": FORMAT, **data["baseline"]}}
    try:
        design = Design.model_validate(data)
    except ValidationError as exc:
        raise DesignInvalid([_shape_problem(e) for e in exc.errors()]) from None
    problems = check_against_catalogue(design, catalogue)
    if problems:
        raise DesignInvalid(problems)
    return fill_defaults(design, catalogue)
