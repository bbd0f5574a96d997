"""The critic panel on the canvas (SPEC §5.2, "a calm critic"): one entry per rule with
the number of activities it names, warnings first; an empty design is not called
compliant; a design with a handful of cards is "in progress"; advice under a clean
design is headed as advice. In-process (TestClient), parsed with the stdlib."""

import copy

import pytest
from htmltree import Node, parse

from wave.catalogue import get_catalogue
from wave.drawing import profile_charts
from wave.engine import RULES, check
from wave.format import parse_design
from wave.web.critic_view import IN_PROGRESS_BELOW

EN = {"Accept-Language": "en"}

# five activities, both modes; a4 -> a5 joins online and face to face, while a1, a2
# and a3 are linked to nothing: three connect.unlinked findings, one entry
UNLINKED = {
    "format": "wave.design/v1",
    "title": "Drie losse activiteiten",
    "template": "linear",
    "goals": [{"id": "g1", "text": "De student legt het communicatieproces uit"}],
    "phases": [
        {
            "id": "p1",
            "title": "Voorbereiding",
            "kind": "sequence",
            "activities": [
                {
                    "id": "a1",
                    "activity": "kennisclip",
                    "title": "Clip over ruis",
                    "mode": "online",
                    "timing": "async",
                    "minutes": 20,
                    "goals": ["g1"],
                },
                {
                    "id": "a2",
                    "activity": "forum",
                    "title": "Forum over voorbeelden",
                    "mode": "online",
                    "timing": "async",
                    "minutes": 30,
                    "goals": ["g1"],
                },
            ],
        },
        {
            "id": "p2",
            "title": "Bijeenkomst",
            "kind": "sequence",
            "activities": [
                {
                    "id": "a3",
                    "activity": "werkcollege",
                    "title": "Werkcollege opgaven",
                    "mode": "offline",
                    "timing": "sync",
                    "minutes": 90,
                    "goals": ["g1"],
                },
                {
                    "id": "a4",
                    "activity": "casus",
                    "title": "Casus in groepjes",
                    "mode": "offline",
                    "timing": "sync",
                    "minutes": 60,
                    "goals": ["g1"],
                },
            ],
        },
        {
            "id": "p3",
            "title": "Verwerking",
            "kind": "sequence",
            "activities": [
                {
                    "id": "a5",
                    "activity": "peerfeedback",
                    "title": "Peerfeedback op de casus",
                    "mode": "online",
                    "timing": "async",
                    "minutes": 30,
                    "goals": ["g1"],
                },
            ],
        },
    ],
    "links": [{"from": "a5", "to": "a4", "kind": "feedback"}],
}


# --- helpers ------------------------------------------------------------------------


def new_design(client, doc: dict) -> int:
    r = client.post("/api/designs", json=doc)
    assert r.status_code == 201, r.text
    return r.json()["id"]


def critic(client, design_id: int, headers: dict | None = None) -> Node:
    r = client.get(f"/designs/{design_id}", headers=headers or {})
    assert r.status_code == 200, r.text
    return parse(r.text).one("aside", id="critic")


def example_id(client, slug: str) -> int:
    return next(d["id"] for d in client.get("/api/designs").json() if d["example"] == slug)


def entries(panel: Node) -> list[Node]:
    return panel.select("li", cls="finding")


def empty_design(**extra) -> dict:
    return {
        "format": "wave.design/v1",
        "title": "Nieuw",
        "template": "linear",
        "phases": [{"id": "p1", "title": "Voorbereiding", "kind": "sequence", "activities": []}],
        **extra,
    }


def with_activities(n: int) -> dict:
    """UNLINKED's first n activities (and only the links among them)."""
    doc = copy.deepcopy(UNLINKED)
    keep = [a["id"] for p in doc["phases"] for a in p["activities"]][:n]
    for phase in doc["phases"]:
        phase["activities"] = [a for a in phase["activities"] if a["id"] in keep]
    doc["links"] = [k for k in doc["links"] if k["from"] in keep and k["to"] in keep]
    return doc


# --- one entry per rule ---------------------------------------------------------------


def test_findings_of_one_rule_are_one_entry_with_a_count(client):
    design = parse_design(UNLINKED, get_catalogue())
    assert [
        f.activities for f in check(design, get_catalogue()).findings if f.rule == "connect.unlinked"
    ] == [["a1"], ["a2"], ["a3"]]

    panel = critic(client, new_design(client, UNLINKED))
    assert panel.attrs["data-critic-state"] == "warnings"
    (entry,) = panel.select("li", data_rule="connect.unlinked")
    assert entry.attrs["data-activities"] == "a1 a2 a3"
    assert "sev-warning" in entry.classes()
    head = entry.one("button", cls="finding-head")
    assert head.attrs["aria-expanded"] == "false"
    assert head.one(cls="finding-title").inline_text() == "Online en fysiek niet verbonden · 3 activiteiten"
    body = entry.one("div", cls="finding-body")
    assert [li.inline_text() for li in body.one("ul", cls="finding-names").select("li")] == [
        "Clip over ruis",
        "Forum over voorbeelden",
        "Werkcollege opgaven",
    ]
    assert len(body.select("p", cls="finding-message")) == 3
    assert len(body.select("p", cls="finding-why")) == 1  # the why once, not three times
    # every rule once
    rules = [li.attrs["data-rule"] for li in entries(panel)]
    assert len(rules) == len(set(rules))


def test_the_rule_link_is_words_not_an_id(client):
    panel = critic(client, new_design(client, UNLINKED))
    for entry in entries(panel):
        (link,) = [a for a in entry.select("a") if a.attrs["href"].startswith("/rules/")]
        assert link.attrs["href"] == f"/rules/{entry.attrs['data-rule']}"
        assert link.inline_text() == "Over deze regel"
        assert not entry.select("code")
        assert entry.attrs["data-rule"] not in entry.one(cls="finding-head").inline_text()


@pytest.mark.parametrize(
    ("headers", "card", "tip"), [({}, "Gesprekskaart", "Tip"), (EN, "Conversation card", "Tip")]
)
def test_a_finding_links_to_its_conversation_card_and_its_tip(client, headers, card, tip):
    """A rule that detects a misconception links to its card, one from a tip to the tip
    (SPEC §9); the words of the glossary in its why and try link to the glossary."""
    from wave.engine.rules import workload_added_nothing_removed

    design_id = new_design(client, workload_added_nothing_removed.EXAMPLES["bad"])
    panel = critic(client, design_id, headers)
    seen = set()
    for entry in entries(panel):
        rule = RULES[entry.attrs["data-rule"]]
        hrefs = {a.attrs["href"]: a.inline_text() for a in entry.select("a")}
        if rule.MISCONCEPTION:
            assert hrefs[f"/misconceptions/{rule.MISCONCEPTION}"].startswith(card + ": "), rule.ID
            seen.add("card")
        else:
            assert not any(h.startswith("/misconceptions/") for h in hrefs), rule.ID
        if rule.TIP:
            assert hrefs[f"/tips#tip-{rule.TIP}"].startswith(f"{tip} {rule.TIP}: "), rule.ID
            seen.add("tip")
        else:
            assert not any(h.startswith("/tips") for h in hrefs), rule.ID
        for href in hrefs:
            assert href.startswith(("/rules/", "/tips#tip-", "/misconceptions/", "/glossary#")), href
    assert seen == {"card", "tip"}
    (entry,) = panel.select("li", data_rule="workload.added-nothing-removed")
    assert entry.find("a", href="/misconceptions/something-new-on-top") is not None
    assert entry.find("a", href="/tips#tip-4") is not None
    assert panel.find("a", href="/glossary#allen-seaman") is not None


def test_counts_are_singular_and_plural_in_both_languages(client):
    doc = copy.deepcopy(UNLINKED)
    doc["links"] += [{"from": "a1", "to": "a3", "kind": "prepares"}]  # a2 stays on its own
    design_id = new_design(client, doc)
    nl = critic(client, design_id).one("li", data_rule="connect.unlinked")
    en = critic(client, design_id, EN).one("li", data_rule="connect.unlinked")
    assert nl.attrs["data-activities"] == "a2"
    assert nl.one(cls="finding-count").inline_text() == "· 1 activiteit"
    assert en.one(cls="finding-count").inline_text() == "· 1 activity"
    en_all = critic(client, new_design(client, UNLINKED), EN).one("li", data_rule="connect.unlinked")
    title = en_all.one(cls="finding-title").inline_text()
    assert title == "Online and face-to-face not connected · 3 activities"


def test_uncovered_goals_are_one_entry_naming_the_goals(client):
    doc = copy.deepcopy(UNLINKED)
    doc["goals"] += [
        {"id": "g2", "text": "De student analyseert een reclame"},
        {"id": "g3", "text": "De student schrijft een boodschap"},
    ]
    panel = critic(client, new_design(client, doc))
    (entry,) = panel.select("li", data_rule="goals.uncovered")
    assert entry.one(cls="finding-title").inline_text() == "Leerdoel zonder activiteit · 2 leerdoelen"
    assert [li.inline_text() for li in entry.select("li", data_goal=True)] == [
        "De student analyseert een reclame",
        "De student schrijft een boodschap",
    ]


def test_warnings_come_before_advice_and_advice_is_headed_as_advice(client):
    doc = copy.deepcopy(UNLINKED)
    doc["phases"][0]["activities"][0]["source"] = "own"  # reuse.oer: advice
    panel = critic(client, new_design(client, doc))
    severities = ["warning" if "sev-warning" in li.classes() else "advice" for li in entries(panel)]
    assert "warning" in severities and "advice" in severities
    assert severities == sorted(severities, key=["warning", "advice"].index)
    # the summary counts entries (rules), as the panel shows them
    assert panel.one(cls="critic-summary").inline_text() == "1 waarschuwing, 1 advies"
    advice = panel.one("ul", id="advice")
    assert [li.attrs["data-rule"] for li in advice.select("li", cls="finding")] == ["reuse.oer"]
    assert panel.one("h3", id="advice-heading").inline_text() == "Adviezen om over na te denken"
    assert not panel.select(id="all-clear")


def test_an_edit_answers_with_the_grouped_critic_out_of_band(client):
    design_id = new_design(client, UNLINKED)
    r = client.post(
        f"/designs/{design_id}/edit/link-add",
        data={"version": 1, "from": "a1", "to": "a4", "kind": "prepares"},
    )
    assert r.status_code == 200, r.text
    panel = parse(r.text).one("aside", id="critic")
    assert panel.attrs.get("hx-swap-oob") == "true"
    (entry,) = panel.select("li", data_rule="connect.unlinked")
    assert entry.attrs["data-activities"] == "a2 a3"


# --- states ---------------------------------------------------------------------------


@pytest.mark.parametrize("goals", [[], [{"id": "g1", "text": "De student legt iets uit"}]])
def test_an_empty_design_is_invited_to_start_not_called_compliant(client, goals):
    design_id = new_design(client, empty_design(goals=goals))
    for headers in ({}, EN):
        panel = critic(client, design_id, headers)
        assert panel.attrs["data-critic-state"] == "empty"
        assert not panel.select(id="all-clear")
        assert not panel.select(data_rule=True)  # no "goal without activity" on an empty canvas
        start = panel.one(id="critic-start")
        text = start.inline_text()
        assert "toolkit" in text
        assert ("Sleep een eerste activiteit" if not headers else "Drag a first activity") in text
    nl = critic(client, design_id).inline_text()
    assert "Geen waarschuwingen" not in nl and "volgt de tips" not in nl
    assert ("Begin bij je leerdoelen" in nl) == (not goals)


def test_an_empty_design_draws_no_share_it_does_not_have(client):
    panel = critic(client, new_design(client, empty_design()))
    share = panel.one("figure", data_chart="share").inline_text()
    timing = panel.one("figure", data_chart="timing").inline_text()
    assert "Nog geen activiteiten" in share and "Nog geen activiteiten" in timing
    assert "0% online" not in share and "traditioneel" not in share
    assert "100%" not in timing and "0% synchroon" not in timing


def test_activities_without_minutes_draw_no_share_either():
    catalogue = get_catalogue()
    doc = with_activities(2)
    for phase in doc["phases"]:
        for a in phase["activities"]:
            a["minutes"] = 0
    design = parse_design(doc, catalogue)
    charts = {c.id: c for c in profile_charts(check(design, catalogue), design, "en")}
    assert "No study time yet" in str(charts["share"].svg)
    assert "0% online" not in str(charts["share"].svg)
    assert "100%" not in str(charts["timing"].svg)
    assert charts["share"].summary == charts["timing"].summary == "No study time yet"


@pytest.mark.parametrize("n", range(1, IN_PROGRESS_BELOW))
def test_a_handful_of_cards_is_in_progress_and_listed_calmly(client, n):
    doc = with_activities(n)
    report = check(parse_design(doc, get_catalogue()), get_catalogue())
    panel = critic(client, new_design(client, doc))
    assert panel.attrs["data-critic-state"] == "in-progress"
    note = panel.one(id="critic-in-progress").inline_text()
    assert f"({n} activiteit{'en' if n > 1 else ''})" in note and "nuttiger" in note
    assert not panel.select(cls="critic-summary")  # no "5 waarschuwingen" up front
    listed = [li.attrs["data-rule"] for li in entries(panel)]
    assert listed == list(dict.fromkeys(f.rule for f in report.findings))  # all, in order
    assert all("calm" in li.classes() for li in entries(panel))
    if report.warnings:
        assert not panel.select(id="all-clear")


def test_in_progress_without_warnings_says_so_modestly(client):
    doc = {
        "format": "wave.design/v1",
        "title": "Twee stappen",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student analyseert een reclame"}],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "forum",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "casus",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 60,
                        "goals": ["g1"],
                    },
                ],
            }
        ],
        "links": [{"from": "a1", "to": "a2", "kind": "prepares"}],
    }
    assert check(parse_design(doc, get_catalogue()), get_catalogue()).warnings == 0
    panel = critic(client, new_design(client, doc))
    assert panel.attrs["data-critic-state"] == "in-progress"
    assert panel.one(id="critic-in-progress")
    assert panel.one(id="all-clear").inline_text() == "Tot nu toe geen waarschuwingen."
    assert "volgt de tips" not in panel.inline_text()


def test_a_clean_design_with_advice_heads_it_as_advice(client):
    panel = critic(client, example_id(client, "marketing-communicatie"))
    assert panel.attrs["data-critic-state"] == "clean"
    assert panel.one(id="all-clear").inline_text() == "Geen waarschuwingen."
    assert panel.one("h3", id="advice-heading").inline_text() == "Adviezen om over na te denken"
    rules = [li.attrs["data-rule"] for li in entries(panel)]
    assert rules == ["skills.new"]
    assert all("sev-advice" in li.classes() for li in entries(panel))


def test_a_clean_design_without_advice_follows_the_tips(client):
    panel = critic(client, example_id(client, "synchroon-asynchroon"))
    assert panel.attrs["data-critic-state"] == "clean"
    assert panel.one(id="all-clear").inline_text() == (
        "Geen waarschuwingen: dit ontwerp volgt de tips uit de toolkit."
    )
    assert not entries(panel) and not panel.select(id="advice-heading")


def test_a_read_only_empty_design_gives_no_drag_hints(client, other_client):
    design_id = new_design(client, empty_design())
    r = client.post(f"/api/designs/{design_id}/shares", json={"email": other_client.email, "role": "view"})
    assert r.status_code == 201, r.text
    panel = critic(other_client, design_id)
    assert panel.attrs["data-critic-state"] == "empty"
    assert "Sleep" not in panel.inline_text()


# --- the advice of issue 14 while a design grows -----------------------------------------


def test_new_advice_on_a_handful_of_cards_is_calm(client):
    """Three cards, all asynchronous, the reading still without minutes: timing.single
    and workload.unknown speak, as calm advice under "no warnings so far", with no
    count up front (finding 16)."""
    doc = {
        "format": "wave.design/v1",
        "title": "Eerste opzet",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student legt het communicatieproces uit"}],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "title": "Clip over ruis",
                        "mode": "online",
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "lezen",
                        "title": "Hoofdstuk 2",
                        "mode": "offline",
                        "minutes": 0,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a3",
                        "activity": "forum",
                        "title": "Forum over voorbeelden",
                        "mode": "online",
                        "goals": ["g1"],
                    },
                ],
            }
        ],
        "links": [{"from": "a1", "to": "a2", "kind": "prepares"}, {"from": "a3", "to": "a2", "kind": "uses"}],
    }
    report = check(parse_design(doc, get_catalogue()), get_catalogue())
    assert report.warnings == 0
    assert [f.rule for f in report.findings] == ["timing.single", "workload.unknown"]
    for headers in ({}, EN):
        panel = critic(client, new_design(client, doc), headers)
        assert panel.attrs["data-critic-state"] == "in-progress"
        assert panel.one(id="all-clear")
        assert not panel.select(cls="critic-summary")
        advice = panel.one("ul", id="advice")
        listed = advice.select("li", cls="finding")
        assert [li.attrs["data-rule"] for li in listed] == ["timing.single", "workload.unknown"]
        assert all("calm" in li.classes() and "sev-advice" in li.classes() for li in listed)
        timing, unknown = listed
        assert timing.attrs["data-activities"] == ""  # about the whole design, no count
        assert not timing.select(cls="finding-count")
        assert unknown.attrs["data-activities"] == "a2"
        assert [li.inline_text() for li in unknown.select("li", data_names="a2")] == ["Hoofdstuk 2"]
    en = critic(client, new_design(client, doc), EN).one("li", data_rule="workload.unknown")
    assert en.one(cls="finding-title").inline_text() == "Study time unknown · 1 activity"


@pytest.mark.parametrize(
    "rule_id", ["timing.single", "blend.one-tool", "connect.workplace", "workload.unknown"]
)
def test_the_rule_examples_show_in_the_panel(client, rule_id):
    """Each new rule's bad example gets its entry, naming what the report names; its
    good example gets none."""
    rule = RULES[rule_id]
    bad, good = rule.EXAMPLES["bad"], rule.EXAMPLES["good"]
    report = check(parse_design(bad, get_catalogue()), get_catalogue())
    named = [a for f in report.findings if f.rule == rule_id for a in f.activities]
    (entry,) = critic(client, new_design(client, bad)).select("li", data_rule=rule_id)
    assert entry.attrs["data-activities"] == " ".join(named)
    assert "sev-advice" in entry.classes() and "calm" not in entry.classes()
    assert entry.one(cls="finding-title").inline_text().startswith(rule.TITLE["nl"])
    assert not critic(client, new_design(client, good)).select("li", data_rule=rule_id)


# --- the rules' words (findings 22 and 41) ---------------------------------------------


def test_rule_titles_use_teacher_words():
    for rule in RULES.values():
        assert "modus" not in rule.TITLE["nl"].lower(), rule.ID
        assert "multi-locatie" not in rule.TITLE["nl"].lower(), rule.ID
        assert " mode" not in rule.TITLE["en"].lower(), rule.ID
    assert RULES["blend.hybrid-setting"].TITLE["nl"] == "Hybride lokaal is nog geen blend"


def test_the_baseline_is_called_the_current_situation():
    for rule_id in ("scope.too-much-at-once", "skills.new"):
        found = RULES[rule_id].FOUND
        assert "de huidige situatie (uitgangspunt)" in found["nl"], rule_id
        assert "the current situation (baseline)" in found["en"], rule_id
        assert "huidige ontwerp" not in found["nl"] and "current design" not in found["en"]
