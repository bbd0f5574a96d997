"""`wave serve`: run the web app (embedded SQLite unless WAVE_DATABASE_URL says otherwise)."""

import typer
import uvicorn

from wave.settings import get_settings


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (use PostgreSQL for more than one)."),
) -> None:
    """Run Wave in the browser: http://HOST:PORT/."""
    typer.echo(f"Wave on http://{host}:{port}/  (Ctrl+C stops)")
    # Only a proxy named in WAVE_FORWARDED_ALLOW_IPS may say who the client is: the sign-in
    # limits count by that address, and anyone could forge the header.
    proxies = get_settings().forwarded_allow_ips
    uvicorn.run(
        "wave.web.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        # open event streams (SPEC §10) never end by themselves: on stop, close them after 3 s
        timeout_graceful_shutdown=3,
    )
