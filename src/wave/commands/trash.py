"""`wave trash purge`: delete for good what has been in a trash for 30 days (SPEC §6).

Wave does this itself at start-up and whenever a trash is listed; the command is for
a server that runs for weeks without anyone looking at their trash, e.g. from cron.
Works on the database of `WAVE_DATABASE_URL`. Exit status 0.
"""

import typer

trash = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Deleted designs: kept in their owner's trash for 30 days, then purged.",
)


@trash.command("purge")
def purge() -> None:
    """Delete for good every design that has been in a trash for 30 days or more."""
    from sqlmodel import Session  # SQLAlchemy: only here

    from wave.db import get_engine
    from wave.models import now
    from wave.trash import TRASH_DAYS, purge_trash

    with Session(get_engine()) as session:
        purged = purge_trash(session=session, now=now())
    noun = "design" if purged == 1 else "designs"
    typer.echo(f"wave trash purge: {purged} {noun} deleted for good (in a trash for {TRASH_DAYS}+ days)")
