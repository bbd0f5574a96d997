"""What the PDF shows, computed from a design, the catalogue and the critic's report.

Kept apart from the rendering (like `wave.web.canvas_view` for the canvas):
the template only lays out what is here. The wave and the profile charts come
from `wave.drawing`, so the paper shows the same pictures as the screen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup

from wave.catalogue import Activity, Catalogue
from wave.drawing import Chart, profile_charts, wave_svg
from wave.drawing.texts import t as drawing_text
from wave.engine import Finding, Report
from wave.format import Design, Phase, PlacedActivity
from wave.teamtable import tips

CUSTOM_ICON = "shapes"
MODE_COLOURS = {"online": "#1f6fd1", "offline": "#c25e00"}
ICON_SCHEME = "wave-icon"  # wave-icon:NAME/RRGGBB, served by the PDF's fetcher
DRAWING_SCHEME = "wave-drawing"  # wave-drawing:KEY, one of this render's drawings

# The wave on paper: at most WAVE_COLUMNS activity columns per row, drawn at
# WAVE_SCALE points per drawing unit (card titles print at about 6 pt). Beyond
# WAVE_FULL_LIMIT activities the rows are compact (icons only): the table that
# follows names every activity, and a full drawing would take dozens of pages.
WAVE_COLUMNS = 8
WAVE_SCALE = 0.55
WAVE_FULL_LIMIT = 40
COMPACT_COLUMNS = 24
COMPACT_SCALE = 0.7


def tip_titles(lang: str) -> dict[int, str]:
    """The toolkit's ten tips by number, as the headings of the findings section (the
    team table's titles, `wave.teamtable`)."""
    return {t.number: t.title(lang) for t in tips()}


def icon_src(name: str, colour: str) -> str:
    """The URL of a Lucide icon in a colour (`#rrggbb`): short, so the HTML stays
    small, and WeasyPrint parses each distinct image URL once per document."""
    return f"{ICON_SCHEME}:{name}/{colour.lstrip('#').lower()}"


# --- activities per phase ---------------------------------------------------------


@dataclass
class Row:
    """One activity as a table row."""

    placed: PlacedActivity
    entry: Activity | None
    number: int  # 1-based position in the design's time order
    links: list[tuple[str, list[int]]] = field(default_factory=list)  # kind -> numbers it leads to

    @property
    def icon(self) -> str:
        return icon_src(self.entry.icon if self.entry else CUSTOM_ICON, MODE_COLOURS[self.placed.mode])

    def kind_name(self, lang: str) -> str | None:
        """The catalogue's name, unless the title already says it."""
        if self.entry is None:
            return None
        name = self.entry.name(lang)
        return None if name.casefold() in (self.placed.title or "").casefold() else name


@dataclass
class PhaseTable:
    phase: Phase
    rows: list[Row]
    minutes: int


def phase_tables(design: Design, catalogue: Catalogue) -> list[PhaseTable]:
    """The activities per phase, numbered in time order; each row names the
    activities its links lead to by those numbers."""
    numbers = {a.id: n for n, a in enumerate(design.placed(), start=1)}
    outgoing: dict[str, dict[str, list[int]]] = {}
    for link in design.links:
        outgoing.setdefault(link.from_, {}).setdefault(link.kind, []).append(numbers[link.to])
    tables = []
    for phase in design.phases:
        rows = [
            Row(
                placed=a,
                entry=catalogue.get(a.activity),
                number=numbers[a.id],
                links=[(kind, sorted(ns)) for kind, ns in outgoing.get(a.id, {}).items()],
            )
            for a in phase.activities
        ]
        tables.append(PhaseTable(phase=phase, rows=rows, minutes=sum(r.placed.minutes or 0 for r in rows)))
    return tables


# --- findings -------------------------------------------------------------------------


@dataclass
class TipGroup:
    tip: int | None
    findings: list[Finding]


def findings_by_tip(report: Report) -> list[TipGroup]:
    """Findings grouped by the tip they come from: tips 1-10 in order, then the rest."""
    groups: dict[int | None, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.tip, []).append(finding)
    order = sorted(groups, key=lambda tip: (tip is None, tip or 0))
    return [TipGroup(tip=tip, findings=groups[tip]) for tip in order]


# --- the wave ---------------------------------------------------------------------------


@dataclass
class WaveRow:
    """One row of the wave on paper: its drawing's URL and its width in points."""

    src: str
    width_pt: float
    first: int = 0  # the numbers (time order) of its first and last activity
    last: int = 0
    phases: list[str] = field(default_factory=list)


def wave_rows(
    design: Design,
    phase_rows: list[list[Phase]],
    catalogue: Catalogue,
    lang: str,
    report: Report,
    drawings: dict[str, bytes],
) -> list[WaveRow]:
    """Draw each row with `wave_svg` (a small design: one drawing with its title and
    legend), store the SVG in `drawings` and return where the template finds it."""
    compact = len(design.placed()) > WAVE_FULL_LIMIT
    rows = []
    done = 0
    for phases in phase_rows:
        count = sum(len(p.activities) for p in phases)
        if len(phase_rows) == 1:
            svg = wave_svg(design, catalogue, lang, profile=report.profile, numbered=1)
        else:
            svg = wave_svg(
                design.model_copy(update={"phases": phases}),
                catalogue,
                lang,
                compact=compact,
                bare=True,
                numbered=done + 1,
            )
        key = f"row{len(drawings)}"
        drawings[key] = svg.encode("utf-8")
        scale = COMPACT_SCALE if compact else WAVE_SCALE
        rows.append(
            WaveRow(
                src=f"{DRAWING_SCHEME}:{key}",
                width_pt=_svg_width(svg) * scale,
                first=done + 1,
                last=done + count,
                phases=[p.title for p in phases],
            )
        )
        done += count
    return rows


def split_phases(design: Design, per_row: int | None = None) -> list[list[Phase]]:
    """The phases in rows of at most `per_row` activity columns (an empty phase takes
    one; by default as many as the paper's wave holds). A longer phase is cut into
    parts titled "Title (1/3)"; time order is kept."""
    if per_row is None:
        per_row = COMPACT_COLUMNS if len(design.placed()) > WAVE_FULL_LIMIT else WAVE_COLUMNS
    pieces: list[Phase] = []
    for phase in design.phases:
        acts = phase.activities
        parts = [acts[i : i + per_row] for i in range(0, len(acts), per_row)] or [[]]
        for n, part in enumerate(parts, start=1):
            title = phase.title if len(parts) == 1 else f"{phase.title} ({n}/{len(parts)})"
            pieces.append(phase.model_copy(update={"activities": part, "title": title}))
    rows: list[list[Phase]] = [[]]
    for piece in pieces:
        used = sum(max(1, len(p.activities)) for p in rows[-1])
        if rows[-1] and used + max(1, len(piece.activities)) > per_row:
            rows.append([])
        rows[-1].append(piece)
    return rows


def _as_image(chart: Chart, drawings: dict[str, bytes]) -> Chart:
    """The chart with its SVG moved into `drawings` and shown as an image of it."""
    key = f"chart-{chart.id}"
    drawings[key] = str(chart.svg).encode("utf-8")
    return replace(chart, svg=Markup(f'<img src="{DRAWING_SCHEME}:{key}" alt="">'))


def _svg_width(svg: str) -> float:
    match = re.search(r'viewBox="0 0 ([0-9.]+) ', svg)
    return float(match.group(1)) if match else 1000.0


# --- the whole page ------------------------------------------------------------------------


def export_context(
    design: Design,
    catalogue: Catalogue,
    *,
    lang: str,
    report: Report,
    owner: str | None,
    comments: Sequence[Any],
    today: dt.date,
    drawings: dict[str, bytes],
) -> dict[str, Any]:
    """The template's context; the wave drawings it refers to go into `drawings`."""
    phase_rows = split_phases(design)
    return {
        "design": design,
        "owner": owner,
        "date": format_date(today, "long", locale=lang),
        "report": report,
        "profile": report.profile,
        "tables": phase_tables(design, catalogue),
        "tip_groups": findings_by_tip(report),
        "tip_titles": tip_titles(lang),
        "comments": list(comments),
        "wave_rows": wave_rows(design, phase_rows, catalogue, lang, report, drawings),
        "wave_compact": len(design.placed()) > WAVE_FULL_LIMIT,
        "charts": [_as_image(chart, drawings) for chart in profile_charts(report, design, lang)],
        "drawing_text": lambda key: drawing_text(key, lang),
        "hours": lambda minutes: format_decimal(round(minutes / 60, 1), "#,##0.#", locale=lang),
        "number": lambda value: format_decimal(value, "#,##0.#", locale=lang),
        "when": lambda moment: format_date(moment, "medium", locale=lang),
    }
