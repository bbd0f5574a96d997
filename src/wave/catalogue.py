"""The catalogue of learning activities: one TOML file per activity in `activities/`.

Loaded once and validated with pydantic; a bad file is a `CatalogueError` naming
the file and the field, so start-up stops with a message a person can act on.
"""

import tomllib
from functools import lru_cache
from pathlib import Path

import lucide
from lucide.jinja import lucide as render_icon
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from wave import PROJECT_DIR
from wave.vocabulary import (
    TEACHER_SKILLS,
    Assessment,
    Grouping,
    Interaction,
    LearningType,
    Mode,
    Timing,
)

ACTIVITIES_DIR = PROJECT_DIR / "activities"


class CatalogueError(Exception):
    """A catalogue file that cannot be used; the message names file and field."""


class Text(BaseModel):
    """A text in both languages; neither may be empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class ModeTips(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    online: Text | None = None
    offline: Text | None = None


class ModeSkills(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    online: list[str] = []
    offline: list[str] = []

    @field_validator("online", "offline")
    @classmethod
    def known_skills(cls, skills: list[str]) -> list[str]:
        unknown = [s for s in skills if s not in TEACHER_SKILLS]
        if unknown:
            raise ValueError(f"unknown teacher skill(s) {unknown}; known: {sorted(TEACHER_SKILLS)}")
        return skills


class Activity(BaseModel):
    """One learning activity of the catalogue (SPEC §1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: Text
    description: Text
    icon: str
    learning_type: LearningType
    assessment: Assessment = "none"
    modes: list[Mode] = Field(min_length=1)
    timings: list[Timing] = Field(min_length=1)
    interactions: list[Interaction] = Field(min_length=1)
    grouping: Grouping
    minutes: int = Field(ge=0)
    tips: ModeTips
    teacher_skills: ModeSkills = ModeSkills()

    @field_validator("icon")
    @classmethod
    def icon_exists(cls, icon: str) -> str:
        try:
            render_icon(icon)
        except lucide.IconDoesNotExist:
            raise ValueError(f"no Lucide icon named {icon!r}") from None
        return icon

    @model_validator(mode="after")
    def tip_per_mode(self) -> "Activity":
        for mode in self.modes:
            if getattr(self.tips, mode) is None:
                raise ValueError(f"tips.{mode} is missing: every mode the activity can take needs a tip")
        return self

    def tip(self, mode: str) -> Text | None:
        return getattr(self.tips, mode, None)

    def skills(self, mode: str) -> list[str]:
        return getattr(self.teacher_skills, mode, [])


class Catalogue:
    """The activities by id, in a stable order (by Dutch name)."""

    def __init__(self, activities: list[Activity]):
        self.activities = sorted(activities, key=lambda a: a.name.nl.lower())
        self.by_id = {a.id: a for a in self.activities}

    def __contains__(self, activity_id: str) -> bool:
        return activity_id in self.by_id

    def __getitem__(self, activity_id: str) -> Activity:
        return self.by_id[activity_id]

    def get(self, activity_id: str) -> Activity | None:
        return self.by_id.get(activity_id)

    def __len__(self) -> int:
        return len(self.activities)


def _describe(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        field = ".".join(str(p) for p in e["loc"]) or "(file)"
        parts.append(f"field {field}: {e['msg']}")
    return "; ".join(parts)


def load_activity(path: Path) -> Activity:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{path}: not valid TOML: {exc}") from None
    if "id" in data and data["id"] != path.stem:
        raise CatalogueError(f"{path}: field id: {data['id']!r} differs from the file name")
    data["id"] = path.stem
    try:
        return Activity.model_validate(data)
    except ValidationError as exc:
        raise CatalogueError(f"{path}: {_describe(exc)}") from None


def load_catalogue(directory: Path = ACTIVITIES_DIR) -> Catalogue:
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise CatalogueError(f"{directory}: no activity files (*.toml)")
    return Catalogue([load_activity(f) for f in files])


@lru_cache(maxsize=1)
def get_catalogue() -> Catalogue:
    return load_catalogue()
