"""`wave rules [--json] [--lang nl|en]`: every rule of the critic, with its documentation."""

import json
from typing import Annotated

import typer

from wave.commands.check import Lang
from wave.engine import RULES, describe


def rules(
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the rules (with why, try and docs) as JSON.")
    ] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the titles.")] = Lang.nl,
) -> None:
    """List the rules: id, default severity, toolkit tip, misconception and title."""
    if json_output:
        typer.echo(json.dumps([describe(r) for r in RULES.values()], ensure_ascii=False, indent=2))
        return
    width = max(len(rule_id) for rule_id in RULES)
    card = max(len(rule.MISCONCEPTION or "-") for rule in RULES.values())
    for rule in RULES.values():
        tip = f"tip {rule.TIP}" if rule.TIP else "-"
        misconception = rule.MISCONCEPTION or "-"
        typer.echo(
            f"{rule.ID:<{width}}  {rule.SEVERITY:<7}  {tip:<6}  {misconception:<{card}}  "
            f"{rule.TITLE[lang.value]}"
        )
