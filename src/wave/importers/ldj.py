"""A Learning Designer design (`.ldj`, the JSON UCL's Learning Designer saves) as a
Wave design, with exactly the mapping of SPEC §7:

- `name` -> the design's title;
- `outcomes[].details` -> its goals;
- each of `activities[]` (a teaching-learning activity) -> a `sequence` phase
  titled by its `title`;
- each of its `slas[]` -> a placed `custom` activity in that phase:
  - `type` -> learning type: `read` acquisition, `investigate` investigation,
    `practice`, `produce` production, `discuss` discussion, `collaborate`
    collaboration;
  - `onlineActivity` -> mode (`true` online, `false` face-to-face);
  - `syncActivity` -> timing (`true` synchronous, `false` asynchronous);
  - `duration` -> minutes;
  - `description` -> the title (its first line; the whole text goes to the notes
    when it is longer), else the type's name;
  - interactions: student–content for read, investigate, practice and produce;
    student–student when `groupSize` > 1; student–teacher when `tutorAvailable`.

Booleans may come as `true`/`false` or as the strings `"true"`/`"false"`, numbers
as numbers or strings of digits. What does not map is an `Unmapped` note: a field
Wave has no place for (once per field name, with how often it occurs), an activity
of a type Wave does not know (left out, with its title), a value that was missing and
assumed. A file of the wrong shape is refused, naming the field.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from wave.catalogue import Catalogue
from wave.format import (
    CUSTOM,
    FORMAT,
    MAX_ACTIVITIES,
    MAX_GOAL,
    MAX_GOALS,
    MAX_MINUTES,
    MAX_NOTES,
    MAX_PHASES,
    MAX_TITLE,
    Design,
    DesignInvalid,
    load_document,
    parse_design,
)
from wave.i18n import N_, Message, translate
from wave.importers import FileProblem, Unmapped, problem

TYPES = {
    "read": "acquisition",
    "investigate": "investigation",
    "practice": "practice",
    "produce": "production",
    "discuss": "discussion",
    "collaborate": "collaboration",
}
TYPE_NAMES = {
    "read": N_("Read, watch, listen"),
    "investigate": N_("Investigate"),
    "practice": N_("Practise"),
    "produce": N_("Produce"),
    "discuss": N_("Discuss"),
    "collaborate": N_("Collaborate"),
}
PHASE_N = N_("Phase %(n)s")
NO_TYPE = N_("(none)")  # an activity without a type, in a note
WITH_CONTENT = {"read", "investigate", "practice", "produce"}
MAPPED = {
    "": {"name", "outcomes", "activities"},
    "outcomes[]": {"details"},
    "activities[]": {"title", "slas"},
    "activities[].slas[]": {
        "type",
        "onlineActivity",
        "syncActivity",
        "duration",
        "description",
        "groupSize",
        "tutorAvailable",
    },
}


class _Problems:
    def __init__(self) -> None:
        self.problems: list[FileProblem] = []

    def add(self, loc: str, msg: str, /, **values: object) -> None:
        self.problems.append(problem(loc, msg, **values))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word where there is one, with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def _boolean(value: Any, loc: str, bad: _Problems) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    bad.add(loc, N_("must be true or false"))
    return None


def _count(value: Any, loc: str, bad: _Problems, *, limit: int) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        bad.add(loc, N_("must be a whole number"))
        return None
    if not 0 <= value <= limit:
        bad.add(loc, N_("must be between 0 and %(limit)s"), limit=limit)
        return None
    return value


def _text(value: Any, loc: str, bad: _Problems) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        bad.add(loc, N_("must be text"))
        return None
    return value


def _objects(value: Any, loc: str, bad: _Problems) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a list (each with its index); a problem for what is not one."""
    if not isinstance(value, list):
        bad.add(loc, N_("must be a list"))
        return []
    found = []
    for i, item in enumerate(value):
        if isinstance(item, dict):
            found.append((i, item))
        else:
            bad.add(f"{loc}[{i}]", N_("must be an object"))
    return found


def import_ldj(raw: bytes, catalogue: Catalogue, *, lang: str) -> tuple[Design, list[Unmapped]]:
    """The design in a Learning Designer file, and what did not map; or `DesignInvalid`."""
    data = load_document(raw, loc="(file)")
    bad = _Problems()
    notes: list[Unmapped] = []
    unknown: Counter[tuple[str, str]] = Counter()
    if not isinstance(data, dict):
        raise DesignInvalid([problem("(file)", N_("must be a JSON object"))])
    unknown.update(("", k) for k in data if k not in MAPPED[""])

    name = data.get("name")
    if not isinstance(name, str) or not _one_line(name):
        bad.add("name", N_("the design's name is missing or not text"))
        name = ""
    title = _short(_one_line(name), MAX_TITLE)

    goals: list[dict[str, str]] = []
    for i, outcome in _objects(data.get("outcomes", []), "outcomes", bad):
        unknown.update(("outcomes[]", k) for k in outcome if k not in MAPPED["outcomes[]"])
        details = _text(outcome.get("details"), f"outcomes[{i}].details", bad)
        if not details or not details.strip():
            notes.append(
                problem(f"outcomes[{i}]", N_("learning outcome without text (details): not imported"))
            )
            continue
        if len(goals) == MAX_GOALS:
            notes.append(
                problem(
                    f"outcomes[{i}]",
                    N_("more than %(limit)s learning outcomes: the rest is not imported"),
                    limit=MAX_GOALS,
                )
            )
            break
        goals.append({"id": f"g{len(goals) + 1}", "text": _short(details.strip(), MAX_GOAL)})

    if "activities" not in data:
        bad.add("activities", N_("this field is required (the teaching-learning activities)"))
    tlas = _objects(data.get("activities", []), "activities", bad)
    if len(tlas) > MAX_PHASES:
        bad.add(
            "activities",
            N_("more than %(limit)s teaching-learning activities (Wave: phases)"),
            limit=MAX_PHASES,
        )
    phases: list[dict[str, Any]] = []
    count = 0
    for ti, tla in tlas:
        at = f"activities[{ti}]"
        unknown.update(("activities[]", k) for k in tla if k not in MAPPED["activities[]"])
        phase_title = _short(_one_line(_text(tla.get("title"), f"{at}.title", bad) or ""), MAX_TITLE)
        if not phase_title:
            number = len(phases) + 1
            phase_title = translate(lang, PHASE_N, n=number)
            notes.append(
                problem(
                    f"{at}.title",
                    N_("teaching-learning activity without a title: the phase is called '%(phase)s'"),
                    phase=Message(PHASE_N, n=number),
                )
            )
        placed: list[dict[str, Any]] = []
        for si, sla in _objects(tla.get("slas", []), f"{at}.slas", bad):
            loc = f"{at}.slas[{si}]"
            unknown.update(("activities[].slas[]", k) for k in sla if k not in MAPPED["activities[].slas[]"])
            activity = _activity(sla, loc, bad, notes, lang, phase_title)
            if activity is not None:
                count += 1
                activity["id"] = f"a{count}"
                placed.append(activity)
        phases.append(
            {"id": f"p{len(phases) + 1}", "title": phase_title, "kind": "sequence", "activities": placed}
        )
    if count > MAX_ACTIVITIES:
        bad.add("activities", N_("more than %(limit)s learning activities"), limit=MAX_ACTIVITIES)
    if bad.problems:
        raise DesignInvalid(bad.problems[:50])

    for (level, key), times in sorted(unknown.items()):
        path = f"{level}.{key}" if level else key
        notes.append(problem(path, N_("Wave has no place for this; not imported (%(times)s×)"), times=times))
    document = {
        "format": FORMAT,
        "title": title,
        "language": lang,
        "template": "linear",
        "goals": goals,
        "phases": phases,
        "links": [],
    }
    return parse_design(document, catalogue), notes


def _activity(
    sla: dict[str, Any], loc: str, bad: _Problems, notes: list[Unmapped], lang: str, phase: str
) -> dict[str, Any] | None:
    """A placed custom activity from a Learning Designer one, or None (with a note)."""
    kind = _text(sla.get("type"), f"{loc}.type", bad)
    description = _text(sla.get("description"), f"{loc}.description", bad) or ""
    named = _short(_one_line(description), 60) or (kind.strip() if kind and kind.strip() else "?")
    if kind is None or kind.strip().lower() not in TYPES:
        known = ", ".join(TYPES)
        notes.append(
            problem(
                f"{loc}.type",
                N_(
                    "'%(name)s' in '%(phase)s': Wave does not know the type %(type)s "
                    "(known: %(known)s); not imported"
                ),
                name=named,
                phase=phase,
                type=Message(NO_TYPE) if kind is None else repr(kind),
                known=known,
            )
        )
        return None
    kind = kind.strip().lower()

    def flag(field: str, default: bool, assumed: str) -> bool:
        if field not in sla or sla[field] is None:
            notes.append(
                problem(
                    f"{loc}.{field}",
                    N_("'%(name)s' in '%(phase)s': %(field)s is missing; assumed: %(assumed)s"),
                    name=named,
                    phase=phase,
                    field=field,
                    assumed=Message(assumed),
                )
            )
            return default
        value = _boolean(sla[field], f"{loc}.{field}", bad)
        return default if value is None else value

    online = flag("onlineActivity", False, N_("face-to-face"))
    sync = flag("syncActivity", not online, N_("synchronous") if not online else N_("asynchronous"))
    minutes = 0
    if sla.get("duration") is None:
        notes.append(
            problem(
                f"{loc}.duration",
                N_("'%(name)s' in '%(phase)s': duration is missing; 0 minutes"),
                name=named,
                phase=phase,
            )
        )
    else:
        minutes = _count(sla["duration"], f"{loc}.duration", bad, limit=MAX_MINUTES) or 0
    group = 1
    if sla.get("groupSize") is not None:
        group = _count(sla["groupSize"], f"{loc}.groupSize", bad, limit=10_000) or 1
    tutor = False
    if sla.get("tutorAvailable") is not None:
        tutor = bool(_boolean(sla["tutorAvailable"], f"{loc}.tutorAvailable", bad))

    interactions = []
    if tutor:
        interactions.append("student-teacher")
    if group > 1:
        interactions.append("student-student")
    if kind in WITH_CONTENT:
        interactions.append("student-content")
    if not interactions:  # discuss or collaborate alone, without a tutor: with fellow students
        interactions.append("student-student")
        notes.append(
            problem(
                f"{loc}.groupSize",
                N_("'%(name)s' in '%(phase)s': no group and no tutor; assumed: student – student"),
                name=named,
                phase=phase,
            )
        )

    lines = description.strip()
    title = _short(_one_line(description), MAX_TITLE) or translate(lang, TYPE_NAMES[kind])
    activity: dict[str, Any] = {
        "activity": CUSTOM,
        "title": title,
        "mode": "online" if online else "offline",
        "timing": "sync" if sync else "async",
        "minutes": minutes,
        "learning_type": TYPES[kind],
        "interactions": interactions,
    }
    if lines and lines != title:  # a long or many-line description: all of it in the notes
        activity["notes"] = _short(lines, MAX_NOTES)
    return activity
