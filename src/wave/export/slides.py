"""The design as a PowerPoint deck (SPEC §7), made with python-pptx: the toolkit's own
medium, so everything on it is a native shape a teacher can still move and edit.

    data = render_pptx(design, catalogue, lang="nl", report=report)

Slides: a title slide (title, owner, date, the profile in one line, the goals); the
wave, as on the canvas — phases as columns, the online lane above the face-to-face
lane, one card per activity (its icon, number, title, mode, timing and minutes; a
solid border is synchronous, a dashed one asynchronous), the wave line through the
activities in time order and the links as connectors glued to the cards — on as
many slides as it takes (`WAVE_COLUMNS` activities a slide, phases cut as in the
PDF); one slide per phase with its activities as a table; the critic's findings.

Shapes carry names tests and scripts can find them by: `card <placed id>`, `lane
online` / `lane offline`, `phase <phase id>`, `link <from> <to> <kind>`. The numbers
on the cards are the activities' numbers in time order, as in the PDF's tables.
Icons are Lucide's, rasterised once per icon and colour (`wave.drawing.png`).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from functools import lru_cache

from babel.dates import format_date
from lucide.jinja import lucide as lucide_svg
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from wave.catalogue import Catalogue
from wave.drawing.png import png_from_svg
from wave.drawing.svg import INK, LINE, LINK, MODE_COLOURS, MODE_SOFT, MUTED, WARN, WAVE
from wave.drawing.texts import t as drawing_text
from wave.engine import Finding, Report
from wave.export.view import CUSTOM_ICON, split_phases
from wave.format import Design, Phase, PlacedActivity
from wave.i18n import N_, translate
from wave.vocabulary import label, link_phrase

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
WAVE_COLUMNS = 8  # cards on one wave slide
PHASE_ROWS = 8  # activities on one phase slide
FINDINGS_PER_SLIDE = 6
CARD_TITLE = 70  # characters of a title on a card (the phase slide has all of it)

LEFT = Inches(0.35)
LANE_LABEL_W = Inches(1.25)
X0 = LEFT + LANE_LABEL_W + Inches(0.1)
COLUMN_W = (WIDTH - X0 - Inches(0.3)) // WAVE_COLUMNS
CARD_W = COLUMN_W - Inches(0.12)
CARD_H = Inches(1.75)
HEADER_Y, HEADER_H = Inches(1.0), Inches(0.5)
LANE_Y = {"online": Inches(1.6), "offline": Inches(3.85)}
LANE_H = Inches(2.15)
ICON = Inches(0.3)

TEXTS = {
    "wave": N_("The wave"),
    "phase": N_("Phase %(n)s of %(total)s"),
    "findings": N_("What the critic says"),
    "no_findings": N_("The critic has no findings for this design."),
    "legend": N_(
        "Solid border: synchronous · dashed border: asynchronous · purple arrow: a link between "
        "activities · green line: the activities in time order"
    ),
    "goals": N_("Goals"),
    "number": N_("No."),
    "activity": N_("Activity"),
    "goal_column": N_("Goals"),
    "links": N_("Links"),
    "by": N_("By %(owner)s"),
    "empty_phase": N_("No activities in this phase yet."),
    "choice": N_("Students choose the order"),
    "warning": N_("Warning"),
    "advice": N_("Advice"),
    "more": N_("continued"),
    "week": N_("Week %(n)s"),
    "week_short": N_("Wk %(n)s"),
}


def _with_week(phase: Phase, lang: str, key: str = "week") -> str:
    """The phase's title after its week, when it has one: "Week 3 · Voorbereiding"."""
    if phase.week is None:
        return phase.title
    return f"{translate(lang, TEXTS[key], n=phase.week)} · {phase.title}"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


@lru_cache(maxsize=128)
def icon_png(name: str, colour: str) -> bytes:
    """A Lucide icon in a colour as a PNG, for a picture on a slide."""
    svg = str(lucide_svg(name, size=24)).replace('stroke="currentColor"', f'stroke="{colour}"')
    if "xmlns=" not in svg:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return png_from_svg(svg, scale=4)


def _text_box(slide: Slide, x, y, w, h, text: str, *, size: int, bold=False, colour=INK, name=None):
    box = slide.shapes.add_textbox(x, y, w, h)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(colour)
    return box


def _paragraph(frame, text: str, *, size: int, bold=False, colour=INK, first=False):
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(colour)
    return paragraph


def _title(slide: Slide, text: str) -> None:
    _text_box(slide, LEFT, Inches(0.3), WIDTH - 2 * LEFT, Inches(0.6), text, size=26, bold=True, name="title")


def _arrow(connector) -> None:
    """An arrowhead at the connector's end (python-pptx has no property for it)."""
    line = connector.line._get_or_add_ln()
    tail = etree.SubElement(line, qn("a:tailEnd"))
    tail.set("type", "triangle")


# --- the title slide -------------------------------------------------------------------


def _title_slide(deck, design: Design, report: Report, lang: str, owner: str | None, today: dt.date):
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    # a long title gets a smaller size, so that it stays above the line under it
    size = 36 if len(design.title) <= 60 else 30 if len(design.title) <= 110 else 24
    _text_box(
        slide,
        LEFT,
        Inches(0.9),
        WIDTH - 2 * LEFT,
        Inches(2.0),
        design.title,
        size=size,
        bold=True,
        name="title",
    )
    profile = report.profile
    line = drawing_text(
        "wave.summary", lang, n=len(design.placed()), p=len(design.phases), m=profile.total_minutes
    )
    line += " · " + drawing_text(
        "wave.profile",
        lang,
        p=round(profile.online_share * 100),
        c=drawing_text(f"category.{profile.category}", lang),
    )
    who = [translate(lang, TEXTS["by"], owner=owner)] if owner else []
    box = _text_box(
        slide,
        LEFT,
        Inches(3.1),
        WIDTH - 2 * LEFT,
        Inches(0.9),
        " · ".join([*who, format_date(today, "long", locale=lang)]),
        size=16,
        colour=MUTED,
        name="subtitle",
    )
    _paragraph(box.text_frame, line, size=16, colour=MUTED)
    if design.goals:
        goals = _text_box(
            slide,
            LEFT,
            Inches(4.3),
            WIDTH - 2 * LEFT,
            Inches(2.8),
            translate(lang, TEXTS["goals"]),
            size=16,
            bold=True,
            name="goals",
        )
        for goal in design.goals[:8]:
            _paragraph(goals.text_frame, f"• {goal.text}", size=13)
        if len(design.goals) > 8:
            _paragraph(goals.text_frame, f"… (+{len(design.goals) - 8})", size=13, colour=MUTED)


# --- the wave ------------------------------------------------------------------------------


def _card(slide: Slide, x, y, placed: PlacedActivity, number: int, icon: str, lang: str):
    colour = MODE_COLOURS[placed.mode]
    card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, x, y, CARD_W, CARD_H)
    card.name = f"card {placed.id}"
    card.adjustments[0] = 0.08
    card.fill.solid()
    card.fill.fore_color.rgb = _rgb(MODE_SOFT[placed.mode])
    card.line.color.rgb = _rgb(colour)
    card.line.width = Pt(1.75)
    if placed.timing == "async":
        card.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    card.shadow.inherit = False
    frame = card.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = Inches(0.07)
    frame.margin_top, frame.margin_bottom = Inches(0.42), Inches(0.05)
    title = placed.title or ""
    if len(title) > CARD_TITLE:
        title = title[: CARD_TITLE - 1].rstrip() + "…"
    first = _paragraph(frame, f"{number}. {title}", size=9, bold=True, first=True)
    first.alignment = PP_ALIGN.LEFT
    timing = drawing_text(placed.timing or "async", lang)
    _paragraph(frame, f"{label(placed.mode, lang)} · {timing}", size=8, colour=colour)
    _paragraph(frame, f"{placed.minutes or 0} {drawing_text('min', lang)}", size=8, colour=MUTED)
    picture = slide.shapes.add_picture(
        io.BytesIO(icon_png(icon, colour)), x + Inches(0.08), y + Inches(0.08), ICON, ICON
    )
    picture.name = f"icon {placed.id}"
    return card


def _sites(start, end) -> tuple[int, int]:
    """The connection sites (0 top, 1 left, 2 bottom, 3 right) a link leaves and reaches
    its cards by: sideways within a lane, through the lanes' edge between them."""
    if start.top == end.top:
        return (3, 1) if start.left < end.left else (1, 3)
    return (2, 0) if start.top < end.top else (0, 2)


def _wave_slide(
    deck,
    design: Design,
    phases: Sequence[Phase],
    catalogue: Catalogue,
    lang: str,
    numbers: dict[str, int],
    part: tuple[int, int],
) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    title = translate(lang, TEXTS["wave"])
    _title(slide, title if part[1] == 1 else f"{title} ({part[0]}/{part[1]})")
    columns = max(1, sum(max(1, len(p.activities)) for p in phases))
    for mode in ("online", "offline"):
        lane = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, LEFT, LANE_Y[mode], X0 - LEFT + COLUMN_W * columns, LANE_H
        )
        lane.name = f"lane {mode}"
        lane.fill.solid()
        lane.fill.fore_color.rgb = _rgb(MODE_SOFT[mode])
        lane.line.color.rgb = _rgb(LINE)
        lane.shadow.inherit = False
        _text_box(
            slide,
            LEFT + Inches(0.05),
            LANE_Y[mode] + Inches(0.1),
            LANE_LABEL_W - Inches(0.1),
            Inches(0.8),
            label(mode, lang),
            size=14,
            bold=True,
            colour=MODE_COLOURS[mode],
        )
    cards: dict[str, object] = {}
    centres: list[tuple[str, int, int]] = []  # (phase kind, x, y) of each card, in time order
    column = 0
    for phase in phases:
        width = COLUMN_W * max(1, len(phase.activities))
        header = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, X0 + COLUMN_W * column, HEADER_Y, width - Inches(0.06), HEADER_H
        )
        header.name = f"phase {phase.id}"
        header.fill.solid()
        header.fill.fore_color.rgb = _rgb("#F1F3F6")
        header.line.color.rgb = _rgb(LINE)
        header.shadow.inherit = False
        header.text_frame.word_wrap = True
        words = _with_week(phase, lang, "week_short")
        words += f" · {translate(lang, TEXTS['choice'])}" if phase.kind == "choice" else ""
        _paragraph(header.text_frame, words, size=10, bold=True, first=True)
        for placed in phase.activities:
            x = X0 + COLUMN_W * column
            y = LANE_Y[placed.mode] + (LANE_H - CARD_H) // 2
            entry = catalogue.get(placed.activity)
            centres.append((phase.kind, placed.id, x + CARD_W // 2, y + CARD_H // 2))
            cards[placed.id] = (x, y, placed, entry.icon if entry else CUSTOM_ICON)
            column += 1
        if not phase.activities:
            column += 1
    # the wave line first, so that the cards lie on top of it; not inside a choice phase
    positions = design.positions()
    for (kind, a_id, x1, y1), (_, b_id, x2, y2) in zip(centres, centres[1:], strict=False):
        if positions[a_id][0] == positions[b_id][0] and kind == "choice":
            continue
        line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, x1, y1, x2, y2)
        line.name = f"wave {a_id} {b_id}"
        line.line.color.rgb = _rgb(WAVE)
        line.line.width = Pt(2.5)
    shapes = {
        placed_id: _card(slide, x, y, placed, numbers[placed_id], icon, lang)
        for placed_id, (x, y, placed, icon) in cards.items()
    }
    for link in design.links:
        if link.from_ not in shapes or link.to not in shapes:
            continue  # its other end is on another slide: the phase slides name it
        start, end = shapes[link.from_], shapes[link.to]
        connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 0, 0)
        begin, finish = _sites(start, end)
        connector.begin_connect(start, begin)
        connector.end_connect(end, finish)
        connector.name = f"link {link.from_} {link.to} {link.kind}"
        connector.line.color.rgb = _rgb(LINK)
        connector.line.width = Pt(1.75)
        connector.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        _arrow(connector)
    _text_box(
        slide,
        LEFT,
        Inches(6.35),
        WIDTH - 2 * LEFT,
        Inches(0.6),
        translate(lang, TEXTS["legend"]),
        size=10,
        colour=MUTED,
        name="legend",
    )


# --- one slide per phase ----------------------------------------------------------------------


def _phase_slides(deck, design: Design, lang: str, numbers: dict[str, int]) -> None:
    goals = {g.id: g.text for g in design.goals}
    outgoing: dict[str, list[str]] = {}
    for link in design.links:
        outgoing.setdefault(link.from_, []).append(f"{link_phrase(link.kind, lang)} {numbers[link.to]}")
    heads = [
        translate(lang, TEXTS["number"]),
        translate(lang, TEXTS["activity"]),
        translate(lang, N_("Mode")),
        translate(lang, N_("Timing")),
        translate(lang, N_("Minutes")),
        translate(lang, TEXTS["goal_column"]),
        translate(lang, TEXTS["links"]),
    ]
    widths = [0.55, 3.3, 1.2, 1.5, 0.95, 3.2, 1.9]
    for n, phase in enumerate(design.phases, start=1):
        chunks = [phase.activities[i : i + PHASE_ROWS] for i in range(0, len(phase.activities), PHASE_ROWS)]
        for c, chunk in enumerate(chunks or [[]], start=1):
            slide = deck.slides.add_slide(deck.slide_layouts[6])
            title = _with_week(phase, lang)
            if len(chunks) > 1:
                title += f" ({c}/{len(chunks)})"
            _title(slide, title)
            minutes = sum(a.minutes or 0 for a in phase.activities)
            line = translate(lang, TEXTS["phase"], n=n, total=len(design.phases))
            line += f" · {label(phase.kind, lang)} · {minutes} {drawing_text('min', lang)}"
            _text_box(slide, LEFT, Inches(0.9), WIDTH - 2 * LEFT, Inches(0.4), line, size=13, colour=MUTED)
            if not chunk:
                _text_box(
                    slide,
                    LEFT,
                    Inches(1.6),
                    WIDTH - 2 * LEFT,
                    Inches(0.5),
                    translate(lang, TEXTS["empty_phase"]),
                    size=14,
                )
                continue
            shape = slide.shapes.add_table(
                len(chunk) + 1, len(heads), LEFT, Inches(1.5), Inches(sum(widths)), Inches(0.4)
            )
            shape.name = f"activities {phase.id}"
            table = shape.table
            for i, width in enumerate(widths):
                table.columns[i].width = Inches(width)
            for i, head in enumerate(heads):
                _cell(table.cell(0, i), head, bold=True)
            for r, placed in enumerate(chunk, start=1):
                values = [
                    str(numbers[placed.id]),
                    placed.title or "",
                    label(placed.mode, lang),
                    drawing_text(placed.timing or "async", lang),
                    str(placed.minutes or 0),
                    "\n".join(goals[g] for g in placed.goals if g in goals),
                    "\n".join(outgoing.get(placed.id, [])),
                ]
                for i, value in enumerate(values):
                    _cell(table.cell(r, i), value, colour=MODE_COLOURS[placed.mode] if i == 2 else INK)


def _cell(cell, text: str, *, bold=False, colour=INK) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    lines = text.split("\n")
    for i, line in enumerate(lines):
        _paragraph(frame, line, size=10 if not bold else 11, bold=bold, colour=colour, first=i == 0)


# --- the findings ------------------------------------------------------------------------------


def _findings_slides(deck, report: Report, lang: str) -> None:
    findings: list[Finding] = list(report.findings)
    pages = [findings[i : i + FINDINGS_PER_SLIDE] for i in range(0, len(findings), FINDINGS_PER_SLIDE)]
    for p, page in enumerate(pages or [[]], start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        title = translate(lang, TEXTS["findings"])
        _title(slide, title if len(pages) <= 1 else f"{title} ({p}/{len(pages)})")
        box = slide.shapes.add_textbox(LEFT, Inches(1.1), WIDTH - 2 * LEFT, Inches(6.0))
        box.name = "findings"
        frame = box.text_frame
        frame.word_wrap = True
        if not page:
            _paragraph(frame, translate(lang, TEXTS["no_findings"]), size=16, first=True)
            continue
        for i, finding in enumerate(page):
            severity = translate(lang, TEXTS["warning" if finding.severity == "warning" else "advice"])
            colour = WARN if finding.severity == "warning" else LINK
            head = _paragraph(
                frame, f"{severity}: {finding.title}", size=15, bold=True, colour=colour, first=i == 0
            )
            head.space_before = Pt(0 if i == 0 else 10)
            _paragraph(frame, finding.message, size=12)


def render_pptx(
    design: Design,
    catalogue: Catalogue,
    *,
    lang: str,
    report: Report,
    owner: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The deck as bytes, in `lang`; `report` is the critic's report for the design."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(WIDTH), Emu(HEIGHT)
    deck.core_properties.title = design.title
    deck.core_properties.language = lang
    numbers = {a.id: n for n, a in enumerate(design.placed(), start=1)}
    _title_slide(deck, design, report, lang, owner, today or dt.date.today())
    rows = split_phases(design, per_row=WAVE_COLUMNS)
    for i, phases in enumerate(rows, start=1):
        _wave_slide(deck, design, phases, catalogue, lang, numbers, (i, len(rows)))
    _phase_slides(deck, design, lang, numbers)
    _findings_slides(deck, report, lang)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
