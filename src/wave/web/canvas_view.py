"""What the canvas shows, computed from a design, the catalogue and a report.

Kept apart from the routes so that the page and its fragments draw from one view
model.

Layout in time: a sequence phase is a grid of half columns shared by its two
lanes. Each card spans two half columns; the next activity in time starts one
half column later when it sits in the other lane, two when it sits in the same
lane. So the cards zig-zag between online and face-to-face as the wave does,
and a phase that alternates takes about half the width of one card per step. A
choice phase has no order: each lane packs its cards from the left.
"""

from dataclasses import dataclass, field
from typing import Any

from wave.catalogue import Activity, Catalogue
from wave.engine import Report
from wave.format import Design, Goal, Phase, PlacedActivity
from wave.vocabulary import MODES

# Set by the answer that made an own activity (which reloads the canvas, so its palette
# has it): the reloaded page says what was made in its status region, once.
MADE_COOKIE = "wave_made"

SEVERITY_ORDER = {"warning": 0, "advice": 1}
CUSTOM_ICON = "shapes"
ENVIRONMENT_ICONS = {"workplace": "briefcase", "society": "landmark"}


@dataclass
class Card:
    placed: PlacedActivity
    entry: Activity | None
    start: int  # 1-based half column inside its phase
    goals: list[Goal] = field(default_factory=list)
    change: str | None = None  # against the baseline: added, moved (lane), changed

    @property
    def icon(self) -> str:
        return self.entry.icon if self.entry else CUSTOM_ICON

    @property
    def environment_icon(self) -> str | None:
        return ENVIRONMENT_ICONS.get(self.placed.environment or "")


@dataclass
class Lane:
    mode: str
    cards: list[Card]


@dataclass
class PhaseView:
    phase: Phase
    index: int
    halfcols: int
    minutes: int
    count: int
    lanes: list[Lane] = field(default_factory=list)


def _starts(phase: Phase) -> list[int]:
    """The half column each activity of the phase starts at (see the module doc)."""
    starts: list[int] = []
    if phase.kind == "choice":
        used = dict.fromkeys(MODES, 0)
        for a in phase.activities:
            starts.append(used[a.mode] * 2 + 1)
            used[a.mode] += 1
        return starts
    for i, a in enumerate(phase.activities):
        if i == 0:
            starts.append(1)
        else:
            same_lane = phase.activities[i - 1].mode == a.mode
            starts.append(starts[-1] + (2 if same_lane else 1))
    return starts


def phase_view(
    phase: Phase, index: int, design: Design, catalogue: Catalogue, change: dict[str, str]
) -> PhaseView:
    goals = {g.id: g for g in design.goals}
    starts = _starts(phase)
    cards = [
        Card(
            placed=a,
            entry=catalogue.get(a.activity),
            start=s,
            goals=[goals[g] for g in a.goals if g in goals],
            change=change.get(a.id),
        )
        for a, s in zip(phase.activities, starts, strict=True)
    ]
    view = PhaseView(
        phase=phase,
        index=index,
        halfcols=max(starts, default=0) + 1,
        minutes=sum(c.placed.minutes or 0 for c in cards),
        count=len(cards),
    )
    view.lanes = [Lane(mode=m, cards=[c for c in cards if c.placed.mode == m]) for m in MODES]
    return view


def changes_against_baseline(report: Report) -> dict[str, str]:
    delta = report.profile.baseline
    change: dict[str, str] = {}
    if delta is not None:
        change |= {i: "changed" for i in delta.changed}
        change |= {i: "moved" for i in delta.moved}
        change |= {i: "added" for i in delta.added}
    return change


def card_flags(report: Report) -> dict[str, str]:
    """The worst severity of the findings that name each placed activity."""
    worst: dict[str, str] = {}
    for finding in report.findings:
        for placed_id in finding.activities:
            current = worst.get(placed_id)
            if current is None or SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[current]:
                worst[placed_id] = finding.severity
    return worst


def board_data(design: Design, report: Report) -> dict[str, Any]:
    """What the page script needs to draw links and flags; swapped after every edit."""
    positions = design.positions()
    return {
        "links": [
            [k.from_, k.to, k.kind, against_time(design, k.from_, k.to, k.kind, positions)]
            for k in design.links
        ],
        "flags": card_flags(report),
    }


def board_layout(phases: list[PhaseView]) -> list[dict[str, Any]]:
    """Where every card of these phases sits: each lane's cards in order, with the half
    column each starts at. An edit answer redraws only the cards that changed and the
    phase heads; the page script arranges the rest by this."""
    return [
        {
            "id": view.phase.id,
            "count": view.count,
            "halfcols": view.halfcols,
            "lanes": {lane.mode: [[c.placed.id, c.start] for c in lane.cards] for lane in view.lanes},
        }
        for view in phases
    ]


def against_time(
    design: Design,
    from_id: str,
    to_id: str,
    kind: str,
    positions: dict[str, tuple[int, int, str]] | None = None,
) -> bool:
    """A `prepares` link to an earlier activity, or `follows-up` to a later one."""
    if kind == "prepares":
        return design.precedes(to_id, from_id, positions)
    if kind == "follows-up":
        return design.precedes(from_id, to_id, positions)
    return False


def canvas_view(
    design: Design, catalogue: Catalogue, report: Report, only: set[str] | None = None
) -> dict[str, Any]:
    """The board's phases (all, or the ids in `only`), with what the script needs."""
    change = changes_against_baseline(report)
    phases = [
        phase_view(p, i, design, catalogue, change)
        for i, p in enumerate(design.phases)
        if only is None or p.id in only
    ]
    delta = report.profile.baseline
    return {
        "phases": phases,
        "board": board_data(design, report),
        "placed": design.placed(),
        "removed": [a for a in design.baseline.placed() if a.id in delta.removed]
        if design.baseline is not None and delta is not None
        else [],
    }
