"""workload.added-nothing-removed — something in, nothing out (tip 4).

Needs a baseline (activities are the same when their placed-activity `id` is
equal). Fires when at least one activity was added, none was removed, and the
total study minutes went up. One finding naming the added activities; `detail`
gives their ids and the minutes delta.

*Bad*: the redesign keeps every activity of the current lecture series and adds
a knowledge clip and a forum on top: 90 extra minutes for students.

*Good*: the clip replaces the first half of the lecture (the lecture goes from
90 to 45 minutes), or the forum replaces the written summary that was removed.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "workload.added-nothing-removed"
SEVERITY = "warning"
TIP = 4
MISCONCEPTION = "something-new-on-top"
TITLE = {"nl": "Iets erbij, niets eruit", "en": "Something added, nothing removed"}
FOUND = {
    "nl": "Je hebt {names} toegevoegd maar niets weggehaald; de studietijd stijgt daardoor "
    "met {delta} minuten.",
    "en": "You added {names} but removed nothing, so study time goes up by {delta} minutes.",
}
WHY = {
    "nl": "Een blended herontwerp moet de kwaliteit verbeteren, niet de studielast "
    "verhogen. Alles wat je toevoegt, komt bovenop wat studenten al moesten doen.",
    "en": "A blended redesign should improve quality, not raise the study load. "
    "Everything you add comes on top of what students already had to do.",
}
TRY = {
    "nl": "Iets erin, iets eruit: kijk welke bestaande activiteit de nieuwe overbodig maakt "
    "en haal die weg, of maak andere activiteiten korter.",
    "en": "Something in, something out: see which existing activity the new one makes "
    "redundant and remove it, or shorten other activities.",
}


def check(ctx: Context) -> Iterator[Hit]:
    delta = ctx.profile.baseline
    if delta is None:
        return
    if delta.added and not delta.removed and delta.minutes_delta > 0:
        yield Hit(
            activities=delta.added,
            detail={"added": list(delta.added), "minutes_delta": delta.minutes_delta},
            params={"delta": delta.minutes_delta},
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: er komt alleen iets bij",
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
                        "id": "a4",
                        "activity": "kennisclip",
                        "title": "Kennisclip: het 4P-model",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a5",
                        "activity": "forum",
                        "title": "Forum: reclames die je opvielen",
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
                        "id": "a1",
                        "activity": "hoorcollege",
                        "title": "Hoorcollege: het 4P-model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "werkcollege",
                        "title": "Werkcollege: opgaven 4P-model",
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
            {"from": "a4", "to": "a1", "kind": "prepares"},
            {"from": "a5", "to": "a2", "kind": "prepares"},
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a2", "kind": "follows-up"},
        ],
        "baseline": {
            "title": "Marketingcommunicatie week 2",
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
                        },
                        {
                            "id": "a2",
                            "activity": "werkcollege",
                            "title": "Werkcollege: opgaven 4P-model",
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
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: de clip vervangt het college",
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
                        "id": "a4",
                        "activity": "kennisclip",
                        "title": "Kennisclip: het 4P-model",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 15,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a5",
                        "activity": "forum",
                        "title": "Forum: reclames die je opvielen",
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
                        "id": "a2",
                        "activity": "werkcollege",
                        "title": "Werkcollege: opgaven 4P-model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 120,
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
            {"from": "a4", "to": "a2", "kind": "prepares"},
            {"from": "a5", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a2", "kind": "follows-up"},
        ],
        "baseline": {
            "title": "Marketingcommunicatie week 2",
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
                        },
                        {
                            "id": "a2",
                            "activity": "werkcollege",
                            "title": "Werkcollege: opgaven 4P-model",
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
    },
}
