"""The profile as charts: small SVGs drawn from the engine's `Profile`, nothing else.

Every number drawn is one of the profile's (minutes as they are, shares as
`round(share * 100)` percent, the same rounding as `wave check`), written as
text and as a `data-value` attribute on the mark, so a test can compare the
picture with the report. The charts are 300 units wide (the critic panel) and
scale with their container; each comes with a text alternative (`rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from wave.drawing.svg import (
    INK,
    LINE,
    MUTED,
    OFFLINE,
    ONLINE,
    WARN,
    WAVE,
    document,
    ellipsize,
    esc,
    num,
    rect,
    text,
)
from wave.drawing.texts import t
from wave.engine import Profile, Report
from wave.format import DesignBody
from wave.vocabulary import label

WIDTH = 300
WAVE_SOFT = "#dff3f0"
TRACK = "#eef1f4"
ENVIRONMENT_COLOURS = {"online": ONLINE, "campus": OFFLINE, "workplace": OFFLINE, "society": OFFLINE}
BANDS = (("web-facilitated", 0.0, 0.30), ("blended", 0.30, 0.80), ("online", 0.80, 1.0))


@dataclass(frozen=True)
class Chart:
    """One chart: its SVG and the same numbers as a small table (the text alternative)."""

    id: str
    title: str
    svg: Markup
    columns: tuple[str, str]
    rows: list[tuple[str, str]] = field(default_factory=list)
    summary: str = ""
    note: str = ""


def percent(share: float) -> int:
    """A share as whole percent, rounded as `wave check` rounds it."""
    return round(share * 100)


def category_label(category: str, lang: str) -> str:
    return t(f"category.{category}", lang)


# --- online/offline with the Allen & Seaman bands ----------------------------------


def share_chart(profile: Profile, lang: str, *, empty: str | None = None) -> str:
    """Online against face to face. Without study time there is no share to show: the
    chart says so (`empty`, default "no study time yet") instead of "0% online ·
    traditional", and no band of the scale is marked."""
    total, online = profile.total_minutes, profile.online_minutes
    offline = total - online
    pct = percent(profile.online_share)
    w = WIDTH
    empty = empty or t("empty", lang)
    if total:
        parts = [
            f'<text x="0" y="14" font-size="13" fill="{INK}"><tspan font-weight="bold">'
            f'{esc(t("online.pct", lang, p=pct))}</tspan><tspan fill="{WAVE}"> · '
            f"{esc(category_label(profile.category, lang))}</tspan></text>"
        ]
    else:
        parts = [text(0, 14, empty, size=13, weight="bold", fill=MUTED)]
    bar_y, bar_h = 24, 24
    if total:
        online_w = w * profile.online_share
        parts.append(
            rect(
                0,
                bar_y,
                online_w,
                bar_h,
                fill=ONLINE,
                data_key="online",
                data_value=online,
                data_share=profile.online_share,
            )
        )
        parts.append(
            rect(online_w, bar_y, w - online_w, bar_h, fill=OFFLINE, data_key="offline", data_value=offline)
        )
        if online_w >= 36:
            parts.append(
                text(online_w / 2, bar_y + 16, f"{pct}%", fill="#fff", weight="bold", anchor="middle")
            )
        if w - online_w >= 36:
            parts.append(
                text(
                    online_w + (w - online_w) / 2,
                    bar_y + 16,
                    f"{100 - pct}%",
                    fill="#fff",
                    weight="bold",
                    anchor="middle",
                )
            )
        if 0 < online_w < w:
            parts.append(rect(online_w - 1, bar_y, 2, bar_h, fill="#fff"))
    else:
        parts.append(rect(0, bar_y, w, bar_h, fill=TRACK))

    # the Allen & Seaman scale: ticks at 0, 30, 80, 100 %, the design's band highlighted
    scale_y = 60
    for name, lo, hi in BANDS:
        if total and name == profile.category:
            parts.append(rect(lo * w, scale_y + 17, (hi - lo) * w, 14, fill=WAVE_SOFT, rx=3))
    parts.append(f'<line x1="0" y1="{scale_y}" x2="{w}" y2="{scale_y}" stroke="{MUTED}" stroke-width="1"/>')
    for value in (0, 30, 80, 100):
        x = w * value / 100
        parts.append(
            f'<line x1="{num(x)}" y1="{scale_y - 4}" x2="{num(x)}" y2="{scale_y + 4}" '
            f'stroke="{MUTED}" stroke-width="1"/>'
        )
        anchor = "start" if value == 0 else "end" if value == 100 else "middle"
        parts.append(text(x, scale_y + 14, f"{value}%", size=9, fill=MUTED, anchor=anchor))
    parts.append(
        text(
            w * 0.55,
            scale_y + 14,
            "Allen & Seaman (2007)",
            size=8.5,
            fill=MUTED,
            anchor="middle",
            font_style="italic",
        )
    )
    for name, lo, hi in BANDS:
        mine = bool(total) and name == profile.category
        parts.append(
            text(
                (lo + hi) / 2 * w,
                scale_y + 28,
                category_label(name, lang),
                size=9.5,
                fill=WAVE if mine else MUTED,
                weight="bold" if mine else None,
                anchor="middle",
                data_band=name,
            )
        )
    if total and profile.category == "traditional":
        parts.append(
            text(2, scale_y - 7, category_label("traditional", lang), size=9.5, fill=WAVE, weight="bold")
        )
    if total:
        marker_x = w * profile.online_share
        parts.append(f'<path d="M {num(marker_x)} {scale_y - 1} l -5 -7 h 10 z" fill="{INK}"/>')

    legend_y = 108
    parts.append(rect(0, legend_y - 9, 10, 10, fill=ONLINE))
    parts.append(text(14, legend_y, f"{label('online', lang)} {online} {t('min', lang)}", size=10.5))
    parts.append(rect(w / 2, legend_y - 9, 10, 10, fill=OFFLINE))
    parts.append(
        text(w / 2 + 14, legend_y, f"{label('offline', lang)} {offline} {t('min', lang)}", size=10.5)
    )
    desc = f"{t('online.pct', lang, p=pct)}, {category_label(profile.category, lang)}" if total else empty
    return document(w, 116, "".join(parts), title=t("share.title", lang), desc=desc, data_chart="share")


# --- sync/async ------------------------------------------------------------------------


def timing_chart(profile: Profile, lang: str, *, empty: str | None = None) -> str:
    """Synchronous against asynchronous; without study time it says so (`empty`)
    instead of "0% synchronous" and "asynchronous 100%"."""
    pct = percent(profile.sync_share)
    w = WIDTH
    total = profile.total_minutes
    empty = empty or t("empty", lang)
    if total:
        parts = [text(0, 14, t("sync.pct", lang, p=pct), size=13, weight="bold")]
    else:
        parts = [text(0, 14, empty, size=13, weight="bold", fill=MUTED)]
    bar_y, bar_h = 24, 24
    if total:
        sync_w = w * profile.sync_share
        parts.append(rect(0, bar_y, sync_w, bar_h, fill=WAVE, data_key="sync", data_value=profile.sync_share))
        parts.append(
            rect(
                sync_w + 1,
                bar_y + 1,
                w - sync_w - 2,
                bar_h - 2,
                fill="#fff",
                stroke=WAVE,
                stroke_width=2,
                stroke_dasharray="5 3",
                data_key="async",
                data_value=round(1 - profile.sync_share, 4),
            )
        )
        if sync_w >= 36:
            parts.append(text(sync_w / 2, bar_y + 16, f"{pct}%", fill="#fff", weight="bold", anchor="middle"))
        if w - sync_w >= 36:
            parts.append(
                text(
                    sync_w + (w - sync_w) / 2,
                    bar_y + 16,
                    f"{100 - pct}%",
                    fill=WAVE,
                    weight="bold",
                    anchor="middle",
                )
            )
    else:
        parts.append(rect(0, bar_y, w, bar_h, fill=TRACK))
    legend_y = 66
    sync_pct, async_pct = (f" {pct}%", f" {100 - pct}%") if total else ("", "")
    parts.append(rect(0, legend_y - 9, 16, 10, fill=WAVE))
    parts.append(text(20, legend_y, f"{label('sync', lang)}{sync_pct}", size=10.5))
    parts.append(
        rect(w / 2 + 1, legend_y - 8, 14, 8, fill="#fff", stroke=WAVE, stroke_width=2, stroke_dasharray="3 2")
    )
    parts.append(text(w / 2 + 20, legend_y, f"{label('async', lang)}{async_pct}", size=10.5))
    return document(
        w,
        74,
        "".join(parts),
        title=t("timing.title", lang),
        desc=t("sync.pct", lang, p=pct) if total else empty,
        data_chart="timing",
    )


# --- minutes per key -------------------------------------------------------------------


def bars_chart(
    values: dict[str, int],
    lang: str,
    *,
    chart_id: str,
    title: str,
    colours: dict[str, str] | None = None,
    colour: str = WAVE,
) -> str:
    """Horizontal bars, one per key (all keys, zeros too), scaled to the largest."""
    w = WIDTH
    label_w, value_w = 112, 54
    bar_x, bar_w = label_w, w - label_w - value_w
    top = max(values.values(), default=0)
    row = 22
    parts = []
    for i, (key, minutes) in enumerate(values.items()):
        y = i * row
        fill = (colours or {}).get(key, colour)
        parts.append(text(0, y + 14, ellipsize(label(key, lang), label_w - 6, 11), size=11))
        parts.append(rect(bar_x, y + 5, bar_w, 12, fill=TRACK, rx=2))
        width = bar_w * minutes / top if top else 0
        parts.append(rect(bar_x, y + 5, width, 12, fill=fill, rx=2, data_key=key, data_value=minutes))
        parts.append(
            text(
                w,
                y + 15,
                f"{minutes} {t('min', lang)}",
                size=10.5,
                fill=INK if minutes else MUTED,
                anchor="end",
            )
        )
    height = max(len(values), 1) * row + 2
    return document(w, height, "".join(parts), title=title, data_chart=chart_id)


# --- study load per phase against the budget --------------------------------------------


def phase_load_chart(profile: Profile, design: DesignBody, lang: str) -> str:
    """Phases as a waterfall: each bar starts where the previous phase ended, so the
    last one ends at the total, drawn against the study load budget."""
    w = WIDTH
    label_w, value_w = 96, 58
    x0, bw = label_w, w - label_w - value_w
    total = profile.total_minutes
    budget = design.study_load_hours * 60 if design.study_load_hours is not None else None
    scale = max(total, budget or 0, 1)
    row = 22
    parts: list[str] = []
    top = 22
    start = 0
    for i, phase in enumerate(design.phases):
        minutes = profile.by_phase.get(phase.id, 0)
        y = top + i * row
        parts.append(
            f"<g><title>{esc(phase.title)}</title>"
            + text(0, y + 14, ellipsize(phase.title, label_w - 6, 11), size=11)
            + "</g>"
        )
        parts.append(rect(x0, y + 5, bw, 12, fill=TRACK, rx=2))
        parts.append(
            rect(
                x0 + bw * start / scale,
                y + 5,
                bw * minutes / scale,
                12,
                fill=WAVE,
                data_phase=phase.id,
                data_value=minutes,
                data_start=start,
            )
        )
        parts.append(
            text(
                w,
                y + 15,
                f"{minutes} {t('min', lang)}",
                size=10.5,
                fill=INK if minutes else MUTED,
                anchor="end",
            )
        )
        start += minutes
    y = top + len(design.phases) * row + 4
    parts.append(f'<line x1="0" y1="{y}" x2="{w}" y2="{y}" stroke="{LINE}" stroke-width="1"/>')
    over = budget is not None and total > budget
    parts.append(text(0, y + 16, t("total", lang), size=11, weight="bold"))
    parts.append(rect(x0, y + 6, bw, 13, fill=TRACK, rx=2))
    parts.append(
        rect(
            x0,
            y + 6,
            bw * total / scale,
            13,
            fill=WARN if over else INK,
            rx=2,
            data_key="total",
            data_value=total,
        )
    )
    parts.append(text(w, y + 17, f"{total} {t('min', lang)}", size=10.5, weight="bold", anchor="end"))
    bottom = y + 24
    if budget is not None:
        bx = x0 + bw * budget / scale
        budget_text = f"{t('budget', lang)} {num(round(budget, 1))} {t('min', lang)}"
        anchor = "end" if bx > x0 + bw * 0.6 else "start" if bx < x0 + bw * 0.3 else "middle"
        parts.append(
            text(
                bx,
                12,
                budget_text,
                size=10,
                fill=INK,
                anchor=anchor,
                data_key="budget",
                data_value=num(round(budget, 2)),
            )
        )
        parts.append(
            f'<line x1="{num(bx)}" y1="16" x2="{num(bx)}" y2="{bottom}" stroke="{INK}" '
            f'stroke-width="1.5" stroke-dasharray="4 3" data-key="budget-line"/>'
        )
        gap = round(total - budget)
        status = t("budget.over", lang, n=gap) if over else t("budget.left", lang, n=-gap)
        parts.append(
            text(
                0,
                bottom + 14,
                status,
                size=10.5,
                fill=WARN if over else MUTED,
                weight="bold" if over else None,
            )
        )
    else:
        parts.append(text(0, 12, t("budget.none", lang), size=10, fill=MUTED))
    height = bottom + 20 if budget is not None else bottom + 2
    return document(w, height, "".join(parts), title=t("phases.title", lang), data_chart="phases")


# --- all of them -----------------------------------------------------------------------------


def _minutes(value: int, lang: str) -> str:
    return f"{value} {t('min', lang)}"


def profile_charts(report: Report, design: DesignBody, lang: str) -> list[Chart]:
    """The six profile charts of a design, each with its text alternative."""
    p = report.profile
    minutes, share, part = t("minutes", lang), t("share", lang), t("part", lang)
    pct, sync_pct = percent(p.online_share), percent(p.sync_share)
    category = category_label(p.category, lang)
    # no study time: no share to state ("no activities yet", or "no study time yet"
    # when the activities there are have no minutes)
    empty = None if p.total_minutes else t("wave.empty" if not design.placed() else "empty", lang)
    share_rows = [
        (label("online", lang), f"{_minutes(p.online_minutes, lang)} ({pct}%)"),
        (label("offline", lang), f"{_minutes(p.total_minutes - p.online_minutes, lang)} ({100 - pct}%)"),
        (t("total", lang), _minutes(p.total_minutes, lang)),
    ]
    timing_rows = [(label("sync", lang), f"{sync_pct}%"), (label("async", lang), f"{100 - sync_pct}%")]
    if empty is not None:  # minutes, but no shares
        share_rows = [(label(k, lang), _minutes(0, lang)) for k in ("online", "offline")]
        share_rows.append((t("total", lang), _minutes(0, lang)))
        timing_rows = [(label("sync", lang), "–"), (label("async", lang), "–")]
    types_title = t("types.title", lang)
    interactions_title = t("interactions.title", lang)
    environments_title = t("environments.title", lang)
    charts = [
        Chart(
            "share",
            t("share.title", lang),
            Markup(share_chart(p, lang, empty=empty)),
            (part, minutes),
            share_rows,
            summary=f"{t('online.pct', lang, p=pct)} · {category}" if empty is None else empty,
        ),
        Chart(
            "timing",
            t("timing.title", lang),
            Markup(timing_chart(p, lang, empty=empty)),
            (part, share),
            timing_rows,
            summary="" if empty is None else empty,
        ),
        Chart(
            "learning-types",
            types_title,
            Markup(bars_chart(p.by_learning_type, lang, chart_id="learning-types", title=types_title)),
            (part, minutes),
            [(label(k, lang), _minutes(v, lang)) for k, v in p.by_learning_type.items()],
        ),
        Chart(
            "interactions",
            interactions_title,
            Markup(
                bars_chart(
                    p.by_interaction,
                    lang,
                    chart_id="interactions",
                    title=interactions_title,
                    colour="#7a5af8",
                )
            ),
            (part, minutes),
            [(label(k, lang), _minutes(v, lang)) for k, v in p.by_interaction.items()],
            note=t("interactions.note", lang),
        ),
        Chart(
            "environments",
            environments_title,
            Markup(
                bars_chart(
                    p.by_environment,
                    lang,
                    chart_id="environments",
                    title=environments_title,
                    colours=ENVIRONMENT_COLOURS,
                )
            ),
            (part, minutes),
            [(label(k, lang), _minutes(v, lang)) for k, v in p.by_environment.items()],
        ),
    ]
    budget = design.study_load_hours
    phase_rows = [(ph.title, _minutes(p.by_phase.get(ph.id, 0), lang)) for ph in design.phases]
    phase_rows.append((t("total", lang), _minutes(p.total_minutes, lang)))
    if budget is not None:
        phase_rows.append((t("budget", lang).capitalize(), _minutes(round(budget * 60), lang)))
    charts.append(
        Chart(
            "phases",
            t("phases.title", lang),
            Markup(phase_load_chart(p, design, lang)),
            (t("phase", lang), minutes),
            phase_rows,
        )
    )
    return charts
