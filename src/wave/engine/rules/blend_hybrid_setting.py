"""blend.hybrid-setting — multi-location teaching is a setting, not a blend.

Fires when at least one activity has `multi_location: true` (part of the group
in class, part dialled in at the same moment). One finding naming all such
activities: the explanation and the advice are the same for each.

*Bad*: every weekly session is taught to half the class in the room and half on
a video call, and this is called "our blended course".

*Good*: everyone does the preparation online and everyone comes to the session
on campus; the alternation happens over time, not within one session.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.hybrid-setting"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = "hybrid-learning"
TITLE = {"nl": "Hybride lokaal is nog geen blend", "en": "A hybrid classroom is not yet a blend"}
FOUND = {
    "one": {
        "nl": "{names} is hybride: een deel van de groep zit in het lokaal en een deel "
        "doet tegelijk online mee.",
        "en": "{names} is hybrid: part of the group is in the room while the rest "
        "joins online at the same time.",
    },
    "many": {
        "nl": "{names} zijn hybride: een deel van de groep zit in het lokaal en een "
        "deel doet tegelijk online mee.",
        "en": "{names} are hybrid: part of the group is in the room while the rest "
        "joins online at the same time.",
    },
}
WHY = {
    "nl": "Multi-locatieonderwijs (vaak ‘hybride’ genoemd) is een setting, geen blend: "
    "bij een blend wisselen online en fysiek elkaar af in de tijd. Bovendien is het lastig "
    "om beide groepen tegelijk goed te bedienen; de online deelnemers raken snel uit beeld.",
    "en": "Multi-location teaching (often called 'hybrid') is a setting, not a blend: in a "
    "blend, online and face-to-face alternate over time. It is also hard to serve both "
    "groups well at once; the online participants easily drop out of sight.",
}
TRY = {
    "nl": "Overweeg de activiteit voor iedereen online of voor iedereen fysiek te maken. "
    "Houd je het toch hybride, regel dan goede techniek, een tweede begeleider en "
    "een vaste manier om vragen van online deelnemers binnen te halen.",
    "en": "Consider making the activity online for everyone or face to face for everyone. "
    "If you keep it hybrid, arrange good equipment, a second facilitator and a "
    "fixed way to take in questions from online participants.",
}


def check(ctx: Context) -> Iterator[Hit]:
    hybrid = [a.id for a in ctx.activities if a.multi_location]
    if hybrid:
        yield Hit(activities=hybrid)


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: de helft belt in",
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
                        "activity": "werkcollege",
                        "title": "Werkcollege: half in het lokaal, half via Teams",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                        "multi_location": True,
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
                        "activity": "oefentoets",
                        "title": "Oefentoets 4P-model",
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
            {"from": "a3", "to": "a2", "kind": "follows-up"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: iedereen op dezelfde plek",
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
                        "activity": "werkcollege",
                        "title": "Werkcollege: opgaven 4P-model",
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
                        "activity": "oefentoets",
                        "title": "Oefentoets 4P-model",
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
            {"from": "a3", "to": "a2", "kind": "follows-up"},
        ],
    },
}
