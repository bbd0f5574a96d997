"""Designs from files of other tools (SPEC §7): a Learning Designer `.ldj`
(`wave.importers.ldj`), the activity table as `.csv` (`wave.importers.csvfile`), and
Wave's own `wave.design/v1` JSON.

    imported = import_file("ontwerp.ldj", raw, catalogue, lang="nl")
    imported.design      # a valid Design, through `wave.format.parse_design`
    imported.unmapped    # what the file holds that the design does not: say it

Every importer builds a `wave.design/v1` document and hands it to `parse_design`, the
one validation every design goes through; a file that cannot be used raises
`DesignInvalid` with `FileProblem`s that name the file's own field (an `.ldj` path,
a spreadsheet cell) and say why (an English message id, `wave.i18n`). Nothing is dropped silently:
what has no place in a design is an `Unmapped` note in `imported.unmapped`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from sqlmodel import Session

from wave.catalogue import Catalogue
from wave.filenames import imported_title
from wave.format import MAX_BYTES, Design, DesignInvalid, Problem, load_document, parse_design
from wave.i18n import N_
from wave.models import DesignRecord
from wave.store import create_design

KINDS = ("json", "ldj", "csv")


@dataclass(frozen=True)
class FileProblem(Problem):
    """A problem in a file of another format; `loc` is where that format has it (an
    `.ldj` field path, a spreadsheet cell), shown as it is. `msg` is an English message
    id marked with `N_`, `values` its placeholders' values, as any `Problem`."""

    def readable(self, lang: str) -> str:
        return self.message(lang)


def problem(loc: str, msg: str, /, **values: object) -> FileProblem:
    """`FileProblem(loc, msg, values)`, the values as keywords."""
    return FileProblem(loc, msg, values)


Unmapped = FileProblem  # what the file holds that has no place in the design, and where


@dataclass
class Imported:
    design: Design
    kind: str
    unmapped: list[Unmapped] = field(default_factory=list)


def refuse(loc: str, msg: str, /, **values: object) -> DesignInvalid:
    return DesignInvalid([problem(loc, msg, **values)])


def kind_of(name: str | None, raw: bytes) -> str:
    """`json`, `ldj` or `csv`, from the file's name; a name without one of those
    endings is looked at: a JSON object with `format` is Wave's, another one an
    `.ldj`; anything else is refused."""
    suffix = PurePath(name or "").suffix.lower().lstrip(".")
    if suffix in KINDS:
        return suffix
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{":
        return "json" if b'"format"' in raw[:2000] else "ldj"
    raise refuse(
        "(file)", N_("unknown kind of file: choose a .json (Wave), .ldj (Learning Designer) or .csv file")
    )


def import_file(name: str | None, raw: bytes, catalogue: Catalogue, *, lang: str) -> Imported:
    """The design in the file `name` (its bytes `raw`), or `DesignInvalid`. `lang`: the
    language of a design the file does not give one (.ldj, .csv)."""
    if len(raw) > MAX_BYTES:
        raise refuse("(file)", N_("the file is larger than 5 MB"))
    kind = kind_of(name, raw)
    if kind == "ldj":
        from wave.importers.ldj import import_ldj

        design, unmapped = import_ldj(raw, catalogue, lang=lang)
    elif kind == "csv":
        from wave.importers.csvfile import import_csv

        design, unmapped = import_csv(raw, catalogue, lang=lang, title=PurePath(name or "").stem)
    else:
        design, unmapped = parse_design(load_document(raw), catalogue), []
    return Imported(design=design, kind=kind, unmapped=unmapped)


def import_and_store(
    *, name: str | None, raw: bytes, session: Session, catalogue: Catalogue, owner_id: int, lang: str
) -> tuple[DesignRecord, Imported]:
    """The file as a new design of `owner_id`, titled so that it is told apart from the
    one it came from; `DesignInvalid` or `QuotaExceeded` with nothing stored."""
    imported = import_file(name, raw, catalogue, lang=lang)
    imported.design.title = imported_title(imported.design.title, lang)
    record = create_design(session=session, design=imported.design, summary="import", owner_id=owner_id)
    return record, imported
