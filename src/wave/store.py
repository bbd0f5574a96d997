"""Reading and writing designs. Every write names the version it was based on.

A write is a compare-and-swap on `design.version` (one UPDATE … WHERE version = ?),
so two editors can never both win: the loser gets `StaleVersion` (HTTP 409).
"""

import json

from sqlalchemy import update
from sqlmodel import Session, col, select

from wave.format import Design
from wave.models import DesignRecord, DesignVersion, User, now


class DesignNotFound(Exception):
    pass


class StaleVersion(Exception):
    def __init__(self, current: int):
        self.current = current
        super().__init__(f"the design is at version {current}")


def dump(design: Design) -> str:
    return json.dumps(design.to_json(), ensure_ascii=False, separators=(",", ":"))


def read(document: str) -> Design:
    # Stored documents were validated on the way in; no catalogue check needed here.
    return Design.model_validate(json.loads(document))


def create_design(
    *, session: Session, design: Design, example_slug: str | None = None, summary: str = "",
    owner_id: int | None = None,
) -> DesignRecord:
    record = DesignRecord(
        owner_id=owner_id,
        title=design.title,
        template=design.template,
        document=dump(design),
        version=1,
        example_slug=example_slug,
    )
    session.add(record)
    session.flush()
    session.add(DesignVersion(design_id=record.id, version=1, document=record.document,
                              summary=summary, author_id=owner_id))
    session.commit()
    session.refresh(record)
    return record


def save_design(
    *, session: Session, design_id: int, design: Design, based_on: int, summary: str = "",
    author_id: int | None = None, document: str | None = None,
) -> int:
    """Store `design` as the next version if the stored one is still `based_on`
    (`document`: the design as `dump` writes it, when the caller has it already)."""
    document = document or dump(design)
    result = session.execute(
        update(DesignRecord)
        .where(col(DesignRecord.id) == design_id, col(DesignRecord.version) == based_on)
        .values(document=document, title=design.title, template=design.template,
                version=based_on + 1, updated_at=now())
    )
    if result.rowcount != 1:
        session.rollback()
        record = session.get(DesignRecord, design_id)
        if record is None:
            raise DesignNotFound(design_id)
        raise StaleVersion(record.version)
    session.add(DesignVersion(design_id=design_id, version=based_on + 1, document=document,
                              summary=summary[:300], author_id=author_id))
    session.commit()
    return based_on + 1


def version_document(*, session: Session, design_id: int, version: int) -> Design | None:
    row = session.exec(
        select(DesignVersion).where(DesignVersion.design_id == design_id,
                                    DesignVersion.version == version)
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
