"""Example designs shipped with Wave: worked examples and flawed ones to learn from.

Only the data, the index and each design; `wave.seeding` stores them."""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from wave.catalogue import Text, get_catalogue
from wave.format import Design, parse_design
from wave.programme_format import Programme, parse_programme

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


# --- worked example programmes (SPEC §12) ---------------------------------------------
# Each is a folder under `programmes/`: its `programme.json` (courses named by file, as
# `wave check PROGRAMME.json --designs DIR` reads them), the courses' designs, and an
# `index.json` that says what it shows.

PROGRAMMES_DIR = EXAMPLES_DIR / "programmes"


class ProgrammeExampleInfo(BaseModel):
    slug: str
    title: Text
    summary: Text
    expected_rules: list[str] = []
    courses: dict[str, dict[str, Text]] = {}


@lru_cache(maxsize=1)
def programme_examples() -> list[ProgrammeExampleInfo]:
    found = sorted(PROGRAMMES_DIR.glob("*/index.json"))
    return [ProgrammeExampleInfo.model_validate_json(path.read_text(encoding="utf-8")) for path in found]


def load_programme_example(slug: str) -> tuple[Programme, dict[str, Design]]:
    """The programme and its courses' designs, by file name."""
    folder = PROGRAMMES_DIR / slug
    programme = parse_programme(json.loads((folder / "programme.json").read_text(encoding="utf-8")))
    designs = {
        str(c.design): parse_design(
            json.loads((folder / f"{c.design}.json").read_text(encoding="utf-8")), get_catalogue()
        )
        for c in programme.courses
    }
    return programme, designs
