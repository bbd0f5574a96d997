"""The activity table read back from a `.csv` file (SPEC §7): the columns of
`wave.export.table`, so a design exported as CSV comes back with the same activities.

The file may come from Wave or from a spreadsheet program: UTF-8 (with or without a
byte order mark) or, as Excel on Windows saves it, Windows-1252; fields separated by
`;`, `,` or a tab (whichever the header row uses); headers in Dutch or English, or
the column keys; values as codes (`online`) or as either language's labels
(`Fysiek`, `Face-to-face`). The rows are put in the order of their `order` column
when every row has one (a sheet sorted by minutes still imports in time order);
phases follow in the order they first appear, one for each phase name, kind and week
(a whole number 1–60, or empty). A problem names the cell (`H4`) and
its column's header. What the table holds and a design cannot (an unknown column, a
link to a number no row has, a learning type for a catalogue activity, which the
catalogue decides) is an `Unmapped` note.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl.utils import get_column_letter

from wave.catalogue import Catalogue
from wave.export.csvfile import FORMULA_START
from wave.export.table import SEPARATOR, header_keys
from wave.format import CUSTOM, FORMAT, MAX_ACTIVITIES, MAX_WEEK, Design, DesignInvalid, parse_design
from wave.i18n import N_
from wave.importers import FileProblem, Unmapped, problem, refuse
from wave.vocabulary import (
    ENVIRONMENTS,
    INTERACTIONS,
    LABELS,
    LEARNING_TYPES,
    LINK_KINDS,
    MODES,
    SOURCES,
    TIMINGS,
    PhaseKind,
)

REQUIRED = ("phase", "title", "mode")
CHOICES: dict[str, tuple[str, ...]] = {
    "mode": MODES,
    "timing": TIMINGS,
    "learning_type": LEARNING_TYPES,
    "interactions": INTERACTIONS,
    "environment": ENVIRONMENTS,
    "source": SOURCES,
    "phase_kind": ("sequence", "choice"),
}
TRUE, FALSE = {"true", "ja", "yes", "1", "waar"}, {"false", "nee", "no", "0", "onwaar", ""}


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _words(code: str) -> set[str]:
    names = {code.casefold()}
    names.update(text.casefold() for text in LABELS.get(code, {}).values())
    return names


class _Sheet:
    """The rows of the file with the cell references a message names."""

    def __init__(self, header: list[str], columns: dict[str, int]):
        self.header, self.columns = header, columns
        self.problems: list[FileProblem] = []

    def cell(self, row: int, key: str) -> str:
        column = self.columns[key]
        return f"{get_column_letter(column + 1)}{row} ({self.header[column]})"

    def add(self, row: int, key: str, msg: str, /, **values: object) -> None:
        self.problems.append(problem(self.cell(row, key), msg, **values))

    def choice(self, row: int, key: str, value: str) -> str | None:
        for code in CHOICES[key]:
            if value.casefold() in _words(code):
                return code
        allowed = ", ".join(CHOICES[key])
        self.add(
            row,
            key,
            N_("%(value)s is not a valid value; expected %(expected)s"),
            value=repr(value),
            expected=allowed,
        )
        return None


def _plain(value: str) -> str:
    """A cell as the export wrote it, without the `'` that keeps Excel from a formula."""
    value = value.strip()
    if value.startswith("'") and value[1:2] in FORMULA_START:
        return value[1:]
    return value


def import_csv(raw: bytes, catalogue: Catalogue, *, lang: str, title: str) -> tuple[Design, list[Unmapped]]:
    """The design in a CSV activity table, and what did not map; or `DesignInvalid`.
    `title`: the design's title (the file's name: a table has no title of its own)."""
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows or not any(c.strip() for c in rows[0]):
        raise refuse("(file)", N_("the file is empty"))
    known = header_keys()
    header = [h.strip() for h in rows[0]]
    columns: dict[str, int] = {}
    notes: list[Unmapped] = []
    for i, name in enumerate(header):
        key = known.get(name.casefold())
        if key is None or key in columns:
            if name:
                notes.append(
                    problem(
                        f"{get_column_letter(i + 1)}1",
                        N_("Wave does not know the column %(name)s; not imported"),
                        name=repr(name),
                    )
                )
            continue
        columns[key] = i
    missing = [k for k in REQUIRED if k not in columns]
    if missing:
        raise refuse(
            "(header)",
            N_("the header row lacks the column(s) %(columns)s (is it a Wave activity table?)"),
            columns=", ".join(missing),
        )
    sheet = _Sheet(header, columns)
    body = [(n, row) for n, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]
    if len(body) > MAX_ACTIVITIES:
        raise refuse("(file)", N_("more than %(limit)s rows"), limit=MAX_ACTIVITIES)

    def get(row: list[str], key: str) -> str:
        i = columns.get(key)
        return _plain(row[i]) if i is not None and i < len(row) else ""

    orders = [get(row, "order") for _, row in body]
    if all(o.isdigit() for o in orders) and len(set(orders)) == len(orders):
        body = [pair for _, pair in sorted(zip((int(o) for o in orders), body, strict=True))]
    goals: dict[str, str] = {}
    phases: dict[tuple[str, str, int | None], dict[str, Any]] = {}
    numbers: dict[str, str] = {}  # the order column's number -> the activity's id
    used_ids: set[str] = set()
    pending_links: list[tuple[int, str, str]] = []
    for n, row in body:
        activity = _row(sheet, n, row, get, catalogue, goals, notes)
        if activity is None:
            continue
        wanted = get(row, "id")
        activity["id"] = wanted if wanted and wanted not in used_ids else f"a{len(used_ids) + 1}"
        while activity["id"] in used_ids:
            activity["id"] += "x"
        used_ids.add(activity["id"])
        if get(row, "order"):
            numbers[get(row, "order")] = activity["id"]
        kind: PhaseKind = "sequence"
        if get(row, "phase_kind"):
            kind = sheet.choice(n, "phase_kind", get(row, "phase_kind")) or "sequence"  # type: ignore[assignment]
        phase_title = get(row, "phase")
        if not phase_title:
            sheet.add(n, "phase", N_("an activity belongs to a phase"))
            continue
        week = get(row, "week")
        if week and not (week.isascii() and week.isdigit() and len(week) <= 4 and 1 <= int(week) <= MAX_WEEK):
            sheet.add(n, "week", N_("a week is a whole number from 1 to %(max)s, or empty"), max=MAX_WEEK)
            continue
        phase = phases.setdefault(
            (phase_title, kind, int(week) if week else None),
            {"id": f"p{len(phases) + 1}", "title": phase_title, "kind": kind, "activities": []},
        )
        if week:
            phase["week"] = int(week)
        phase["activities"].append(activity)
        for line in get(row, "links").split(SEPARATOR):
            if line.strip():
                pending_links.append((n, activity["id"], line.strip()))
    if sheet.problems:
        raise DesignInvalid(sheet.problems[:50])
    links = []
    for n, source, line in pending_links:
        kind_text, _, number = line.rpartition(" ")
        kind = next((k for k in LINK_KINDS if kind_text.strip().casefold() in _words(k)), None)
        if kind is None or number not in numbers:
            notes.append(
                problem(
                    sheet.cell(n, "links"),
                    N_("link %(link)s: not a kind with a number of the %(column)s column; not imported"),
                    link=repr(line),
                    column=header[columns["order"]] if "order" in columns else "order",
                )
            )
            continue
        links.append({"from": source, "to": numbers[number], "kind": kind})
    document = {
        "format": FORMAT,
        "title": (title.strip() or "CSV")[:200],
        "language": lang,
        "template": "linear",
        "goals": [{"id": gid, "text": text} for text, gid in goals.items()],
        "phases": list(phases.values()),
        "links": links,
    }
    return parse_design(document, catalogue), notes


def _row(sheet, n, row, get, catalogue: Catalogue, goals: dict[str, str], notes: list[Unmapped]):
    """One row as a placed activity (without its id), or None after a problem."""
    before = len(sheet.problems)
    activity_id = get(row, "activity") or CUSTOM
    entry = catalogue.get(activity_id)
    if entry is None and activity_id != CUSTOM:
        sheet.add(
            n,
            "activity",
            N_("%(activity)s is not in the catalogue (or write custom)"),
            activity=repr(activity_id),
        )
    activity: dict[str, Any] = {"activity": activity_id, "mode": sheet.choice(n, "mode", get(row, "mode"))}
    if get(row, "title"):
        activity["title"] = get(row, "title")
    for key in ("timing", "environment", "source"):
        if get(row, key):
            activity[key] = sheet.choice(n, key, get(row, key))
    minutes = get(row, "minutes")
    if minutes:
        if minutes.isdigit():
            activity["minutes"] = int(minutes)
        else:
            sheet.add(n, "minutes", N_("must be a whole number (0 or more)"))
    learning_type = get(row, "learning_type")
    interactions = [v.strip() for v in get(row, "interactions").split(SEPARATOR) if v.strip()]
    if entry is None:
        if learning_type:
            activity["learning_type"] = sheet.choice(n, "learning_type", learning_type)
        if interactions:
            activity["interactions"] = [sheet.choice(n, "interactions", v) for v in interactions]
    elif (learning_type and sheet.choice(n, "learning_type", learning_type) != entry.learning_type) or (
        interactions and {sheet.choice(n, "interactions", v) for v in interactions} != set(entry.interactions)
    ):
        notes.append(
            problem(
                sheet.cell(n, "learning_type" if "learning_type" in sheet.columns else "interactions"),
                N_(
                    "%(activity)s: the learning type and interactions come from the catalogue; "
                    "the row's are not imported"
                ),
                activity=entry.name,
            )
        )
    goal_ids = []
    for text in get(row, "goals").split(SEPARATOR):
        if text.strip():
            goal_ids.append(goals.setdefault(text.strip(), f"g{len(goals) + 1}"))
    activity["goals"] = goal_ids
    activity["topics"] = [v.strip() for v in get(row, "topics").split(SEPARATOR) if v.strip()]
    several = get(row, "multi_location").casefold()
    if several in TRUE:
        activity["multi_location"] = True
    elif several not in FALSE:
        sheet.add(n, "multi_location", N_("must be true or false"))
    if get(row, "notes"):
        activity["notes"] = row[sheet.columns["notes"]].strip()
    return None if len(sheet.problems) > before else activity
