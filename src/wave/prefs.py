"""A person's UI preferences (SPEC §5.1): collapsed panels and zoom, kept per user.

Stored as a JSON object in `user.prefs`. Only the keys of `PrefsUpdate` are known;
an update is merged into what is stored.
"""

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from wave.models import User


class PrefsUpdate(BaseModel):
    """The preferences a request may set; every key is optional, none may be null."""

    model_config = ConfigDict(extra="forbid", strict=True)

    # `None` is only the default ("not sent"): a null in the body is refused as not a bool.
    catalogue_collapsed: bool = Field(default=None, description="The catalogue panel is collapsed")
    critic_collapsed: bool = Field(default=None, description="The critic panel is collapsed")
    zoom: float = Field(
        default=None, ge=0.25, le=2, allow_inf_nan=False, description="The canvas zoom factor, 0.25–2"
    )


KNOWN = set(PrefsUpdate.model_fields)


def prefs_of(user: User) -> dict[str, Any]:
    """The stored preferences (known keys only; anything unreadable counts as unset)."""
    try:
        stored = json.loads(user.prefs or "{}")
    except json.JSONDecodeError:
        return {}
    return {k: v for k, v in stored.items() if k in KNOWN} if isinstance(stored, dict) else {}


def update_prefs(*, session: Session, user: User, changes: PrefsUpdate) -> dict[str, Any]:
    """Merge the keys sent into the stored preferences; returns them all."""
    session.refresh(user, with_for_update=True)  # two updates at once both count
    merged = prefs_of(user) | changes.model_dump(exclude_unset=True)
    user.prefs = json.dumps(merged, separators=(",", ":"))
    session.add(user)
    session.commit()
    return merged
