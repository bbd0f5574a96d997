"""Storing the worked examples (`wave.examples`, which only provides them) in the
database, at start-up unless `WAVE_SEED_EXAMPLES=false`."""

from sqlmodel import Session, col, select

from wave.db import get_engine
from wave.examples import example_index, load_example
from wave.models import DesignRecord
from wave.store import StaleVersion, create_design, read, save_design


def seed_examples() -> None:
    """Store each example once, so that anyone can open and copy it. An example whose
    shipped file has changed since it was stored gets the new file as its next version
    (examples are read-only, so nobody's work is overwritten)."""
    with Session(get_engine()) as session:
        stored = {
            r.example_slug: r
            for r in session.exec(
                select(DesignRecord).where(col(DesignRecord.example_slug).is_not(None))
            ).all()
        }
        for info in example_index():
            design = load_example(info.slug)
            record = stored.get(info.slug)
            if record is None:
                create_design(session=session, design=design, example_slug=info.slug, summary="example")
            elif read(record.document) != design:
                try:
                    save_design(
                        session=session,
                        design_id=record.id,
                        design=design,
                        based_on=record.version,
                        summary="example updated",
                    )
                except StaleVersion:  # another process updated it at the same moment
                    continue
