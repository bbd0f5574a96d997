"""timing.single — every activity has the same timing: all together, or all alone.

Fires when the design has at least two activities and all of them are `sync`,
or all of them are `async` (a `custom` activity without a timing counts as
`async`, as everywhere in the engine). One finding for the design, naming no
activities — the fix is one activity of the other kind, wherever it fits —
with `detail["timing"]` saying which timing it is. With fewer than two
activities `blend.too-short` speaks instead.

All `sync` means a fixed timetable: students have no say over when and at
what pace they learn. All `async` means nobody is ever there at the same time:
no moment for direct questions, feedback or discussion. Synchronous and
asynchronous learning strengthen each other; the aim is a good combination,
not a choice between them.

*Bad*: a week of a lecture, a tutorial, a live quiz and a class discussion,
every one of them on the timetable.

*Good*: the lecture becomes knowledge clips students watch when it suits them,
and after the class discussion they finish the assignment at their own pace
and hand it in.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "timing.single"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
TITLE = {
    "nl": "Alleen synchroon of alleen asynchroon",
    "en": "Only synchronous or only asynchronous",
}
FOUND = {
    "sync": {
        "nl": "Alle activiteiten zijn synchroon: studenten doen alles tegelijk, volgens het rooster.",
        "en": "Every activity is synchronous: students do everything at the same time, on the timetable.",
    },
    "async": {
        "nl": "Alle activiteiten zijn asynchroon: studenten werken alles in hun eigen tijd af en "
        "zijn nooit tegelijk met elkaar of met jou bezig.",
        "en": "Every activity is asynchronous: students work through everything in their own "
        "time and are never busy with each other or with you at the same moment.",
    },
}
WHY = {
    "nl": "Synchroon en asynchroon leren vullen elkaar aan. Op een gezamenlijk moment is er "
    "ruimte voor directe vragen, feedback en gesprek; in eigen tijd bepalen studenten zelf "
    "wanneer en in welk tempo ze zich verdiepen. Het gaat niet om het een of het ander, maar "
    "om de combinatie die het leren het meest helpt.",
    "en": "Synchronous and asynchronous learning complement each other. A shared moment "
    "gives room for direct questions, feedback and conversation; working in their own time, "
    "students decide when and at what pace they go deeper. It is not one or the other, but "
    "the combination that helps learning most.",
}
TRY = {
    "nl": "Alles synchroon? Maak van uitleg iets wat studenten vooraf in eigen tijd doen, zoals "
    "een kennisclip of een hoofdstuk, of laat ze een opdracht na de les zelf afmaken. Alles "
    "asynchroon? Plan een gezamenlijk moment, online of op locatie, waarop studenten hun "
    "vragen stellen en samen verder komen.",
    "en": "All synchronous? Turn explanation into something students do beforehand in their "
    "own time, such as a knowledge clip or a chapter, or let them finish an assignment on "
    "their own after class. All asynchronous? Plan a shared moment, online or on site, where "
    "students ask their questions and get further together.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if len(ctx.activities) < 2:
        return
    timings = {a.timing for a in ctx.activities}
    if len(timings) == 1:
        timing = next(iter(timings))
        yield Hit(detail={"timing": timing}, variant=timing)


# A bad and a good week of the same course as complete designs (for the rule page):
# the same four steps, first all on the timetable, then two of them at the students'
# own time.
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Bedrijfseconomie week 3: alles op het rooster",
        "language": "nl",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student berekent het break-evenpunt van een onderneming."}],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "webinar",
                        "title": "Webinar: vaste en variabele kosten",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 60,
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
                        "id": "a2",
                        "activity": "werkcollege",
                        "title": "Werkcollege break-evenanalyse",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a3",
                        "activity": "discussie",
                        "title": "Klassengesprek: wanneer draait de schoolkantine quitte?",
                        "mode": "offline",
                        "timing": "sync",
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
                        "id": "a4",
                        "activity": "live-quiz",
                        "title": "Live quiz in Teams: kostensoorten",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "follows-up"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Bedrijfseconomie week 3: samen en in eigen tempo",
        "language": "nl",
        "template": "linear",
        "goals": [{"id": "g1", "text": "De student berekent het break-evenpunt van een onderneming."}],
        "phases": [
            {
                "id": "p1",
                "title": "Voorbereiding",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "kennisclip",
                        "title": "Kennisclip: vaste en variabele kosten",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
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
                        "id": "a2",
                        "activity": "werkcollege",
                        "title": "Werkcollege break-evenanalyse",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a3",
                        "activity": "discussie",
                        "title": "Klassengesprek: wanneer draait de schoolkantine quitte?",
                        "mode": "offline",
                        "timing": "sync",
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
                        "id": "a4",
                        "activity": "oefentoets",
                        "title": "Oefentoets break-evenpunt",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "follows-up"},
        ],
    },
}
