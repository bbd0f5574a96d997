"""`wave bench [--json] [--database-url URL]`: measure Wave against its targets (SPEC §8).

Starts its own `wave serve` on 127.0.0.1 (a temporary SQLite file unless
`--database-url` names another database; that one is used as given: the bench
adds its own accounts and designs and drops nothing) and prints one JSON
object (`--json`) or a table with each figure, its target and ✓/✗. Progress
goes to standard error. The timing targets are reported, not enforced.
Exit status: 0 measured; 1 a concurrent write was lost or answered with a
5xx; 2 the bench could not run.
"""

import json
import time
from typing import Annotated

import typer


def _table(result: dict) -> str:
    from wave.bench import targets

    rows = targets(result)
    width = max(len(r.name) for r in rows)
    value_width = max(len(r.value) for r in rows)
    lines = [f"Wave bench — {result['database']}", ""]
    for r in rows:
        mark = " " if r.met is None else ("✓" if r.met else "✗")
        lines.append(f"  {mark} {r.name:<{width}}  {r.value:<{value_width}}  {r.target}")
    return "\n".join(lines)


def bench(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="Database for the server (default: a temporary SQLite file).",
        ),
    ] = None,
    rounds: Annotated[int, typer.Option("--rounds", min=1, help="Requests per timed figure (median).")] = 20,
    editors: Annotated[int, typer.Option("--editors", min=1, help="Concurrent editors.")] = 20,
    writes: Annotated[int, typer.Option("--writes", min=1, help="Writes per editor.")] = 10,
    processes: Annotated[
        int,
        typer.Option("--processes", min=1, max=8, help="Server processes for the editors (PostgreSQL only)."),
    ] = 1,
) -> None:
    """Measure the critic, the canvas, PDF export and concurrent editing against the targets."""
    from wave.bench import BenchError, describe_database, run_bench  # httpx only when benching

    if database_url is not None and database_url.startswith("postgresql"):
        typer.echo(
            f"Using {describe_database(database_url)} as given; the bench adds its own "
            "accounts (bench-…@bench.example) and designs and drops nothing.",
            err=True,
        )
    start = time.monotonic()
    try:
        result = run_bench(
            database_url,
            rounds=rounds,
            editors=editors,
            writes=writes,
            processes=processes,
            progress=lambda message: typer.echo(f"[{time.monotonic() - start:5.1f} s] {message}", err=True),
        )
    except BenchError as exc:
        typer.echo(f"wave bench: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        typer.echo(_table(result))
    c = result["concurrency"]
    if c["lost_updates"] or c["errors_5xx"]:
        raise typer.Exit(1)
