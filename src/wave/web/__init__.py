"""The web app: FastAPI serving Jinja pages made interactive with htmx."""
