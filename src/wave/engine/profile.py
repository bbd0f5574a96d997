"""The profile of a design: where the study time goes (SPEC §4).

Minutes are the placed activities' study minutes. In a `choice` phase students
do *all* the activities, only in an order of their own, so every activity
counts in full (a choice phase is not "pick one of"). An activity with several
interaction types counts its minutes under each of them, so `by_interaction`
does not add up to the total. The per-type tables always hold every key of the
vocabulary (zeros too), so charts keep the same bars from design to design.

Shares are fractions rounded to 4 decimals; a design without minutes has
shares 0.0 and category `traditional`. The Allen & Seaman category is taken
from the unrounded online share: 0 `traditional`, < 0.30 `web-facilitated`,
< 0.80 `blended`, otherwise `online`.

`by_week` adds up the minutes per course week (a phase's `week`, SPEC §3), keys
as strings in week order; phases without a week are left out of it, so a design
that plans no weeks has an empty `by_week`.

With a baseline, `baseline` compares by placed-activity id: `added`,
`removed`, `changed` (mode, timing or minutes differ), `moved` (mode
differs), and the deltas of total minutes, online share and interactive
minutes (activities with student-student or student-teacher interaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wave.vocabulary import ENVIRONMENTS, INTERACTIONS, LEARNING_TYPES

if TYPE_CHECKING:
    from wave.engine.context import Context, Placed


def category(online_share: float) -> str:
    """Allen & Seaman (2007): share of the course that is online."""
    if online_share <= 0:
        return "traditional"
    if online_share < 0.30:
        return "web-facilitated"
    if online_share < 0.80:
        return "blended"
    return "online"


@dataclass(frozen=True)
class BaselineDelta:
    added: list[str]
    removed: list[str]
    changed: list[str]
    moved: list[str]
    minutes_delta: int
    online_share_delta: float
    interactive_minutes_delta: int

    def to_json(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": list(self.changed),
            "moved": list(self.moved),
            "minutes_delta": self.minutes_delta,
            "online_share_delta": self.online_share_delta,
            "interactive_minutes_delta": self.interactive_minutes_delta,
        }


@dataclass(frozen=True)
class Profile:
    total_minutes: int
    online_minutes: int
    online_share: float
    category: str
    sync_share: float
    by_learning_type: dict[str, int]
    by_interaction: dict[str, int]
    by_environment: dict[str, int]
    by_phase: dict[str, int]
    interactive_minutes: int
    baseline: BaselineDelta | None = None
    by_week: dict[str, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "total_minutes": self.total_minutes,
            "online_minutes": self.online_minutes,
            "online_share": self.online_share,
            "category": self.category,
            "sync_share": self.sync_share,
            "by_learning_type": dict(self.by_learning_type),
            "by_interaction": dict(self.by_interaction),
            "by_environment": dict(self.by_environment),
            "by_phase": dict(self.by_phase),
            "by_week": dict(self.by_week or {}),
            "baseline": self.baseline.to_json() if self.baseline else None,
        }


def _share(part: int, total: int) -> float:
    return part / total if total else 0.0


def changed(before: Placed, after: Placed) -> bool:
    """Changed for the toolkit: a different mode, timing or number of minutes."""
    return (before.mode, before.timing, before.minutes) != (after.mode, after.timing, after.minutes)


def _minutes(ctx: Context) -> dict[str, Any]:
    total = online = sync = interactive = 0
    by_type = dict.fromkeys(LEARNING_TYPES, 0)
    by_interaction = dict.fromkeys(INTERACTIONS, 0)
    by_environment = dict.fromkeys(ENVIRONMENTS, 0)
    by_phase = {phase.id: 0 for phase in ctx.design.phases}
    for a in ctx.activities:
        m = a.minutes
        total += m
        if a.mode == "online":
            online += m
        if a.timing == "sync":
            sync += m
        if a.interactive:
            interactive += m
        by_type[a.learning_type] = by_type.get(a.learning_type, 0) + m
        for kind in a.interactions:
            by_interaction[kind] = by_interaction.get(kind, 0) + m
        by_environment[a.environment] = by_environment.get(a.environment, 0) + m
        by_phase[a.phase_id] = by_phase.get(a.phase_id, 0) + m
    return {
        "total": total,
        "online": online,
        "sync": sync,
        "interactive": interactive,
        "by_type": by_type,
        "by_interaction": by_interaction,
        "by_environment": by_environment,
        "by_phase": by_phase,
    }


def by_week(ctx: Context, by_phase: dict[str, int]) -> dict[str, int]:
    weeks: dict[int, int] = {}
    for phase in ctx.design.phases:
        if phase.week is not None:
            weeks[phase.week] = weeks.get(phase.week, 0) + by_phase.get(phase.id, 0)
    return {str(week): weeks[week] for week in sorted(weeks)}


def build_profile(ctx: Context) -> Profile:
    now = _minutes(ctx)
    total = now["total"]
    share = _share(now["online"], total)
    delta = None
    base = ctx.baseline
    if base is not None:
        then = _minutes(base)
        both = [a for a in ctx.activities if a.id in base.by_id]
        delta = BaselineDelta(
            added=[a.id for a in ctx.activities if a.id not in base.by_id],
            removed=[a.id for a in base.activities if a.id not in ctx.by_id],
            changed=[a.id for a in both if changed(base.by_id[a.id], a)],
            moved=[a.id for a in both if base.by_id[a.id].mode != a.mode],
            minutes_delta=total - then["total"],
            online_share_delta=round(share - _share(then["online"], then["total"]), 4),
            interactive_minutes_delta=now["interactive"] - then["interactive"],
        )
    return Profile(
        total_minutes=total,
        online_minutes=now["online"],
        online_share=round(share, 4),
        category=category(share),
        sync_share=round(_share(now["sync"], total), 4),
        by_learning_type=now["by_type"],
        by_interaction=now["by_interaction"],
        by_environment=now["by_environment"],
        by_phase=now["by_phase"],
        interactive_minutes=now["interactive"],
        baseline=delta,
        by_week=by_week(ctx, now["by_phase"]),
    )
