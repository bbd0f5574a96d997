"""The rebase of a canvas edit (SPEC §10, issue 15), as a table: every operation of
`wave.edits` made on an older version (MINE) against every kind of change someone else
saved since (THEIRS). Pure: designs in, a merged design or a `Conflict` out.

A merged row must hold four properties: the result validates; my change is in it; their
change is in it; nothing else changed. The last three are one check on the design read
as facts (each field of each thing, which phase a card is in, the order of every two
things in the same list): a fact I changed has my value, every other fact has the value
it has now.
"""

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from wave import edits
from wave.catalogue import get_catalogue
from wave.format import Design, parse_design, validated
from wave.merge import Conflict, merge

CATALOGUE = get_catalogue()

BASE_DOC: dict[str, Any] = {
    "format": "wave.design/v1",
    "title": "Marketingcommunicatie – module 1",
    "language": "nl",
    "template": "hybrid",
    "study_load_hours": 84,
    "goals": [
        {"id": "g1", "text": "De student past het 4P-model toe op een casus"},
        {"id": "g2", "text": "De student presenteert een marketingplan"},
    ],
    "phases": [
        {
            "id": "p1",
            "title": "Voorbereiding",
            "activities": [
                {"id": "a1", "activity": "kennisclip", "mode": "online", "goals": ["g1"], "topics": ["4P"]},
                {"id": "a2", "activity": "lezen", "mode": "offline"},
                {"id": "a3", "activity": "forum", "mode": "online"},
            ],
        },
        {
            "id": "p2",
            "title": "Bijeenkomst",
            "activities": [
                {"id": "a4", "activity": "hoorcollege", "mode": "offline", "goals": ["g1", "g2"]},
                {"id": "a5", "activity": "werkcollege", "mode": "offline", "goals": ["g2"], "minutes": 90},
                {"id": "a6", "activity": "webinar", "mode": "online"},
            ],
        },
        {
            "id": "p3",
            "title": "Verwerking",
            "kind": "choice",
            "activities": [
                {"id": "a7", "activity": "schrijfopdracht", "mode": "online"},
                {"id": "a8", "activity": "poster", "mode": "offline", "source": "own"},
            ],
        },
    ],
    "links": [
        {"from": "a1", "to": "a4", "kind": "prepares"},
        {"from": "a2", "to": "a5", "kind": "prepares"},
        {"from": "a5", "to": "a8", "kind": "feedback"},
    ],
    "baseline": {
        "title": "Marketingcommunicatie (oud)",
        "phases": [
            {
                "id": "p1",
                "title": "Colleges",
                "activities": [{"id": "a4", "activity": "hoorcollege", "mode": "offline"}],
            }
        ],
    },
}

Edit = Callable[[Design], object]


def base() -> Design:
    return parse_design(copy.deepcopy(BASE_DOC), CATALOGUE)


def made(*steps: Edit, stored: bool = True) -> Design:
    """The base design with the edits made on it: as stored (validated, like `current`)
    or as the canvas hands it to the merge (`mine`: the edited copy itself)."""
    design = base()
    for step in steps:
        step(design)
    return validated(design, CATALOGUE) if stored else design


def doc(design: Design) -> str:
    return json.dumps(design.to_json(), ensure_ascii=False)


# --- the edits, as used below --------------------------------------------------------


def add(activity: str, phase: str, mode: str, index: int = 10_000) -> Edit:
    return lambda d: edits.add_activity(
        d, CATALOGUE, activity=activity, phase_id=phase, mode=mode, index=index
    )


def move(card: str, phase: str, mode: str, index: int = 0) -> Edit:
    return lambda d: edits.move_activity(d, CATALOGUE, placed_id=card, phase_id=phase, mode=mode, index=index)


def nudge(card: str, direction: str) -> Edit:
    return lambda d: edits.nudge_activity(d, CATALOGUE, placed_id=card, direction=direction)


def update(card: str, **fields: Any) -> Edit:
    return lambda d: edits.update_activity(d, CATALOGUE, placed_id=card, fields=fields)


def toggle(card: str, goal: str) -> Edit:
    return lambda d: edits.toggle_goal(d, placed_id=card, goal_id=goal)


def link(a: str, b: str, kind: str = "") -> Edit:
    return lambda d: edits.add_link(d, from_id=a, to_id=b, kind=kind)


def relink(a: str, b: str, kind: str = "", reverse: bool = False) -> Edit:
    return lambda d: edits.update_link(d, from_id=a, to_id=b, kind=kind, reverse=reverse)


def unlink(a: str, b: str) -> Edit:
    return lambda d: edits.remove_link(d, from_id=a, to_id=b)


def rename_phase(phase: str, title: str, kind: str = "") -> Edit:
    def step(d: Design) -> None:
        p = d.phase(phase)
        assert p is not None
        edits.update_phase(d, phase_id=phase, title=title, kind=kind or p.kind)

    return step


def set_week(phase: str, week: str) -> Edit:
    """The phase menu's week field (the name and kind as they are)."""

    def step(d: Design) -> None:
        p = d.phase(phase)
        assert p is not None
        edits.update_phase(d, phase_id=phase, title=p.title, kind=p.kind, week=week)

    return step


def meta(title: str, hours: str) -> Edit:
    return lambda d: edits.update_meta(d, title=title, study_load_hours=hours, language="nl")


# --- reading the result --------------------------------------------------------------


def card(result: dict, card_id: str) -> tuple[str, dict] | None:
    for p in result["phases"]:
        for a in p["activities"]:
            if a["id"] == card_id:
                return p["id"], a
    return None


def phase(result: dict, phase_id: str) -> dict | None:
    return next((p for p in result["phases"] if p["id"] == phase_id), None)


def links(result: dict) -> dict[tuple[str, str], str]:
    return {(k["from"], k["to"]): k["kind"] for k in result["links"]}


def goal_text(result: dict, goal_id: str) -> str | None:
    return next((g["text"] for g in result["goals"] if g["id"] == goal_id), None)


def new_cards(result: dict, current: dict, activity: str) -> list[tuple[str, dict]]:
    """The cards of `activity` in `result` that `current` has not: mine, whatever id."""
    old = {a["id"] for p in current["phases"] for a in p["activities"]}
    return [
        (p["id"], a)
        for p in result["phases"]
        for a in p["activities"]
        if a["activity"] == activity and a["id"] not in old
    ]


# --- MY operations -------------------------------------------------------------------
# The card is a5 (Werkcollege, face-to-face, in phase p2 "Bijeenkomst", goal g2, linked
# from a2 and to a8); the goal is g1, the phase p2, the link a2 → a5.


@dataclass(frozen=True)
class Mine:
    name: str
    edit: Edit
    shows: Callable[[dict, dict], None]  # (result, current): my change is in the result
    twin: Edit  # the same operation on another card, goal, link or phase
    same: Edit | None = None  # the same cell of the same thing, another value
    other: Edit | None = None  # another field of the same thing


def shows_added(r: dict, c: dict) -> None:
    [(where, a)] = new_cards(r, c, "discussie")
    assert where == "p2" and a["mode"] == "offline"


def shows_duplicate(r: dict, c: dict) -> None:
    copies = [a for _, a in new_cards(r, c, "werkcollege")]
    assert copies and copies[0]["title"] == "Werkcollege"


def shows_order(phase_id: str, first: str, then: str) -> Callable[[dict, dict], None]:
    def check(r: dict, c: dict) -> None:
        ids = [a["id"] for a in phase(r, phase_id)["activities"]]
        assert ids.index(first) < ids.index(then)

    return check


def shows_phase_before(first: str, then: str) -> Callable[[dict, dict], None]:
    def check(r: dict, c: dict) -> None:
        ids = [p["id"] for p in r["phases"]]
        assert ids.index(first) < ids.index(then)

    return check


def shows_phase_copy(r: dict, c: dict) -> None:
    old = {p["id"] for p in c["phases"]}
    [copy_] = [p for p in r["phases"] if p["id"] not in old and p["title"] == "Bijeenkomst (kopie)"]
    assert [a["activity"] for a in copy_["activities"]] == ["hoorcollege", "werkcollege", "webinar"]


def shows_baseline(r: dict, c: dict) -> None:
    assert r["baseline"]["title"] == BASE_DOC["title"]
    assert [p["id"] for p in r["baseline"]["phases"]] == ["p1", "p2", "p3"]


def shows_new_goal(r: dict, c: dict) -> None:
    assert "De student reflecteert op het eigen leerproces" in [g["text"] for g in r["goals"]]


def shows_new_phase(r: dict, c: dict) -> None:
    assert r["phases"][-1]["title"] == "Afsluiting"  # added at the end, stays at the end


MINE = [
    Mine("add", add("discussie", "p2", "offline", 1), shows_added, twin=add("casus", "p3", "online")),
    Mine(
        "move",
        move("a5", "p3", "online", 0),
        lambda r, c: (
            card(r, "a5")[0] == "p3" and card(r, "a5")[1]["mode"] == "online" or pytest.fail("not moved")
        ),
        twin=move("a6", "p1", "online"),
    ),
    Mine(
        "nudge-earlier",
        nudge("a5", "left"),
        shows_order("p2", "a5", "a4"),
        twin=nudge("a8", "left"),
        # the same cell: where a5 sits, moved the other way
        same=nudge("a5", "right"),
    ),
    Mine(
        "nudge-online",
        nudge("a5", "up"),
        lambda r, c: card(r, "a5")[1]["mode"] == "online" or pytest.fail("not online"),
        twin=nudge("a4", "up"),
    ),
    Mine(
        "duplicate",
        lambda d: edits.duplicate_activity(d, placed_id="a5"),
        shows_duplicate,
        twin=lambda d: edits.duplicate_activity(d, placed_id="a4"),
        same=lambda d: edits.duplicate_activity(d, placed_id="a5"),
    ),
    Mine(
        "remove",
        lambda d: edits.remove_activity(d, placed_id="a5"),
        lambda r, c: card(r, "a5") is None or pytest.fail("still there"),
        twin=lambda d: edits.remove_activity(d, placed_id="a6"),
        same=update("a5", title="Werkcollege casus"),
    ),
    Mine(
        "update",
        update("a5", title="Werkcollege 4P", minutes=60),
        lambda r, c: (
            card(r, "a5")[1]["title"] == "Werkcollege 4P"
            and card(r, "a5")[1]["minutes"] == 60
            or pytest.fail("not updated")
        ),
        twin=update("a4", title="Hoorcollege 4P"),
        same=update("a5", title="Werkcollege casus"),
    ),
    Mine(
        "toggle-goal",
        toggle("a5", "g1"),
        lambda r, c: "g1" in card(r, "a5")[1]["goals"] or pytest.fail("no goal"),
        twin=toggle("a6", "g1"),
        same=toggle("a5", "g2"),
    ),
    Mine(
        "link-add",
        link("a4", "a5", "uses"),
        lambda r, c: links(r).get(("a4", "a5")) == "uses" or pytest.fail("no link"),
        twin=link("a1", "a3", "prepares"),
        same=link("a4", "a5", "prepares"),
    ),
    Mine(
        "link-kind",
        relink("a2", "a5", "uses"),
        lambda r, c: links(r).get(("a2", "a5")) == "uses" or pytest.fail("kind"),
        twin=relink("a1", "a4", "uses"),
        same=relink("a2", "a5", "feedback"),
    ),
    Mine(
        "link-reverse",
        relink("a2", "a5", reverse=True),
        lambda r, c: (("a2", "a5") not in links(r) and ("a5", "a2") in links(r)) or pytest.fail("not turned"),
        twin=relink("a1", "a4", reverse=True),
        same=relink("a2", "a5", "feedback"),
    ),
    Mine(
        "link-remove",
        unlink("a2", "a5"),
        lambda r, c: ("a2", "a5") not in links(r) or pytest.fail("still linked"),
        twin=unlink("a1", "a4"),
        same=relink("a2", "a5", "feedback"),
    ),
    Mine(
        "goal-add",
        lambda d: edits.add_goal(d, text="De student reflecteert op het eigen leerproces"),
        shows_new_goal,
        twin=lambda d: edits.add_goal(d, text="De student werkt samen in een team"),
    ),
    Mine(
        "goal-update",
        lambda d: edits.update_goal(d, goal_id="g1", text="De student past het 4P-model toe"),
        lambda r, c: goal_text(r, "g1") == "De student past het 4P-model toe" or pytest.fail("text"),
        twin=lambda d: edits.update_goal(d, goal_id="g2", text="De student pitcht een plan"),
        same=lambda d: edits.update_goal(d, goal_id="g1", text="De student analyseert een casus"),
    ),
    Mine(
        "goal-remove",
        lambda d: edits.remove_goal(d, goal_id="g1"),
        lambda r, c: (
            (
                goal_text(r, "g1") is None
                and all("g1" not in a.get("goals", []) for p in r["phases"] for a in p["activities"])
            )
            or pytest.fail("goal still there")
        ),
        twin=lambda d: edits.remove_goal(d, goal_id="g2"),
        same=lambda d: edits.update_goal(d, goal_id="g1", text="De student analyseert een casus"),
    ),
    Mine(
        "phase-add",
        lambda d: edits.add_phase(d, title="Afsluiting", kind="sequence"),
        shows_new_phase,
        twin=lambda d: edits.add_phase(d, title="Toetsing", kind="sequence"),
    ),
    Mine(
        "phase-update",
        rename_phase("p2", "Bijeenkomst 1"),
        lambda r, c: phase(r, "p2")["title"] == "Bijeenkomst 1" or pytest.fail("title"),
        twin=rename_phase("p1", "Thuis"),
        same=rename_phase("p2", "Werkgroep"),
        other=rename_phase("p2", "Bijeenkomst", kind="choice"),
    ),
    Mine(
        "phase-week",
        set_week("p2", "3"),
        lambda r, c: phase(r, "p2").get("week") == 3 or pytest.fail("week"),
        twin=set_week("p1", "1"),
        same=set_week("p2", "4"),
        # their new name of the phase and my week: two cells, both kept
        other=rename_phase("p2", "Bijeenkomst 1"),
    ),
    Mine(
        "phase-move",
        lambda d: edits.move_phase(d, phase_id="p2", step=-1),
        shows_phase_before("p2", "p1"),
        twin=lambda d: edits.move_phase(d, phase_id="p3", step=-1),
        same=lambda d: edits.move_phase(d, phase_id="p2", step=1),
    ),
    Mine(
        "phase-remove",
        lambda d: edits.remove_phase(d, phase_id="p2"),
        lambda r, c: phase(r, "p2") is None or pytest.fail("still there"),
        twin=lambda d: edits.remove_phase(d, phase_id="p1"),
        same=rename_phase("p2", "Werkgroep"),
    ),
    Mine(
        "phase-duplicate",
        lambda d: edits.duplicate_phases(d, phase_id="p2"),
        shows_phase_copy,
        twin=lambda d: edits.duplicate_phases(d, phase_id="p1"),
        same=lambda d: edits.duplicate_phases(d, phase_id="p2"),
    ),
    Mine(
        "meta",
        meta("Marketingcommunicatie – herontwerp", "112"),
        lambda r, c: (
            (r["title"], r["study_load_hours"]) == ("Marketingcommunicatie – herontwerp", 112)
            or pytest.fail("meta")
        ),
        twin=lambda d: edits.update_meta(d, title=BASE_DOC["title"], study_load_hours="84", language="en"),
        same=meta("Marketing 1", "84"),
    ),
    Mine(
        "baseline-set", edits.set_baseline, shows_baseline, twin=edits.set_baseline, same=edits.clear_baseline
    ),
    Mine(
        "baseline-clear",
        edits.clear_baseline,
        lambda r, c: "baseline" not in r or pytest.fail("baseline"),
        twin=edits.clear_baseline,
        same=edits.set_baseline,
    ),
]
MINE_BY_NAME = {m.name: m for m in MINE}

# --- THEIR concurrent changes --------------------------------------------------------

THEIRS: dict[str, Edit | None] = {
    "nothing": lambda d: None,
    "twin": None,  # Mine.twin
    "same-cell": None,  # Mine.same
    "other-field": None,  # Mine.other, else the notes of the card
    "remove-card": lambda d: edits.remove_activity(d, placed_id="a5"),
    "move-card": move("a5", "p1", "offline", 0),
    "remove-phase": lambda d: edits.remove_phase(d, phase_id="p2"),
    "move-phase": lambda d: edits.move_phase(d, phase_id="p2", step=1),
    "add-card": add("brainstorm", "p2", "offline"),
    "add-goal": lambda d: edits.add_goal(d, text="De student schrijft een campagneplan"),
    "remove-goal": lambda d: edits.remove_goal(d, goal_id="g1"),
    "link-card": link("a5", "a7", "prepares"),
    "unlink-card": unlink("a2", "a5"),
    "rename-phase": rename_phase("p2", "Werkcollegeweek"),
    "week-phase": set_week("p2", "5"),
    "meta": meta("Marketingcommunicatie – module 1 (2027)", "84"),
}


def theirs_edit(mine: Mine, kind: str) -> Edit | None:
    if kind == "twin":
        return mine.twin
    if kind == "same-cell":
        return mine.same
    if kind == "other-field":
        return mine.other or update("a5", notes="Neem de casus van week 1 mee.")
    return THEIRS[kind]


# --- what is expected -----------------------------------------------------------------
# Every row not listed merges. A listed row is a Conflict (thing, id, reason), or a
# merge in which the order of one list is mine (MINE_WINS) or theirs (THEIRS_WIN) where
# both moved things in it: where a thing sits never conflicts (SPEC §10).

MINE_WINS = "mine wins"
THEIRS_WIN = "theirs win"

EXPECTED: dict[tuple[str, str], tuple[str, str, str] | str] = {
    # -- the same cell, another value: refused (SPEC §10) -----------------------------
    ("remove", "same-cell"): ("activity", "a5", "edited"),
    ("remove", "other-field"): ("activity", "a5", "edited"),
    ("update", "same-cell"): ("activity", "a5", "changed"),
    # both give the card a goal: one field (`goals`), so refused like any field, though
    # a teacher might see two separate ticks; the spec's cell is the field
    ("toggle-goal", "same-cell"): ("activity", "a5", "changed"),
    ("link-add", "same-cell"): ("activity", "a4", "changed"),
    ("link-kind", "same-cell"): ("activity", "a2", "changed"),
    ("link-reverse", "same-cell"): ("activity", "a2", "changed"),
    ("link-remove", "same-cell"): ("activity", "a2", "changed"),
    ("goal-update", "same-cell"): ("goal", "g1", "changed"),
    # removing a goal whose text was changed since: like a card, "edited"
    ("goal-remove", "same-cell"): ("goal", "g1", "edited"),
    ("phase-update", "same-cell"): ("phase", "p2", "changed"),
    ("phase-remove", "same-cell"): ("phase", "p2", "edited"),
    ("phase-remove", "other-field"): ("activity", "a5", "edited"),  # its card was edited
    ("phase-remove", "rename-phase"): ("phase", "p2", "edited"),
    ("phase-update", "rename-phase"): ("phase", "p2", "changed"),
    # the week is a cell of its own: both set it, to other weeks, is refused; a name and a
    # week (rows phase-update/week-phase, phase-week/rename-phase) merge
    ("phase-week", "same-cell"): ("phase", "p2", "changed"),
    ("phase-week", "week-phase"): ("phase", "p2", "changed"),
    ("phase-remove", "week-phase"): ("phase", "p2", "edited"),  # they gave it a week: they want it
    ("meta", "same-cell"): ("design", "", "changed"),
    # both moved the card, to different phases: its phase is one cell
    ("move", "move-card"): ("activity", "a5", "changed"),
    # the link whose kind I set was removed since (a link has no "removed" message of
    # its own: it is told as a change of the link at its first activity)
    ("link-kind", "unlink-card"): ("activity", "a2", "changed"),
    ("meta", "meta"): ("design", "", "changed"),
    ("baseline-set", "same-cell"): ("design", "", "changed"),
    ("baseline-clear", "same-cell"): ("design", "", "changed"),
    # both move the same card (or phase) within its list: where it sits never conflicts,
    # the later move (mine) decides
    ("nudge-earlier", "same-cell"): MINE_WINS,
    ("phase-move", "same-cell"): MINE_WINS,
    ("phase-move", "move-phase"): MINE_WINS,  # they moved p2 the other way: as same-cell
    # I move p2 before p1, they moved p3 before p2: a moved thing goes after the same
    # neighbour as in mine (here: first), so p3 ends after p2 again. Taking both (p3, p2,
    # p1) needs a merge of the whole order; refusing a move is worse (SPEC §10)
    ("phase-move", "twin"): MINE_WINS,
    # they moved the card to another phase, I moved it one step in the old one: their
    # phase stands (I did not change its phase) and my step has no meaning there
    ("nudge-earlier", "move-card"): THEIRS_WIN,
    # -- remove versus edit ------------------------------------------------------------
    ("remove", "move-card"): ("activity", "a5", "edited"),  # they moved it out: they want it
    ("remove", "link-card"): ("activity", "a5", "edited"),  # their new link would go with it
    ("phase-remove", "move-card"): ("activity", "a5", "edited"),  # moved out to keep it
    ("phase-remove", "add-card"): ("phase", "p2", "edited"),
    ("phase-remove", "link-card"): ("activity", "a5", "edited"),
    # -- edit versus remove ------------------------------------------------------------
    **{
        (mine, theirs): ("activity", "a5", "removed")
        for mine in ("move", "nudge-earlier", "nudge-online", "update", "toggle-goal", "link-kind")
        for theirs in ("remove-card", "remove-phase")
        if (mine, theirs) != ("nudge-earlier", "remove-phase")
    },
    # a nudge swaps two cards: a5 and a4 both moved, and the phase took both
    ("nudge-earlier", "remove-phase"): ("activity", "a4", "removed"),
    ("link-add", "remove-card"): ("activity", "a5", "removed"),
    ("link-add", "remove-phase"): ("activity", "a4", "removed"),  # both ends went: the first told
    ("link-reverse", "remove-card"): ("activity", "a5", "removed"),
    ("link-reverse", "remove-phase"): ("activity", "a5", "removed"),
    # (a copy of a removed card, or of a removed phase, is new work of mine and stays: rows
    # duplicate/remove-card and phase-duplicate/remove-phase merge; but a copy of a card
    # lands in its phase, so duplicate/remove-phase is refused)
    ("add", "remove-phase"): ("phase", "p2", "removed"),
    ("duplicate", "remove-phase"): ("phase", "p2", "removed"),
    ("phase-update", "remove-phase"): ("phase", "p2", "removed"),
    ("phase-week", "remove-phase"): ("phase", "p2", "removed"),
    ("phase-move", "remove-phase"): ("phase", "p2", "removed"),
    ("toggle-goal", "remove-goal"): ("goal", "g1", "removed"),
    # my copy of the phase copies a card's goal g1, removed since
    ("phase-duplicate", "remove-goal"): ("goal", "g1", "removed"),
    ("goal-update", "remove-goal"): ("goal", "g1", "removed"),
}


# --- the design as facts --------------------------------------------------------------

DESIGN_FIELDS = ("title", "language", "template", "study_load_hours", "baseline")
GONE = "(gone)"


def facts(d: dict) -> dict[tuple, Any]:
    """Every field of every thing, each card's phase, and the order of every two things
    in the same list (phases, goals, the cards of one phase)."""
    out: dict[tuple, Any] = {("design", f): d.get(f, GONE) for f in DESIGN_FIELDS}

    def order(where: str, ids: list[str]) -> None:
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                out[("order", where, *sorted((x, y)))] = min(x, y) == x

    for g in d["goals"]:
        out[("goal", g["id"])] = g["text"]
    order("goals", [g["id"] for g in d["goals"]])
    for p in d["phases"]:
        for name, value in p.items():
            if name not in ("id", "activities"):
                out[("phase", p["id"], name)] = value
        for a in p["activities"]:
            for name, value in a.items():
                if name != "id":
                    out[("act", a["id"], name)] = value
            out[("act", a["id"], "(phase)")] = p["id"]
        order(p["id"], [a["id"] for a in p["activities"]])
    order("phases", [p["id"] for p in d["phases"]])
    for k in d["links"]:
        out[("link", k["from"], k["to"])] = k["kind"]
    return out


def renamed(mine: dict, base_: dict, current: dict, result: dict) -> dict:
    """`mine` with the ids of its new things as the merge gave them where someone else
    took the same id: found in the result by what they are."""

    def ids(d: dict) -> dict[str, dict[str, Any]]:
        return {
            "goal": {g["id"]: g["text"] for g in d["goals"]},
            "phase": {p["id"]: (p["title"], p.get("kind")) for p in d["phases"]},
            "act": {
                a["id"]: json.dumps({k: v for k, v in a.items() if k not in ("id", "goals")}, sort_keys=True)
                for p in d["phases"]
                for a in p["activities"]
            },
        }

    b, m, c, r = ids(base_), ids(mine), ids(current), ids(result)
    renames: dict[str, str] = {}
    for thing in ("goal", "phase", "act"):
        taken = set(c[thing]) | {i for i in m[thing] if i not in c[thing]}
        for i in sorted(set(m[thing]) - set(b[thing])):
            if i in c[thing]:
                [new] = [
                    j
                    for j in r[thing]
                    if j not in taken and r[thing][j] == m[thing][i] and j not in renames.values()
                ]
                renames[i] = new
    if not renames:
        return mine
    text = json.dumps(mine)
    for old, new in renames.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    return json.loads(text)


def check_merged(mine: dict, base_: dict, current: dict, result: dict, expected: str) -> None:
    mine = renamed(mine, base_, current, result)
    b, m, c, r = facts(base_), facts(mine), facts(current), facts(result)
    mine_changed = {k for k in b.keys() | m.keys() if b.get(k, GONE) != m.get(k, GONE)}
    # a goal I removed goes from the cards that had it: that is not an edit of the card
    removed_goals = {k[1] for k in mine_changed if k[0] == "goal" and k not in m}

    def cascade(k: tuple) -> bool:
        return (
            bool(removed_goals)
            and k[2:] == ("goals",)
            and m.get(k) == [g for g in b.get(k, []) if g not in removed_goals]
        )

    new_in_mine = {k[1] for k in m if k not in b and k[0] in ("goal", "act", "phase")}
    for k in sorted(r.keys() | c.keys() | m.keys(), key=repr):
        got = r.get(k, GONE)
        if k[0] == "order":
            # the order of two things both in that list in the result (whether they
            # are is a fact of its own); my new thing is checked by its neighbour below
            if got == GONE or expected != "merged" or new_in_mine & set(k[2:]):
                continue
            if k in mine_changed and k in m:
                assert got == m[k], f"my order lost: {k}"
            elif k in c:
                assert got == c[k], f"their order or the rest lost: {k}"
            continue
        if k[0] == "act" and cascade(k):
            now = c.get(k, GONE)
            assert got == (now if now == GONE else [g for g in now if g not in removed_goals]), k
        elif k in mine_changed:
            assert got == m.get(k, GONE), f"my change lost: {k}: {got!r}, mine {m.get(k, GONE)!r}"
        else:
            assert got == c.get(k, GONE), (
                f"their change or the rest lost: {k}: {got!r}, now {c.get(k, GONE)!r}"
            )

    # my new things come after what preceded them in my version, where that is still there
    def lists(d: dict) -> dict[str, list[str]]:
        out = {"goals": [g["id"] for g in d["goals"]], "phases": [p["id"] for p in d["phases"]]}
        return out | {p["id"]: [a["id"] for a in p["activities"]] for p in d["phases"]}

    mine_lists, result_lists = lists(mine), lists(result)
    for where, ids in mine_lists.items():
        for n, new in enumerate(ids):
            if new in new_in_mine and where in result_lists:
                there = result_lists[where]
                earlier = next((x for x in reversed(ids[:n]) if x in there), None)
                if earlier is not None:
                    assert there.index(earlier) < there.index(new), f"{new} not after {earlier}"


# --- the table ---------------------------------------------------------------------------

ROWS = [
    pytest.param(mine, theirs, id=f"{mine.name}/{theirs}")
    for mine in MINE
    for theirs in THEIRS
    if theirs_edit(mine, theirs) is not None
]


@pytest.mark.parametrize(("mine", "theirs"), ROWS)
def test_rebase(mine: Mine, theirs: str) -> None:
    base_ = base()
    mine_design = made(mine.edit, stored=False)
    current = made(theirs_edit(mine, theirs))  # type: ignore[arg-type]
    expected = EXPECTED.get((mine.name, theirs), "merged")
    if isinstance(expected, tuple):
        with pytest.raises(Conflict) as refused:
            merge(base_, mine_design, current, CATALOGUE)
        got = refused.value
        assert (got.thing, got.id, got.reason) == expected, got
        return
    result = merge(base_, mine_design, current, CATALOGUE)
    assert doc(validated(result, CATALOGUE)) == doc(result)  # (1) it validates as it is
    r = result.to_json()
    if expected != THEIRS_WIN:
        mine.shows(r, current.to_json())  # (2) in words
    check_merged(mine_design.to_json(), base_.to_json(), current.to_json(), r, expected)


def test_the_table_names_only_rows_it_has() -> None:
    names = {(p.values[0].name, p.values[1]) for p in ROWS}
    assert set(EXPECTED) <= names, set(EXPECTED) - names


@pytest.mark.parametrize("mine", MINE, ids=lambda m: m.name)
def test_nobody_in_between_gives_mine(mine: Mine) -> None:
    mine_design = made(mine.edit, stored=False)
    assert doc(merge(base(), mine_design, base(), CATALOGUE)) == doc(validated(mine_design, CATALOGUE))


@pytest.mark.parametrize("mine", MINE, ids=lambda m: m.name)
def test_undo_with_nobody_in_between_gives_base_exactly(mine: Mine) -> None:
    after = made(mine.edit)
    assert doc(merge(after, base(), after, CATALOGUE)) == doc(base())


# --- id collisions ---------------------------------------------------------------------


def test_both_add_a_card_both_survive_and_my_links_point_to_mine() -> None:
    mine = made(
        add("discussie", "p2", "offline"), link("a4", "a9", "prepares"), link("a9", "a8"), stored=False
    )
    current = made(add("casus", "p3", "online"), link("a9", "a7", "uses"))  # their a9 too
    result = merge(base(), mine, current, CATALOGUE).to_json()
    [(where, my_card)] = new_cards(result, current.to_json(), "discussie")
    assert where == "p2" and my_card["id"] not in ("a9",)
    assert card(result, "a9")[1]["activity"] == "casus"
    assert links(result) == {
        **links(current.to_json()),
        ("a4", my_card["id"]): "prepares",
        (my_card["id"], "a8"): "prepares",
    }


def test_both_add_a_goal_both_survive_and_my_card_has_mine() -> None:
    def mine_edit(d: Design) -> None:
        edits.add_goal(d, text="De student reflecteert")
        edits.toggle_goal(d, placed_id="a5", goal_id="g3")

    mine = made(mine_edit, stored=False)
    current = made(lambda d: edits.add_goal(d, text="De student werkt samen"))
    result = merge(base(), mine, current, CATALOGUE).to_json()
    texts = {g["id"]: g["text"] for g in result["goals"]}
    assert texts["g3"] == "De student werkt samen"
    [mine_id] = [i for i, t in texts.items() if t == "De student reflecteert"]
    assert mine_id != "g3" and card(result, "a5")[1]["goals"] == ["g2", mine_id]


def test_both_add_a_phase_both_survive_and_my_card_is_in_mine() -> None:
    def mine_edit(d: Design) -> None:
        edits.add_phase(d, title="Afsluiting", kind="sequence")
        add("toets", "p4", "offline")(d)

    mine = made(mine_edit, stored=False)
    current = made(lambda d: edits.add_phase(d, title="Toetsing", kind="choice"))
    result = merge(base(), mine, current, CATALOGUE).to_json()
    titles = {p["id"]: p["title"] for p in result["phases"]}
    assert titles["p4"] == "Toetsing" and list(titles.values())[-2:] == ["Toetsing", "Afsluiting"]
    [mine_id] = [i for i, t in titles.items() if t == "Afsluiting"]
    assert [a["activity"] for a in phase(result, mine_id)["activities"]] == ["toets"]
    assert phase(result, "p4")["activities"] == []
