"""blend.too-short — fewer than two activities: nothing to blend yet.

Fires when the design has zero or one placed activity. A blend needs at least
two consecutive, aligned activities. One finding, naming the single activity
if there is one; `detail["count"]` gives the number of activities.

*Bad*: a design with only a knowledge clip.

*Good*: the knowledge clip `prepares` a seminar on campus that builds on it.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.too-short"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
TITLE = {"nl": "Nog geen blend", "en": "Not a blend yet"}
FOUND = {
    "none": {
        "nl": "Je ontwerp heeft nog geen activiteiten.",
        "en": "Your design has no activities yet.",
    },
    "one": {
        "nl": "Je ontwerp bestaat uit één activiteit: {names}.",
        "en": "Your design consists of one activity: {names}.",
    },
}
WHY = {
    "nl": "Een blend ontstaat pas als minstens twee activiteiten na elkaar op elkaar "
    "aansluiten, zoals een online voorbereiding en een bijeenkomst die daarop voortbouwt.",
    "en": "A blend only arises when at least two activities follow each other and fit "
    "together, such as online preparation and a session that builds on it.",
}
TRY = {
    "nl": "Voeg een activiteit toe die voorbereidt op wat er staat of erop voortbouwt, bij "
    "voorkeur aan de andere kant (online of fysiek), en koppel de twee aan elkaar.",
    "en": "Add an activity that prepares for or builds on what is there, preferably in the "
    "other setting (online or face to face), and link the two.",
}


def check(ctx: Context) -> Iterator[Hit]:
    count = len(ctx.activities)
    if count < 2:
        yield Hit(
            activities=[a.id for a in ctx.activities],
            detail={"count": count},
            variant="one" if count else "none",
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: één college",
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
                    }
                ],
            }
        ],
        "links": [],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: voorbereiden en toepassen",
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
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a2", "kind": "feedback"},
        ],
    },
}
