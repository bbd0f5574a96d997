"""What a rule's page shows a teacher (SPEC §9): the rule's title, why, what to try,
the tip or conversation card it comes from, and its bad and good example drawn as
mini waves, with what the critic says about each.

The examples are the rule module's `EXAMPLES`: complete `wave.design/v1` documents,
written in one language (Dutch). On a page in the other language the example is
shown in the reader's words: the activities carry the catalogue's names in that
language, phases and goals are named by the phase words below or numbered. The
drawing is `wave.drawing`'s (the canvas's wave); with a baseline, the before and
after waves with the changes marked, as on the compare page.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import ModuleType
from typing import Any

from markupsafe import Markup

from wave.catalogue import get_catalogue
from wave.drawing import compare_view, wave_svg
from wave.drawing.programme import programme_svg
from wave.engine import ALL_RULES, PROGRAMME_RULES, RULES, check
from wave.engine.programme import check_programme
from wave.format import parse_design
from wave.i18n import translations
from wave.programme_format import parse_programme
from wave.teamtable import Card, Tip, card, cards, link_terms, tip, tips
from wave.web.critic_view import group_findings

EXAMPLE_KINDS = ("bad", "good")
# The phase titles the examples use, in English (the examples are Dutch).
PHASE_TITLES = {
    "voorbereiding": "Preparation",
    "bijeenkomst": "Session",
    "verwerking": "Follow-up",
    "afronding": "Wrap-up",
    "start": "Start",
    "keuze": "Choice",
    "les": "Lesson",
    "stage": "Internship",
    "praktijk": "Practice",
    "terugkomdag": "Return day",
}
WEEK = re.compile(r"week (\d+)", re.I)
SVG_WIDTH = re.compile(r'<svg[^>]* width="([\d.]+)"')


@dataclass(frozen=True)
class Example:
    kind: str  # "bad" or "good"
    caption: str  # the example's own title, when it is in the reader's language
    svg: Markup  # the wave (after, when there is a baseline)
    before_svg: Markup | None  # the baseline's wave, or None
    fires: bool  # whether the rule fires on it (bad: yes, good: no)
    messages: list[str] = field(default_factory=list)  # what the critic says, for this rule
    # each drawing's width as a share of the widest drawing of the rule's examples, so that
    # all of them are drawn at one scale
    share: float = 1.0
    before_share: float = 1.0


@dataclass(frozen=True)
class RulePage:
    rule: ModuleType
    title: str
    severity: str
    why: Markup
    try_: Markup
    tip: Tip | None
    card: Card | None
    examples: list[Example]


@dataclass(frozen=True)
class RuleGroup:
    """The rules of one tip or one card, or the rest."""

    kind: str  # "tip", "card", "other" or "programme" (the rules over a programme's courses)
    rules: list[ModuleType]
    tip: Tip | None = None
    card: Card | None = None


def _phase_title(title: str, number: int, lang: str) -> str:
    gettext = translations(lang).gettext
    if lang == "en":
        known = PHASE_TITLES.get(title.casefold())
        if known:
            return known
    week = WEEK.fullmatch(title.strip())
    if week:
        return gettext("Week %(n)s") % {"n": week.group(1)}
    return gettext("Phase %(n)s") % {"n": number}


def localized(document: dict[str, Any], lang: str) -> dict[str, Any]:
    """The example as a reader of `lang` reads it: as written when it is in `lang`;
    otherwise with the catalogue's names for its activities, and phases and goals
    named in `lang`. What the engine judges (modes, timings, minutes, topics, links)
    stays the same, so the rule fires on it as on the original."""
    if document.get("language", "nl") == lang:
        return document
    gettext = translations(lang).gettext
    out = copy.deepcopy(document)
    for body in (out, out.get("baseline")):
        if not isinstance(body, dict):
            continue
        body["language"] = lang
        body["title"] = gettext("Example")
        for n, goal in enumerate(body.get("goals", []), start=1):
            goal["text"] = gettext("Learning goal %(n)s") % {"n": n}
        for n, phase in enumerate(body.get("phases", []), start=1):
            phase["title"] = _phase_title(phase["title"], n, lang)
            for placed in phase.get("activities", []):
                if placed.get("activity") != "custom":
                    placed.pop("title", None)
    return out


def _example(rule: ModuleType, kind: str, document: dict[str, Any], lang: str) -> Example:
    catalogue = get_catalogue()
    caption = document.get("title", "") if document.get("language", "nl") == lang else ""
    design = parse_design(localized(document, lang), catalogue)
    report = check(design, catalogue, lang=lang)
    entries = [e for e in group_findings(report, design, catalogue, lang) if e.rule == rule.ID]
    if design.baseline is not None:
        view = compare_view(design, catalogue, report, lang)
        svg, before = view.after_svg, view.before_svg
    else:
        svg, before = Markup(wave_svg(design, catalogue, lang, bare=True)), None
    return Example(
        kind=kind,
        caption=caption,
        svg=svg,
        before_svg=before,
        fires=bool(entries),
        messages=entries[0].messages if entries else [],
    )


def _programme_example(rule: ModuleType, kind: str, example: dict[str, Any], lang: str) -> Example:
    """A programme rule's example: the programme's weeks drawn, and what the critic says.
    The course titles are the example's own (Dutch), as in the drawing."""
    catalogue = get_catalogue()
    designs = {name: parse_design(doc, catalogue) for name, doc in example["designs"].items()}
    report = check_programme(parse_programme(example["programme"]), designs, catalogue, lang=lang)
    found = [f.message for f in report.findings if f.rule == rule.ID]
    svg = Markup(programme_svg(report, lang, width=620, label_w=150))
    return Example(kind=kind, caption="", svg=svg, before_svg=None, fires=bool(found), messages=found)


def _width(svg: str | None) -> float:
    found = SVG_WIDTH.search(svg or "")
    return float(found.group(1)) if found else 0.0


@lru_cache(maxsize=256)
def examples(rule_id: str, lang: str) -> tuple[Example, ...]:
    """The rule's bad and good example in `lang` (none when it has no `EXAMPLES`).
    Drawn once per rule and language: they do not change while the process runs."""
    rule = ALL_RULES[rule_id]
    given = getattr(rule, "EXAMPLES", None) or {}
    draw = _programme_example if rule_id in PROGRAMME_RULES else _example
    drawn = [draw(rule, kind, given[kind], lang) for kind in EXAMPLE_KINDS if kind in given]
    widest = max((_width(s) for e in drawn for s in (e.svg, e.before_svg)), default=0) or 1
    return tuple(
        replace(e, share=_width(e.svg) / widest, before_share=_width(e.before_svg) / widest) for e in drawn
    )


def rule_page(rule: ModuleType, *, lang: str) -> RulePage:
    link = link_terms(lang)
    return RulePage(
        rule=rule,
        title=rule.TITLE[lang],
        severity=rule.SEVERITY,
        why=link(rule.WHY[lang]),
        try_=link(rule.TRY[lang]),
        tip=tip(rule.TIP) if rule.TIP else None,
        card=card(rule.MISCONCEPTION) if rule.MISCONCEPTION else None,
        examples=list(examples(rule.ID, lang)),
    )


def rule_groups() -> list[RuleGroup]:
    """The rules by tip (1–10, those with rules), then by conversation card, then the
    rules that come from neither (what makes a blend). A rule with a tip and a card
    is in both groups."""
    rules = list(RULES.values())
    groups = [RuleGroup(kind="tip", tip=t, rules=[r for r in rules if r.TIP == t.number]) for t in tips()]
    groups += [
        RuleGroup(kind="card", card=c, rules=[r for r in rules if r.MISCONCEPTION == c.id]) for c in cards()
    ]
    groups = [g for g in groups if g.rules]
    rest = [r for r in rules if not r.TIP and not r.MISCONCEPTION]
    if rest:
        groups.append(RuleGroup(kind="other", rules=rest))
    groups.append(RuleGroup(kind="programme", rules=list(PROGRAMME_RULES.values())))
    return groups
