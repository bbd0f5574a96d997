"""goals.uncovered — a learning goal is linked to no activity (tip 1).

Fires once per goal that no placed activity lists in its `goals`, in the order
of the design's goal list. The finding names no activities (there are none);
`detail` carries the goal's id and text.

*Bad*: goals g1 "applies the 4P model" and g2 "writes a campaign plan", and
every activity is linked to g1 only — g2 is never worked on.

*Good*: the writing assignment is linked to g2, so both goals have at least
one activity that works towards them.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "goals.uncovered"
SEVERITY = "warning"
TIP = 1
MISCONCEPTION = None
TITLE = {"nl": "Leerdoel zonder activiteit", "en": "Goal without an activity"}
FOUND = {
    "nl": "Aan het leerdoel {goal} is nog geen enkele activiteit gekoppeld.",
    "en": "No activity is linked to the learning goal {goal} yet.",
}
WHY = {
    "nl": "Een doel waar geen activiteit aan werkt, halen studenten alleen bij toeval, en "
    "het is dan ook lastig om het eerlijk te toetsen.",
    "en": "A goal that no activity works towards is reached only by chance, and it is "
    "then hard to assess it fairly.",
}
TRY = {
    "nl": "Koppel een bestaande activiteit aan dit doel, voeg een activiteit toe die eraan "
    "werkt, of schrap het doel als het niet in deze module thuishoort.",
    "en": "Link an existing activity to this goal, add an activity that works on it, or "
    "drop the goal if it does not belong in this module.",
}


def check(ctx: Context) -> Iterator[Hit]:
    for goal in ctx.goals:
        if not ctx.activities_by_goal.get(goal.id):
            yield Hit(
                detail={"goal": goal.id, "text": goal.text},
                params={"goal": ctx.quote(goal.text)},
            )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: een doel blijft liggen",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student past het 4P-model toe op een product."},
            {"id": "g2", "text": "De student schrijft een marketingplan voor een product."},
        ],
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
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: elk doel aan bod",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student past het 4P-model toe op een product."},
            {"id": "g2", "text": "De student schrijft een marketingplan voor een product."},
        ],
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
                    },
                    {
                        "id": "a5",
                        "activity": "schrijfopdracht",
                        "title": "Marketingplan voor de sportdrank",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 120,
                        "goals": ["g1", "g2"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
            {"from": "a3", "to": "a5", "kind": "prepares"},
        ],
    },
}
