"""What the canvas shows, computed from a design, the catalogue and a report.

Kept apart from the routes so that the page and its fragments (and later the
PDF) draw from one view model.
"""

from dataclasses import dataclass, field
from typing import Any

from wave.catalogue import Activity, Catalogue
from wave.engine import Report
from wave.format import Design, Phase, PlacedActivity
from wave.vocabulary import MODES

SEVERITY_ORDER = {"warning": 0, "advice": 1}
CUSTOM_ICON = "shapes"


@dataclass
class Card:
    placed: PlacedActivity
    entry: Activity | None
    time: int  # position in the whole design's time order
    column: int  # 1-based column inside its phase (time order within the phase)
    severity: str | None = None
    change: str | None = None  # against the baseline: added, moved (lane), changed
    comments: int = 0

    @property
    def icon(self) -> str:
        return self.entry.icon if self.entry else CUSTOM_ICON

    @property
    def learning_type(self) -> str | None:
        return self.entry.learning_type if self.entry else self.placed.learning_type


@dataclass
class Lane:
    mode: str
    cards: list[Card]


@dataclass
class PhaseView:
    phase: Phase
    index: int
    columns: int
    minutes: int
    lanes: list[Lane] = field(default_factory=list)


def canvas_view(design: Design, catalogue: Catalogue, report: Report) -> dict[str, Any]:
    worst: dict[str, str] = {}
    for finding in report.findings:
        for placed_id in finding.activities:
            current = worst.get(placed_id)
            if current is None or SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[current]:
                worst[placed_id] = finding.severity
    delta = report.profile.baseline
    change: dict[str, str] = {}
    if delta is not None:
        change |= {i: "changed" for i in delta.changed}
        change |= {i: "moved" for i in delta.moved}
        change |= {i: "added" for i in delta.added}
    phases: list[PhaseView] = []
    time = 0
    for index, phase in enumerate(design.phases):
        cards: list[Card] = []
        for column, placed in enumerate(phase.activities, start=1):
            cards.append(Card(placed=placed, entry=catalogue.get(placed.activity), time=time,
                              column=column, severity=worst.get(placed.id),
                              change=change.get(placed.id)))
            time += 1
        view = PhaseView(phase=phase, index=index, columns=max(1, len(cards)),
                         minutes=sum(c.placed.minutes or 0 for c in cards))
        view.lanes = [Lane(mode=m, cards=[c for c in cards if c.placed.mode == m]) for m in MODES]
        phases.append(view)
    return {
        "phases": phases,
        "links": [[k.from_, k.to, k.kind] for k in design.links],
        "placed": design.placed(),
        "removed": [a for a in design.baseline.placed() if a.id in delta.removed]
        if design.baseline is not None and delta is not None else [],
    }
