"""The readiness scan's pictures: a radar of the twelve dimensions and a small spread
bar per dimension. Pure functions, SVG strings, drawn with the helpers and colours of the
other charts (`wave.drawing.svg`).

Every score drawn is also a data attribute of its mark (`data-dimension`,
`data-score`, `data-answers`, `data-spread`; the spread bar `data-low` and `data-high`),
so a test compares the picture with the report; the table beside it is the text
alternative. The scale runs from the centre (0) to 4 (embedded); a dimension nobody
scored has no point, and its axis label says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from babel.numbers import format_decimal

from wave.drawing.svg import INK, LINE, MUTED, WAVE, document, esc, num, text, wrap
from wave.drawing.texts import t
from wave.scans.scoring import DimensionScore

RADAR_W, RADAR_H = 640, 430
TOP = 4  # the scale's highest step
LABEL_W, LABEL_SIZE = 128, 11.5
BEFORE = "#7b8794"


@dataclass(frozen=True)
class Frame:
    """Where the radar sits: the full one names its axes; the compact one (a phone) numbers
    them, as the answer page and the table do, large enough to read at 360 px."""

    width: float
    height: float
    centre: tuple[float, float]
    radius: float


FULL = Frame(RADAR_W, RADAR_H, (320.0, 205.0), 150.0)
COMPACT = Frame(360, 360, (180.0, 180.0), 140.0)


def _point(frame: Frame, index: float, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = frame.radius * value / TOP
    return frame.centre[0] + r * math.cos(angle), frame.centre[1] + r * math.sin(angle)


def score_text(value: float | None, lang: str, *, signed: bool = False) -> str:
    """A score as the reader writes numbers (2,33 in Dutch), at most two decimals; "–"
    for none. `signed`: a change, with its + or −."""
    if value is None:
        return "–"
    shown = format_decimal(abs(value) if signed else value, format="0.##", locale=lang)
    if not signed:
        return shown
    return ("+" if value > 0 else "−" if value < 0 else "±") + shown


def radar_chart(
    names: Sequence[tuple[str, str]],
    scores: Sequence[DimensionScore],
    lang: str,
    *,
    before: Mapping[str, float | None] | None = None,
    compact: bool = False,
) -> str:
    """`names`: (dimension id, name) in the radar's order; `scores`: this scan's, by the
    same ids; `before`: the earlier scan's scores (a dashed outline), when there is one.
    `compact`: the axes numbered 1–12 instead of named, without the legend (a phone)."""
    frame = COMPACT if compact else FULL
    count = len(names)
    by_id = {s.id: s for s in scores}
    parts: list[str] = []
    # rings for the four steps, the axes
    for step in range(1, TOP + 1):
        ring = " ".join(
            f"{num(x)},{num(y)}" for x, y in (_point(frame, i, count, step) for i in range(count))
        )
        parts.append(
            f'<polygon points="{ring}" fill="none" stroke="{LINE}" '
            f'stroke-width="{1.5 if step == TOP else 1}"/>'
        )
    for i in range(count):
        x, y = _point(frame, i, count, TOP)
        parts.append(
            f'<line x1="{num(frame.centre[0])}" y1="{num(frame.centre[1])}" x2="{num(x)}" y2="{num(y)}" '
            f'stroke="{LINE}" stroke-width="1"/>'
        )
    for step in range(1, TOP + 1):  # the steps' numbers, between the first and the last axis
        x, y = _point(frame, -0.5, count, step)
        parts.append(text(x, y + 3.5, str(step), size=9.5, fill=MUTED, anchor="middle"))

    def outline(values: Mapping[str, float | None], series: str, colour: str, dashed: bool) -> None:
        points = [
            (i, _point(frame, i, count, v))
            for i, (dim, _) in enumerate(names)
            if (v := values.get(dim)) is not None
        ]
        if len(points) >= 2:
            shape = "polygon" if len(points) >= 3 else "polyline"
            coords = " ".join(f"{num(x)},{num(y)}" for _, (x, y) in points)
            fill = "none" if dashed else "rgba(14,147,132,0.16)"
            dash = ' stroke-dasharray="6 4"' if dashed else ""
            parts.append(
                f'<{shape} points="{coords}" fill="{fill}" stroke="{colour}" stroke-width="2"{dash} '
                f'data-series="{series}"/>'
            )

    if before is not None:
        outline(before, "previous", BEFORE, True)
        for i, (dim, _) in enumerate(names):
            value = before.get(dim)
            if value is not None:
                x, y = _point(frame, i, count, value)
                parts.append(
                    f'<circle cx="{num(x)}" cy="{num(y)}" r="3" fill="#fff" stroke="{BEFORE}" '
                    f'stroke-width="1.5" '
                    f'data-previous="{esc(dim)}" data-score="{round(value, 2)}"/>'
                )
    outline({s.id: s.mean for s in scores}, "current", WAVE, False)
    for i, (dim, _) in enumerate(names):
        s = by_id.get(dim)
        if s is None or s.mean is None:
            continue
        x, y = _point(frame, i, count, s.mean)
        parts.append(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="4.5" fill="{WAVE}" stroke="#fff" stroke-width="1.5" '
            f'data-dimension="{esc(dim)}" data-score="{s.score}" data-answers="{s.answers}" '
            f'data-spread="{s.spread}"><title>{esc(names[i][1])}: '
            f"{esc(score_text(s.score, lang))}</title></circle>"
        )
    if compact:
        parts.append(_numbers(frame, names, by_id))
    else:
        parts.append(_labels(frame, names, by_id, lang))
        parts.append(_legend(before is not None, lang))
    scored = [s for s in scores if s.mean is not None]
    desc = (
        "; ".join(f"{name}: {score_text(by_id[dim].score, lang)}" for dim, name in names if dim in by_id)
        if scored
        else t("radar.empty", lang)
    )
    return document(
        frame.width,
        frame.height,
        "".join(parts),
        title=t("radar.title", lang),
        desc=desc,
        data_chart="radar-compact" if compact else "radar",
    )


def _numbers(frame: Frame, names: Sequence[tuple[str, str]], by_id: Mapping[str, DimensionScore]) -> str:
    """The compact radar's axes: the dimensions' numbers, muted where nobody scored."""
    out = []
    for i, (dim, _) in enumerate(names):
        x, y = _point(frame, i, len(names), TOP + 0.55)
        s = by_id.get(dim)
        colour = INK if s is not None and s.mean is not None else MUTED
        number = text(x, y + 6, str(i + 1), size=17, weight="bold", anchor="middle", fill=colour)
        out.append(f'<g data-axis="{esc(dim)}">{number}</g>')
    return "".join(out)


def _labels(
    frame: Frame, names: Sequence[tuple[str, str]], by_id: Mapping[str, DimensionScore], lang: str
) -> str:
    """Round the outside of the full radar: each name, and its score under it."""
    out = []
    for i, (dim, name) in enumerate(names):
        angle = -math.pi / 2 + 2 * math.pi * i / len(names)
        cos, sin = math.cos(angle), math.sin(angle)
        x = frame.centre[0] + (frame.radius + 14) * cos
        y = frame.centre[1] + (frame.radius + 14) * sin
        anchor = "middle" if abs(cos) < 0.2 else "start" if cos > 0 else "end"
        lines = wrap(name, LABEL_W, LABEL_SIZE, lines=2, bold=True)
        s = by_id.get(dim)
        score = s.score if s is not None else None
        rows = len(lines) + 1
        # above the centre the block grows upwards, below it downwards, beside it around y
        first = y - (rows - 1) * 13 if sin < -0.2 else y + 9 if sin > 0.2 else y - (rows - 2) * 6.5
        group = [f'<g data-axis="{esc(dim)}" data-score="{"" if score is None else score}">']
        for n, line in enumerate(lines):
            group.append(
                text(x, first + n * 13, line, size=LABEL_SIZE, weight="bold", anchor=anchor, fill=INK)
            )
        group.append(
            text(
                x,
                first + len(lines) * 13,
                score_text(score, lang) if score is not None else t("radar.unscored", lang),
                size=10.5,
                anchor=anchor,
                fill=WAVE if score is not None else MUTED,
                weight="bold" if score is not None else None,
            )
        )
        group.append("</g>")
        out.append("".join(group))
    return "".join(out)


def _legend(with_before: bool, lang: str) -> str:
    y = RADAR_H - 10
    out = [
        f'<rect x="16" y="{y - 9}" width="18" height="10" fill="rgba(14,147,132,0.16)" '
        f'stroke="{WAVE}" stroke-width="2"/>',
        text(40, y, t("radar.current", lang), size=10.5),
    ]
    if with_before:
        out.append(
            f'<line x1="190" y1="{y - 4}" x2="210" y2="{y - 4}" stroke="{BEFORE}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(text(216, y, t("radar.previous", lang), size=10.5))
    out.append(text(RADAR_W - 16, y, t("radar.scale", lang), size=10, fill=MUTED, anchor="end"))
    return "".join(out)


SPREAD_W, SPREAD_H = 124, 22


def spread_bar(score: DimensionScore, lang: str) -> str:
    """One dimension's answers on the scale 1–4: a dot per step that was given (bigger
    for more answers), the range from lowest to highest, and the mean."""
    left, right, mid = 8.0, SPREAD_W - 8.0, 11.0

    def x_of(value: float) -> float:
        return left + (right - left) * (value - 1) / (TOP - 1)

    parts = [
        f'<line x1="{num(left)}" y1="{mid}" x2="{num(right)}" y2="{mid}" stroke="{LINE}" stroke-width="2"/>'
    ]
    for step in range(1, TOP + 1):
        x = x_of(step)
        parts.append(
            f'<line x1="{num(x)}" y1="{mid - 4}" x2="{num(x)}" y2="{mid + 4}" '
            f'stroke="{LINE}" stroke-width="1"/>'
        )
    if score.low is not None and score.high is not None:
        parts.append(
            f'<line x1="{num(x_of(score.low))}" y1="{mid}" x2="{num(x_of(score.high))}" y2="{mid}" '
            f'stroke="{WAVE}" stroke-width="4" stroke-linecap="round" data-range="{score.low}-{score.high}"/>'
        )
        most = max(score.counts) or 1
        for step, n in zip(range(1, TOP + 1), score.counts, strict=True):
            if n:
                r = 2.5 + 3 * n / most
                parts.append(
                    f'<circle cx="{num(x_of(step))}" cy="{mid}" r="{num(r)}" fill="#fff" stroke="{WAVE}" '
                    f'stroke-width="1.5" data-step="{step}" data-count="{n}"/>'
                )
        if score.mean is not None:
            x = x_of(score.mean)
            parts.append(
                f'<path d="M {num(x)} {mid - 3} l -4 -7 h 8 z" fill="{INK}" data-mean="{score.score}"/>'
            )
        title = t("spread.range", lang, low=score.low, high=score.high)
    else:
        title = t("spread.none", lang)
    return document(
        SPREAD_W,
        SPREAD_H,
        "".join(parts),
        title=title,
        data_spread=score.id,
        data_low="" if score.low is None else score.low,
        data_high="" if score.high is None else score.high,
    )
