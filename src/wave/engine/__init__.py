"""The rule engine ("the critic"): a design in, a report out (SPEC §4).

    report = check(design, catalogue, lang="nl", config=EngineConfig.from_string("reuse.oer=off"))
    report.findings, report.profile, report.warnings, report.to_json()

Each rule is a module in `wave.engine.rules` declaring `ID`, `SEVERITY`,
`TIP`, `MISCONCEPTION`, `TITLE`/`WHY`/`TRY`/`FOUND` texts in nl and en, a
docstring that is its documentation (with a *Bad* and a *Good* example) and
`check(ctx)` yielding `Hit`s. `RULES` is the explicit registry; a rule id is
public and is never reused for something else. Severity and on/off come from
`EngineConfig`, never from the rule's code.

The engine is pure: no database, no request, no clock. The same design gives
the same report, findings sorted by severity (warnings first), rule id and
the time position of the first activity they name.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from wave.catalogue import Catalogue
from wave.engine.context import Context, Hit, build_context
from wave.engine.profile import Profile
from wave.engine.programme_rules import (
    programme_content_duplicate,
    programme_no_blend,
    programme_week_over_load,
    programme_week_unplanned,
)
from wave.engine.rules import (
    blend_emergency_remote,
    blend_hybrid_setting,
    blend_one_tool,
    blend_single_mode,
    blend_too_short,
    blend_video_only,
    connect_unlinked,
    connect_workplace,
    content_duplicate,
    didactics_mode_changed,
    goals_activity_unlinked,
    goals_none,
    goals_uncovered,
    interaction_decreased,
    interaction_missing,
    reuse_oer,
    scope_too_much_at_once,
    skills_new,
    timing_single,
    workload_added_nothing_removed,
    workload_over_budget,
    workload_unknown,
)
from wave.format import Design

__all__ = [
    "PROGRAMME_RULES",
    "RULES",
    "SEVERITIES",
    "Context",
    "EngineConfig",
    "Finding",
    "Hit",
    "Profile",
    "Report",
    "check",
    "check_context",
    "describe",
]

SEVERITIES = ("warning", "advice")
LANGUAGES = ("nl", "en")

RULES: dict[str, ModuleType] = {
    rule.ID: rule
    for rule in (
        goals_none,
        goals_uncovered,
        goals_activity_unlinked,
        connect_unlinked,
        content_duplicate,
        workload_added_nothing_removed,
        workload_over_budget,
        scope_too_much_at_once,
        skills_new,
        reuse_oer,
        didactics_mode_changed,
        blend_single_mode,
        blend_emergency_remote,
        blend_video_only,
        blend_hybrid_setting,
        blend_too_short,
        interaction_missing,
        interaction_decreased,
        timing_single,
        blend_one_tool,
        connect_workplace,
        workload_unknown,
    )
}

# The programme rules (SPEC §12): the same kind of module, run over a programme's
# courses by `wave.engine.programme.check_programme`.
PROGRAMME_RULES: dict[str, ModuleType] = {
    rule.ID: rule
    for rule in (
        programme_week_over_load,
        programme_content_duplicate,
        programme_no_blend,
        programme_week_unplanned,
    )
}
ALL_RULES: dict[str, ModuleType] = RULES | PROGRAMME_RULES


# --- configuration -----------------------------------------------------------


@dataclass
class EngineConfig:
    """Which rules run and at which severity; defaults come from the rules.

    The `WAVE_RULES` setting is a comma-separated list of `rule.id=value`,
    where value is `off`, `on`, `warning` or `advice`:
    `EngineConfig.from_string("content.duplicate=off,reuse.oer=warning")`.
    An unknown rule id or value is a `ValueError` that names it.
    """

    enabled: dict[str, bool] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rule_id in (*self.enabled, *self.severity):
            _known(rule_id)
        for rule_id, severity in self.severity.items():
            if severity not in SEVERITIES:
                raise ValueError(f"severity {severity!r} for rule {rule_id!r}: expected one of {SEVERITIES}")

    @classmethod
    def from_string(cls, text: str | None) -> EngineConfig:
        enabled: dict[str, bool] = {}
        severity: dict[str, str] = {}
        for item in (text or "").split(","):
            item = item.strip()
            if not item:
                continue
            rule_id, sep, value = (part.strip() for part in item.partition("="))
            if not sep:
                raise ValueError(f"{item!r}: expected rule.id=off|on|warning|advice")
            _known(rule_id)
            if value in ("off", "on"):
                enabled[rule_id] = value == "on"
            elif value in SEVERITIES:
                enabled[rule_id] = True
                severity[rule_id] = value
            else:
                raise ValueError(
                    f"{item!r}: unknown value {value!r} for rule {rule_id!r}; "
                    "expected off, on, warning or advice"
                )
        return cls(enabled=enabled, severity=severity)

    def is_enabled(self, rule_id: str) -> bool:
        return self.enabled.get(rule_id, True)

    def severity_of(self, rule_id: str) -> str:
        return self.severity.get(rule_id, ALL_RULES[rule_id].SEVERITY)


def _known(rule_id: str) -> None:
    if rule_id not in ALL_RULES:
        raise ValueError(f"unknown rule id {rule_id!r}; known: {', '.join(sorted(ALL_RULES))}")


# --- the report --------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One finding: a plain value, JSON-able through `to_json`."""

    rule: str
    severity: str
    tip: int | None
    misconception: str | None
    activities: list[str]
    title: str
    message: str
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "tip": self.tip,
            "misconception": self.misconception,
            "activities": list(self.activities),
            "message": self.message,
            "detail": self.detail,
            "title": self.title,
        }


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    profile: Profile

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def advice(self) -> int:
        return sum(1 for f in self.findings if f.severity == "advice")

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "profile": self.profile.to_json(),
        }


def _localize(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping) and set(value) == set(LANGUAGES):
        return value[lang]
    return value


def _found_template(rule: ModuleType, hit: Hit, lang: str) -> str:
    found = rule.FOUND
    if lang in found:
        return found[lang]
    variant = hit.variant or ("one" if len(hit.activities) == 1 else "many")
    return found[variant][lang]


def _finding(rule: ModuleType, severity: str, hit: Hit, ctx: Context) -> Finding:
    lang = ctx.lang
    ids = sorted(dict.fromkeys(hit.activities), key=lambda i: ctx.by_id[i].position)
    params = {"names": ctx.names(ids), "count": len(ids)}
    params.update({k: _localize(v, lang) for k, v in hit.params.items()})
    parts = [_found_template(rule, hit, lang).format(**params), rule.WHY[lang], rule.TRY[lang]]
    if hit.extra:
        parts.append(_localize(hit.extra, lang))
    return Finding(
        rule=rule.ID,
        severity=severity,
        tip=rule.TIP,
        misconception=rule.MISCONCEPTION,
        activities=ids,
        title=rule.TITLE[lang],
        message=" ".join(parts),
        detail=dict(hit.detail),
    )


def check(
    design: Design,
    catalogue: Catalogue,
    *,
    lang: str = "nl",
    config: EngineConfig | None = None,
) -> Report:
    """Run every enabled rule over the design; the findings and the profile."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    return check_context(build_context(design, catalogue, lang), config)


def check_context(ctx: Context, config: EngineConfig | None = None) -> Report:
    """`check` on a context built already (a programme's course, whose context the
    programme rules read too)."""
    config = config or EngineConfig()
    findings: list[Finding] = []
    for rule_id, rule in RULES.items():
        if not config.is_enabled(rule_id):
            continue
        severity = config.severity_of(rule_id)
        findings.extend(_finding(rule, severity, hit, ctx) for hit in rule.check(ctx))

    def order(f: Finding) -> tuple[int, str, int]:
        first = ctx.by_id[f.activities[0]].position if f.activities else -1
        return (SEVERITIES.index(f.severity), f.rule, first)

    findings.sort(key=order)  # stable: ties keep the rule's own (deterministic) order
    return Report(findings=findings, profile=ctx.profile)


def describe(rule: ModuleType) -> dict[str, Any]:
    """A rule's documentation as data (for `wave rules --json` and the docs page)."""
    return {
        "id": rule.ID,
        "severity": rule.SEVERITY,
        "tip": rule.TIP,
        "misconception": rule.MISCONCEPTION,
        "title": dict(rule.TITLE),
        "why": dict(rule.WHY),
        "try": dict(rule.TRY),
        "docs": inspect.cleandoc(rule.__doc__ or ""),
    }
