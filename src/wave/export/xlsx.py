"""The design as a spreadsheet (SPEC §7): the activity table and the profile.

    data = render_xlsx(design, catalogue, lang="nl", report=report)

Sheet one holds one row per placed activity with the columns of `wave.export.table`
(a header row that stays in view, a filter on it, widths to fit, several values in a
cell on lines of their own); sheet two the profile the critic computes (minutes,
shares, Allen & Seaman's category, minutes per learning type, interaction,
environment and phase). Written with openpyxl; a text is always stored as text,
never as a formula, whatever it starts with.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from wave.catalogue import Catalogue
from wave.drawing.texts import t as drawing_text
from wave.engine import Report
from wave.export.table import COLUMNS, activity_rows, headers
from wave.format import Design
from wave.i18n import N_, translate
from wave.vocabulary import label

HEADER_FILL = PatternFill("solid", fgColor="E8F1FC")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MULTI_LINE = {"goals", "interactions", "topics", "links", "notes", "title"}

ACTIVITIES_SHEET = N_("Activities")
PROFILE_SHEET = N_("Profile")


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl takes "=…" for a formula: a title is text
    return cell


def _activities(sheet: Worksheet, design: Design, catalogue: Catalogue, lang: str) -> None:
    for c, header in enumerate(headers(lang), start=1):
        cell = _put(sheet, 1, c, header)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
    count = 0
    for r, row in enumerate(activity_rows(design, catalogue), start=2):
        count += 1
        for c, (column, value) in enumerate(zip(COLUMNS, row, strict=True), start=1):
            cell = _put(sheet, r, c, value)
            cell.alignment = WRAP if column.key in MULTI_LINE else TOP
    for c, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"


def _profile(sheet: Worksheet, design: Design, report: Report, lang: str) -> None:
    """Label and value per row; `style` is "bold" for a heading, "%" for a share."""
    profile = report.profile
    rows: list[tuple[Any, Any, str]] = [
        (design.title, None, "bold"),
        (None, None, ""),
        (translate(lang, N_("Total minutes")), profile.total_minutes, ""),
        (translate(lang, N_("Online minutes")), profile.online_minutes, ""),
        (translate(lang, N_("Online share")), round(profile.online_share, 4), "%"),
        (translate(lang, N_("Synchronous share")), round(profile.sync_share, 4), "%"),
        (
            translate(lang, N_("Category (Allen & Seaman)")),
            drawing_text(f"category.{profile.category}", lang),
            "",
        ),
    ]
    if design.study_load_hours is not None:
        rows.append((translate(lang, N_("Study load budget (hours)")), design.study_load_hours, ""))
    titles = {p.id: p.title for p in design.phases}
    sections = (
        ("types.title", profile.by_learning_type, lambda code: label(code, lang)),
        ("interactions.title", profile.by_interaction, lambda code: label(code, lang)),
        ("environments.title", profile.by_environment, lambda code: label(code, lang)),
        ("phases.title", profile.by_phase, lambda code: titles.get(code, code)),
    )
    for key, minutes, name in sections:
        rows += [(None, None, ""), (drawing_text(key, lang), drawing_text("minutes", lang), "bold")]
        rows += [(name(code), value, "") for code, value in minutes.items()]
    for r, (name, value, style) in enumerate(rows, start=1):
        first, second = _put(sheet, r, 1, name), _put(sheet, r, 2, value)
        if style == "bold":
            first.font = second.font = BOLD
        elif style == "%":
            second.number_format = "0%"
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["B"].width = 14


def render_xlsx(design: Design, catalogue: Catalogue, *, lang: str, report: Report) -> bytes:
    book = Workbook()
    activities = book.active
    activities.title = translate(lang, ACTIVITIES_SHEET)
    _activities(activities, design, catalogue, lang)
    _profile(book.create_sheet(translate(lang, PROFILE_SHEET)), design, report, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
