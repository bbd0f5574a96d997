"""goals.none — the design has activities but no learning goals (tip 1).

Fires once for the whole design when it holds at least one placed activity and
its `goals` list is empty. The finding names no activities: the fix is not in
any one of them. An empty design does not fire (there is nothing to align yet).

*Bad*: a module with a knowledge clip, a lecture and a case study, and no
learning goals at all.

*Good*: the same module with the goal "The student applies the 4P model to a
case", linked to the case study.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "goals.none"
SEVERITY = "warning"
TIP = 1
MISCONCEPTION = None
TITLE = {"nl": "Geen leerdoelen", "en": "No learning goals"}
FOUND = {
    "nl": "Je ontwerp bevat al leeractiviteiten, maar nog geen enkel leerdoel.",
    "en": "Your design already has learning activities but no learning goals yet.",
}
WHY = {
    "nl": "Leerdoelen zijn het vertrekpunt van een blended ontwerp: pas als je weet wat "
    "studenten na afloop moeten kunnen, kun je kiezen welke activiteiten, online of "
    "fysiek, daar het best bij passen.",
    "en": "Learning goals are where a blended design starts: only when you know what "
    "students should be able to do afterwards can you choose which activities, online "
    "or face to face, get them there.",
}
TRY = {
    "nl": "Schrijf eerst twee of drie leerdoelen op (‘De student kan …’) en koppel daarna "
    "elke activiteit aan het doel waaraan ze bijdraagt.",
    "en": "Write down two or three goals first ('The student can …'), then link each "
    "activity to the goal it contributes to.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if ctx.activities and not ctx.goals:
        yield Hit(detail={"activity_count": len(ctx.activities)})


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: zonder leerdoelen",
        "language": "nl",
        "template": "linear",
        "goals": [],
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
                        "topics": ["4P-model"],
                    },
                    {
                        "id": "a2",
                        "activity": "lezen",
                        "title": "Hoofdstuk 3 lezen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 45,
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
                        "activity": "casus",
                        "title": "Casus: een nieuwe sportdrank",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                    }
                ],
            },
            {
                "id": "p3",
                "title": "Verwerking",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a4",
                        "activity": "feedback-docent",
                        "title": "Feedback op de casus",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 20,
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: het 4P-model",
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
                        "topics": ["4P-model"],
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
                        "id": "a3",
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
                        "id": "a4",
                        "activity": "feedback-docent",
                        "title": "Feedback op de casus",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 20,
                        "goals": ["g1"],
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
        ],
    },
}
