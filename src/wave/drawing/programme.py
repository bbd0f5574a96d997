"""A programme on its weeks (SPEC §12), as one SVG drawn from the programme report.

Top: a row per course on the week axis, each week it has study time in marked with
its hours. Bottom, on the same columns: the hours per week stacked by course,
against the week norm (a dashed line); a week over the norm has its total in red.
Every number is the report's, also as `data-*` attributes (`data-week`,
`data-course`, `data-minutes`, `data-hours`), so a test compares the picture with
the report. The page, the PDF and the rule pages draw from here.
"""

from __future__ import annotations

from wave.drawing.svg import INK, LINE, MUTED, WARN, document, ellipsize, esc, num, rect, text
from wave.drawing.texts import t
from wave.engine.programme import ProgrammeReport

# Eight colours that differ in lightness as well as hue (grey-scale print keeps them apart).
COURSE_COLOURS = ("#1f6fd1", "#c25e00", "#0e9384", "#7a5af8", "#b54708", "#2e90fa", "#667085", "#d444f1")
LABEL_W = 170
ROW_H = 26
CHART_H = 150


def course_colour(index: int) -> str:
    return COURSE_COLOURS[index % len(COURSE_COLOURS)]


def hours_text(minutes: int, lang: str) -> str:
    """Minutes as hours the way the programme shows them: 51,2 (nl), 51.2 (en), 40."""
    value = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
    return value.replace(".", ",") if lang == "nl" else value


def programme_svg(report: ProgrammeReport, lang: str, *, width: float = 760, label_w: float = LABEL_W) -> str:
    weeks = report.weeks
    courses = [c for c in report.courses if not c.missing]
    col = (width - label_w) / max(len(weeks), 1)
    parts: list[str] = []
    # the week axis
    for i, load in enumerate(weeks):
        x = label_w + i * col
        parts.append(text(x + col / 2, 14, str(load.week), size=10.5, fill=MUTED, anchor="middle"))
    parts.append(text(0, 14, t("programme.week", lang), size=10.5, fill=MUTED))
    top = 22
    # a row per course
    for row, course in enumerate(courses):
        y = top + row * ROW_H
        colour = course_colour(report.courses.index(course))
        parts.append(rect(0, y + 8, 10, 10, fill=colour, rx=2))
        parts.append(text(16, y + 17, ellipsize(course.title, label_w - 22, 11), size=11))
        for i, load in enumerate(weeks):
            minutes = course.week_minutes.get(load.week, 0)
            x = label_w + i * col
            if minutes:
                parts.append(
                    rect(
                        x + 1,
                        y + 3,
                        col - 2,
                        ROW_H - 6,
                        fill=colour,
                        rx=3,
                        fill_opacity=0.85,
                        data_course=course.key,
                        data_week=load.week,
                        data_minutes=minutes,
                    )
                )
                parts.append(
                    text(
                        x + col / 2,
                        y + 17.5,
                        hours_text(minutes, lang),
                        size=10,
                        fill="#ffffff",
                        anchor="middle",
                    )
                )
            else:
                parts.append(rect(x + 1, y + 3, col - 2, ROW_H - 6, fill="#f4f6f8", rx=3))
    chart_top = top + max(len(courses), 1) * ROW_H + 18
    norm_minutes = report.norm * 60
    scale_max = max([norm_minutes * 1.2, *(w.minutes for w in weeks)])
    base = chart_top + CHART_H

    def y_of(minutes: float) -> float:
        return base - CHART_H * minutes / scale_max

    parts.append(text(0, chart_top + 10, t("programme.hours", lang), size=10.5, fill=MUTED))
    parts.append(
        f'<line x1="{num(label_w)}" y1="{num(base)}" x2="{num(width)}" y2="{num(base)}" stroke="{LINE}"/>'
    )
    for i, load in enumerate(weeks):
        x = label_w + i * col
        bottom = 0
        for course in courses:
            minutes = load.by_course.get(course.key, 0)
            if not minutes:
                continue
            colour = course_colour(report.courses.index(course))
            parts.append(
                rect(
                    x + col * 0.18,
                    y_of(bottom + minutes),
                    col * 0.64,
                    y_of(bottom) - y_of(bottom + minutes),
                    fill=colour,
                    data_stack_course=course.key,
                    data_stack_week=load.week,
                    data_minutes=minutes,
                )
            )
            bottom += minutes
        over = load.minutes > norm_minutes
        parts.append(
            text(
                x + col / 2,
                y_of(load.minutes) - 4,
                hours_text(load.minutes, lang),
                size=10.5,
                fill=WARN if over else INK,
                weight="bold" if over else None,
                anchor="middle",
                data_week_total=load.week,
                data_hours=load.hours,
                data_over="true" if over else "false",
            )
        )
    norm_y = y_of(norm_minutes)
    parts.append(
        f'<line x1="{num(label_w)}" y1="{num(norm_y)}" x2="{num(width)}" y2="{num(norm_y)}" '
        f'stroke="{WARN}" stroke-dasharray="5 4" data-norm="{esc(report.norm)}"/>'
    )
    norm_label = t("programme.norm", lang, n=hours_text(round(norm_minutes), lang))
    parts.append(text(label_w - 6, norm_y + 4, norm_label, size=10.5, fill=WARN, anchor="end"))
    height = base + 8
    over_weeks = [w.week for w in weeks if w.minutes > norm_minutes]
    desc = t("programme.desc", lang, courses=len(courses), weeks=len(weeks), over=len(over_weeks))
    return document(
        width, height, "".join(parts), title=t("programme.title", lang), desc=desc, data_chart="programme"
    )
