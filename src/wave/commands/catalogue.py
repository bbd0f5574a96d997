"""`wave catalogue`: the learning activities, as a table or as JSON."""

import json

import typer

from wave.catalogue import CatalogueError, get_catalogue


def catalogue(
    as_json: bool = typer.Option(False, "--json", help="Print the activities as JSON."),
    lang: str = typer.Option("nl", "--lang", help="nl or en (table only)."),
) -> None:
    """List the catalogue of learning activities."""
    try:
        activities = get_catalogue().activities
    except CatalogueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps([a.model_dump(mode="json") for a in activities], ensure_ascii=False, indent=2))
        return
    for a in activities:
        typer.echo(
            f"{a.id:20} {a.name(lang):38} {a.learning_type:14} "
            f"{'/'.join(a.modes):15} {'/'.join(a.timings):11} {a.minutes:>4} min"
        )
