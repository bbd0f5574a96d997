"""Storing the worked examples (`wave.examples`, which only provides them) in the
database, at start-up unless `WAVE_SEED_EXAMPLES=false`."""

from sqlmodel import Session, col, select

from wave.db import get_engine
from wave.examples import example_index, load_example, load_programme_example, programme_examples
from wave.format import Design
from wave.models import DesignRecord, ProgrammeRecord
from wave.programme_format import Course
from wave.programmes import create_programme, read_programme, save_programme
from wave.store import StaleVersion, create_design, read, save_design


def seed_examples() -> None:
    """Store each example once, so that anyone can open and copy it. An example whose
    shipped file has changed since it was stored gets the new file as its next version
    (examples are read-only, so nobody's work is overwritten). The example programmes'
    courses are example designs too (not listed on the dashboard: they are opened from
    their programme)."""
    with Session(get_engine()) as session:
        stored = {
            r.example_slug: r
            for r in session.exec(
                select(DesignRecord).where(col(DesignRecord.example_slug).is_not(None))
            ).all()
        }
        for info in example_index():
            _seed_design(session, stored.get(info.slug), info.slug, load_example(info.slug))
        for info in programme_examples():
            programme, designs = load_programme_example(info.slug)
            ids = {
                name: _seed_design(session, stored.get(name), name, design).id
                for name, design in designs.items()
            }
            placed = programme.model_copy(
                update={
                    "courses": [
                        Course(design=ids[str(c.design)], start_week=c.start_week) for c in programme.courses
                    ]
                }
            )
            record = session.exec(
                select(ProgrammeRecord).where(ProgrammeRecord.example_slug == info.slug)
            ).first()
            if record is None:
                create_programme(
                    session=session,
                    programme=placed,
                    owner_id=None,
                    example_slug=info.slug,
                    summary="example",
                )
            elif read_programme(record) != placed:
                try:
                    save_programme(
                        session=session,
                        programme_id=record.id,
                        programme=placed,
                        based_on=record.version,
                        author_id=None,
                        summary="example updated",
                    )
                except StaleVersion:
                    continue


def _seed_design(session: Session, record: DesignRecord | None, slug: str, design: Design) -> DesignRecord:
    if record is None:
        return create_design(session=session, design=design, example_slug=slug, summary="example")
    if read(record.document) != design:
        try:
            save_design(
                session=session,
                design_id=record.id,
                design=design,
                based_on=record.version,
                summary="example updated",
            )
        except StaleVersion:  # another process updated it at the same moment
            pass
    return record
