"""blend.single-mode — every activity has the same mode: no blend.

Fires when the design has at least two activities and all of them are online,
or all of them are offline (with fewer, `blend.too-short` speaks). One finding
for the design, naming no activities; `detail["mode"]` says which mode.

*Bad*: a module of four lectures and a written exam, all on campus.

*Good*: two of the lectures become knowledge clips online that prepare for the
remaining sessions on campus.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.single-mode"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = None
TITLE = {
    "nl": "Alleen online of alleen fysiek: geen blend",
    "en": "Only online or only face to face: no blend",
}
FOUND = {
    "online": {
        "nl": "Alle activiteiten in je ontwerp zijn online; er is geen fysieke activiteit.",
        "en": "All activities in your design are online; there is no face-to-face activity.",
    },
    "offline": {
        "nl": "Alle activiteiten in je ontwerp zijn fysiek; er is geen online activiteit.",
        "en": "All activities in your design are face to face; there is no online activity.",
    },
}
WHY = {
    "nl": "Blended leren mengt altijd fysiek en online leren. Blijft alles online of alles "
    "fysiek, dan laat je de sterke kanten van de andere kant liggen: online werken in eigen "
    "tijd en tempo, of direct contact op locatie.",
    "en": "Blended learning always mixes face-to-face and online learning. Keeping everything "
    "online or everything face to face leaves the strengths of the other unused: online work "
    "at one's own time and pace, or direct contact on site.",
}
TRY = {
    "nl": "Verplaats een of twee activiteiten naar de andere laan en verbind ze met wat "
    "ervoor of erna komt. Een goed vertrekpunt: ga uit van online en kies stap voor stap "
    "wat fysiek beter werkt.",
    "en": "Move one or two activities to the other lane and link them to what comes before "
    "or after. A good starting point: assume online, then choose step by step what works "
    "better face to face.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if len(ctx.activities) >= 2 and len(ctx.modes) == 1:
        mode = next(iter(ctx.modes))
        yield Hit(detail={"mode": mode}, variant=mode)


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: alles in het lokaal",
        "language": "nl",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student past het 4P-model toe op een product."}],
        "phases": [
            {
                "id": "p2",
                "title": "Bijeenkomst",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "hoorcollege",
                        "title": "Hoorcollege: het 4P-model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "casus",
                        "title": "Casus: een nieuwe sportdrank",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
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
                        "activity": "schrijfopdracht",
                        "title": "Verslag: marketingplan",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 120,
                        "goals": ["g1"],
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: online en in het lokaal",
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
                    }
                ],
            },
            {
                "id": "p2",
                "title": "Bijeenkomst",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a2",
                        "activity": "casus",
                        "title": "Casus: een nieuwe sportdrank",
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
                        "activity": "schrijfopdracht",
                        "title": "Verslag: marketingplan",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "feedback-docent",
                        "title": "Feedback op het verslag",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 20,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
        ],
    },
}
