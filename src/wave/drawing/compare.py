"""Before/after: the baseline and the redesign side by side, changes marked.

Which activities were added, removed, changed or moved (lane changed) is the
engine's answer (`report.profile.baseline`), and so are the deltas; nothing
here decides it again. What this adds is the picture: both waves with badges,
one row per activity for the table, and the balance of tip 4 — minutes that
went in (added activities, activities that grew) against minutes that went
out (removed ones, ones that shrank). In minus out is the engine's
`minutes_delta`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from wave.catalogue import Catalogue
from wave.drawing.charts import WIDTH, percent
from wave.drawing.svg import INK, OK, WARN, document, rect, text
from wave.drawing.texts import t
from wave.drawing.wave_svg import wave_svg
from wave.engine import Report
from wave.engine.profile import BaselineDelta
from wave.format import Design, PlacedActivity
from wave.vocabulary import label

CHANGE_KINDS = ("added", "removed", "changed", "moved")


@dataclass(frozen=True)
class CompareRow:
    """One activity in the before/after table."""

    id: str
    title: str
    changes: tuple[str, ...]  # () when unchanged; "moved" comes with "changed"
    before: PlacedActivity | None
    after: PlacedActivity | None
    details: list[str] = field(default_factory=list)  # what changed, readable


@dataclass(frozen=True)
class Totals:
    minutes: int
    online_percent: int
    interactive_minutes: int


@dataclass(frozen=True)
class CompareView:
    has_baseline: bool
    after_svg: Markup
    before_svg: Markup | None = None
    before_width: float = 0
    after_width: float = 0
    rows: list[CompareRow] = field(default_factory=list)
    delta: BaselineDelta | None = None
    before: Totals | None = None
    after: Totals | None = None
    minutes_in: int = 0
    minutes_out: int = 0
    balance_svg: Markup | None = None

    def ids(self, kind: str) -> list[str]:
        return [r.id for r in self.rows if kind in r.changes]


def _marks(delta: BaselineDelta) -> dict[str, list[str]]:
    marks: dict[str, list[str]] = {}
    for kind in CHANGE_KINDS:
        for placed_id in getattr(delta, kind):
            marks.setdefault(placed_id, []).append(kind)
    return marks


def _details(before: PlacedActivity, after: PlacedActivity, lang: str) -> list[str]:
    out = []
    if before.mode != after.mode:
        out.append(f"{label(before.mode, lang)} → {label(after.mode, lang)}")
    if before.timing != after.timing:
        out.append(f"{label(before.timing or '', lang)} → {label(after.timing or '', lang)}")
    if before.minutes != after.minutes:
        out.append(f"{before.minutes} → {after.minutes} {t('min', lang)}")
    return out


def _width(svg: str) -> float:
    head = svg.split(">", 1)[0]
    return float(head.split(' width="', 1)[1].split('"', 1)[0])


def balance_chart(minutes_in: int, minutes_out: int, minutes_delta: int, lang: str) -> str:
    """Tip 4 as a picture: what went in against what went out, and the net change."""
    w = WIDTH
    top = max(minutes_in, minutes_out, 1)
    label_w, value_w = 56, 64
    bw = w - label_w - value_w
    parts = []
    for i, (key, value, colour) in enumerate((("in", minutes_in, OK), ("out", minutes_out, WARN))):
        y = i * 24
        parts.append(text(0, y + 15, t(f"balance.{key}", lang), size=11.5, weight="bold"))
        parts.append(rect(label_w, y + 5, bw, 14, fill="#eef1f4", rx=2))
        parts.append(
            rect(label_w, y + 5, bw * value / top, 14, fill=colour, rx=2, data_key=key, data_value=value)
        )
        sign = "+" if key == "in" else "−"
        parts.append(text(w, y + 16, f"{sign}{value} {t('min', lang)}", size=11, anchor="end"))
    net = f"{'+' if minutes_delta > 0 else '−' if minutes_delta < 0 else '±'}{abs(minutes_delta)}"
    parts.append(
        text(
            0,
            66,
            t("balance.net", lang, d=net),
            size=12,
            weight="bold",
            fill=WARN if minutes_delta > 0 else INK,
            data_key="net",
            data_value=minutes_delta,
        )
    )
    return document(w, 74, "".join(parts), title=t("balance.title", lang), data_chart="balance")


def compare_view(design: Design, catalogue: Catalogue, report: Report, lang: str) -> CompareView:
    """Everything the before/after page shows; `report` is the engine's report on `design`."""
    profile = report.profile
    after_plain = wave_svg(design, catalogue, lang, profile=profile)
    delta = profile.baseline
    if design.baseline is None or delta is None:
        return CompareView(has_baseline=False, after_svg=Markup(after_plain), after_width=_width(after_plain))
    marks = _marks(delta)
    # bare: the page titles both drawings and gives one legend; no links, the changes matter here
    before_svg = wave_svg(design.baseline, catalogue, lang, marks=marks, links=False, bare=True)
    after_svg = wave_svg(design, catalogue, lang, profile=profile, marks=marks, links=False, bare=True)

    old = {a.id: a for a in design.baseline.placed()}
    new = {a.id: a for a in design.placed()}
    rows: list[CompareRow] = []
    minutes_in = minutes_out = 0
    for a in design.placed():
        before = old.get(a.id)
        changes = tuple(marks.get(a.id, ()))
        details = _details(before, a, lang) if before is not None else []
        rows.append(
            CompareRow(
                id=a.id, title=a.title or a.activity, changes=changes, before=before, after=a, details=details
            )
        )
        grown = (a.minutes or 0) - ((before.minutes or 0) if before is not None else 0)
        minutes_in += max(grown, 0)
        minutes_out += max(-grown, 0)
    for b in design.baseline.placed():
        if b.id not in new:
            rows.append(
                CompareRow(
                    id=b.id,
                    title=b.title or b.activity,
                    changes=tuple(marks.get(b.id, ())),
                    before=b,
                    after=None,
                )
            )
            minutes_out += b.minutes or 0

    after = Totals(profile.total_minutes, percent(profile.online_share), profile.interactive_minutes)
    before = Totals(
        profile.total_minutes - delta.minutes_delta,
        percent(round(profile.online_share - delta.online_share_delta, 4)),
        profile.interactive_minutes - delta.interactive_minutes_delta,
    )
    return CompareView(
        has_baseline=True,
        after_svg=Markup(after_svg),
        before_svg=Markup(before_svg),
        before_width=_width(before_svg),
        after_width=_width(after_svg),
        rows=rows,
        delta=delta,
        before=before,
        after=after,
        minutes_in=minutes_in,
        minutes_out=minutes_out,
        balance_svg=Markup(balance_chart(minutes_in, minutes_out, delta.minutes_delta, lang)),
    )
