"""Edits a person makes on the canvas, as pure functions on a `Design`.

Each edit changes the design in place and returns a `Change` (what happened, a
message of the catalogue for the undo toast, the screen-reader announcement and the
version's summary), or raises `EditRefused` with a reason and leaves it untouched
(callers edit a copy and only store it when the edit went through).
"""

import re
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from wave.catalogue import Catalogue
from wave.format import (
    CUSTOM,
    MAX_WEEK,
    Baseline,
    Design,
    Goal,
    Link,
    Phase,
    PlacedActivity,
    Problem,
    fill_defaults,
    shape_problems,
)
from wave.i18n import N_, Message, translate


class Change(Message):
    """What an edit did: an English message id (`N_`) and its values."""


class EditRefused(Exception):
    """Why an edit did not go through: a message id (`N_`) with its values, or a text
    already worded (a `Problem`'s `readable`), and the field it is about."""

    def __init__(self, message: str | Callable[[str], str], field: str | None = None, /, **values: object):
        self.say = Message(message, **values) if isinstance(message, str) else message
        self.field = field
        super().__init__(self.say("en"))

    def __call__(self, lang: str) -> str:
        return self.say(lang)


# Sentences that name a lane or a link kind, one per code (a whole sentence translates
# better than a label put into one).
_NOT_POSSIBLE = {
    "online": N_("%(title)s cannot be online; this activity is only possible face-to-face."),
    "offline": N_("%(title)s cannot be face-to-face; this activity is only possible online."),
}
_NOT_MEANT = {
    "online": N_("%(title)s is not meant to be online."),
    "offline": N_("%(title)s is not meant to be face-to-face."),
}
_MOVED_TO = {
    "online": N_("%(title)s moved to %(phase)s, online."),
    "offline": N_("%(title)s moved to %(phase)s, face-to-face."),
}
_IN_LANE = {
    "online": N_("%(title)s is already in the online lane."),
    "offline": N_("%(title)s is already in the face-to-face lane."),
}
_NOW = {
    "online": N_("%(title)s is now online."),
    "offline": N_("%(title)s is now face-to-face."),
}
_LINKED = {
    "prepares": N_("%(source)s prepares for %(target)s."),
    "follows-up": N_("%(source)s follows up on %(target)s."),
    "feedback": N_("%(source)s gives feedback on %(target)s."),
    "uses": N_("%(source)s uses %(target)s."),
}


_NO_GOAL = N_("This goal does not exist (any more).")
_NO_LINK = N_("This link does not exist.")
_UNKNOWN_KIND = N_("Unknown link kind %(kind)r.")
_PHASE_KIND = N_("Choose 'sequence' or 'choice'.")


def next_id(existing: set[str], prefix: str) -> str:
    """The first `prefix` + number after the highest of `existing` (a1, g2, p3…)."""
    numbers = [int(m.group(1)) for x in existing if (m := re.fullmatch(rf"{prefix}(\d+)", x))]
    n = max(numbers, default=0) + 1
    while f"{prefix}{n}" in existing:
        n += 1
    return f"{prefix}{n}"


def _phase(design: Design, phase_id: str) -> Phase:
    phase = design.phase(phase_id)
    if phase is None:
        raise EditRefused(N_("Phase %(phase)r does not exist (any more)."), "phase", phase=phase_id)
    return phase


def _placed(design: Design, placed_id: str) -> tuple[Phase, PlacedActivity]:
    found = design.find(placed_id)
    if found is None:
        raise EditRefused(
            N_("Activity %(activity)r does not exist (any more)."), "activity", activity=placed_id
        )
    return found


def _check_lane(mode: str) -> None:
    if mode not in _NOW:
        raise EditRefused(N_("Unknown lane %(mode)r."), "mode", mode=mode)


def _check_mode(catalogue: Catalogue, placed_activity: str, title: str, mode: str) -> None:
    _check_lane(mode)
    entry = catalogue.get(placed_activity)
    if entry is not None and mode not in entry.modes:  # then the other lane is the only one
        raise EditRefused(_NOT_POSSIBLE[mode], "mode", title=title)


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
        raise EditRefused(N_("%(activity)r is not in the catalogue."), "activity", activity=activity)
    phase = _phase(design, phase_id)
    _check_mode(catalogue, activity, entry.name(design.language), mode)
    new_id = next_id({a.id for a in design.placed()}, "a")
    placed = PlacedActivity(id=new_id, activity=activity, mode=mode)  # type: ignore[arg-type]
    _set_mode(placed, mode)
    _insert(phase, placed, mode, index, at)
    fill_defaults(design, catalogue)
    return Change(N_("%(title)s added to %(phase)s."), title=entry.name, phase=phase.title), new_id


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
    _check_lane(mode)
    if mode not in modes:
        raise EditRefused(_NOT_MEANT[mode], "mode", title=title)
    new_id = next_id({a.id for a in design.placed()}, "a")
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
    return Change(N_("%(title)s added to %(phase)s."), title=title, phase=phase.title), new_id


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
    return Change(_MOVED_TO[mode], title=placed.title, phase=target.title)


def nudge_activity(design: Design, catalogue: Catalogue, *, placed_id: str, direction: str) -> Change:
    """Keyboard moves: left/right in time (across phases), up/down between lanes."""
    phase, placed = _placed(design, placed_id)
    if direction in ("up", "down"):
        mode = "online" if direction == "up" else "offline"
        if placed.mode == mode:
            raise EditRefused(_IN_LANE[mode], title=placed.title)
        _check_mode(catalogue, placed.activity, placed.title or placed.activity, mode)
        _set_mode(placed, mode)
        return Change(_NOW[mode], title=placed.title)
    if direction not in ("left", "right"):
        raise EditRefused(N_("Unknown direction."), "direction")
    step = -1 if direction == "left" else 1
    at = phase.activities.index(placed)
    if 0 <= at + step < len(phase.activities):
        phase.activities[at], phase.activities[at + step] = (
            phase.activities[at + step],
            phase.activities[at],
        )
        earlier, later = N_("%(title)s one step earlier."), N_("%(title)s one step later.")
        return Change(earlier if step < 0 else later, title=placed.title)
    pi = design.phases.index(phase)
    if not 0 <= pi + step < len(design.phases):
        first, last = N_("%(title)s is already first."), N_("%(title)s is already last.")
        raise EditRefused(first if step < 0 else last, title=placed.title)
    target = design.phases[pi + step]
    phase.activities.remove(placed)
    if step < 0:
        target.activities.append(placed)
    else:
        target.activities.insert(0, placed)
    return Change(N_("%(title)s moved to %(phase)s."), title=placed.title, phase=target.title)


def remove_activity(design: Design, *, placed_id: str) -> Change:
    phase, placed = _placed(design, placed_id)
    phase.activities.remove(placed)
    design.links = [k for k in design.links if placed_id not in (k.from_, k.to)]
    return Change(N_("%(title)s removed."), title=placed.title)


def duplicate_activity(design: Design, *, placed_id: str) -> tuple[Change, str]:
    """A copy with a new id right after the original, in the same lane (no links)."""
    phase, placed = _placed(design, placed_id)
    new_id = next_id({a.id for a in design.placed()}, "a")
    copy = placed.model_copy(deep=True, update={"id": new_id})
    phase.activities.insert(phase.activities.index(placed) + 1, copy)
    return Change(N_("%(title)s duplicated."), title=placed.title), new_id


def toggle_goal(design: Design, *, placed_id: str, goal_id: str) -> Change:
    """Give the activity the goal, or take it away when it has it already."""
    _, placed = _placed(design, placed_id)
    goal = next((g for g in design.goals if g.id == goal_id), None)
    if goal is None:
        raise EditRefused(_NO_GOAL, "goal")
    if goal_id in placed.goals:
        placed.goals = [g for g in placed.goals if g != goal_id]
        return Change(N_("%(title)s no longer works towards %(goal)s."), title=placed.title, goal=goal_id)
    placed.goals = [g.id for g in design.goals if g.id in {*placed.goals, goal_id}]
    return Change(N_("%(title)s works towards %(goal)s."), title=placed.title, goal=goal_id)


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
            raise EditRefused(N_("Field %(name)r cannot be edited here."), name, name=name)
        data[name] = value
    if placed.activity != CUSTOM:
        data["learning_type"] = data["interactions"] = None
    try:
        updated = PlacedActivity.model_validate(data)
    except ValidationError as exc:
        first = shape_problems(exc)[0]
        raise EditRefused(first.readable, first.loc) from None
    phase.activities[phase.activities.index(placed)] = updated  # the save validates the whole
    fill_defaults(design, catalogue)
    return Change(N_("%(title)s updated."), title=updated.title)


# --- links -----------------------------------------------------------------


def default_link_kind(design: Design, from_id: str, to_id: str) -> str:
    """SPEC §5.2: `prepares` when the source precedes the target, `follows-up` otherwise."""
    return "prepares" if design.precedes(from_id, to_id) else "follows-up"


def add_link(design: Design, *, from_id: str, to_id: str, kind: str = "") -> Change:
    _, a = _placed(design, from_id)
    _, b = _placed(design, to_id)
    kind = kind or default_link_kind(design, from_id, to_id)
    if from_id == to_id:
        raise EditRefused(N_("An activity cannot link to itself."), "to")
    if any(k.from_ == from_id and k.to == to_id for k in design.links):
        raise EditRefused(N_("This link already exists."), "to")
    try:
        link = Link.model_validate({"from": from_id, "to": to_id, "kind": kind})
    except ValidationError:
        raise EditRefused(_UNKNOWN_KIND, "kind", kind=kind) from None
    design.links.append(link)
    return Change(_LINKED[link.kind], source=a.title, target=b.title)


def update_link(design: Design, *, from_id: str, to_id: str, kind: str = "", reverse: bool = False) -> Change:
    """Change a link's kind, or turn it around (then `kind` may stay empty)."""
    link = next((k for k in design.links if k.from_ == from_id and k.to == to_id), None)
    if link is None:
        raise EditRefused(_NO_LINK, "link")
    if reverse:
        if any(k.from_ == to_id and k.to == from_id for k in design.links):
            raise EditRefused(N_("The reversed link exists already."), "link")
        link.from_, link.to = to_id, from_id
    if kind:
        try:
            Link.model_validate({"from": link.from_, "to": link.to, "kind": kind})
        except ValidationError:
            raise EditRefused(_UNKNOWN_KIND, "kind", kind=kind) from None
        link.kind = kind  # type: ignore[assignment]
    a, b = design.find(link.from_), design.find(link.to)
    ta, tb = (a[1].title if a else link.from_), (b[1].title if b else link.to)
    return Change(_LINKED[link.kind], source=ta, target=tb)


def remove_link(design: Design, *, from_id: str, to_id: str) -> Change:
    before = len(design.links)
    design.links = [k for k in design.links if not (k.from_ == from_id and k.to == to_id)]
    if len(design.links) == before:
        raise EditRefused(_NO_LINK, "link")
    return Change(N_("Link removed."))


# --- goals -----------------------------------------------------------------


def add_goal(design: Design, *, text: str) -> Change:
    text = text.strip()
    if not text:
        raise EditRefused(N_("A learning goal cannot be empty."), "text")
    if len(text) > 1000:
        raise EditRefused(N_("A learning goal is at most 1000 characters."), "text")
    design.goals.append(Goal(id=next_id({g.id for g in design.goals}, "g"), text=text))
    return Change(N_("Learning goal added."))


def update_goal(design: Design, *, goal_id: str, text: str) -> Change:
    goal = next((g for g in design.goals if g.id == goal_id), None)
    if goal is None:
        raise EditRefused(_NO_GOAL, "goal")
    if not text.strip() or len(text) > 1000:
        raise EditRefused(N_("A learning goal is 1 to 1000 characters."), "text")
    goal.text = text.strip()
    return Change(N_("Learning goal updated."))


def remove_goal(design: Design, *, goal_id: str) -> Change:
    if not any(g.id == goal_id for g in design.goals):
        raise EditRefused(_NO_GOAL, "goal")
    design.goals = [g for g in design.goals if g.id != goal_id]
    for placed in design.placed():
        placed.goals = [g for g in placed.goals if g != goal_id]
    return Change(N_("Learning goal removed."))


# --- phases ----------------------------------------------------------------


def _phase_title(title: str) -> str:
    title = title.strip()
    if not title or len(title) > 200:
        raise EditRefused(N_("A phase name is 1 to 200 characters."), "title")
    return title


def add_phase(design: Design, *, title: str, kind: str) -> Change:
    if kind not in ("sequence", "choice"):
        raise EditRefused(_PHASE_KIND, "kind")
    title = _phase_title(title)
    design.phases.append(Phase(id=next_id({p.id for p in design.phases}, "p"), title=title, kind=kind))  # type: ignore[arg-type]
    return Change(N_("Phase %(phase)s added."), phase=title)


def _phase_week(design: Design, phase: Phase, week: str) -> int | None:
    """The week as the form gives it: empty is no week, a whole number is kept for the
    save's validation to judge (1–60, one validation); anything else is refused here,
    in the words the format uses for the field."""
    text = week.strip()
    if not text:
        return None
    loc = f"phases[{design.phases.index(phase)}].week"
    if not re.fullmatch(r"[0-9]+", text):
        raise EditRefused(Problem(loc, N_("must be a whole number")).readable, "week")
    if len(text) > 4:  # (a number of 5,000 digits is no number to parse)
        too_late = Problem(loc, N_("must not be more than %(le)s"), {"le": str(MAX_WEEK)})
        raise EditRefused(too_late.readable, "week")
    return int(text)


def update_phase(design: Design, *, phase_id: str, title: str, kind: str, week: str | None = None) -> Change:
    """Name, kind and (when the form sends it: `week`, empty for none) the week."""
    phase = _phase(design, phase_id)
    if kind not in ("sequence", "choice"):
        raise EditRefused(_PHASE_KIND, "kind")
    phase.title = _phase_title(title)
    phase.kind = kind  # type: ignore[assignment]
    if week is not None:
        phase.week = _phase_week(design, phase, week)  # the save refuses 0 or 61, naming it
    return Change(N_("Phase %(phase)s updated."), phase=phase.title)


def move_phase(design: Design, *, phase_id: str, step: int) -> Change:
    phase = _phase(design, phase_id)
    at = design.phases.index(phase)
    to = at + (1 if step > 0 else -1)
    if not 0 <= to < len(design.phases):
        raise EditRefused(N_("This phase cannot move further that way."), "phase")
    design.phases[at], design.phases[to] = design.phases[to], design.phases[at]
    return Change(N_("Phase %(phase)s moved."), phase=phase.title)


def remove_phase(design: Design, *, phase_id: str) -> Change:
    phase = _phase(design, phase_id)
    gone = {a.id for a in phase.activities}
    design.phases.remove(phase)
    design.links = [k for k in design.links if k.from_ not in gone and k.to not in gone]
    return Change(N_("Phase %(phase)s removed."), phase=phase.title)


_NUMBERED = re.compile(r"^(.*?)(\d+)(\D*)$")


def _repeat_title(title: str, step: int, lang: str) -> str:
    """ "Week 2" repeated after a run of 3 phases becomes "Week 5"; other titles get a suffix."""
    m = _NUMBERED.match(title)
    if m:
        return f"{m.group(1)}{int(m.group(2)) + step}{m.group(3)}"[:200]
    return translate(lang, N_("%(title)s (copy)"), title=title)[:200]


def duplicate_phases(design: Design, *, phase_id: str, through_id: str = "") -> Change:
    """Repeat the run of phases from `phase_id` through `through_id` (default: that one
    phase) right after it: new ids for phases and activities, links inside the run copied."""
    first = _phase(design, phase_id)
    last = _phase(design, through_id) if through_id else first
    start, end = design.phases.index(first), design.phases.index(last)
    if end < start:
        raise EditRefused(N_("The last phase of the run comes before the first."), "through")
    run = design.phases[start : end + 1]
    # "Week 1 voor … Week 1 na" is one week: the copies are numbered one week on
    numbers = [int(m.group(2)) for p in run if (m := _NUMBERED.match(p.title))]
    span = max(numbers) - min(numbers) + 1 if numbers else 1
    # and the weeks follow on: a run of weeks 1–2 repeated is weeks 3–4 (a phase
    # without a week stays without; past week 60 the save refuses, naming the field)
    weeks = [p.week for p in run if p.week is not None]
    week_span = max(weeks) - min(weeks) + 1 if weeks else 0
    phase_ids = {p.id for p in design.phases}
    placed_ids = {a.id for a in design.placed()}
    new_ids: dict[str, str] = {}
    copies: list[Phase] = []
    for phase in run:
        copy = phase.model_copy(deep=True)
        copy.id = next_id(phase_ids, "p")
        phase_ids.add(copy.id)
        copy.title = _repeat_title(phase.title, span, design.language)
        if phase.week is not None:
            copy.week = phase.week + week_span
        for a in copy.activities:
            new_ids[a.id] = a.id = next_id(placed_ids, "a")
            placed_ids.add(a.id)
        copies.append(copy)
    design.phases[end + 1 : end + 1] = copies
    inside = [k for k in design.links if k.from_ in new_ids and k.to in new_ids]
    design.links += [
        Link.model_validate({"from": new_ids[k.from_], "to": new_ids[k.to], "kind": k.kind}) for k in inside
    ]
    if len(run) == 1:
        return Change(N_("Phase %(phase)s duplicated."), phase=first.title)
    return Change(N_("Phases %(first)s to %(last)s repeated."), first=first.title, last=last.title)


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
                N_("Study load: enter a number of hours, for example 84."), "study_load_hours"
            ) from None
    design.title, design.study_load_hours = title.strip(), hours
    design.language = language  # type: ignore[assignment]
    return Change(N_("Design updated."))


# --- baseline --------------------------------------------------------------


def set_baseline(design: Design) -> Change:
    """Record the design as it is now as the current situation to compare against."""
    snapshot = design.model_copy(deep=True)
    design.baseline = Baseline.model_validate(snapshot.model_dump(exclude={"baseline"}, by_alias=True))
    return Change(N_("Current situation recorded as the baseline."))


def clear_baseline(design: Design) -> Change:
    design.baseline = None
    return Change(N_("Baseline removed."))
