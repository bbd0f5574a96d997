"""The activity table as a CSV file (SPEC §7), in the dialect Excel opens as it is
on a Dutch computer: UTF-8 with a byte order mark (without it Excel reads ë as Ã«),
fields separated by `;` (Dutch Excel's list separator, since `,` is the decimal
comma), CRLF line ends, and `"` around a field that needs it (a `;`, a quote or a
line break inside; several values in a cell are one per line). A text that
Excel would run as a formula (it starts with `=`, `+`, `-` or `@`) gets a leading
`'`, which Excel hides and the import takes off again.

    data = render_csv(design, catalogue, lang="nl")

The columns and their header row are `wave.export.table`'s; `wave.importers.csvfile`
reads the file back.
"""

from __future__ import annotations

import csv
import io

from wave.catalogue import Catalogue
from wave.export.table import activity_rows, headers
from wave.format import Design

DELIMITER = ";"
BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@")


def defused(value: object) -> object:
    """A text Excel would read as a formula, with a `'` in front; other values as given."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def render_csv(design: Design, catalogue: Catalogue, *, lang: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers(lang))
    for row in activity_rows(design, catalogue):
        writer.writerow(["" if value is None else defused(value) for value in row])
    return (BOM + out.getvalue()).encode("utf-8")
