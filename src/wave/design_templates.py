"""Design templates: the phase structures a new design starts from (`templates/*.toml`)."""

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wave import PROJECT_DIR
from wave.catalogue import CatalogueError, Text
from wave.format import FORMAT, ID_PATTERN, Design, Phase
from wave.vocabulary import PhaseKind

TEMPLATES_DIR = PROJECT_DIR / "templates"
BUILT_IN = ("linear", "non-linear", "hybrid")


class TemplatePhase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=ID_PATTERN)
    title: Text
    kind: PhaseKind


class DesignTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    slug: str
    name: Text
    description: Text
    phases: list[TemplatePhase] = Field(min_length=1)

    def new_design(self, *, title: str, language: str) -> Design:
        return Design(
            format=FORMAT,
            title=title,
            language=language,
            template=self.slug,
            phases=[Phase(id=p.id, title=p.title(language), kind=p.kind) for p in self.phases],
        )


def load_template(path: Path) -> DesignTemplate:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return DesignTemplate.model_validate({"slug": path.stem, **data})
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise CatalogueError(f"{path}: {exc}") from None


@lru_cache(maxsize=1)
def get_templates() -> dict[str, DesignTemplate]:
    found = {p.stem: load_template(p) for p in sorted(TEMPLATES_DIR.glob("*.toml"))}
    missing = [slug for slug in BUILT_IN if slug not in found]
    if missing:
        raise CatalogueError(f"{TEMPLATES_DIR}: missing template(s) {missing}")
    return {slug: found[slug] for slug in BUILT_IN} | found
