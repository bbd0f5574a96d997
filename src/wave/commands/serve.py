"""`wave serve`: run the web app (embedded SQLite unless WAVE_DATABASE_URL says otherwise)."""

import typer
import uvicorn


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (use PostgreSQL for more than one)."),
) -> None:
    """Run Wave in the browser: http://HOST:PORT/."""
    typer.echo(f"Wave on http://{host}:{port}/  (Ctrl+C stops)")
    uvicorn.run("wave.web.main:app", host=host, port=port, workers=workers,
                log_level="warning", proxy_headers=False)
