"""Example designs shipped with Wave: worked examples and flawed ones to learn from."""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel
from sqlmodel import Session, col, select

from wave.catalogue import Text, get_catalogue
from wave.db import get_engine
from wave.format import Design, parse_design
from wave.models import DesignRecord
from wave.store import StaleVersion, create_design, read, save_design

EXAMPLES_DIR = Path(__file__).resolve().parent


class ExampleInfo(BaseModel):
    slug: str
    kind: str
    title: Text
    summary: Text
    expected_rules: list[str] = []


@lru_cache(maxsize=1)
def example_index() -> list[ExampleInfo]:
    data = json.loads((EXAMPLES_DIR / "index.json").read_text(encoding="utf-8"))
    return [ExampleInfo.model_validate(entry) for entry in data]


def load_example(slug: str) -> Design:
    data = json.loads((EXAMPLES_DIR / f"{slug}.json").read_text(encoding="utf-8"))
    return parse_design(data, get_catalogue())


def seed_examples() -> None:
    """Store each example once, so that anyone can open and copy it. An example whose
    shipped file has changed since it was stored gets the new file as its next version
    (examples are read-only, so nobody's work is overwritten)."""
    with Session(get_engine()) as session:
        stored = {r.example_slug: r for r in session.exec(
            select(DesignRecord).where(col(DesignRecord.example_slug).is_not(None))).all()}
        for info in example_index():
            design = load_example(info.slug)
            record = stored.get(info.slug)
            if record is None:
                create_design(session=session, design=design, example_slug=info.slug,
                              summary="example")
            elif read(record.document) != design:
                try:
                    save_design(session=session, design_id=record.id, design=design,
                                based_on=record.version, summary="example updated")
                except StaleVersion:  # another process updated it at the same moment
                    continue
