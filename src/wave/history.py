"""The version history as a teacher reads it (SPEC §6: it groups a run of small edits).

Every save is a version, so twenty minutes of nudging cards make forty versions. A
*run* is what one person did in one go: consecutive versions by the same author, each
saved within `GAP` of the one before, made by canvas edits (a restore, an import or a
copy stands alone). The page shows a run as one entry, the newest version first; all
versions stay stored, and each can still be restored.
"""

from dataclasses import dataclass
from datetime import timedelta

from wave.models import DesignVersion
from wave.summaries import is_event

GAP = timedelta(minutes=10)


@dataclass(frozen=True)
class Run:
    """Versions one after another by one author, newest first (often just one)."""

    versions: list[tuple[DesignVersion, str | None]]

    @property
    def newest(self) -> DesignVersion:
        return self.versions[0][0]

    @property
    def oldest(self) -> DesignVersion:
        return self.versions[-1][0]

    @property
    def size(self) -> int:
        return len(self.versions)


def runs(versions: list[tuple[DesignVersion, str | None]], *, gap: timedelta = GAP) -> list[Run]:
    """`versions` (newest first, with their author's name) grouped into runs."""
    out: list[list[tuple[DesignVersion, str | None]]] = []
    for version, name in versions:
        if out and _continues(out[-1][-1][0], version, gap):
            out[-1].append((version, name))
        else:
            out.append([(version, name)])
    return [Run(group) for group in out]


def _continues(later: DesignVersion, earlier: DesignVersion, gap: timedelta) -> bool:
    """Whether `earlier` belongs to the run that `later` (saved next) is in."""
    return (
        later.author_id is not None
        and later.author_id == earlier.author_id
        and not is_event(later.summary)
        and not is_event(earlier.summary)
        and timedelta(0) <= later.created_at - earlier.created_at <= gap
    )
