"""blend.video-only — online means only watching, listening or reading.

Fires when the design has online activities and every one of them is of
learning type `acquisition` (clips, webinars, podcasts, e-learning, reading).
One finding naming those online activities.

*Bad*: online there are only knowledge clips and a webinar; everything active
happens in class.

*Good*: next to the clips there is an online practice quiz and a discussion
forum where students apply what they watched.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.video-only"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = "video"
TITLE = {"nl": "Online is alleen kennisoverdracht", "en": "Online is only acquisition"}
FOUND = {
    "one": {
        "nl": "Het enige wat online gebeurt, is kennisoverdracht: {names}.",
        "en": "The only thing that happens online is acquisition: {names}.",
    },
    "many": {
        "nl": "Alles wat online gebeurt, is kennisoverdracht: {names}.",
        "en": "Everything that happens online is acquisition: {names}.",
    },
}
WHY = {
    "nl": "Blended leren is meer dan video's of colleges online zetten: video is maar één "
    "vorm van inhoud. Online kunnen studenten ook oefenen, onderzoeken, discussiëren, "
    "samenwerken en iets maken.",
    "en": "Blended learning is more than putting videos or lectures online: video is just "
    "one form of content. Online, students can also practise, investigate, discuss, "
    "collaborate and make things.",
}
TRY = {
    "nl": "Zet ook een actieve werkvorm online die aansluit op de kennisoverdracht, zoals "
    "een oefentoets, een forum, peerfeedback of een gezamenlijk document.",
    "en": "Put an active task online too that builds on the acquisition, such as a practice "
    "quiz, a forum, peer feedback or a shared document.",
}


def check(ctx: Context) -> Iterator[Hit]:
    online = [a for a in ctx.activities if a.mode == "online"]
    if online and all(a.learning_type == "acquisition" for a in online):
        yield Hit(activities=[a.id for a in online])


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: online alleen kijken",
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
                        "activity": "kennisclip",
                        "title": "Kennisclip: prijsstrategieën",
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
                        "activity": "podcast",
                        "title": "Podcast: een marketeer vertelt",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    }
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
        "title": "Marketingcommunicatie week 2: online ook oefenen en bespreken",
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
                        "activity": "oefentoets",
                        "title": "Oefentoets: herken de vier P's",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 20,
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
                        "activity": "forum",
                        "title": "Forum: wat zou jij anders doen?",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
        ],
    },
}
