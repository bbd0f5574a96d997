"""blend.emergency-remote — the design looks like emergency remote teaching.

Fires when at least 80 % of the study minutes are online, no activity is
`sync`, and no activity has student-student interaction: recorded lessons and
self-study with the teacher at the other end of an e-mail. One finding for the
design, naming no activities; `detail["online_share"]` gives the share. A
design without minutes never fires (its online share is 0).

*Bad*: all lectures recorded as knowledge clips, plus reading and an online
quiz; students can e-mail questions.

*Good*: the same clips, plus a weekly live Q&A (sync) and peer feedback on each
other's work (student-student).
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.emergency-remote"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = "emergency-remote"
TITLE = {"nl": "Lijkt op noodonderwijs", "en": "Looks like emergency remote teaching"}
FOUND = {
    "nl": "{share} van de studietijd is online, er is geen enkel synchroon moment en "
    "studenten werken nergens met elkaar.",
    "en": "{share} of the study time is online, there is no synchronous moment and "
    "students never work with each other.",
}
WHY = {
    "nl": "Zo lijkt het ontwerp op het noodonderwijs uit de coronatijd: opgenomen lessen en "
    "zelfstudie, zonder contact. Blended leren is een doordacht ontwerp dat de "
    "leerervaring versterkt, niet simpelweg meer online.",
    "en": "The design then resembles the emergency remote teaching of the pandemic: "
    "recorded lessons and self-study, without contact. Blended learning is a considered "
    "design that strengthens the learning experience, not simply more online.",
}
TRY = {
    "nl": "Plan een paar synchrone momenten (online of op locatie) en een activiteit waarin "
    "studenten met elkaar werken, zoals peerfeedback, een discussie of een groepsopdracht.",
    "en": "Plan a few synchronous moments (online or on site) and an activity in which "
    "students work together, such as peer feedback, a discussion or a group project.",
}

THRESHOLD = 0.80


def check(ctx: Context) -> Iterator[Hit]:
    total = ctx.profile.total_minutes
    if not total or ctx.profile.online_minutes < THRESHOLD * total:
        return
    if any(a.timing == "sync" for a in ctx.activities):
        return
    if any("student-student" in a.interactions for a in ctx.activities):
        return
    share = ctx.profile.online_share
    yield Hit(detail={"online_share": share}, params={"share": ctx.percent(share)})


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: opnames en zelfstudie",
        "language": "nl",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student past het 4P-model toe op een product."}],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "title": "Opname van het college: het 4P-model",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "lezen",
                        "title": "Hoofdstuk 3 lezen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 45,
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
                        "id": "a3",
                        "activity": "oefentoets",
                        "title": "Oefentoets 4P-model",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "inleveren",
                        "title": "Uitwerking inleveren; vragen per mail",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: samen, en online wat online kan",
        "language": "nl",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student past het 4P-model toe op een product."}],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "title": "Kennisclip: het 4P-model",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "lezen",
                        "title": "Hoofdstuk 3 lezen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 45,
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
                        "id": "a5",
                        "activity": "casus",
                        "title": "Op school: vragen en een casus in groepjes",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    }
                ],
            },
            {
                "id": "p3",
                "title": "Verwerking",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a3",
                        "activity": "peerfeedback",
                        "title": "Peerfeedback op elkaars uitwerking",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "inleveren",
                        "title": "Uitwerking inleveren",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a5", "kind": "prepares"},
            {"from": "a2", "to": "a5", "kind": "prepares"},
            {"from": "a5", "to": "a3", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
        ],
    },
}
