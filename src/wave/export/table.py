"""The design as a table: one row per placed activity, in time order (SPEC §7). The
spreadsheet (`wave.export.xlsx`), the CSV file (`wave.export.csvfile`) and the CSV
import (`wave.importers.csvfile`) share these columns, so what one writes the other
reads back.

    header = headers("nl")
    for row in activity_rows(design, catalogue):   # lists of cell values, as COLUMNS
        ...

Cells hold the format's codes (`online`, `sync`, `discussion`), not the labels of one
language: a sheet sorts and filters the same in Dutch and English, and the import
reads the codes (and either language's labels) back. A cell with several values holds
one per line. `order` is the activity's number in time order, the number the PDF and
the wave drawing show; `links` name the activities a link leads to by that number
(`prepares 3`). The last four columns (`id`, phase kind, several places at once,
notes) are not in SPEC §7's list: they make export -> import exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wave.catalogue import Catalogue
from wave.format import Design
from wave.i18n import N_, translate


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # an English message id, translated with `translate`
    width: int  # characters, for the spreadsheet


COLUMNS: tuple[Column, ...] = (
    Column("phase", N_("Phase"), 22),
    Column("week", N_("Week"), 7),
    Column("order", N_("Order"), 8),
    Column("title", N_("Title"), 36),
    Column("activity", N_("Catalogue id"), 20),
    Column("mode", N_("Mode"), 10),
    Column("timing", N_("Timing"), 10),
    Column("minutes", N_("Minutes"), 9),
    Column("learning_type", N_("Learning type"), 15),
    Column("interactions", N_("Interactions"), 18),
    Column("environment", N_("Environment"), 13),
    Column("goals", N_("Goals"), 40),
    Column("topics", N_("Topics"), 20),
    Column("source", N_("Source"), 10),
    Column("links", N_("Links"), 16),
    Column("id", N_("Activity id"), 10),
    Column("phase_kind", N_("Phase kind"), 11),
    Column("multi_location", N_("In several places at once"), 10),
    Column("notes", N_("Notes"), 40),
)
KEYS = tuple(c.key for c in COLUMNS)
SEPARATOR = "\n"  # between the values of one cell


def headers(lang: str) -> list[str]:
    return [translate(lang, c.header) for c in COLUMNS]


def header_keys() -> dict[str, str]:
    """Every header the import recognises (Dutch, English, the key), folded, -> key."""
    known: dict[str, str] = {}
    for column in COLUMNS:
        for name in (translate("nl", column.header), column.header, column.key):
            known[name.strip().casefold()] = column.key
    return known


def activity_rows(design: Design, catalogue: Catalogue) -> Iterator[list[Any]]:
    """One list of cell values per placed activity, in time order (as COLUMNS)."""
    numbers = {a.id: n for n, a in enumerate(design.placed(), start=1)}
    goals = {g.id: g.text for g in design.goals}
    outgoing: dict[str, list[str]] = {}
    for link in design.links:
        outgoing.setdefault(link.from_, []).append(f"{link.kind} {numbers[link.to]}")
    for phase in design.phases:
        for placed in phase.activities:
            entry = catalogue.get(placed.activity)
            learning_type = placed.learning_type or (entry.learning_type if entry else None)
            interactions = placed.interactions or (entry.interactions if entry else [])
            values = {
                "phase": phase.title,
                "week": phase.week,
                "order": numbers[placed.id],
                "title": placed.title or "",
                "activity": placed.activity,
                "mode": placed.mode,
                "timing": placed.timing or "",
                "minutes": placed.minutes or 0,
                "learning_type": learning_type or "",
                "interactions": SEPARATOR.join(interactions),
                "environment": placed.environment or "",
                "goals": SEPARATOR.join(goals[g] for g in placed.goals if g in goals),
                "topics": SEPARATOR.join(placed.topics),
                "source": placed.source,
                "links": SEPARATOR.join(outgoing.get(placed.id, [])),
                "id": placed.id,
                "phase_kind": phase.kind,
                "multi_location": "true" if placed.multi_location else "false",
                "notes": placed.notes,
            }
            yield [values[key] for key in KEYS]
