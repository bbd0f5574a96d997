"""Reading and writing designs. Every write names the version it was based on.

A write is a compare-and-swap on `design.version` (one UPDATE … WHERE version = ?),
so two editors can never both win: the loser gets `StaleVersion` (HTTP 409).

Every write validates the whole document first (`format.validated`: the same
validation as an import or the API), so nothing that the format refuses is stored,
whichever way it came in; it raises `DesignInvalid` and stores nothing.
"""

import json

from pydantic import ValidationError
from sqlalchemy import update
from sqlmodel import Session, col, select

from wave.catalogue import get_catalogue
from wave.format import Design, Problem, shape_problems, validated
from wave.models import DesignRecord, DesignVersion, User, now


class DesignNotFound(Exception):
    pass


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
    return json.dumps(design.to_json(), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


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
    *, session: Session, design: Design, example_slug: str | None = None, summary: str = "",
    owner_id: int | None = None,
) -> DesignRecord:
    design, document = checked_dump(design)
    record = DesignRecord(
        owner_id=owner_id,
        title=design.title,
        template=design.template,
        document=document,
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
    author_id: int | None = None,
) -> int:
    """Store `design` as the next version if the stored one is still `based_on`."""
    design, document = checked_dump(design)
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
