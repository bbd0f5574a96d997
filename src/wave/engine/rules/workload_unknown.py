"""workload.unknown — activities without study time (tip 4).

Fires when at least one placed activity has 0 minutes — set to 0, or a
`custom` activity given no minutes — so the study load of the design cannot
be judged: totals, shares and the budget all leave it out. One finding naming
all such activities in time order (the remedy is the same for each);
`detail["activities"]` lists their ids. An activity in a `choice` phase counts
like any other: students do every activity of a choice phase, only in an
order of their own, so its time is part of the load too.

*Bad*: a week in which the reading, the practice quiz and the forum all have
0 minutes: the design looks light, while students spend hours on it.

*Good*: every activity has an estimate — 60 minutes of reading, a 30-minute
quiz, 30 minutes on the forum — and the total can be held against the study
load.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "workload.unknown"
SEVERITY = "advice"
TIP = 4
MISCONCEPTION = None
TITLE = {"nl": "Studietijd onbekend", "en": "Study time unknown"}
FOUND = {
    "one": {
        "nl": "Bij {names} staat 0 minuten studietijd.",
        "en": "{names} has 0 minutes of study time.",
    },
    "many": {
        "nl": "Bij {count} activiteiten staat 0 minuten studietijd: {names}.",
        "en": "{count} activities have 0 minutes of study time: {names}.",
    },
}
WHY = {
    "nl": "Zonder een schatting van de studietijd kun je niet zien of het ontwerp studeerbaar "
    "blijft: de totalen, het aandeel online en de vergelijking met de studielast tellen deze "
    "activiteiten niet mee. Juist bij een herontwerp wil je weten of er niet ongemerkt iets "
    "bij komt.",
    "en": "Without an estimate of study time you cannot see whether the design stays "
    "manageable for students: the totals, the online share and the comparison with the study "
    "load leave these activities out. In a redesign especially, you want to know that nothing "
    "is quietly added on top.",
}
TRY = {
    "nl": "Schat per activiteit hoeveel minuten een gemiddelde student eraan besteedt; een ruwe "
    "schatting is genoeg. Kost een activiteit echt geen tijd, vraag je dan af of ze in het "
    "ontwerp thuishoort.",
    "en": "Estimate for each activity how many minutes an average student spends on it; a "
    "rough estimate will do. If an activity truly takes no time, ask yourself whether it "
    "belongs in the design.",
}


def check(ctx: Context) -> Iterator[Hit]:
    unknown = [a.id for a in ctx.activities if a.minutes == 0]
    if unknown:
        yield Hit(activities=unknown, detail={"activities": unknown})


# A bad and a good version of the same week as complete designs (for the rule page):
# first three activities without study time, then every one with an estimate.
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Contractenrecht week 2: studietijd nog open",
        "language": "nl",
        "template": "linear",
        "study_load_hours": 4,
        "goals": [
            {
                "id": "g1",
                "text": "De student beoordeelt of er door aanbod en aanvaarding een overeenkomst is.",
            }
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "lezen",
                        "title": "Hoofdstuk 3 lezen: aanbod en aanvaarding",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 0,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "oefentoets",
                        "title": "Oefentoets: is er een aanbod?",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 0,
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
                        "title": "Werkcollege: casussen over de webwinkel",
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
                        "id": "a4",
                        "activity": "forum",
                        "title": "Forum: een overeenkomst uit je eigen leven",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 0,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "follows-up"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Contractenrecht week 2: elke activiteit geschat",
        "language": "nl",
        "template": "linear",
        "study_load_hours": 4,
        "goals": [
            {
                "id": "g1",
                "text": "De student beoordeelt of er door aanbod en aanvaarding een overeenkomst is.",
            }
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "lezen",
                        "title": "Hoofdstuk 3 lezen: aanbod en aanvaarding",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 60,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "oefentoets",
                        "title": "Oefentoets: is er een aanbod?",
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
                        "title": "Werkcollege: casussen over de webwinkel",
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
                        "id": "a4",
                        "activity": "forum",
                        "title": "Forum: een overeenkomst uit je eigen leven",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "follows-up"},
        ],
    },
}
