"""Example designs shipped with Wave: worked examples and flawed ones to learn from."""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel
from sqlmodel import Session, select

from wave.catalogue import Text, get_catalogue
from wave.db import get_engine
from wave.format import Design, parse_design
from wave.models import DesignRecord
from wave.store import create_design

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
    """Store each example once, so that anyone can open and copy it."""
    with Session(get_engine()) as session:
        present = set(session.exec(select(DesignRecord.example_slug)).all())
        for info in example_index():
            if info.slug not in present:
                create_design(session=session, design=load_example(info.slug),
                              example_slug=info.slug, summary="example")
