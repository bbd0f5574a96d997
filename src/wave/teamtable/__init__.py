"""The team table (SPEC §9): the toolkit's ten tips, the conversation cards about
misconceptions, and the words of blended learning, in Dutch and English.

The texts are data (`tips.toml`, `cards.toml`, `glossary.toml` beside this module),
loaded once and validated: every tip 1–10, every card id of §9, a team question on
the tips no rule can judge, three or four statements per card, known glossary
groups. A bad file stops start-up with a `TeamTableError` naming file and entry.

    tips()                    # the ten tips, in order
    card("video")             # one card, or None
    rules_for_tip(3)          # the rule modules that check a tip
    rules_for_card("video")   # ... and those that detect a misconception
    link_terms(lang)          # a function: text -> Markup, first use of a word linked

The rules say which tip or misconception they come from (`TIP`, `MISCONCEPTION`
in each rule module); the lists here are read from the engine's registry, so a new
rule appears on its tip and its card without an edit here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wave.catalogue import Text

DATA_DIR = Path(__file__).resolve().parent
TIP_NUMBERS = tuple(range(1, 11))
# The tips no rule can judge from a design (SPEC §9): each carries a question for the team.
QUESTION_TIPS = (2, 6, 9, 10)
# The conversation cards, in the order of SPEC §9.
CARD_IDS = (
    "budget-cut",
    "emergency-remote",
    "online-tool",
    "something-new-on-top",
    "hybrid-learning",
    "video",
    "already-good",
    "schooling",
    "less-interaction",
)


class TeamTableError(Exception):
    """A team-table file that cannot be used; the message names the file and the entry."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Tip(_Strict):
    number: int = Field(ge=1, le=10)
    title: Text
    text: Text
    question: Text | None = None

    @property
    def anchor(self) -> str:
        return f"tip-{self.number}"


class Card(_Strict):
    id: str
    title: Text
    statement: Text
    why: Text
    discuss: list[Text] = Field(min_length=3, max_length=4)


class Group(_Strict):
    id: str
    name: Text


class Forms(_Strict):
    nl: list[str] = []
    en: list[str] = []


class Part(_Strict):
    id: str
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Term(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z-]*$")
    group: str
    term: Text
    text: Text
    forms: Forms = Forms()
    parts: list[Part] = []


@dataclass(frozen=True)
class Glossary:
    groups: list[Group]
    terms: list[Term]

    def in_group(self, group_id: str) -> list[Term]:
        return [t for t in self.terms if t.group == group_id]

    def ids(self) -> set[str]:
        return {t.id for t in self.terms} | {p.id for t in self.terms for p in t.parts}


def _load(name: str, key: str, model: type[BaseModel], directory: Path) -> list:
    path = directory / name
    try:
        rows = tomllib.loads(path.read_text(encoding="utf-8")).get(key, [])
    except tomllib.TOMLDecodeError as exc:
        raise TeamTableError(f"{path.name}: {exc}") from None
    out = []
    for i, row in enumerate(rows):
        try:
            out.append(model.model_validate(row))
        except ValidationError as exc:
            where = row.get("id", row.get("number", i + 1)) if isinstance(row, dict) else i + 1
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise TeamTableError(f"{path.name}, {key} {where}: {problems}") from None
    return out


def load_tips(directory: Path = DATA_DIR) -> list[Tip]:
    found = _load("tips.toml", "tip", Tip, directory)
    if [t.number for t in found] != list(TIP_NUMBERS):
        raise TeamTableError(f"tips.toml: expected tips 1–10 in order, found {[t.number for t in found]}")
    for t in found:
        if (t.question is not None) != (t.number in QUESTION_TIPS):
            raise TeamTableError(f"tips.toml, tip {t.number}: a team question only on tips {QUESTION_TIPS}")
    return found


@lru_cache(maxsize=1)
def tips() -> list[Tip]:
    return load_tips()


def tip(number: int) -> Tip | None:
    return next((t for t in tips() if t.number == number), None)


def load_cards(directory: Path = DATA_DIR) -> list[Card]:
    found = _load("cards.toml", "card", Card, directory)
    if tuple(c.id for c in found) != CARD_IDS:
        raise TeamTableError(f"cards.toml: expected the cards {CARD_IDS}, found {[c.id for c in found]}")
    return found


@lru_cache(maxsize=1)
def cards() -> list[Card]:
    return load_cards()


def card(card_id: str) -> Card | None:
    return next((c for c in cards() if c.id == card_id), None)


def load_glossary(directory: Path = DATA_DIR) -> Glossary:
    groups = _load("glossary.toml", "group", Group, directory)
    terms = _load("glossary.toml", "term", Term, directory)
    known = {g.id for g in groups}
    seen: set[str] = set()
    for t in terms:
        if t.group not in known:
            raise TeamTableError(
                f"glossary.toml, term {t.id}: unknown group {t.group!r}; known: {sorted(known)}"
            )
        for anchor in (t.id, *(p.id for p in t.parts)):
            if anchor in seen:
                raise TeamTableError(f"glossary.toml, term {t.id}: the anchor {anchor!r} is used twice")
            seen.add(anchor)
    return Glossary(groups=groups, terms=terms)


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return load_glossary()


def check_all() -> None:
    """Load and validate every file (at start-up, like the catalogue)."""
    tips(), cards(), glossary()


# --- the rules behind a tip or a card ----------------------------------------------------


def _rules() -> list[ModuleType]:
    from wave.engine import RULES  # the engine knows nothing of the team table

    return list(RULES.values())


def rules_for_tip(number: int) -> list[ModuleType]:
    return [r for r in _rules() if r.TIP == number]


def rules_for_card(card_id: str) -> list[ModuleType]:
    return [r for r in _rules() if r.MISCONCEPTION == card_id]


# --- words in running text link to the glossary -------------------------------------------


@lru_cache(maxsize=2)
def _term_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every written form of every word (longest first, so "blended
    leren" wins over "blend"), and which term each form stands for."""
    owner: dict[str, str] = {}
    for t in glossary().terms:
        for form in getattr(t.forms, lang):
            owner.setdefault(form.casefold(), t.id)
    forms = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I)
    return pattern, owner


def link_terms(lang: str) -> Callable[[str], Markup]:
    """A function that escapes a text and links the words of the glossary in it, each
    word once for all the texts it is given (one function per page)."""
    pattern, owner = _term_pattern(lang)
    linked: set[str] = set()

    def link(text: str) -> Markup:
        out: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            term_id = owner[match.group(1).casefold()]
            if term_id in linked:
                continue
            linked.add(term_id)
            out.append(escape(text[last : match.start()]))
            out.append(Markup('<a class="term" href="/glossary#{}">{}</a>').format(term_id, match.group(1)))
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    return link
