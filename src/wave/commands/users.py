"""`wave users …`: account chores for an administrator.

`wave users reset-link EMAIL` makes a one-time link to set a new password (valid for an
hour, as a mailed one) and prints it, for a Wave that sends no mail (`WAVE_SMTP_URL`
empty) or a mail that did not arrive. The link is on `WAVE_PUBLIC_URL` (or `wave serve`'s
default address); its last path segment is the token. Exit status: 0 printed, 2 no
account with that address.
"""

from typing import Annotated

import typer

EXIT_INVALID = 2

users = typer.Typer(no_args_is_help=True, help="Accounts: password-reset links for people who lost theirs.")


@users.command("reset-link")
def print_reset_link(
    email: Annotated[str, typer.Argument(help="The e-mail address of the account.")],
) -> None:
    """Print a one-time link (valid for an hour) with which EMAIL's owner sets a new password."""
    from sqlmodel import Session  # the database only when the command runs

    from wave.db import get_engine, migrate
    from wave.password_reset import VALID, reset_link

    migrate()
    with Session(get_engine()) as session:
        url = reset_link(session=session, email=email)
    if url is None:
        typer.echo(f"wave users reset-link: there is no account with the e-mail address {email!r}", err=True)
        raise typer.Exit(EXIT_INVALID)
    typer.echo(url)
    minutes = int(VALID.total_seconds() // 60)
    typer.echo(f"Pass it on to the person it is for; it works once, for {minutes} minutes.", err=True)
