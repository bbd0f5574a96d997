"""blend.one-tool — online is one and the same activity, over and over.

Fires when the design has at least two online activities, all of them the same
catalogue activity (not `custom`: two custom activities may be anything), and
that activity is not of learning type `acquisition` (only clips or only
webinars online is `blend.video-only`, a warning). One finding naming those
online activities in time order; `detail["activity"]` is the catalogue id.
Exactly two online activities are enough: the rule is about variety, and two
of the same with nothing else online is already a pattern.

Behind it is the misconception that blended learning means using an online
tool in class: the tool becomes the goal, and students sigh at yet another
quiz. A tool helps only as part of a design in which activities differ and
build on each other.

*Bad*: every session starts with an online live quiz, four weeks in a row, and
nothing else happens online.

*Good*: one live quiz stays; the others become an online practice quiz before
class and a forum where students post an example they found.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.one-tool"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = "online-tool"
TITLE = {
    "nl": "Online steeds dezelfde werkvorm",
    "en": "Online, always the same activity",
}
FOUND = {
    "nl": "Online doen studenten {count} keer hetzelfde ({tool}) en verder niets: {names}.",
    "en": "Online, students do the same thing {count} times ({tool}) and nothing else: {names}.",
}
WHY = {
    "nl": "Een online tool maakt een werkvorm soms levendiger, maar is geen doel op zich: "
    "blended leren gaat over een mix van werkvormen die op elkaar voortbouwen. Komt online "
    "steeds hetzelfde terug, dan raakt de nieuwigheid er snel af (“alweer een quiz?”) en "
    "blijven andere manieren van leren onbenut.",
    "en": "An online tool can make an activity livelier, but it is not a goal in itself: "
    "blended learning is about a mix of activities that build on each other. When the same "
    "thing keeps coming back online, the novelty soon wears off (“another quiz?”) and other "
    "ways of learning stay unused.",
}
TRY = {
    "nl": "Houd de werkvorm waar hij het meest oplevert en kies op de andere plekken iets wat "
    "past bij wat studenten daar moeten leren: bijvoorbeeld een forum, peerfeedback, een "
    "oefentoets in eigen tempo of een gezamenlijk document.",
    "en": "Keep the activity where it pays off most and elsewhere choose something that fits "
    "what students need to learn there: for instance a forum, peer feedback, a practice quiz "
    "at their own pace or a shared document.",
}

MIN_ONLINE = 2


def check(ctx: Context) -> Iterator[Hit]:
    online = [a for a in ctx.activities if a.mode == "online"]
    if len(online) < MIN_ONLINE:
        return
    first = online[0].entry
    if first is None or first.learning_type == "acquisition":
        return
    if any(a.entry is None or a.entry.id != first.id for a in online):
        return
    yield Hit(
        activities=[a.id for a in online],
        detail={"activity": first.id},
        params={"tool": {"nl": first.name("nl"), "en": first.name("en")}},
    )


# A bad and a good version of the same three weeks as complete designs (for the rule
# page): first a live quiz before every lesson, then three different online activities.
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Anatomie: elke week een quiz",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student beschrijft de bouw en functie van het spijsverteringsstelsel."}
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "live-quiz",
                        "title": "Live quiz: de mond en de slokdarm",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "hoorcollege",
                        "title": "College: van mond tot maag",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p2",
                "title": "Week 2",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a3",
                        "activity": "live-quiz",
                        "title": "Live quiz: maag en darmen",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "practicum",
                        "title": "Practicum: het darmstelsel op het model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p3",
                "title": "Week 3",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a5",
                        "activity": "live-quiz",
                        "title": "Live quiz: lever en alvleesklier",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a6",
                        "activity": "lezen",
                        "title": "Hoofdstuk 6 lezen: de spijsvertering",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 60,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
            {"from": "a6", "to": "a5", "kind": "prepares"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Anatomie: elke week iets anders online",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student beschrijft de bouw en functie van het spijsverteringsstelsel."}
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Week 1",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "live-quiz",
                        "title": "Live quiz: de mond en de slokdarm",
                        "mode": "online",
                        "timing": "sync",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "hoorcollege",
                        "title": "College: van mond tot maag",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p2",
                "title": "Week 2",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a3",
                        "activity": "oefentoets",
                        "title": "Oefentoets: maag en darmen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "practicum",
                        "title": "Practicum: het darmstelsel op het model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p3",
                "title": "Week 3",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a6",
                        "activity": "lezen",
                        "title": "Hoofdstuk 6 lezen: de spijsvertering",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 60,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a5",
                        "activity": "forum",
                        "title": "Forum: een vraag over lever of alvleesklier",
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
            {"from": "a3", "to": "a4", "kind": "prepares"},
            {"from": "a6", "to": "a5", "kind": "prepares"},
        ],
    },
}
