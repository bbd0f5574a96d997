"""reuse.oer — acquisition material made from scratch (tip 7).

Fires for every `acquisition` activity (clip, lecture, reading, podcast, …)
whose `source` is `own`. One finding per activity, because looking for open
material is a separate search for each (its topics are in `detail["topics"]`).
Activities marked `oer` or `existing` are fine.

*Bad*: the teacher records five knowledge clips on basic statistics while good
open clips on the same topics exist.

*Good*: the clips are open educational resources (`source: oer`); the teacher
records only one short clip for the part that is specific to the course.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "reuse.oer"
SEVERITY = "advice"
TIP = 7
MISCONCEPTION = None
TITLE = {"nl": "Gebruik wat er al is", "en": "Use what exists"}
FOUND = {
    "nl": "Je maakt het materiaal voor {names} zelf.",
    "en": "You are making the material for {names} yourself.",
}
WHY = {
    "nl": "Er is al veel goed open leermateriaal (OER) beschikbaar. Zelf een video of "
    "module maken kost veel tijd, die je ook aan begeleiding van studenten kunt besteden.",
    "en": "A lot of good open educational material (OER) is already available. Making a "
    "video or module yourself takes a lot of time you could spend guiding students.",
}
TRY = {
    "nl": "Zoek eerst naar open materiaal dat bij je leerdoel past (bijvoorbeeld op "
    "edusources.nl) en zet de bron dan op ‘OER’. Maak alleen zelf wat echt ontbreekt.",
    "en": "First look for open material that fits your learning goal (for instance on "
    "edusources.nl) and set the source to 'OER'. Only make what is really missing.",
}


def check(ctx: Context) -> Iterator[Hit]:
    for a in ctx.activities:
        if a.learning_type == "acquisition" and a.source == "own":
            yield Hit(activities=[a.id], detail={"topics": list(a.topics)})


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: zelf een clip opnemen",
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
                        "source": "own",
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
        "title": "Marketingcommunicatie week 2: een open clip gebruiken",
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
                        "source": "oer",
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
