"""Example designs shipped with Wave: worked examples and flawed ones to learn from.

Only the data, the index and each design; `wave.seeding` stores them."""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from wave.catalogue import Text, get_catalogue
from wave.format import Design, parse_design

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
