"""Reading and writing designs. Every write names the version it was based on.

A write is a compare-and-swap on `design.version` (one UPDATE … WHERE version = ?),
so two editors can never both win: the loser gets `StaleVersion` (HTTP 409).

Every write validates the whole document first (`format.validated`: the same
validation as an import or the API), so nothing that the format refuses is stored,
whichever way it came in; it raises `DesignInvalid` and stores nothing.
"""

import json
import time

from pydantic import ValidationError
from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from wave.catalogue import get_catalogue
from wave.events import announce
from wave.format import Design, Problem, shape_problems, validated
from wave.i18n import N_, translate
from wave.models import DesignRecord, DesignVersion, UndoStep, User, now
from wave.settings import get_settings


class DesignNotFound(Exception):
    pass


class QuotaExceeded(Exception):
    """A person's designs or their storage are at the limit (`kind`: designs, storage)."""

    def __init__(self, kind: str, limit: int):
        self.kind, self.limit = kind, limit
        super().__init__(f"{kind} quota of {limit} reached")

    TEXT = {
        # a design in the trash counts until it is purged (wave.trash): it is still stored
        "designs": N_(
            "You have reached the maximum of %(limit)s designs. Designs in your trash count until "
            "they are removed for good after 30 days; ask your administrator for more room if you "
            "cannot wait."
        ),
        "storage": N_(
            "Your designs' storage is full (%(limit)s million characters); nothing was saved. "
            "Designs in your trash count until they are removed for good after 30 days; ask your "
            "administrator for more room."
        ),
    }

    def __call__(self, lang: str) -> str:
        return translate(lang, self.TEXT[self.kind], limit=self.limit)


class StoredDesignInvalid(Exception):
    """A stored document that the format (made stricter since) no longer accepts."""

    def __init__(self, problems: list[Problem], document: str):
        self.problems, self.document = problems, document
        super().__init__("; ".join(p.message("en") for p in problems))


class StaleVersion(Exception):
    def __init__(self, current: int):
        self.current = current
        super().__init__(f"the design is at version {current}")


def dump(design: Design) -> str:
    """The stored document: `design.to_json()` as compact JSON (pydantic writes it, three
    times as fast as `json.dumps` of the dict; a validated design holds no NaN)."""
    return design.model_dump_json(by_alias=True, exclude_none=True)


def checked_dump(design: Design) -> tuple[Design, str]:
    """The design validated as a whole, and its document: what a write stores."""
    design = validated(design, get_catalogue())
    return design, dump(design)


def read(document: str) -> Design:
    """A stored document. It was validated on the way in; if the format has become
    stricter since, `StoredDesignInvalid` carries the problems (shown, not a 500)."""
    try:
        return Design.model_validate(json.loads(document))
    except ValidationError as exc:
        raise StoredDesignInvalid(shape_problems(exc), document) from None


def create_design(
    *,
    session: Session,
    design: Design,
    example_slug: str | None = None,
    summary: str = "",
    owner_id: int | None = None,
) -> DesignRecord:
    design, document = checked_dump(design)
    if owner_id is not None:
        _check_quota(session, owner_id, len(document), new_design=True)
    record = DesignRecord(
        owner_id=owner_id,
        title=design.title,
        template=design.template,
        document=document,
        version=1,
        example_slug=example_slug,
        stored_size=len(document),
    )
    session.add(record)
    session.flush()
    session.add(
        DesignVersion(
            design_id=record.id, version=1, document=record.document, summary=summary, author_id=owner_id
        )
    )
    session.commit()
    session.refresh(record)
    return record


def save_design(
    *,
    session: Session,
    design_id: int,
    design: Design,
    based_on: int,
    summary: str = "",
    author_id: int | None = None,
    commit: bool = True,
    client: str | None = None,
) -> int:
    """Store `design` as the next version if the stored one is still `based_on`. With
    `commit=False` the caller adds to the same transaction (a canvas edit's undo step)
    and commits it: one write, one sync to disk. Everyone with the design open is told
    when it commits (`changed`; `client`: the canvas the edit came from, which knows)."""
    design, document = checked_dump(design)
    owner_id = session.exec(select(DesignRecord.owner_id).where(DesignRecord.id == design_id)).first()
    if owner_id is not None:
        _check_quota(session, owner_id, len(document), new_design=False)
    result = session.execute(
        update(DesignRecord)
        .where(col(DesignRecord.id) == design_id, col(DesignRecord.version) == based_on)
        .values(
            document=document,
            title=design.title,
            template=design.template,
            version=based_on + 1,
            updated_at=now(),
            stored_size=DesignRecord.stored_size + len(document),
        )
    )
    if result.rowcount != 1:
        session.rollback()
        record = session.get(DesignRecord, design_id)
        if record is None:
            raise DesignNotFound(design_id)
        raise StaleVersion(record.version)
    session.add(
        DesignVersion(
            design_id=design_id,
            version=based_on + 1,
            document=document,
            summary=summary[:300],
            author_id=author_id,
        )
    )
    _prune(session, design_id, newest=based_on + 1)
    author = session.get(User, author_id) if author_id is not None else None
    announce(
        session,
        design_id,
        {
            "type": "changed",
            "version": based_on + 1,
            "by": author_id,
            "name": author.name if author else "",
            "summary": summary[:300],
            "client": client,
            "at": time.time(),  # when it was saved (the bench measures how long it takes to arrive)
        },
    )
    if commit:
        session.commit()
    return based_on + 1


def _check_quota(session: Session, owner_id: int, adding: int, *, new_design: bool) -> None:
    settings = get_settings()
    if new_design:
        owned = session.exec(
            select(func.count()).select_from(DesignRecord).where(DesignRecord.owner_id == owner_id)
        ).one()
        if owned >= settings.max_designs:
            raise QuotaExceeded("designs", settings.max_designs)
    used = session.exec(
        select(func.coalesce(func.sum(DesignRecord.stored_size), 0)).where(DesignRecord.owner_id == owner_id)
    ).one()
    if used + adding > settings.max_storage_mb * 1_000_000:
        raise QuotaExceeded("storage", settings.max_storage_mb)


def _prune(session: Session, design_id: int, *, newest: int) -> None:
    """Keep the newest `versions_kept` versions; undo steps that reach further go too."""
    oldest_kept = newest - get_settings().versions_kept + 1
    if oldest_kept <= 1:
        return
    old = (col(DesignVersion.design_id) == design_id) & (col(DesignVersion.version) < oldest_kept)
    freed = session.exec(
        select(func.coalesce(func.sum(func.length(DesignVersion.document)), 0)).where(old)
    ).one()
    if not freed:
        return
    session.execute(
        delete(UndoStep).where(
            col(UndoStep.design_id) == design_id, col(UndoStep.before_version) < oldest_kept
        )
    )
    session.execute(delete(DesignVersion).where(old))
    session.execute(
        update(DesignRecord)
        .where(col(DesignRecord.id) == design_id)
        .values(stored_size=DesignRecord.stored_size - freed)
    )


def version_document(*, session: Session, design_id: int, version: int) -> Design | None:
    row = session.exec(
        select(DesignVersion).where(DesignVersion.design_id == design_id, DesignVersion.version == version)
    ).first()
    return read(row.document) if row else None


def versions_of(*, session: Session, design_id: int) -> list[tuple[DesignVersion, str | None]]:
    """Every saved version, newest first, with the name of who saved it."""
    rows = session.exec(
        select(DesignVersion, User.name)
        .join(User, User.id == DesignVersion.author_id, isouter=True)
        .where(DesignVersion.design_id == design_id)
        .order_by(col(DesignVersion.version).desc())
    ).all()
    return [(v, name) for v, name in rows]
