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

    public_url: str = Field(
        default="",
        description="The address people reach Wave at (e.g. https://wave.school.nl), used in the "
        "links of password-reset and invitation mails and of `wave users reset-link`; empty: the "
        "address a request came in on (development), http://127.0.0.1:8000 for the command line.",
    )
    smtp_url: str = Field(
        default="",
        description="The mail server for password-reset and invitation mails: smtp://host:port "
        "(smtp+starttls:// or smtps:// for TLS; user:password@ before the host to sign in); "
        "empty: no mail, an administrator passes reset links on (`wave users reset-link`).",
    )
    mail_from: str = Field(
        default="Wave <wave@localhost>", description="The sender address of the mails Wave sends."
    )

    def check_safe(self) -> None:
        """Refuse to run a non-development instance with the default secret, or one that
        mails links without knowing its own address (a request's Host header would name it)."""
        if self.environment != "development" and self.secret_key == DEFAULT_SECRET:
            raise RuntimeError("WAVE_SECRET_KEY must be set outside development")
        if self.environment != "development" and self.smtp_url and not self.public_url:
            raise RuntimeError("WAVE_PUBLIC_URL must be set outside development when WAVE_SMTP_URL is")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
