"""goals.activity-unlinked — goals exist and an activity is linked to none (tip 1).

Fires when the design has learning goals and at least one placed activity has
an empty `goals` list. One finding names all such activities (in time order):
the remedy — say which goal each one serves — is the same for all of them, and
one finding per activity would bury the panel on a large design. `detail`
lists the ids too. Without goals at all, `goals.none` speaks instead.

*Bad*: goal g1 is linked to the case study, but the knowledge clip and the
forum are linked to no goal.

*Good*: the clip and the forum are linked to g1 too (or dropped, if they serve
no goal).
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "goals.activity-unlinked"
SEVERITY = "advice"
TIP = 1
MISCONCEPTION = None
TITLE = {"nl": "Activiteit zonder leerdoel", "en": "Activity without a goal"}
FOUND = {
    "one": {
        "nl": "{names} is aan geen enkel leerdoel gekoppeld.",
        "en": "{names} is not linked to any learning goal.",
    },
    "many": {
        "nl": "Deze activiteiten zijn aan geen enkel leerdoel gekoppeld: {names}.",
        "en": "These activities are not linked to any learning goal: {names}.",
    },
}
WHY = {
    "nl": "Als een activiteit niet aan een doel bijdraagt, is het de vraag waarom "
    "studenten er tijd in steken; vaak is het een overblijfsel uit het oude ontwerp.",
    "en": "When an activity serves no goal, it is fair to ask why students spend time on "
    "it; often it is a leftover from the old design.",
}
TRY = {
    "nl": "Geef bij elke activiteit aan aan welk doel ze bijdraagt. Lukt dat niet, "
    "overweeg dan de activiteit te schrappen: dat maakt ruimte voor iets anders.",
    "en": "State for each activity which goal it serves. If you cannot, consider dropping "
    "it: that makes room for something else.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if not ctx.goals:
        return
    unlinked = [a.id for a in ctx.activities if not a.goals]
    if unlinked:
        yield Hit(activities=unlinked, detail={"activities": unlinked})


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: lezen zonder doel",
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
