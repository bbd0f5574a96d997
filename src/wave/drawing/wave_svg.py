"""The wave as a standalone SVG: lanes, activities, the wave line and the links.

    svg = wave_svg(design, catalogue, "nl")                 # a document to save or print
    thumb = wave_svg(design, catalogue, "nl", compact=True)  # a dashboard thumbnail

The layout follows the canvas: phases are columns, every activity has its own
column inside its phase (time order), the online lane on top and the
face-to-face lane below; a solid border is synchronous, a dashed one
asynchronous; the wave line runs through the activities in time order; links
are purple dashed arrows. The document is self-contained: icons are inlined
paths, colours are attributes (no stylesheet, no `href`, no `url(…)`), and the
words come from `wave.drawing.texts`. Each activity is a `<g data-activity=…>`
in time order, so tests (and scripts) can read the drawing back.

`marks` (placed id -> change kinds) draws the before/after badges.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wave.catalogue import Catalogue
from wave.drawing.svg import (
    ADVICE,
    INK,
    LINE,
    LINK,
    MODE_COLOURS,
    MODE_SOFT,
    MUTED,
    OFFLINE,
    OK,
    ONLINE,
    WARN,
    WAVE,
    document,
    ellipsize,
    esc,
    icon,
    num,
    rect,
    text,
    text_width,
    wrap,
)
from wave.drawing.texts import t
from wave.engine import Profile
from wave.format import DesignBody, Phase, PlacedActivity
from wave.vocabulary import label

CUSTOM_ICON = "shapes"
CHANGE_COLOURS = {"added": OK, "removed": WARN, "changed": ADVICE, "moved": "#0e7490"}
# One badge per card: the most telling change (a lane change is also a change).
CHANGE_PRIORITY = ("removed", "added", "moved", "changed")


@dataclass(frozen=True)
class Layout:
    card_w: float
    card_h: float
    col_gap: float
    lane_pad: float
    lane_gap: float
    phase_pad: float
    phase_gap: float
    phase_head: float
    label_w: float
    pad: float


FULL = Layout(
    card_w=140,
    card_h=98,
    col_gap=12,
    lane_pad=22,
    lane_gap=10,
    phase_pad=10,
    phase_gap=12,
    phase_head=32,
    label_w=30,
    pad=16,
)
COMPACT = Layout(
    card_w=34,
    card_h=34,
    col_gap=6,
    lane_pad=6,
    lane_gap=4,
    phase_pad=5,
    phase_gap=6,
    phase_head=0,
    label_w=6,
    pad=3,
)


@dataclass
class _Slot:
    placed: PlacedActivity
    time: int
    x: float
    y: float
    icon: str


def _icon_name(placed: PlacedActivity, catalogue: Catalogue) -> str:
    entry = catalogue.get(placed.activity)
    return entry.icon if entry else CUSTOM_ICON


def wave_svg(
    design: DesignBody,
    catalogue: Catalogue,
    lang: str,
    *,
    compact: bool = False,
    profile: Profile | None = None,
    marks: Mapping[str, Sequence[str]] | None = None,
    links: bool = True,
    bare: bool = False,
    limit: int | None = None,
    numbered: int | None = None,
) -> str:
    """The design's wave as an SVG document (a string). `bare` leaves out the title
    and the legend, for a page that gives them once around several drawings; `limit`
    draws only the first activities and says how many more there are (thumbnails);
    `numbered` puts on each card its number in time order, counting from that number
    (the PDF, whose activity table numbers the activities the same way)."""
    lay = COMPACT if compact else FULL
    marks = marks or {}
    lane_h = lay.card_h + 2 * lay.lane_pad
    placed = design.placed()
    minutes = profile.total_minutes if profile else sum(a.minutes or 0 for a in placed)
    summary = t("wave.summary", lang, n=len(placed), p=len(design.phases), m=minutes)
    if profile is not None:
        summary += " · " + t(
            "wave.profile",
            lang,
            p=round(profile.online_share * 100),
            c=t(f"category.{profile.category}", lang),
        )
    more = 0
    if limit is not None and len(placed) > limit:
        design, more = _first(design, limit), len(placed) - limit

    # --- header ---------------------------------------------------------------------
    parts: list[str] = []
    content_x = lay.pad + lay.label_w + (8 if not compact else 3)
    widths = [_phase_width(p, lay, lang, compact) for p in design.phases] or [300 if not compact else 60]
    content_w = sum(widths) + lay.phase_gap * (len(widths) - 1)
    more_w = 16 + text_width(f"+{more}", 14, bold=True) if more else 0
    width = content_x + content_w + lay.pad + more_w
    if not compact and not bare:
        width = max(width, 560)
    y = lay.pad if not bare else 4
    if not compact and not bare:
        title_lines = wrap(design.title, width - 2 * lay.pad, 16, lines=2, bold=True)
        for line in title_lines:
            y += 19
            parts.append(text(lay.pad, y, line, size=16, weight="bold"))
        y += 17
        parts.append(text(lay.pad, y, summary, size=11, fill=MUTED))
        y += 12
    phases_top = y
    online_y = phases_top + lay.phase_head
    offline_y = online_y + lane_h + lay.lane_gap
    lane_y = {"online": online_y, "offline": offline_y}
    phases_bottom = offline_y + lane_h + (6 if not compact else 3)

    # --- lane labels ------------------------------------------------------------------
    for mode, ly in lane_y.items():
        parts.append(
            rect(lay.pad, ly, lay.label_w, lane_h, rx=6 if not compact else 2, fill=MODE_COLOURS[mode])
        )
        if not compact:
            cx, cy = lay.pad + lay.label_w / 2, ly + lane_h / 2
            parts.append(
                f'<text transform="rotate(-90 {num(cx)} {num(cy)})" x="{num(cx)}" '
                f'y="{num(cy + 4)}" font-size="11" font-weight="bold" fill="#fff" '
                f'text-anchor="middle">{esc(label(mode, lang))}</text>'
            )

    # --- phases and slots ---------------------------------------------------------------
    slots: list[_Slot] = []
    x = content_x
    time = 0
    if not design.phases:
        parts.append(
            rect(x, phases_top, widths[0], phases_bottom - phases_top, rx=10, fill="#fbfcfd", stroke=LINE)
        )
        for mode, ly in lane_y.items():
            parts.append(rect(x + 4, ly, widths[0] - 8, lane_h, rx=8, fill=MODE_SOFT[mode]))
        if not compact:
            parts.append(
                text(
                    x + widths[0] / 2,
                    online_y + lane_h + lay.lane_gap / 2 + 4,
                    t("wave.empty", lang),
                    fill=MUTED,
                    anchor="middle",
                )
            )
    for phase, pw in zip(design.phases, widths, strict=False):
        choice = phase.kind == "choice"
        parts.append(
            rect(
                x,
                phases_top,
                pw,
                phases_bottom - phases_top,
                rx=10 if not compact else 4,
                fill="#fbfcfd",
                stroke=INK if choice else LINE,
                stroke_width=1.5 if choice else 1,
                stroke_dasharray=("6 4" if not compact else "3 2") if choice else None,
                data_phase=phase.id,
                data_kind=phase.kind,
            )
        )
        for mode, ly in lane_y.items():
            parts.append(
                rect(
                    x + 4 if not compact else x + 2,
                    ly,
                    pw - (8 if not compact else 4),
                    lane_h,
                    rx=8 if not compact else 3,
                    fill=MODE_SOFT[mode],
                )
            )
        if not compact:
            minutes_text = _phase_note(phase, lang)
            parts.append(
                icon("shuffle" if choice else "arrow-right", x + lay.phase_pad, phases_top + 9, 14, MUTED)
            )
            room = pw - 2 * lay.phase_pad - 18 - text_width(minutes_text, 10.5) - 8
            parts.append(
                f"<g><title>{esc(phase.title)}</title>"
                + text(
                    x + lay.phase_pad + 18,
                    phases_top + 21,
                    ellipsize(phase.title, room, 12, bold=True),
                    size=12,
                    weight="bold",
                )
                + "</g>"
            )
            parts.append(
                text(
                    x + pw - lay.phase_pad, phases_top + 21, minutes_text, size=10.5, fill=MUTED, anchor="end"
                )
            )
        for column, a in enumerate(phase.activities):
            slots.append(
                _Slot(
                    placed=a,
                    time=time,
                    x=x + lay.phase_pad + column * (lay.card_w + lay.col_gap),
                    y=lane_y[a.mode] + lay.lane_pad,
                    icon=_icon_name(a, catalogue),
                )
            )
            time += 1
        x += pw + lay.phase_gap

    if more:
        parts.append(
            text(
                x + 4,
                (online_y + offline_y + lane_h) / 2 + 5,
                f"+{more}",
                size=14,
                weight="bold",
                fill=MUTED,
                data_more=more,
            )
        )

    # --- the wave line, behind the cards ---------------------------------------------------
    centres = [(s.x + lay.card_w / 2, s.y + lay.card_h / 2) for s in slots]
    if len(centres) > 1:
        d = f"M {num(centres[0][0])} {num(centres[0][1])}"
        for (x0, y0), (x1, y1) in zip(centres, centres[1:], strict=False):
            mx = (x0 + x1) / 2
            d += f" C {num(mx)} {num(y0)}, {num(mx)} {num(y1)}, {num(x1)} {num(y1)}"
        parts.append(
            f'<path d="{d}" fill="none" stroke="{WAVE}" stroke-width="{3 if not compact else 2.5}" '
            f'stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.75" '
            f'data-role="wave"/>'
        )

    # --- the cards ----------------------------------------------------------------------------
    for s in slots:
        number = numbered + s.time if numbered is not None else None
        parts.append(_card(s, lay, lang, compact, marks.get(s.placed.id, ()), number))

    # --- links ----------------------------------------------------------------------------------
    if links and not compact:
        parts.append(_links(design, slots, lay, lang, online_y + lane_h + lay.lane_gap / 2))

    height = phases_bottom + lay.pad
    if not compact and not bare:
        legend, legend_h = _legend(design, slots, lay, lang, width, phases_bottom + 14, links=links)
        parts.append(legend)
        height = phases_bottom + 14 + legend_h + lay.pad
    return document(
        width,
        height,
        "".join(parts),
        title=design.title,
        desc=summary,
        data_drawing="wave-compact" if compact else "wave",
    )


def _first(design: DesignBody, limit: int) -> DesignBody:
    """The design cut off after its first `limit` activities (in time order)."""
    phases: list[Phase] = []
    left = limit
    for phase in design.phases:
        if left <= 0:
            break
        phases.append(phase.model_copy(update={"activities": phase.activities[:left]}))
        left -= len(phases[-1].activities)
    return design.model_copy(update={"phases": phases})


def _phase_width(phase: Phase, lay: Layout, lang: str, compact: bool) -> float:
    """Room for the phase's cards; in the full drawing also for its title (up to a point)."""
    cards = lay.phase_pad * 2 + max(1, len(phase.activities)) * (lay.card_w + lay.col_gap) - lay.col_gap
    if compact:
        return cards
    note = _phase_note(phase, lang)
    head = lay.phase_pad * 2 + 18 + text_width(phase.title, 12, bold=True) + 10 + text_width(note, 10.5)
    return max(cards, min(head, 300))


def _phase_note(phase: Phase, lang: str) -> str:
    """What the head of a phase says beside its title: its week, when it has one, and
    its minutes ("wk 3 · 120 min"), as the canvas's phase head does."""
    minutes = f"{sum(a.minutes or 0 for a in phase.activities)} {t('min', lang)}"
    return minutes if phase.week is None else f"{t('week.short', lang, n=phase.week)} · {minutes}"


def _card(
    s: _Slot, lay: Layout, lang: str, compact: bool, changes: Sequence[str], number: int | None = None
) -> str:
    a = s.placed
    colour = MODE_COLOURS[a.mode]
    dash = ("6 4" if not compact else "4 3") if a.timing == "async" else None
    title = a.title or a.activity
    tooltip = (
        f"{title} — {label(a.mode, lang)}, {label(a.timing or 'async', lang)}, {a.minutes} {t('min', lang)}"
    )
    out = [
        f'<g data-activity="{esc(a.id)}" data-time="{s.time}" data-mode="{a.mode}" '
        f'data-timing="{esc(a.timing)}" data-minutes="{a.minutes}"'
        + (f' data-change="{esc(" ".join(changes))}"' if changes else "")
        + ">",
        f"<title>{esc(tooltip)}</title>",
    ]
    w, h = lay.card_w, lay.card_h
    if a.multi_location:
        out.append(
            rect(
                s.x - 5,
                s.y - 5,
                w + 10,
                h + 10,
                rx=12,
                fill="none",
                stroke=ADVICE,
                stroke_width=2,
                stroke_dasharray="2 3",
            )
        )
    badge = next((c for c in CHANGE_PRIORITY if c in changes), None)
    if badge:
        out.append(
            rect(
                s.x - 4,
                s.y - 4,
                w + 8,
                h + 8,
                rx=11 if not compact else 7,
                fill="none",
                stroke=CHANGE_COLOURS[badge],
                stroke_width=3,
            )
        )
    out.append(
        rect(
            s.x,
            s.y,
            w,
            h,
            rx=8 if not compact else 6,
            fill="#fff",
            stroke=colour,
            stroke_width=2,
            stroke_dasharray=dash,
        )
    )
    if compact:
        out.append(icon(s.icon, s.x + 7, s.y + 7, 20, colour))
        if number is not None:
            out.append(text(s.x + w - 5, s.y + h - 6, str(number), size=10, weight="bold", anchor="end"))
        out.append("</g>")
        return "".join(out)
    if a.timing == "sync":
        out.append(rect(s.x + 5, s.y + 3, w - 10, 3, rx=1.5, fill=colour))
    out.append(icon(s.icon, s.x + 8, s.y + 10, 18, colour))
    timing_icon = "users" if a.timing == "sync" else "clock"
    timing_text = t("sync" if a.timing == "sync" else "async", lang)
    tw = text_width(timing_text, 9)
    out.append(icon(timing_icon, s.x + w - 8 - tw - 14, s.y + 12, 12, MUTED))
    out.append(text(s.x + w - 8, s.y + 22, timing_text, size=9, fill=MUTED, anchor="end"))
    for i, line in enumerate(wrap(title, w - 16, 11, lines=3, bold=True)):
        out.append(text(s.x + 8, s.y + 43 + i * 13.5, line, size=11, weight="bold"))
    out.append(text(s.x + 8, s.y + h - 9, f"{a.minutes} {t('min', lang)}", size=10, fill=MUTED))
    if number is not None:  # the activity's number in the PDF's table
        out.append(
            text(
                s.x + w - 8,
                s.y + h - 9,
                str(number),
                size=11,
                weight="bold",
                anchor="end",
                data_number=number,
            )
        )
    if badge:
        words = t(f"change.{badge}", lang)
        bw = text_width(words, 9.5, bold=True) + 12
        out.append(rect(s.x + 6, s.y - 12, bw, 16, rx=8, fill=CHANGE_COLOURS[badge]))
        out.append(text(s.x + 12, s.y, words, size=9.5, weight="bold", fill="#fff"))
    out.append("</g>")
    return "".join(out)


def _links(design: DesignBody, slots: list[_Slot], lay: Layout, lang: str, middle_y: float) -> str:
    """Links as dashed arrows between card edges. A link between the lanes leaves
    from the edges facing each other; inside one lane it arcs through the lane's
    outer margin. Several ends on one edge are spread out, in the order of the
    cards at their other ends, so they do not cross there."""
    by_id = {s.placed.id: s for s in slots}
    drawn = [k for k in design.links if k.from_ in by_id and k.to in by_id]
    ends: dict[tuple[str, str], list[tuple[float, int, str]]] = {}

    def side(s: _Slot, other: _Slot) -> str:
        if s.placed.mode != other.placed.mode:
            return "bottom" if s.placed.mode == "online" else "top"
        return "top" if s.placed.mode == "online" else "bottom"

    for i, k in enumerate(drawn):
        a, b = by_id[k.from_], by_id[k.to]
        ends.setdefault((a.placed.id, side(a, b)), []).append((b.x, i, "from"))
        ends.setdefault((b.placed.id, side(b, a)), []).append((a.x, i, "to"))
    anchor: dict[tuple[int, str], tuple[float, float, str]] = {}
    for (placed_id, edge), items in ends.items():
        s = by_id[placed_id]
        items.sort()
        for n, (_, i, end) in enumerate(items):
            ax = s.x + lay.card_w * (n + 1) / (len(items) + 1)
            ay = s.y if edge == "top" else s.y + lay.card_h
            anchor[(i, end)] = (ax, ay, edge)
    out = []
    for i, k in enumerate(drawn):
        x1, y1, edge1 = anchor[(i, "from")]
        x2, y2, edge2 = anchor[(i, "to")]
        if by_id[k.from_].placed.mode != by_id[k.to].placed.mode:
            c1, c2 = middle_y, middle_y
        else:
            # longer links arc further out, so a fan of links from one card nests
            lift = 10 + min(17.0, abs(x2 - x1) / 45)
            sign = -1 if edge1 == "top" else 1
            c1, c2 = y1 + sign * lift, y2 + sign * lift
        d = f"M {num(x1)} {num(y1)} C {num(x1)} {num(c1)}, {num(x2)} {num(c2)}, {num(x2)} {num(y2)}"
        direction = 1 if y2 > c2 else -1  # the arrow points along the last control leg
        head = f"M {num(x2)} {num(y2)} l -4 {num(-7 * direction)} h 8 z"
        a_title, b_title = by_id[k.from_].placed.title, by_id[k.to].placed.title
        out.append(
            f'<g data-from="{esc(k.from_)}" data-to="{esc(k.to)}" data-kind="{esc(k.kind)}">'
            f"<title>{esc(f'{a_title} {label(k.kind, lang)} {b_title}')}</title>"
            f'<path d="{d}" fill="none" stroke="{LINK}" stroke-width="1.6" '
            f'stroke-dasharray="5 4"/><path d="{head}" fill="{LINK}"/></g>'
        )
    return "".join(out)


def _legend(
    design: DesignBody, slots: list[_Slot], lay: Layout, lang: str, width: float, top: float, *, links: bool
) -> tuple[str, float]:
    """A legend that wraps to the drawing's width; returns (svg, height)."""
    items: list[tuple[str, str]] = []

    def swatch_rect(**extra: object) -> str:
        return rect(0, -10, 22, 13, rx=3, fill="#fff", stroke=INK, stroke_width=1.6, **extra)

    items.append((swatch_rect() + rect(3, -8.5, 16, 2.5, fill=INK), t("legend.sync", lang)))
    items.append((swatch_rect(stroke_dasharray="4 3"), t("legend.async", lang)))
    items.append((rect(0, -10, 22, 13, rx=3, fill=ONLINE), label("online", lang)))
    items.append((rect(0, -10, 22, 13, rx=3, fill=OFFLINE), label("offline", lang)))
    items.append(
        (
            f'<path d="M 0 -3 C 8 -3, 14 -8, 22 -8" fill="none" stroke="{WAVE}" '
            f'stroke-width="3" stroke-linecap="round"/>',
            t("legend.wave", lang),
        )
    )
    if links and design.links:
        items.append(
            (
                f'<path d="M 0 -4 H 16" stroke="{LINK}" stroke-width="1.6" stroke-dasharray="4 3"/>'
                f'<path d="M 22 -4 l -7 -4 v 8 z" fill="{LINK}"/>',
                t("legend.link", lang),
            )
        )
    if any(s.placed.multi_location for s in slots):
        items.append(
            (
                rect(
                    0, -10, 22, 13, rx=4, fill="none", stroke=ADVICE, stroke_width=2, stroke_dasharray="2 3"
                ),
                t("legend.multi", lang),
            )
        )
    if any(p.kind == "choice" for p in design.phases):
        items.append(
            (
                rect(0, -11, 22, 15, rx=4, fill="none", stroke=INK, stroke_width=1.5, stroke_dasharray="5 3"),
                t("wave.choice", lang),
            )
        )
    out = []
    x, y = lay.pad, top + 10
    for swatch, words in items:
        w = 28 + text_width(words, 10.5) + 18
        if x + w > width - lay.pad and x > lay.pad:
            x, y = lay.pad, y + 20
        out.append(
            f'<g transform="translate({num(x)} {num(y)})">{swatch}'
            + text(28, 0, words, size=10.5, fill=INK)
            + "</g>"
        )
        x += w
    return "".join(out), y - top + 6
