"""`wave import FILE.ldj|FILE.csv --out DESIGN.json [--lang nl|en]`: a design from a
Learning Designer file or the CSV activity table, as `wave.design/v1` JSON (SPEC §7).

The file goes through the same importers (`wave.importers`) and the same validation
as an import on the dashboard. What the file holds and the design does not is
printed, one line each, to standard error; the design is written all the same.
Exit status: 0 written, 2 the file cannot be used (unreadable, not the kind its name
says, the wrong shape; each problem on a line naming the field or cell) or the output
cannot be written. Never a traceback.
"""

import json
from pathlib import Path
from typing import Annotated

import typer

from wave.catalogue import get_catalogue
from wave.commands.check import Lang, _fail
from wave.format import MAX_BYTES, DesignInvalid
from wave.i18n import N_, pgettext, translate
from wave.importers import import_file

MESSAGES = {
    "read": pgettext("import", "cannot be read"),
    "write": N_("cannot be written"),
    "written": N_("written"),
    "unmapped": N_("not imported, or assumed"),
}


def import_command(
    file: Annotated[
        Path, typer.Argument(help="A Learning Designer file (.ldj) or a CSV activity table (.csv).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Write the wave.design/v1 JSON here.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the messages and the design.")] = Lang.nl,
) -> None:
    """Turn a Learning Designer (.ldj) or CSV file into a wave.design/v1 design."""
    code = lang.value
    try:
        with file.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _fail([f"{file}: {translate(code, MESSAGES['read'])}: {exc.strerror or exc}"]) from None
    try:
        imported = import_file(file.name, raw, get_catalogue(), lang=code)
    except DesignInvalid as exc:
        raise _fail([f"{file}: {m}" for m in exc.messages(code)]) from None
    for note in imported.unmapped:
        typer.echo(f"{file}: {translate(code, MESSAGES['unmapped'])}: {note.message(code)}", err=True)
    text = json.dumps(imported.design.to_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail([f"{out}: {translate(code, MESSAGES['write'])}: {exc.strerror or exc}"]) from None
    typer.echo(f"{out}: {translate(code, MESSAGES['written'])}", err=True)
