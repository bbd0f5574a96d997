"""`wave backup OUT` and `wave restore IN [--force]`: the whole database to one file and back.

The database is the one Wave uses (`WAVE_DATABASE_URL`). On SQLite the backup is
taken with SQLite's online backup API, on PostgreSQL with `pg_dump`; both while
Wave runs. A restore brings every table back (`pg_restore` on PostgreSQL), then
runs the migrations, so an older backup comes back on the current schema; it
refuses a database that already holds data unless `--force`. Exit status:
0 done, 2 not done (no such file, not a Wave backup, a database with data
without `--force`, pg_dump missing, …), with a message and never a traceback.
See `wave.backup`.
"""

from pathlib import Path
from typing import Annotated

import typer

from wave.settings import get_settings

EXIT_INVALID = 2


def backup(
    out: Annotated[Path, typer.Argument(help="The backup file to write (replaced if it exists).")],
) -> None:
    """Write a consistent copy of the whole database to OUT, also while Wave runs."""
    from wave.backup import KIND_NAMES, BackupError, backup_database  # SQLAlchemy: only here

    try:
        done = backup_database(url=get_settings().database_url, out=out)
    except BackupError as exc:
        typer.echo(f"wave backup: {exc}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    typer.echo(f"{out}: written ({KIND_NAMES[done.kind]} backup, schema revision {done.revision})", err=True)


def restore(
    file: Annotated[Path, typer.Argument(metavar="IN", help="A file written by `wave backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already holds data.")
    ] = False,
) -> None:
    """Bring the database back from a backup IN, then migrate it to the current schema."""
    from wave.backup import KIND_NAMES, BackupError, restore_database

    try:
        done = restore_database(url=get_settings().database_url, file=file, force=force)
    except BackupError as exc:
        typer.echo(f"wave restore: {exc}", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    typer.echo(
        f"{file}: restored ({KIND_NAMES[done.kind]} backup of schema revision "
        f"{done.revision}, migrated to the current schema)",
        err=True,
    )
