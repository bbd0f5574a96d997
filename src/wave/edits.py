"""Edits a person makes on the canvas, as pure functions on a `Design`.

Each edit changes the design in place and returns a `Change` (what happened, in
both languages, for the undo toast and the screen-reader announcement), or
raises `EditRefused` with a reason in both languages and leaves it untouched
(callers edit a copy and only store it when the edit went through).
"""

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from wave.catalogue import Catalogue
from wave.format import (
    CUSTOM,
    Baseline,
    Design,
    Goal,
    Link,
    Phase,
    PlacedActivity,
    fill_defaults,
    shape_problems,
)
from wave.vocabulary import label


@dataclass(frozen=True)
class Change:
    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class EditRefused(Exception):
    def __init__(self, nl: str, en: str, field: str | None = None):
        self.nl, self.en, self.field = nl, en, field
        super().__init__(en)

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def _next_id(existing: set[str], prefix: str) -> str:
    numbers = [int(m.group(1)) for x in existing if (m := re.fullmatch(rf"{prefix}(\d+)", x))]
    n = max(numbers, default=0) + 1
    while f"{prefix}{n}" in existing:
        n += 1
    return f"{prefix}{n}"


def _phase(design: Design, phase_id: str) -> Phase:
    phase = design.phase(phase_id)
    if phase is None:
        raise EditRefused(
            f"Fase {phase_id!r} bestaat niet (meer).",
            f"Phase {phase_id!r} does not exist (any more).",
            "phase",
        )
    return phase


def _placed(design: Design, placed_id: str) -> tuple[Phase, PlacedActivity]:
    found = design.find(placed_id)
    if found is None:
        raise EditRefused(
            f"Activiteit {placed_id!r} bestaat niet (meer).",
            f"Activity {placed_id!r} does not exist (any more).",
            "activity",
        )
    return found


def _check_mode(catalogue: Catalogue, placed_activity: str, title: str, mode: str) -> None:
    entry = catalogue.get(placed_activity)
    if entry is not None and mode not in entry.modes:
        other = label(entry.modes[0], "nl").lower(), label(entry.modes[0], "en").lower()
        raise EditRefused(
            f"{title} kan niet {label(mode, 'nl').lower()}; deze activiteit is alleen {other[0]} mogelijk.",
            f"{title} cannot be {label(mode, 'en').lower()}; this activity is only possible {other[1]}.",
            "mode",
        )


def _set_mode(placed: PlacedActivity, mode: str) -> None:
    placed.mode = mode  # type: ignore[assignment]
    if mode == "online":
        placed.environment = "online"
    elif placed.environment == "online":
        placed.environment = "campus"


def _insert_in_lane(phase: Phase, placed: PlacedActivity, mode: str, index: int) -> None:
    """Put `placed` at position `index` among the phase's activities of lane `mode`."""
    lane = [a for a in phase.activities if a.mode == mode]
    index = max(0, index)
    if index < len(lane):
        at = phase.activities.index(lane[index])
    elif lane:
        at = phase.activities.index(lane[-1]) + 1
    else:
        at = len(phase.activities)
    phase.activities.insert(at, placed)


def _insert(phase: Phase, placed: PlacedActivity, mode: str, index: int, at: int | None) -> None:
    """Insert at phase position `at` (the place in time the card was dropped at) when
    given, else at `index` among the lane's cards."""
    if at is None:
        _insert_in_lane(phase, placed, mode, index)
    else:
        phase.activities.insert(max(0, min(at, len(phase.activities))), placed)


def add_activity(
    design: Design,
    catalogue: Catalogue,
    *,
    activity: str,
    phase_id: str,
    mode: str,
    index: int,
    at: int | None = None,
) -> tuple[Change, str]:
    entry = catalogue.get(activity)
    if entry is None:
        raise EditRefused(
            f"{activity!r} staat niet in de catalogus.", f"{activity!r} is not in the catalogue.", "activity"
        )
    phase = _phase(design, phase_id)
    _check_mode(catalogue, activity, entry.name(design.language), mode)
    new_id = _next_id({a.id for a in design.placed()}, "a")
    placed = PlacedActivity(id=new_id, activity=activity, mode=mode)  # type: ignore[arg-type]
    _set_mode(placed, mode)
    _insert(phase, placed, mode, index, at)
    fill_defaults(design, catalogue)
    return Change(
        f"{entry.name.nl} toegevoegd aan {phase.title}.", f"{entry.name.en} added to {phase.title}."
    ), new_id


def add_custom_activity(
    design: Design,
    *,
    title: str,
    learning_type: str,
    interactions: list[str],
    modes: list[str],
    minutes: int,
    phase_id: str,
    mode: str,
    index: int,
    at: int | None = None,
) -> tuple[Change, str]:
    """Place one of the teacher's own activities (`activity: custom`)."""
    phase = _phase(design, phase_id)
    if mode not in modes:
        raise EditRefused(
            f"{title} is niet {label(mode, 'nl').lower()} bedoeld.",
            f"{title} is not meant to be {label(mode, 'en').lower()}.",
            "mode",
        )
    new_id = _next_id({a.id for a in design.placed()}, "a")
    placed = PlacedActivity(
        id=new_id,
        activity=CUSTOM,
        title=title,
        mode=mode,  # type: ignore[arg-type]
        timing="sync" if mode == "offline" else "async",
        minutes=minutes,
        learning_type=learning_type,  # type: ignore[arg-type]
        interactions=interactions,
    )  # type: ignore[arg-type]
    _set_mode(placed, mode)
    _insert(phase, placed, mode, index, at)
    return Change(f"{title} toegevoegd aan {phase.title}.", f"{title} added to {phase.title}."), new_id


def move_activity(
    design: Design,
    catalogue: Catalogue,
    *,
    placed_id: str,
    phase_id: str,
    mode: str,
    index: int,
    at: int | None = None,
) -> Change:
    source, placed = _placed(design, placed_id)
    target = _phase(design, phase_id)
    _check_mode(catalogue, placed.activity, placed.title or placed.activity, mode)
    source.activities.remove(placed)
    _set_mode(placed, mode)
    _insert(target, placed, mode, index, at)
    where_nl = f"{target.title}, {label(mode, 'nl').lower()}"
    where_en = f"{target.title}, {label(mode, 'en').lower()}"
    return Change(f"{placed.title} verplaatst naar {where_nl}.", f"{placed.title} moved to {where_en}.")


def nudge_activity(design: Design, catalogue: Catalogue, *, placed_id: str, direction: str) -> Change:
    """Keyboard moves: left/right in time (across phases), up/down between lanes."""
    phase, placed = _placed(design, placed_id)
    if direction in ("up", "down"):
        mode = "online" if direction == "up" else "offline"
        if placed.mode == mode:
            raise EditRefused(
                f"{placed.title} staat al in de {label(mode, 'nl').lower()} baan.",
                f"{placed.title} is already in the {label(mode, 'en').lower()} lane.",
            )
        _check_mode(catalogue, placed.activity, placed.title or placed.activity, mode)
        _set_mode(placed, mode)
        return Change(
            f"{placed.title} is nu {label(mode, 'nl').lower()}.",
            f"{placed.title} is now {label(mode, 'en').lower()}.",
        )
    if direction not in ("left", "right"):
        raise EditRefused("Onbekende richting.", "Unknown direction.", "direction")
    step = -1 if direction == "left" else 1
    at = phase.activities.index(placed)
    if 0 <= at + step < len(phase.activities):
        phase.activities[at], phase.activities[at + step] = (
            phase.activities[at + step],
            phase.activities[at],
        )
        return Change(
            f"{placed.title} een stap {'eerder' if step < 0 else 'later'}.",
            f"{placed.title} one step {'earlier' if step < 0 else 'later'}.",
        )
    pi = design.phases.index(phase)
    if not 0 <= pi + step < len(design.phases):
        raise EditRefused(
            f"{placed.title} staat al helemaal {'vooraan' if step < 0 else 'achteraan'}.",
            f"{placed.title} is already {'first' if step < 0 else 'last'}.",
        )
    target = design.phases[pi + step]
    phase.activities.remove(placed)
    if step < 0:
        target.activities.append(placed)
    else:
        target.activities.insert(0, placed)
    return Change(
        f"{placed.title} verplaatst naar {target.title}.", f"{placed.title} moved to {target.title}."
    )


def remove_activity(design: Design, *, placed_id: str) -> Change:
    phase, placed = _placed(design, placed_id)
    phase.activities.remove(placed)
    design.links = [k for k in design.links if placed_id not in (k.from_, k.to)]
    return Change(f"{placed.title} verwijderd.", f"{placed.title} removed.")


def duplicate_activity(design: Design, *, placed_id: str) -> tuple[Change, str]:
    """A copy with a new id right after the original, in the same lane (no links)."""
    phase, placed = _placed(design, placed_id)
    new_id = _next_id({a.id for a in design.placed()}, "a")
    copy = placed.model_copy(deep=True, update={"id": new_id})
    phase.activities.insert(phase.activities.index(placed) + 1, copy)
    return Change(f"{placed.title} gedupliceerd.", f"{placed.title} duplicated."), new_id


def toggle_goal(design: Design, *, placed_id: str, goal_id: str) -> Change:
    """Give the activity the goal, or take it away when it has it already."""
    _, placed = _placed(design, placed_id)
    goal = next((g for g in design.goals if g.id == goal_id), None)
    if goal is None:
        raise EditRefused("Dit leerdoel bestaat niet (meer).", "This goal does not exist (any more).", "goal")
    if goal_id in placed.goals:
        placed.goals = [g for g in placed.goals if g != goal_id]
        return Change(
            f"{placed.title} werkt niet meer aan {goal_id}.",
            f"{placed.title} no longer works towards {goal_id}.",
        )
    placed.goals = [g.id for g in design.goals if g.id in {*placed.goals, goal_id}]
    return Change(f"{placed.title} werkt aan {goal_id}.", f"{placed.title} works towards {goal_id}.")


EDITABLE = (
    "title",
    "timing",
    "minutes",
    "topics",
    "goals",
    "source",
    "environment",
    "multi_location",
    "notes",
    "learning_type",
    "interactions",
)


def update_activity(
    design: Design, catalogue: Catalogue, *, placed_id: str, fields: dict[str, Any]
) -> Change:
    phase, placed = _placed(design, placed_id)
    data = placed.model_dump()
    for name, value in fields.items():
        if name not in EDITABLE:
            raise EditRefused(
                f"Veld {name!r} kan hier niet bewerkt worden.", f"Field {name!r} cannot be edited here.", name
            )
        data[name] = value
    if placed.activity != CUSTOM:
        data["learning_type"] = data["interactions"] = None
    try:
        updated = PlacedActivity.model_validate(data)
    except ValidationError as exc:
        first = shape_problems(exc)[0]
        raise EditRefused(first.readable("nl"), first.readable("en"), first.loc) from None
    phase.activities[phase.activities.index(placed)] = updated  # the save validates the whole
    fill_defaults(design, catalogue)
    return Change(f"{updated.title} bijgewerkt.", f"{updated.title} updated.")


# --- links -----------------------------------------------------------------


def default_link_kind(design: Design, from_id: str, to_id: str) -> str:
    """SPEC §5.2: `prepares` when the source precedes the target, `follows-up` otherwise."""
    return "prepares" if design.precedes(from_id, to_id) else "follows-up"


def add_link(design: Design, *, from_id: str, to_id: str, kind: str = "") -> Change:
    _, a = _placed(design, from_id)
    _, b = _placed(design, to_id)
    kind = kind or default_link_kind(design, from_id, to_id)
    if from_id == to_id:
        raise EditRefused(
            "Een activiteit kan niet naar zichzelf verwijzen.", "An activity cannot link to itself.", "to"
        )
    if any(k.from_ == from_id and k.to == to_id for k in design.links):
        raise EditRefused("Deze verbinding bestaat al.", "This link already exists.", "to")
    try:
        link = Link.model_validate({"from": from_id, "to": to_id, "kind": kind})
    except ValidationError:
        raise EditRefused(
            f"Onbekend soort verbinding {kind!r}.", f"Unknown link kind {kind!r}.", "kind"
        ) from None
    design.links.append(link)
    return Change(f"{a.title} {label(kind, 'nl')} {b.title}.", f"{a.title} {label(kind, 'en')} {b.title}.")


def update_link(design: Design, *, from_id: str, to_id: str, kind: str = "", reverse: bool = False) -> Change:
    """Change a link's kind, or turn it around (then `kind` may stay empty)."""
    link = next((k for k in design.links if k.from_ == from_id and k.to == to_id), None)
    if link is None:
        raise EditRefused("Deze verbinding bestaat niet.", "This link does not exist.", "link")
    if reverse:
        if any(k.from_ == to_id and k.to == from_id for k in design.links):
            raise EditRefused(
                "De omgekeerde verbinding bestaat al.", "The reversed link exists already.", "link"
            )
        link.from_, link.to = to_id, from_id
    if kind:
        try:
            Link.model_validate({"from": link.from_, "to": link.to, "kind": kind})
        except ValidationError:
            raise EditRefused(
                f"Onbekend soort verbinding {kind!r}.", f"Unknown link kind {kind!r}.", "kind"
            ) from None
        link.kind = kind  # type: ignore[assignment]
    a, b = design.find(link.from_), design.find(link.to)
    ta, tb = (a[1].title if a else link.from_), (b[1].title if b else link.to)
    return Change(f"{ta} {label(link.kind, 'nl')} {tb}.", f"{ta} {label(link.kind, 'en')} {tb}.")


def remove_link(design: Design, *, from_id: str, to_id: str) -> Change:
    before = len(design.links)
    design.links = [k for k in design.links if not (k.from_ == from_id and k.to == to_id)]
    if len(design.links) == before:
        raise EditRefused("Deze verbinding bestaat niet.", "This link does not exist.", "link")
    return Change("Verbinding verwijderd.", "Link removed.")


# --- goals -----------------------------------------------------------------


def add_goal(design: Design, *, text: str) -> Change:
    text = text.strip()
    if not text:
        raise EditRefused("Een leerdoel mag niet leeg zijn.", "A learning goal cannot be empty.", "text")
    if len(text) > 1000:
        raise EditRefused(
            "Een leerdoel is hooguit 1000 tekens.", "A learning goal is at most 1000 characters.", "text"
        )
    design.goals.append(Goal(id=_next_id({g.id for g in design.goals}, "g"), text=text))
    return Change("Leerdoel toegevoegd.", "Learning goal added.")


def update_goal(design: Design, *, goal_id: str, text: str) -> Change:
    goal = next((g for g in design.goals if g.id == goal_id), None)
    if goal is None:
        raise EditRefused("Dit leerdoel bestaat niet (meer).", "This goal does not exist (any more).", "goal")
    if not text.strip() or len(text) > 1000:
        raise EditRefused(
            "Een leerdoel is 1 tot 1000 tekens.", "A learning goal is 1 to 1000 characters.", "text"
        )
    goal.text = text.strip()
    return Change("Leerdoel bijgewerkt.", "Learning goal updated.")


def remove_goal(design: Design, *, goal_id: str) -> Change:
    if not any(g.id == goal_id for g in design.goals):
        raise EditRefused("Dit leerdoel bestaat niet (meer).", "This goal does not exist (any more).", "goal")
    design.goals = [g for g in design.goals if g.id != goal_id]
    for placed in design.placed():
        placed.goals = [g for g in placed.goals if g != goal_id]
    return Change("Leerdoel verwijderd.", "Learning goal removed.")


# --- phases ----------------------------------------------------------------


def _phase_title(title: str) -> str:
    title = title.strip()
    if not title or len(title) > 200:
        raise EditRefused(
            "Een fasenaam is 1 tot 200 tekens.", "A phase name is 1 to 200 characters.", "title"
        )
    return title


def add_phase(design: Design, *, title: str, kind: str) -> Change:
    if kind not in ("sequence", "choice"):
        raise EditRefused("Kies 'volgorde' of 'keuze'.", "Choose 'sequence' or 'choice'.", "kind")
    title = _phase_title(title)
    design.phases.append(Phase(id=_next_id({p.id for p in design.phases}, "p"), title=title, kind=kind))  # type: ignore[arg-type]
    return Change(f"Fase {title} toegevoegd.", f"Phase {title} added.")


def update_phase(design: Design, *, phase_id: str, title: str, kind: str) -> Change:
    phase = _phase(design, phase_id)
    if kind not in ("sequence", "choice"):
        raise EditRefused("Kies 'volgorde' of 'keuze'.", "Choose 'sequence' or 'choice'.", "kind")
    phase.title = _phase_title(title)
    phase.kind = kind  # type: ignore[assignment]
    return Change(f"Fase {phase.title} bijgewerkt.", f"Phase {phase.title} updated.")


def move_phase(design: Design, *, phase_id: str, step: int) -> Change:
    phase = _phase(design, phase_id)
    at = design.phases.index(phase)
    to = at + (1 if step > 0 else -1)
    if not 0 <= to < len(design.phases):
        raise EditRefused(
            "Deze fase kan niet verder die kant op.", "This phase cannot move further that way.", "phase"
        )
    design.phases[at], design.phases[to] = design.phases[to], design.phases[at]
    return Change(f"Fase {phase.title} verplaatst.", f"Phase {phase.title} moved.")


def remove_phase(design: Design, *, phase_id: str) -> Change:
    phase = _phase(design, phase_id)
    gone = {a.id for a in phase.activities}
    design.phases.remove(phase)
    design.links = [k for k in design.links if k.from_ not in gone and k.to not in gone]
    return Change(f"Fase {phase.title} verwijderd.", f"Phase {phase.title} removed.")


_NUMBERED = re.compile(r"^(.*?)(\d+)(\D*)$")


def _repeat_title(title: str, step: int, lang: str) -> str:
    """ "Week 2" repeated after a run of 3 phases becomes "Week 5"; other titles get a suffix."""
    m = _NUMBERED.match(title)
    if m:
        return f"{m.group(1)}{int(m.group(2)) + step}{m.group(3)}"[:200]
    return f"{title} ({'copy' if lang == 'en' else 'kopie'})"[:200]


def duplicate_phases(design: Design, *, phase_id: str, through_id: str = "") -> Change:
    """Repeat the run of phases from `phase_id` through `through_id` (default: that one
    phase) right after it: new ids for phases and activities, links inside the run copied."""
    first = _phase(design, phase_id)
    last = _phase(design, through_id) if through_id else first
    start, end = design.phases.index(first), design.phases.index(last)
    if end < start:
        raise EditRefused(
            "De laatste fase van de reeks komt voor de eerste.",
            "The last phase of the run comes before the first.",
            "through",
        )
    run = design.phases[start : end + 1]
    # "Week 1 voor … Week 1 na" is one week: the copies are numbered one week on
    numbers = [int(m.group(2)) for p in run if (m := _NUMBERED.match(p.title))]
    span = max(numbers) - min(numbers) + 1 if numbers else 1
    phase_ids = {p.id for p in design.phases}
    placed_ids = {a.id for a in design.placed()}
    new_ids: dict[str, str] = {}
    copies: list[Phase] = []
    for phase in run:
        copy = phase.model_copy(deep=True)
        copy.id = _next_id(phase_ids, "p")
        phase_ids.add(copy.id)
        copy.title = _repeat_title(phase.title, span, design.language)
        for a in copy.activities:
            new_ids[a.id] = a.id = _next_id(placed_ids, "a")
            placed_ids.add(a.id)
        copies.append(copy)
    design.phases[end + 1 : end + 1] = copies
    inside = [k for k in design.links if k.from_ in new_ids and k.to in new_ids]
    design.links += [
        Link.model_validate({"from": new_ids[k.from_], "to": new_ids[k.to], "kind": k.kind}) for k in inside
    ]
    if len(run) == 1:
        return Change(f"Fase {first.title} gedupliceerd.", f"Phase {first.title} duplicated.")
    return Change(
        f"Fasen {first.title} t/m {last.title} herhaald.", f"Phases {first.title} to {last.title} repeated."
    )


# --- the design itself -----------------------------------------------------


def update_meta(design: Design, *, title: str, study_load_hours: str, language: str) -> Change:
    """Title, study-load budget and language from the form; their limits are the
    format's (the save validates the whole design)."""
    hours: float | None = None
    if study_load_hours.strip():
        try:
            hours = float(study_load_hours.strip().replace(",", "."))
        except ValueError:
            raise EditRefused(
                "Studielast: vul een aantal uren in, bijvoorbeeld 84.",
                "Study load: enter a number of hours, for example 84.",
                "study_load_hours",
            ) from None
    design.title, design.study_load_hours = title.strip(), hours
    design.language = language  # type: ignore[assignment]
    return Change("Ontwerp bijgewerkt.", "Design updated.")


# --- baseline --------------------------------------------------------------


def set_baseline(design: Design) -> Change:
    """Record the design as it is now as the current situation to compare against."""
    snapshot = design.model_copy(deep=True)
    design.baseline = Baseline.model_validate(snapshot.model_dump(exclude={"baseline"}, by_alias=True))
    return Change(
        "Huidige situatie vastgelegd als uitgangspunt.", "Current situation recorded as the baseline."
    )


def clear_baseline(design: Design) -> Change:
    design.baseline = None
    return Change("Uitgangssituatie verwijderd.", "Baseline removed.")
