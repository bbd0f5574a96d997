"""The critic for a programme (SPEC §12): its courses on a calendar of weeks.

    report = check_programme(programme, designs, catalogue, lang="nl")
    report.findings, report.weeks, report.courses, report.blend, report.to_json()

`designs` maps a course's `design` (an id or a file name, as text) to its `Design`;
a course whose design is missing from it (deleted, not readable) is listed with
`missing: true` and takes no part in the load or the rules.

Each programme rule is a module in `wave.engine.programme_rules`, made like the
course rules (`ID`, `SEVERITY`, texts in nl and en, a docstring with *Bad* and
*Good*, `EXAMPLES`, `check(ctx)` yielding `wave.engine.context.ProgrammeHit`s); `PROGRAMME_RULES` is
their registry and `EngineConfig` (`WAVE_RULES`) turns them off or changes their
severity as it does for the course rules. Pure: no database, no request.

A phase's `week` falls in programme week `start_week + week - 1`. The weekly load
covers the programme's weeks, and any later week a course reaches: a load that
runs past the calendar is still a load.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from wave.catalogue import Catalogue
from wave.engine import PROGRAMME_RULES, SEVERITIES, EngineConfig, Report, check_context
from wave.engine.context import Context, ProgrammeHit, build_context
from wave.engine.profile import category
from wave.format import Design
from wave.programme_format import Programme
from wave.vocabulary import ENVIRONMENTS, LEARNING_TYPES


@dataclass(frozen=True)
class Course:
    key: str  # the programme's `design`, as text
    start_week: int
    title: str
    design: Design | None  # None: missing
    context: Context | None  # what the course rules look at (topics, resolved activities)
    report: Report | None
    week_minutes: dict[int, int]  # programme week -> minutes
    unplanned_minutes: int  # in phases without a week
    unplanned_phases: list[str]  # their titles (phases with activities only)

    @property
    def missing(self) -> bool:
        return self.design is None

    @property
    def weeks(self) -> tuple[int, int] | None:
        """The first and last programme week it has minutes planned in."""
        planned = sorted(self.week_minutes)
        return (planned[0], planned[-1]) if planned else None


@dataclass(frozen=True)
class WeekLoad:
    week: int
    minutes: int
    by_course: dict[str, int]  # course key -> minutes (only courses with minutes that week)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


@dataclass
class ProgrammeContext:
    programme: Programme
    courses: list[Course]
    weeks: list[WeekLoad]
    catalogue: Catalogue
    lang: str

    @property
    def present(self) -> list[Course]:
        return [c for c in self.courses if not c.missing]

    def titles(self, keys: Sequence[str]) -> str:
        by_key = {c.key: c.title for c in self.courses}
        quoted = [f"“{by_key.get(k, k)}”" for k in keys]
        if len(quoted) <= 1:
            return "".join(quoted)
        joiner = " en " if self.lang == "nl" else " and "
        return ", ".join(quoted[:-1]) + joiner + quoted[-1]

    def number(self, value: float) -> str:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if self.lang == "nl" else text


@dataclass(frozen=True)
class ProgrammeFinding:
    rule: str
    severity: str
    tip: int | None
    misconception: str | None
    courses: list[str]
    title: str
    message: str
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "tip": self.tip,
            "misconception": self.misconception,
            "courses": list(self.courses),
            "title": self.title,
            "message": self.message,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Blend:
    """Where the study time of some courses goes (the profile's shares, summed)."""

    total_minutes: int
    online_share: float
    category: str
    sync_share: float
    by_learning_type: dict[str, int]
    by_environment: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "total_minutes": self.total_minutes,
            "online_share": self.online_share,
            "category": self.category,
            "sync_share": self.sync_share,
            "by_learning_type": dict(self.by_learning_type),
            "by_environment": dict(self.by_environment),
        }


@dataclass(frozen=True)
class ProgrammeReport:
    findings: list[ProgrammeFinding]
    weeks: list[WeekLoad]
    courses: list[Course]
    blend: Blend
    norm: float

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "weeks": [
                {
                    "week": w.week,
                    "hours": w.hours,
                    "by_course": {k: round(m / 60, 2) for k, m in w.by_course.items()},
                }
                for w in self.weeks
            ],
            "week_hours_norm": self.norm,
            "courses": [_course_json(c) for c in self.courses],
            "blend": self.blend.to_json(),
        }


def _course_json(course: Course) -> dict[str, Any]:
    data: dict[str, Any] = {
        "design": course.key,
        "title": course.title,
        "start_week": course.start_week,
        "missing": course.missing,
    }
    if course.report is not None:
        profile = course.report.profile
        span = course.weeks
        data |= {
            "weeks": list(span) if span else None,
            "total_minutes": profile.total_minutes,
            "unplanned_minutes": course.unplanned_minutes,
            "category": profile.category,
            "online_share": profile.online_share,
            "sync_share": profile.sync_share,
            "warnings": course.report.warnings,
        }
    return data


def blend_of(reports: Sequence[Report]) -> Blend:
    total = sum(r.profile.total_minutes for r in reports)
    online = sum(r.profile.online_minutes for r in reports)
    sync = sum(r.profile.sync_share * r.profile.total_minutes for r in reports)
    by_type = dict.fromkeys(LEARNING_TYPES, 0)
    by_env = dict.fromkeys(ENVIRONMENTS, 0)
    for r in reports:
        for key, minutes in r.profile.by_learning_type.items():
            by_type[key] = by_type.get(key, 0) + minutes
        for key, minutes in r.profile.by_environment.items():
            by_env[key] = by_env.get(key, 0) + minutes
    share = online / total if total else 0.0
    return Blend(
        total_minutes=total,
        online_share=round(share, 4),
        category=category(share),
        sync_share=round(sync / total, 4) if total else 0.0,
        by_learning_type=by_type,
        by_environment=by_env,
    )


def _course(ref: Any, start_week: int, design: Design | None, catalogue: Catalogue, lang: str) -> Course:
    key = str(ref)
    if design is None:
        return Course(key, start_week, key, None, None, None, {}, 0, [])
    context = build_context(design, catalogue, lang)
    report = check_context(context)
    by_phase = report.profile.by_phase
    week_minutes: dict[int, int] = {}
    unplanned_minutes = 0
    unplanned: list[str] = []
    for phase in design.phases:
        minutes = by_phase.get(phase.id, 0)
        if phase.week is None:
            if phase.activities:
                unplanned.append(phase.title)
                unplanned_minutes += minutes
            continue
        week = start_week + phase.week - 1
        week_minutes[week] = week_minutes.get(week, 0) + minutes
    return Course(
        key, start_week, design.title, design, context, report, week_minutes, unplanned_minutes, unplanned
    )


def _weeks(programme: Programme, courses: Sequence[Course]) -> list[WeekLoad]:
    last = max([programme.weeks, *(w for c in courses for w in c.week_minutes)])
    loads = []
    for week in range(1, last + 1):
        by_course = {c.key: c.week_minutes[week] for c in courses if c.week_minutes.get(week)}
        loads.append(WeekLoad(week, sum(by_course.values()), by_course))
    return loads


def build_programme_context(
    programme: Programme, designs: Mapping[str, Design], catalogue: Catalogue, lang: str
) -> ProgrammeContext:
    courses = [
        _course(c.design, c.start_week, designs.get(str(c.design)), catalogue, lang)
        for c in programme.courses
    ]
    return ProgrammeContext(programme, courses, _weeks(programme, courses), catalogue, lang)


def _finding(rule: ModuleType, severity: str, hit: ProgrammeHit, ctx: ProgrammeContext) -> ProgrammeFinding:
    lang = ctx.lang
    order = {c.key: i for i, c in enumerate(ctx.courses)}
    keys = sorted(dict.fromkeys(hit.courses), key=lambda k: order.get(k, len(order)))
    params = {"courses": ctx.titles(keys), "count": len(keys)}
    params.update({k: (v[lang] if isinstance(v, Mapping) else v) for k, v in hit.params.items()})
    found = rule.FOUND[lang] if lang in rule.FOUND else rule.FOUND[hit.variant or "one"][lang]
    return ProgrammeFinding(
        rule=rule.ID,
        severity=severity,
        tip=rule.TIP,
        misconception=rule.MISCONCEPTION,
        courses=keys,
        title=rule.TITLE[lang],
        message=" ".join([found.format(**params), rule.WHY[lang], rule.TRY[lang]]),
        detail=dict(hit.detail),
    )


def check_programme(
    programme: Programme,
    designs: Mapping[str, Design],
    catalogue: Catalogue,
    *,
    lang: str = "nl",
    config: EngineConfig | None = None,
) -> ProgrammeReport:
    """Every enabled programme rule over the programme's courses; the findings, the
    weekly load and the blend per course and over the programme."""
    config = config or EngineConfig()
    ctx = build_programme_context(programme, designs, catalogue, lang)
    findings: list[ProgrammeFinding] = []
    for rule_id, rule in PROGRAMME_RULES.items():
        if config.is_enabled(rule_id):
            severity = config.severity_of(rule_id)
            findings.extend(_finding(rule, severity, hit, ctx) for hit in _hits(rule, ctx))
    findings.sort(key=lambda f: SEVERITIES.index(f.severity))  # stable: the registry's order
    reports = [c.report for c in ctx.present if c.report is not None]
    return ProgrammeReport(findings, ctx.weeks, ctx.courses, blend_of(reports), programme.week_hours_norm)


def _hits(rule: ModuleType, ctx: ProgrammeContext) -> Iterator[ProgrammeHit]:
    yield from rule.check(ctx)
