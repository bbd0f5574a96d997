"""Configuration from `WAVE_…` environment variables, read once through `get_settings()`."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from wave import PROJECT_DIR

DEFAULT_SECRET = "development-only-secret-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WAVE_")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_DIR / 'data' / 'wave.db'}",
        description="SQLAlchemy URL; SQLite file by default, PostgreSQL for several instances.",
    )
    environment: str = Field(default="development", description="development or production")
    secret_key: str = Field(default=DEFAULT_SECRET, description="Signs session cookies.")
    secure_cookies: bool = Field(default=False, description="Send the session cookie over HTTPS only.")
    rules: str = Field(default="", description="Rule overrides: 'id=off,id=warning,…'.")
    seed_examples: bool = Field(default=True, description="Load the worked examples at start-up.")
    forwarded_allow_ips: str = Field(
        default="",
        description="Reverse proxies whose X-Forwarded-For names the client (comma-separated "
        "IP addresses); empty: none, and sign-in limits count the peer's address.",
    )

    export_seconds: int = Field(
        default=120, ge=1, le=3600, description="A PDF export that takes longer is stopped (503)."
    )
    export_at_once: int = Field(
        default=2,
        ge=1,
        le=64,
        description="PDF exports one server process renders at once; "
        "more are refused (503, retry). One per person.",
    )

    max_designs: int = Field(
        default=500, ge=1, description="Designs one person may own (a new one over it: 403)."
    )
    max_storage_mb: int = Field(
        default=500,
        ge=1,
        description="Millions of characters of design versions one "
        "person's designs may keep (a write over it: 403).",
    )
    versions_kept: int = Field(
        default=500,
        ge=110,
        description="Versions kept per design; older ones are dropped "
        "(at least the 100 undo steps reach back).",
    )

    def check_safe(self) -> None:
        """Refuse to run a non-development instance with the default secret."""
        if self.environment != "development" and self.secret_key == DEFAULT_SECRET:
            raise RuntimeError("WAVE_SECRET_KEY must be set outside development")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
