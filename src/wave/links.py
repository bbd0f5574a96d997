"""One-time links (password resets, invitations): a random token in the link, and only
its hash in the database, so that a copy of the database opens no account and no design."""

import hashlib
import re
import secrets

from wave.settings import get_settings

TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")  # what `new_token` makes, with room
CLI_BASE = "http://127.0.0.1:8000"  # `wave serve`'s own address, for the command line


def new_token() -> tuple[str, str]:
    """A token for a link and the hash to store."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def well_formed(token: str) -> bool:
    return bool(TOKEN.match(token))


def link(path: str, *, base: str | None = None) -> str:
    """The absolute address of `path`: on `WAVE_PUBLIC_URL`, else on `base` (the address a
    request came in on), else on `wave serve`'s default address."""
    root = get_settings().public_url or base or CLI_BASE
    return root.rstrip("/") + path
