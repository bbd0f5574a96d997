"""What the rules look at: one pass over a design, building the indexes they share.

`build_context` walks the design once and resolves every placed activity into a
`Placed` (time position, phase, title, minutes, learning type, interactions…),
taking the catalogue's values or, for a `custom` activity, its own. It also
builds the indexes the rules need — topic index, goal index, link components
(union-find over the links taken as undirected) — and, when the design has a
baseline, a context for the baseline too. Everything is linear in the size of
the design: dictionaries and union-find, never a loop over pairs.

Rules only read a `Context` and yield `Hit`s; the engine turns hits into
findings (severity, texts, sorting). Texts given to a hit may be a plain string
or a `{"nl": …, "en": …}` dict; the engine picks the report's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from wave.catalogue import Activity, Catalogue
from wave.format import DesignBody, Goal, PlacedActivity
from wave.vocabulary import TEACHER_SKILLS, label

if TYPE_CHECKING:
    from wave.engine.profile import Profile

INTERACTIVE = frozenset({"student-student", "student-teacher"})
MAX_NAMES = 6  # a message names at most this many activities, then "and N more"

# A mode as the predicate of a sentence ("is online") and before a noun
# ("an online activity"); Dutch inflects the second.
MODE_WORD = {
    "online": {"nl": "online", "en": "online"},
    "offline": {"nl": "fysiek", "en": "face-to-face"},
}
MODE_ADJECTIVE = {
    "online": {"nl": "online", "en": "online"},
    "offline": {"nl": "fysieke", "en": "face-to-face"},
}


@dataclass(frozen=True)
class Hit:
    """One thing a rule found; the engine makes one finding of it.

    `activities`: placed-activity ids the finding is about (any order; the
    engine puts them in time order). `detail`: JSON-able facts for the API.
    `params`: values for the rule's `FOUND` template (`names` and `count` are
    filled in by the engine from `activities`). `variant`: which `FOUND`
    template to use when the rule has several. `extra`: text appended to the
    message after the rule's `TRY`.
    """

    activities: Sequence[str] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    variant: str | None = None
    extra: str | Mapping[str, str] | None = None


@dataclass(frozen=True)
class ProgrammeHit:
    """One thing a programme rule found (`wave.engine.programme`). `courses`: the keys
    of the courses it is about (the engine puts them in programme order); `params`:
    values for the rule's `FOUND` text (`courses`, their titles, and `count` are
    filled in)."""

    courses: Sequence[str] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    variant: str | None = None


@dataclass(frozen=True, slots=True)
class Placed:
    """A placed activity with everything resolved (catalogue or custom fields)."""

    id: str
    position: int  # index in time order
    phase_id: str
    phase_index: int
    phase_kind: str
    title: str
    mode: str
    timing: str
    minutes: int
    learning_type: str
    interactions: tuple[str, ...]
    environment: str
    source: str
    multi_location: bool
    topics: tuple[str, ...]
    goals: tuple[str, ...]
    entry: Activity | None  # None for a custom (or unknown) activity
    raw: PlacedActivity

    @property
    def interactive(self) -> bool:
        """With student-student or student-teacher interaction."""
        return not INTERACTIVE.isdisjoint(self.interactions)

    def skills(self) -> list[str]:
        """Teacher skills the catalogue lists for this activity in its mode."""
        return list(self.entry.skills(self.mode)) if self.entry else []

    def tip(self, lang: str) -> str | None:
        """The catalogue's didactic tip for this activity in its mode."""
        text = self.entry.tip(self.mode) if self.entry else None
        return text(lang) if text else None


def normalize_topic(topic: str) -> str:
    return " ".join(topic.split()).casefold()


class Context:
    """A design, resolved and indexed for the rules (see module docstring)."""

    def __init__(self, design: DesignBody, catalogue: Catalogue, lang: str = "nl"):
        self.design = design
        self.catalogue = catalogue
        self.lang = lang
        self.goals: list[Goal] = list(design.goals)
        self.activities: list[Placed] = []
        self.by_id: dict[str, Placed] = {}
        self.activities_by_goal: dict[str, list[Placed]] = {g.id: [] for g in self.goals}
        self.topics: dict[str, list[Placed]] = {}  # normalized topic -> time order
        self.topic_label: dict[str, str] = {}  # normalized topic -> first spelling
        self.modes: set[str] = set()

        for phase_index, phase in enumerate(design.phases):
            for raw in phase.activities:
                placed = self._resolve(raw, len(self.activities), phase_index, phase)
                self.activities.append(placed)
                self.by_id[placed.id] = placed
                self.modes.add(placed.mode)
                for goal_id in placed.goals:
                    self.activities_by_goal.setdefault(goal_id, []).append(placed)
                seen: set[str] = set()
                for topic in placed.topics:
                    key = normalize_topic(topic)
                    if key and key not in seen:
                        seen.add(key)
                        self.topics.setdefault(key, []).append(placed)
                        self.topic_label.setdefault(key, topic.strip())

        self.components: list[list[Placed]] = self._link_components()

    # -- building ----------------------------------------------------------
    def _resolve(self, raw: PlacedActivity, position: int, phase_index: int, phase) -> Placed:
        entry = self.catalogue.get(raw.activity)
        design_lang = self.design.language
        if entry is not None:
            default_title = entry.name(design_lang)
            # A title left at the catalogue's default is shown in the report's language.
            title = entry.name(self.lang) if raw.title in (None, default_title) else raw.title
            learning_type = entry.learning_type
            interactions = tuple(entry.interactions)
            timing = raw.timing or entry.timings[0]
            minutes = entry.minutes if raw.minutes is None else raw.minutes
        else:
            title = raw.title or raw.id
            learning_type = raw.learning_type or "acquisition"
            interactions = tuple(raw.interactions or ())
            timing = raw.timing or "async"
            minutes = raw.minutes or 0
        environment = raw.environment or ("online" if raw.mode == "online" else "campus")
        return Placed(
            id=raw.id,
            position=position,
            phase_id=phase.id,
            phase_index=phase_index,
            phase_kind=phase.kind,
            title=title,
            mode=raw.mode,
            timing=timing,
            minutes=minutes,
            learning_type=learning_type,
            interactions=interactions,
            environment=environment,
            source=raw.source,
            multi_location=raw.multi_location,
            topics=tuple(t.strip() for t in raw.topics if t.strip()),
            goals=tuple(raw.goals),
            entry=entry,
            raw=raw,
        )

    def _link_components(self) -> list[list[Placed]]:
        """Connected components of the link graph (undirected), by union-find.

        Every activity is in exactly one component (an unlinked one alone).
        Components come in the time order of their first activity; members in
        time order.
        """
        parent = {a.id: a.id for a in self.activities}
        size = dict.fromkeys(parent, 1)

        def find(x: str) -> str:
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:  # path compression
                parent[x], x = root, parent[x]
            return root

        for link in self.design.links:
            if link.from_ not in parent or link.to not in parent:
                continue
            a, b = find(link.from_), find(link.to)
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]

        groups: dict[str, list[Placed]] = {}
        for placed in self.activities:
            groups.setdefault(find(placed.id), []).append(placed)
        return list(groups.values())

    # -- derived -------------------------------------------------------------
    @cached_property
    def baseline(self) -> Context | None:
        """The baseline ("current situation") as a context of its own, if any."""
        body = getattr(self.design, "baseline", None)
        return Context(body, self.catalogue, self.lang) if body is not None else None

    @cached_property
    def profile(self) -> Profile:
        from wave.engine.profile import build_profile

        return build_profile(self)

    # -- helpers for rule texts ----------------------------------------------
    def text(self, value: str | Mapping[str, str]) -> str:
        """A text in the report's language (plain strings pass through)."""
        if isinstance(value, Mapping):
            return value.get(self.lang) or value.get("nl") or ""
        return value

    def label(self, code: str) -> str:
        return label(code, self.lang)

    def skill_label(self, slug: str) -> str:
        entry = TEACHER_SKILLS.get(slug)
        return entry[self.lang] if entry else slug

    def join(self, items: Iterable[str], limit: int | None = None) -> str:
        """'a, b en c' / 'a, b and c'; beyond `limit` items: '… en 3 andere'."""
        items = list(items)
        conj = " and " if self.lang == "en" else " en "
        if limit is not None and len(items) > limit:
            rest = len(items) - limit
            more = f"{rest} more" if self.lang == "en" else f"{rest} andere"
            return ", ".join(items[:limit]) + conj + more
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + conj + items[-1]

    def quote(self, text: str) -> str:
        return f"“{text}”"

    def names(self, ids: Iterable[str]) -> str:
        """The titles of placed activities, quoted and joined, in the given order."""
        titles = [self.quote(self.by_id[i].title) for i in ids if i in self.by_id]
        return self.join(titles, MAX_NAMES)

    def number(self, value: float) -> str:
        """A number as people write it: no '.0', and a decimal comma in Dutch."""
        text = f"{value:g}" if value != int(value) else str(int(value))
        return text.replace(".", ",") if self.lang == "nl" else text

    def percent(self, share: float) -> str:
        return f"{round(share * 100)}%"

    def count_activities(self, n: int) -> str:
        if self.lang == "en":
            return f"{n} activit{'y' if n == 1 else 'ies'}"
        return f"{n} activiteit{'' if n == 1 else 'en'}"


def build_context(design: DesignBody, catalogue: Catalogue, lang: str = "nl") -> Context:
    return Context(design, catalogue, lang)
