"""Combining the members' answers of a readiness scan (SPEC §13). Pure: answers in,
scores out; no database, no request.

    scores = combine({7: {"flexibility.1": 3, "flexibility.2": None}, 9: {...}})
    report = ScanReport.of(answers, previous=earlier_answers)     # or previous=None
    report.to_json()       # {"respondents", "dimensions": [...], "previous"}
    weakest(scores)        # the three lowest scored dimensions, for the next steps

Per dimension, over every member's answers on its statements:

- `score`: the mean of the answers that are not "don't know" (null), rounded to two
  decimals; null when there are none;
- `answers`: how many such answers there are (a "don't know" is not one);
- `spread`: the highest answer minus the lowest; null when there are none.

`respondents` counts the members who gave at least one answer, "don't know" included.
A statement nobody answered is simply missing: it counts like "don't know".

`previous` is null without an earlier scan; with one, it holds every dimension's change
in score (this scan's mean minus the earlier one's, rounded to two decimals), and null
for a dimension where either scan has no score, so that all twelve keys are there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from wave.scans.dimensions import DIMENSION_IDS, SCALE, dimension_of, statement_ids

# one member's answers: statement id -> 1..4, or None for "don't know"
Answers = Mapping[str, int | None]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass(frozen=True)
class DimensionScore:
    id: str
    mean: float | None  # unrounded; `score` is what is shown
    answers: int
    low: int | None
    high: int | None
    dont_know: int = 0
    counts: tuple[int, ...] = field(default=(0, 0, 0, 0))  # how many 1s, 2s, 3s and 4s

    @property
    def score(self) -> float | None:
        return _rounded(self.mean)

    @property
    def spread(self) -> int | None:
        return None if self.low is None or self.high is None else self.high - self.low

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "score": self.score, "answers": self.answers, "spread": self.spread}


def combine(
    answers: Mapping[object, Answers],
    *,
    dimension_ids: Iterable[str] = DIMENSION_IDS,
    known: Iterable[str] | None = None,
) -> list[DimensionScore]:
    """Every dimension's score over all members' answers (`answers`: member -> their
    answers). Statements not in `known` (default: the scan's data) are left out, so an
    answer to a statement that has since been retired counts nowhere."""
    known_ids = set(statement_ids() if known is None else known)
    values: dict[str, list[int]] = {d: [] for d in dimension_ids}
    dont_know: dict[str, int] = dict.fromkeys(values, 0)
    for member_answers in answers.values():
        for statement, value in member_answers.items():
            dim = dimension_of(statement)
            if statement not in known_ids or dim not in values:
                continue
            if value is None:
                dont_know[dim] += 1
            elif value in SCALE:
                values[dim].append(value)
    out = []
    for dim, given in values.items():
        out.append(
            DimensionScore(
                id=dim,
                mean=sum(given) / len(given) if given else None,
                answers=len(given),
                low=min(given) if given else None,
                high=max(given) if given else None,
                dont_know=dont_know[dim],
                counts=tuple(given.count(step) for step in SCALE),
            )
        )
    return out


def respondents(answers: Mapping[object, Answers]) -> int:
    """The members who answered anything ("don't know" included)."""
    return sum(1 for member_answers in answers.values() if member_answers)


def compare(current: list[DimensionScore], previous: list[DimensionScore]) -> dict[str, float | None]:
    """Each dimension's change in score since `previous`; null where either has none."""
    before = {d.id: d.mean for d in previous}
    changes: dict[str, float | None] = {}
    for d in current:
        then = before.get(d.id)
        changes[d.id] = None if d.mean is None or then is None else round(d.mean - then, 2)
    return changes


def weakest(scores: list[DimensionScore], n: int = 3) -> list[DimensionScore]:
    """The `n` dimensions with the lowest score (ties in the order of the dimensions);
    dimensions without a score, or embedded already (4), are not among them."""
    scored = [(d.mean, i, d) for i, d in enumerate(scores) if d.mean is not None and d.mean < max(SCALE)]
    return [d for _, _, d in sorted(scored, key=lambda t: (t[0], t[1]))[:n]]


@dataclass(frozen=True)
class ScanReport:
    respondents: int
    dimensions: list[DimensionScore]
    previous: dict[str, float | None] | None = None
    before: list[DimensionScore] | None = None  # the earlier scan's scores (for the radar)

    @classmethod
    def of(
        cls,
        answers: Mapping[object, Answers],
        *,
        previous: Mapping[object, Answers] | None = None,
        known: Iterable[str] | None = None,
    ) -> ScanReport:
        """The report of a scan from its members' answers; `previous`: the answers of the
        scan it follows (None: it follows none)."""
        known = list(statement_ids() if known is None else known)
        scores = combine(answers, known=known)
        if previous is None:
            return cls(respondents=respondents(answers), dimensions=scores)
        before = combine(previous, known=known)
        return cls(
            respondents=respondents(answers),
            dimensions=scores,
            previous=compare(scores, before),
            before=before,
        )

    def to_json(self) -> dict[str, object]:
        """The report as `GET /api/scans/{id}/report` gives it (SPEC §13)."""
        return {
            "respondents": self.respondents,
            "dimensions": [d.to_json() for d in self.dimensions],
            "previous": self.previous,
        }

    def weakest(self, n: int = 3) -> list[DimensionScore]:
        return weakest(self.dimensions, n)
