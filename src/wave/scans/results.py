"""A scan's results as a person reads them, in one language: the radar, a row per
dimension (score, answers, spread, change) and the next steps for the weakest
dimensions. Made from the pure report (`scoring.ScanReport`), for the results page and
the PDF alike, so the two agree.

    view = scan_results(report, "nl", level="course")
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from wave.drawing.radar import radar_chart, score_text, spread_bar
from wave.scans.dimensions import dimensions
from wave.scans.scoring import ScanReport

WEAKEST = 3  # the dimensions that get next steps


@dataclass(frozen=True)
class ResultRow:
    id: str
    name: str
    about: str
    score: float | None
    score_text: str
    answers: int
    dont_know: int
    spread: int | None
    low: int | None
    high: int | None
    change: float | None  # since the scan it follows; None: no change to tell
    change_text: str
    spread_svg: Markup


@dataclass(frozen=True)
class NextSteps:
    id: str
    name: str
    score_text: str
    steps: list[str]


@dataclass(frozen=True)
class ScanResults:
    respondents: int
    rows: list[ResultRow]
    radar: Markup
    radar_compact: Markup  # for a phone: the axes numbered as the table's rows
    next_steps: list[NextSteps]
    compared: bool  # the scan follows an earlier one
    answered: bool  # at least one dimension has a score


def scan_results(report: ScanReport, lang: str) -> ScanResults:
    data = {d.id: d for d in dimensions()}
    names = [(d.id, d.name(lang)) for d in dimensions()]
    changes = report.previous or {}
    rows = []
    for s in report.dimensions:
        change = changes.get(s.id)
        rows.append(
            ResultRow(
                id=s.id,
                name=data[s.id].name(lang),
                about=data[s.id].about(lang),
                score=s.score,
                score_text=score_text(s.score, lang),
                answers=s.answers,
                dont_know=s.dont_know,
                spread=s.spread,
                low=s.low,
                high=s.high,
                change=change,
                change_text=score_text(change, lang, signed=True),
                spread_svg=Markup(spread_bar(s, lang)),
            )
        )
    before = {d.id: d.mean for d in report.before} if report.before is not None else None
    steps = [
        NextSteps(
            id=s.id,
            name=data[s.id].name(lang),
            score_text=score_text(s.score, lang),
            steps=[step(lang) for step in data[s.id].steps],
        )
        for s in report.weakest(WEAKEST)
    ]
    return ScanResults(
        respondents=report.respondents,
        rows=rows,
        radar=Markup(radar_chart(names, report.dimensions, lang, before=before)),
        radar_compact=Markup(radar_chart(names, report.dimensions, lang, before=before, compact=True)),
        next_steps=steps,
        compared=report.previous is not None,
        answered=any(s.mean is not None for s in report.dimensions),
    )
