"""The twelve dimensions of the readiness scan (SPEC §13), read from `dimensions.toml`.

Data, like the team table: each dimension's name and a line about it, its three to five
statements (a text for every level, replaced where a level reads differently) and two or
three next steps, all in Dutch and English. Loaded once and validated: the twelve ids of
§13 in their order, statement ids `<dimension>.<n>` unique. A bad file stops start-up with
a `ScanDataError` naming the file and the entry.

    dimensions()                   # the twelve, in order
    dimension("facilities")        # one, or None
    statement_ids()                # every statement id, in order
    d.statements[0].text_at("programme")("en")
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from wave.catalogue import Text

DATA_FILE = Path(__file__).resolve().parent / "dimensions.toml"

# SPEC §13, in this order (the radar goes round in it).
DIMENSION_IDS = (
    "flexibility",
    "interaction",
    "design-process",
    "experience",
    "institutional-support",
    "institutional-strategy",
    "sharing-communities",
    "professional-development",
    "quality-assurance",
    "governance",
    "finances",
    "facilities",
)
LEVELS = ("course", "programme", "institution")
# The four steps of the scale; "don't know" is null (stored as NULL, counted nowhere).
SCALE = (1, 2, 3, 4)


class ScanDataError(Exception):
    """The scan's data file cannot be used; the message names the file and the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Statement(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z-]*\.[1-9][0-9]?$")
    text: Text
    course: Text | None = None
    programme: Text | None = None
    institution: Text | None = None

    def text_at(self, level: str) -> Text:
        """The statement as it reads at `level` (course, programme or institution)."""
        return getattr(self, level, None) or self.text


class Dimension(_Strict):
    id: str
    name: Text
    about: Text
    statements: list[Statement] = Field(alias="statement", min_length=3, max_length=5)
    steps: list[Text] = Field(alias="step", min_length=2, max_length=3)

    @model_validator(mode="after")
    def _ids_carry_the_dimension(self) -> Dimension:
        for s in self.statements:
            if s.id.rsplit(".", 1)[0] != self.id:
                raise ValueError(f"statement {s.id!r} does not start with {self.id!r}.")
        return self


def load_dimensions(path: Path = DATA_FILE) -> list[Dimension]:
    try:
        rows = tomllib.loads(path.read_text(encoding="utf-8")).get("dimension", [])
    except tomllib.TOMLDecodeError as exc:
        raise ScanDataError(f"{path.name}: {exc}") from None
    found: list[Dimension] = []
    for i, row in enumerate(rows):
        try:
            found.append(Dimension.model_validate(row))
        except ValidationError as exc:
            where = row.get("id", i + 1) if isinstance(row, dict) else i + 1
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise ScanDataError(f"{path.name}, dimension {where}: {problems}") from None
    if tuple(d.id for d in found) != DIMENSION_IDS:
        raise ScanDataError(
            f"{path.name}: expected the dimensions {DIMENSION_IDS} in this order, "
            f"found {[d.id for d in found]}"
        )
    seen: set[str] = set()
    for d in found:
        for s in d.statements:
            if s.id in seen:
                raise ScanDataError(f"{path.name}, dimension {d.id}: the statement id {s.id!r} is used twice")
            seen.add(s.id)
    return found


@lru_cache(maxsize=1)
def dimensions() -> list[Dimension]:
    return load_dimensions()


def dimension(dimension_id: str) -> Dimension | None:
    return next((d for d in dimensions() if d.id == dimension_id), None)


@lru_cache(maxsize=1)
def statement_ids() -> tuple[str, ...]:
    return tuple(s.id for d in dimensions() for s in d.statements)


def dimension_of(statement_id: str) -> str:
    """The dimension id a statement id names (`facilities.2` -> `facilities`)."""
    return statement_id.rsplit(".", 1)[0]
