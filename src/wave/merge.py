"""Three-way merge of designs (SPEC §10): a canvas edit made on an older version is
applied to the current design unless it conflicts, and an undo takes back the person's
own step without taking back what others did since.

A design is read as cells, each one value that one edit sets:

- the design's title, budget, language, template and baseline;
- each goal's text, and which goal it follows;
- each phase's title, kind and week, and which phase it follows;
- each placed activity's fields, its phase, and which activity it follows there;
- each link's kind (keyed by its two ends).

`merge(base, mine, current)` finds the cells `mine` changed from `base` and sets them
in `current`. It refuses (`Conflict`) when someone else changed the same cell since
`base` to another value, when a thing `mine` changes or points to no longer exists,
when `mine` removes something that was changed since, or when the result would not
be a valid design. Where a thing sits (which one it follows) never conflicts: it is
put after the same neighbour as in `mine`, or where that neighbour's place was.
New things that `mine` made get fresh ids where someone else used the same id.
"""

from dataclasses import dataclass, field
from typing import Any

from wave.catalogue import Catalogue
from wave.edits import next_id
from wave.format import Design, DesignInvalid, validated

DESIGN_FIELDS = ("title", "study_load_hours", "language", "template", "baseline")
_GONE = object()


@dataclass
class Conflict(Exception):
    """Why a change cannot be merged: what it was about (`thing`: "activity",
    "phase", "goal", "link" or "design"), its id, its title where it has one, and the
    reason ("removed": it no longer exists; "changed": the same field was changed since;
    "edited": it was changed since and this change removes it; "invalid")."""

    thing: str
    id: str
    reason: str
    title: str = ""
    fields: list[str] = field(default_factory=list)


def _cells(doc: dict[str, Any]) -> dict[tuple, Any]:
    out: dict[tuple, Any] = {("design", f): doc.get(f) for f in DESIGN_FIELDS}
    before = None
    for g in doc.get("goals", []):
        out[("goal", g["id"])] = g["text"]
        out[("goal-at", g["id"])] = before
        before = g["id"]
    before = None
    for p in doc.get("phases", []):
        out[("phase", p["id"], "title")] = p["title"]
        out[("phase", p["id"], "kind")] = p.get("kind", "sequence")
        out[("phase", p["id"], "week")] = p.get("week")
        out[("phase-at", p["id"])] = before
        before = p["id"]
        after = None
        for a in p.get("activities", []):
            for name, value in a.items():
                if name != "id":
                    out[("act", a["id"], name)] = value
            out[("act-in", a["id"])] = p["id"]
            out[("act-at", a["id"])] = after
            after = a["id"]
    for k in doc.get("links", []):
        out[("link", k["from"], k["to"])] = k.get("kind", "prepares")
    return out


def _changed(old: dict[tuple, Any], new: dict[tuple, Any]) -> set[tuple]:
    return {c for c in old.keys() | new.keys() if old.get(c, _GONE) != new.get(c, _GONE)}


def _ids(doc: dict[str, Any]) -> dict[str, set[str]]:
    return {
        "goal": {g["id"] for g in doc.get("goals", [])},
        "phase": {p["id"] for p in doc.get("phases", [])},
        "activity": {a["id"] for p in doc.get("phases", []) for a in p.get("activities", [])},
    }


def _renumber(base: dict, mine: dict, current: dict) -> dict:
    """`mine` with its new goals, phases and activities renamed where `current` already
    uses their id for something else (someone else added one since `base`)."""
    old, theirs, own = _ids(base), _ids(current), _ids(mine)
    renames: dict[str, dict[str, str]] = {}
    for thing, prefix in (("goal", "g"), ("phase", "p"), ("activity", "a")):
        taken = theirs[thing] | own[thing]
        renames[thing] = {}
        for new_id in sorted(own[thing] - old[thing]):
            if new_id in theirs[thing]:
                renames[thing][new_id] = fresh = next_id(taken, prefix)
                taken.add(fresh)
    if not any(renames.values()):
        return mine
    goals, phases, acts = renames["goal"], renames["phase"], renames["activity"]
    doc = {**mine}
    doc["goals"] = [{**g, "id": goals.get(g["id"], g["id"])} for g in mine.get("goals", [])]
    doc["phases"] = [
        {
            **p,
            "id": phases.get(p["id"], p["id"]),
            "activities": [
                {
                    **a,
                    "id": acts.get(a["id"], a["id"]),
                    **({"goals": [goals.get(g, g) for g in a["goals"]]} if "goals" in a else {}),
                }
                for a in p.get("activities", [])
            ],
        }
        for p in mine.get("phases", [])
    ]
    doc["links"] = [
        {**k, "from": acts.get(k["from"], k["from"]), "to": acts.get(k["to"], k["to"])}
        for k in mine.get("links", [])
    ]
    return doc


def _title(doc: dict, thing: str, thing_id: str) -> str:
    for p in doc.get("phases", []):
        if thing == "phase" and p["id"] == thing_id:
            return p["title"]
        for a in p.get("activities", []):
            if thing == "activity" and a["id"] == thing_id:
                return a.get("title", a["activity"])
    return ""


def _check(
    base_cells: dict, mine_cells: dict, current_cells: dict, mine_changed: set, theirs_changed: set, docs
) -> None:
    base, mine, current = docs

    def refuse(thing: str, thing_id: str, reason: str, fields: list[str] | None = None) -> None:
        title = (
            _title(current, thing, thing_id) or _title(mine, thing, thing_id) or _title(base, thing, thing_id)
        )
        raise Conflict(thing, thing_id, reason, title, fields or [])

    def exists(cells: dict, thing: str, thing_id: str) -> bool:
        key = {
            "activity": ("act", thing_id, "activity"),
            "phase": ("phase", thing_id, "title"),
            "goal": ("goal", thing_id),
        }[thing]
        return key in cells

    # the same cell changed on both sides, to different values
    same: dict[tuple[str, str], list[str]] = {}
    for c in sorted(mine_changed & theirs_changed, key=repr):
        if c[0] in ("goal-at", "phase-at", "act-at"):
            continue  # where it sits: put after the same neighbour, never a conflict
        if mine_cells.get(c, _GONE) == current_cells.get(c, _GONE):
            continue  # both made the same change
        thing, thing_id, name = _describe(c)
        if thing == "link":
            for end in c[1:]:  # a link goes with its activity: say that it went
                if not exists(current_cells, "activity", end):
                    refuse("activity", end, "removed")
            refuse("activity", c[1], "changed", ["link"])
        if thing in ("activity", "phase", "goal") and not exists(current_cells, thing, thing_id):
            refuse(thing, thing_id, "removed")
        if thing in ("activity", "phase", "goal") and not exists(mine_cells, thing, thing_id):
            refuse(thing, thing_id, "edited", [name])
        same.setdefault((thing, thing_id), []).append(name)
    for (thing, thing_id), names in same.items():
        refuse(thing, thing_id, "changed", names)

    # what mine changes, or points to, must still exist
    moved = _moved(base, mine)
    for c in sorted(mine_changed, key=repr):  # the same answer every time
        if c[0] == "phase-at" and c[1] in moved["phase"] and not exists(current_cells, "phase", c[1]):
            refuse("phase", c[1], "removed")
        if c[0] == "act" or (c[0] == "act-at" and c[1] in moved["activity"]):
            if exists(base_cells, "activity", c[1]) and exists(mine_cells, "activity", c[1]):
                if not exists(current_cells, "activity", c[1]):
                    refuse("activity", c[1], "removed")
        if c[0] == "act" and c[2] == "goals" and c in mine_cells:
            for goal_id in mine_cells[c]:
                if ("goal", goal_id) in base_cells and ("goal", goal_id) not in current_cells:
                    refuse("goal", goal_id, "removed")
        if c[0] == "act-in" and c in mine_cells:
            phase_id = mine_cells[c]
            if exists(base_cells, "phase", phase_id) and not exists(current_cells, "phase", phase_id):
                refuse("phase", phase_id, "removed")
        if c[0] == "phase" and exists(base_cells, "phase", c[1]) and exists(mine_cells, "phase", c[1]):
            if not exists(current_cells, "phase", c[1]):
                refuse("phase", c[1], "removed")
        if c[0] == "goal" and c in base_cells and c in mine_cells and c not in current_cells:
            refuse("goal", c[1], "removed")
        if c[0] == "link" and c in mine_cells:
            for end in c[1:]:
                if exists(base_cells, "activity", end) and not exists(current_cells, "activity", end):
                    refuse("activity", end, "removed")

    # what mine removes must not have been changed (or filled) since
    for c in sorted(mine_changed, key=repr):  # the same answer every time
        if c[0] == "act" and c[2] == "activity" and c not in mine_cells and c in base_cells:
            # an edit, a move to another phase, a link drawn to it: each would go with it
            changed_since = sorted(
                {d[2] for d in theirs_changed if d[0] == "act" and d[1] == c[1]}
                | {"place" for d in theirs_changed if d == ("act-in", c[1])}
                | {"link" for d in theirs_changed if d[0] == "link" and c[1] in d[1:] and d in current_cells}
            )
            if changed_since and exists(current_cells, "activity", c[1]):
                refuse("activity", c[1], "edited", changed_since)
        if c[0] == "goal" and c not in mine_cells and c in base_cells:
            given = [
                d[1]
                for d in theirs_changed
                if d[0] == "act" and d[2] == "goals" and c[1] in current_cells.get(d, [])
            ]
            if given:
                refuse("goal", c[1], "edited", ["activities"])
        if c[0] == "phase" and c[2] == "title" and c not in mine_cells and c in base_cells:
            filled = [
                d[1]
                for d in theirs_changed
                if d[0] == "act-in"
                and current_cells.get(d, _GONE) == c[1]
                and mine_cells.get(d, _GONE) != c[1]
            ]
            if filled:
                refuse("phase", c[1], "edited", ["activities"])


def _lists(doc: dict) -> dict[str, dict[str, list[str]]]:
    """The ordered lists of a design: its goals, its phases, the cards of each phase."""
    return {
        "goal": {"": [g["id"] for g in doc.get("goals", [])]},
        "phase": {"": [p["id"] for p in doc.get("phases", [])]},
        "activity": {p["id"]: [a["id"] for a in p.get("activities", [])] for p in doc.get("phases", [])},
    }


def _moved(base: dict, mine: dict) -> dict[str, set[str]]:
    """What `mine` moved inside its list: both neighbours (among the things both have)
    differ. A thing whose neighbour came, went or moved keeps one of its own, so it is
    not moved; it keeps its place among what others did."""

    def neighbours(lists: dict[str, list[str]], keep: set[str]) -> dict[str, tuple]:
        out = {}
        for where, ids in lists.items():
            ids = [i for i in ids if i in keep]
            for n, i in enumerate(ids):
                out[i] = (where, ids[n - 1] if n else None, ids[n + 1] if n + 1 < len(ids) else None)
        return out

    moved = {}
    for thing, old_lists in _lists(base).items():
        new_lists = _lists(mine)[thing]
        both = {i for ids in old_lists.values() for i in ids} & {i for ids in new_lists.values() for i in ids}
        old, new = neighbours(old_lists, both), neighbours(new_lists, both)
        moved[thing] = {
            i for i in both if old[i][0] == new[i][0] and old[i][1] != new[i][1] and old[i][2] != new[i][2]
        }
    return moved


def _without_goal_cascade(base_cells: dict, cells: dict, changed: set) -> set:
    """`changed` without the activities' goal lists that only lost goals this side
    removed: part of removing the goal, not an edit of the activity."""
    removed = {c[1] for c in changed if c[0] == "goal" and c not in cells}
    return {
        c
        for c in changed
        if not (
            removed
            and c[0] == "act"
            and c[2] == "goals"
            and c in cells
            and c in base_cells
            and cells[c] == [g for g in base_cells[c] if g not in removed]
        )
    }


def _describe(c: tuple) -> tuple[str, str, str]:
    kind = c[0]
    if kind == "design":
        return "design", "", c[1]
    if kind in ("goal", "goal-at"):
        return "goal", c[1], "text"
    if kind in ("phase", "phase-at"):
        return "phase", c[1], c[2] if len(c) > 2 else "place"
    if kind == "link":
        return "link", f"{c[1]}>{c[2]}", "kind"
    return "activity", c[1], c[2] if kind == "act" else "place"


def _place(order: list, item: Any, before: list, *, new_last: bool = False) -> None:
    """Put `item` into `order` right after the nearest of `before` (what precedes it in
    mine, nearest first) that is still there; first when none is. Something new that was
    the last one of its list (`new_last`: a goal or phase added at the end, a card at the
    end of its phase) goes after what others added or moved there meanwhile: it came
    later, and was meant last."""
    if item in order:
        order.remove(item)
    if new_last:
        order.append(item)
        return
    after = next((x for x in before if x in order), None)
    order.insert(0 if after is None else order.index(after) + 1, item)


def _apply(
    current: dict, mine: dict, mine_cells: dict, mine_changed: set, base_cells: dict, moved: dict
) -> dict:
    doc = {k: v for k, v in current.items()}
    for name in DESIGN_FIELDS:
        if ("design", name) in mine_changed:
            value = mine_cells.get(("design", name))
            if value is None:
                doc.pop(name, None)
            else:
                doc[name] = value

    # goals
    goals = {g["id"]: dict(g) for g in current.get("goals", [])}
    goals_before = set(goals)
    goal_order = [g["id"] for g in current.get("goals", [])]
    for i, g in enumerate(mine.get("goals", [])):
        if g["id"] not in goals_before and ("goal", g["id"]) in base_cells:
            continue  # removed since; _check refused what mine changed of it
        if ("goal", g["id"]) in mine_changed:
            goals[g["id"]] = dict(g)
        if g["id"] not in goals_before or g["id"] in moved["goal"]:
            new_last = g["id"] not in goals_before and i == len(mine.get("goals", [])) - 1
            before = [x["id"] for x in reversed(mine.get("goals", [])[:i])]
            _place(goal_order, g["id"], before, new_last=new_last)
    gone_goals = {c[1] for c in mine_changed if c[0] == "goal" and c not in mine_cells}
    doc["goals"] = [goals[g] for g in goal_order if g not in gone_goals]

    # phases, then the activities in them
    phases = {p["id"]: {**p, "activities": list(p.get("activities", []))} for p in current.get("phases", [])}
    phase_order = [p["id"] for p in current.get("phases", [])]
    acts = {a["id"]: a for p in current.get("phases", []) for a in p.get("activities", [])}
    where = {a["id"]: p["id"] for p in current.get("phases", []) for a in p.get("activities", [])}
    for i, p in enumerate(mine.get("phases", [])):
        if p["id"] not in phases and ("phase", p["id"], "title") in base_cells:
            continue  # removed since; _check refused what mine changed of it
        new_phase = p["id"] not in phases
        if new_phase:
            phases[p["id"]] = {**p, "activities": []}
        for name in ("title", "kind"):
            if ("phase", p["id"], name) in mine_changed:
                phases[p["id"]][name] = p.get(name, "sequence")
        if ("phase", p["id"], "week") in mine_changed:
            if p.get("week") is None:
                phases[p["id"]].pop("week", None)
            else:
                phases[p["id"]]["week"] = p["week"]
        if new_phase or p["id"] in moved["phase"]:
            new_last = new_phase and i == len(mine.get("phases", [])) - 1
            before = [x["id"] for x in reversed(mine.get("phases", [])[:i])]
            _place(phase_order, p["id"], before, new_last=new_last)
    gone_phases = {c[1] for c in mine_changed if c[0] == "phase" and c[2] == "title" and c not in mine_cells}
    orders = {pid: [a["id"] for a in phases[pid]["activities"]] for pid in phases}
    gone_acts = {c[1] for c in mine_changed if c[0] == "act" and c[2] == "activity" and c not in mine_cells}
    for p in mine.get("phases", []):
        for i, a in enumerate(p.get("activities", [])):
            aid = a["id"]
            if aid not in where and ("act-in", aid) in base_cells:
                continue  # removed since; _check refused what mine changed of it
            fields = {c[2] for c in mine_changed if c[0] == "act" and c[1] == aid}
            if fields:
                merged = dict(acts.get(aid, a))
                for name in fields:
                    if name in a:
                        merged[name] = a[name]
                    else:
                        merged.pop(name, None)
                acts[aid] = merged
            if gone_goals & set(acts.get(aid, {}).get("goals", [])):
                acts[aid] = {**acts[aid], "goals": [g for g in acts[aid]["goals"] if g not in gone_goals]}
            if aid in where and where[aid] != p["id"] and ("act-in", aid) not in mine_changed:
                continue  # moved to another phase since, and not by mine: it stays there
            if ("act-in", aid) in mine_changed or aid in moved["activity"] or aid not in where:
                new_last = aid not in where and i == len(p.get("activities", [])) - 1
                if aid in where:
                    orders[where[aid]].remove(aid)
                where[aid] = p["id"]
                before = [x["id"] for x in reversed(p.get("activities", [])[:i])]
                _place(orders[p["id"]], aid, before, new_last=new_last)
    doc["phases"] = [
        {**phases[pid], "activities": [acts[aid] for aid in orders[pid] if aid not in gone_acts]}
        for pid in phase_order
        if pid not in gone_phases
    ]

    # links, by their two ends
    links = {(k["from"], k["to"]): dict(k) for k in current.get("links", [])}
    link_order = list(links)
    mine_links = [(k["from"], k["to"]) for k in mine.get("links", [])]
    for i, (f, t) in enumerate(mine_links):
        if ("link", f, t) in mine_changed:
            links[(f, t)] = {"from": f, "to": t, "kind": mine_cells[("link", f, t)]}
            if (f, t) not in link_order:
                _place(link_order, (f, t), mine_links[:i][::-1], new_last=i == len(mine_links) - 1)
    for c in sorted(mine_changed, key=repr):  # the same answer every time
        if c[0] == "link" and c not in mine_cells:
            links.pop((c[1], c[2]), None)
    present = {a for pid in orders if pid not in gone_phases for a in orders[pid] if a not in gone_acts}
    doc["links"] = [links[ft] for ft in link_order if ft in links and ft[0] in present and ft[1] in present]
    return doc


def merge(base: Design, mine: Design, current: Design, catalogue: Catalogue) -> Design:
    """`current` with the cells `mine` changed from `base`; `Conflict` when it cannot."""
    base_doc, current_doc = base.to_json(), current.to_json()
    mine_doc = _renumber(base_doc, mine.to_json(), current_doc)
    base_cells, mine_cells, current_cells = _cells(base_doc), _cells(mine_doc), _cells(current_doc)
    mine_changed = _changed(base_cells, mine_cells)
    if not mine_changed:
        return current
    theirs_changed = _without_goal_cascade(base_cells, current_cells, _changed(base_cells, current_cells))
    mine_changed = _without_goal_cascade(base_cells, mine_cells, mine_changed)
    _check(
        base_cells,
        mine_cells,
        current_cells,
        mine_changed,
        theirs_changed,
        (base_doc, mine_doc, current_doc),
    )
    result = _apply(current_doc, mine_doc, mine_cells, mine_changed, base_cells, _moved(base_doc, mine_doc))
    try:
        return validated(Design.model_validate(result), catalogue)
    except (DesignInvalid, ValueError) as invalid:
        raise Conflict("design", "", "invalid") from invalid
