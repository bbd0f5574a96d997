"""The ASGI entry point: `uvicorn wave.web.main:app`."""

from wave.web.app import create_app

app = create_app()
