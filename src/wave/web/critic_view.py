"""What the critic panel shows: the report's findings grouped by rule, and the
panel's state (SPEC §5.2, "a calm critic").

The engine reports one finding per occurrence (a link component, a goal, a
missing kind of interaction); the panel shows one entry per rule, naming every
activity (or goal) its findings name, with each finding's own sentence and the
rule's *why* and *try* once, and the tip and conversation card it comes from (their
pages link from the entry). The order is the report's: warnings first.

States, by the number of placed activities:

- `empty` (none): an invitation to start; nothing is called compliant.
- `in-progress` (fewer than `IN_PROGRESS_BELOW`): the entries are listed, but
  without a count of warnings up front; the critic says it grows more useful as
  the design grows.
- `warnings`: at least one warning.
- `clean`: no warnings (and at least `IN_PROGRESS_BELOW` activities); advice,
  if any, is listed as advice to consider.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wave.catalogue import Catalogue
from wave.engine import RULES, Finding, Report
from wave.format import DesignBody
from wave.teamtable import card, tip

IN_PROGRESS_BELOW = 4  # fewer activities than this: the design is still being built


@dataclass(frozen=True)
class Named:
    """An activity or goal an entry names: its id and what a teacher reads."""

    id: str
    text: str


@dataclass
class Entry:
    """One rule's findings, as one entry of the panel."""

    rule: str
    severity: str
    tip: int | None
    misconception: str | None
    title: str
    activities: list[Named] = field(default_factory=list)
    goals: list[Named] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    why: str = ""
    try_: str = ""
    tip_title: str | None = None  # the toolkit tip it comes from (its page: /tips#tip-N)
    card_title: str | None = None  # the conversation card (/misconceptions/<id>)

    @property
    def activity_ids(self) -> str:
        """The `data-activities` value: every placed id, in time order."""
        return " ".join(a.id for a in self.activities)


@dataclass
class CriticView:
    state: str
    activity_count: int
    has_goals: bool
    entries: list[Entry]

    @property
    def warnings(self) -> list[Entry]:
        return [e for e in self.entries if e.severity == "warning"]

    @property
    def advice(self) -> list[Entry]:
        return [e for e in self.entries if e.severity == "advice"]


def _specific(finding: Finding, why: str, try_: str) -> str:
    """A finding's own sentence(s): its message without the rule's why and try."""
    text = finding.message
    for part in (why, try_):
        if part:
            text = text.replace(part, " ")
    return " ".join(text.split())


def _tip_title(number: int | None, lang: str) -> str | None:
    found = tip(number) if number else None
    return found.title(lang) if found else None


def _card_title(card_id: str | None, lang: str) -> str | None:
    found = card(card_id) if card_id else None
    return found.title(lang) if found else None


def group_findings(report: Report, design: DesignBody, catalogue: Catalogue, lang: str) -> list[Entry]:
    """One entry per rule, in the report's order (warnings first)."""
    placed = design.placed()
    position = {a.id: i for i, a in enumerate(placed)}
    titles = {}
    for a in placed:
        entry = catalogue.get(a.activity)
        titles[a.id] = a.title or (entry.name(lang) if entry else a.activity)
    goal_texts = {g.id: g.text for g in design.goals}

    entries: dict[str, Entry] = {}
    for finding in report.findings:
        rule = RULES.get(finding.rule)
        why = rule.WHY[lang] if rule else ""
        try_ = rule.TRY[lang] if rule else ""
        entry = entries.get(finding.rule)
        if entry is None:
            entry = entries[finding.rule] = Entry(
                rule=finding.rule,
                severity=finding.severity,
                tip=finding.tip,
                misconception=finding.misconception,
                title=finding.title,
                why=why,
                try_=try_,
                tip_title=_tip_title(finding.tip, lang),
                card_title=_card_title(finding.misconception, lang),
            )
        known = {a.id for a in entry.activities}
        for placed_id in finding.activities:
            if placed_id in titles and placed_id not in known:
                entry.activities.append(Named(placed_id, titles[placed_id]))
                known.add(placed_id)
        goal_id = finding.detail.get("goal") if finding.rule == "goals.uncovered" else None
        if isinstance(goal_id, str) and goal_id not in {g.id for g in entry.goals}:
            entry.goals.append(Named(goal_id, goal_texts.get(goal_id, goal_id)))
        message = _specific(finding, why, try_)
        if message and message not in entry.messages:
            entry.messages.append(message)
    for entry in entries.values():
        entry.activities.sort(key=lambda a: position[a.id])
    return list(entries.values())


def critic_view(report: Report, design: DesignBody, catalogue: Catalogue, lang: str) -> CriticView:
    count = len(design.placed())
    entries = group_findings(report, design, catalogue, lang) if count else []
    if count == 0:
        state = "empty"
    elif count < IN_PROGRESS_BELOW:
        state = "in-progress"
    elif any(e.severity == "warning" for e in entries):
        state = "warnings"
    else:
        state = "clean"
    return CriticView(state=state, activity_count=count, has_goals=bool(design.goals), entries=entries)
