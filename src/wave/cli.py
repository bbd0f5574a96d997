"""The `wave` command line."""

import typer

from wave.commands.backup import backup, restore
from wave.commands.bench import bench
from wave.commands.catalogue import catalogue
from wave.commands.check import check
from wave.commands.export import export
from wave.commands.importing import import_command
from wave.commands.rules import rules
from wave.commands.serve import serve
from wave.commands.trash import trash
from wave.commands.users import users

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Wave: design blended courses, and let the critic check them.",
)
app.command("serve")(serve)
app.command("check")(check)
app.command("rules")(rules)
app.command("catalogue")(catalogue)
app.command("export")(export)
app.command("import")(import_command)
app.command("bench")(bench)
app.command("backup")(backup)
app.command("restore")(restore)
app.add_typer(users, name="users")
app.add_typer(trash, name="trash")

if __name__ == "__main__":
    app()
