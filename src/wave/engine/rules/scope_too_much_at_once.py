"""scope.too-much-at-once — the redesign changes too much in one go (tip 2).

Needs a baseline. Counts added activities, removed activities and changed ones
(same `id`, but a different mode, timing or number of minutes) and fires when
that sum is more than half the number of activities in the baseline. One
finding naming the added and changed activities (the removed ones are no longer
in the design; `detail["removed"]` lists them). A baseline without activities
fires as soon as anything is added.

*Bad*: a baseline of six activities of which the redesign moves four online,
adds two and removes one (7 > 3).

*Good*: this round moves the lecture online as knowledge clips and links them
to the seminar (2 changes of 6); the rest waits for the next round.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "scope.too-much-at-once"
SEVERITY = "advice"
TIP = 2
MISCONCEPTION = None
TITLE = {"nl": "Veel tegelijk veranderd", "en": "Too much at once"}
FOUND = {
    "nl": "Je verandert veel tegelijk: {added} toegevoegd, {removed} verwijderd en "
    "{changed} aangepast, terwijl de huidige situatie (uitgangspunt) {base} telt{which}.",
    "en": "You are changing a lot at once: {added} added, {removed} removed and {changed} "
    "changed, against {base} in the current situation (baseline){which}.",
}
WHY = {
    "nl": "Begin klein. Als je alles in één keer omgooit, wordt het voor jou en je "
    "studenten snel onoverzichtelijk en weet je achteraf niet wat nu eigenlijk werkte.",
    "en": "Begin small. Changing everything at once soon overwhelms you and your students, "
    "and afterwards you cannot tell what actually worked.",
}
TRY = {
    "nl": "Kies één onderdeel om nu te verbeteren: ontwerp het, probeer het uit en "
    "evalueer het. Bewaar de andere ideeën voor een volgende ronde.",
    "en": "Pick one part to improve now: design it, try it out and evaluate it. Keep the "
    "other ideas for a next round.",
}

WHICH = {"nl": " (nieuw of anders: {names})", "en": " (new or different: {names})"}


def check(ctx: Context) -> Iterator[Hit]:
    delta = ctx.profile.baseline
    if delta is None or ctx.baseline is None:
        return
    base = len(ctx.baseline.activities)
    changes = len(delta.added) + len(delta.removed) + len(delta.changed)
    if changes * 2 > base:
        touched = [*delta.added, *delta.changed]
        which = ctx.text(WHICH).format(names=ctx.names(touched)) if touched else ""
        yield Hit(
            activities=touched,
            detail={
                "added": list(delta.added),
                "removed": list(delta.removed),
                "changed": list(delta.changed),
                "baseline_count": base,
            },
            params={
                "added": len(delta.added),
                "removed": len(delta.removed),
                "changed": len(delta.changed),
                "base": ctx.count_activities(base),
                "which": which,
            },
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: alles tegelijk anders",
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
                        "id": "a5",
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
                        "mode": "online",
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
                    },
                    {
                        "id": "a4",
                        "activity": "schrijfopdracht",
                        "title": "Verslag: marketingplan",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a5", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a2", "kind": "follows-up"},
            {"from": "a2", "to": "a4", "kind": "prepares"},
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
                        },
                        {
                            "id": "a4",
                            "activity": "schrijfopdracht",
                            "title": "Verslag: marketingplan",
                            "mode": "offline",
                            "timing": "async",
                            "minutes": 180,
                            "goals": ["g1"],
                        },
                    ],
                },
            ],
            "links": [
                {"from": "a1", "to": "a2", "kind": "prepares"},
                {"from": "a3", "to": "a2", "kind": "follows-up"},
                {"from": "a2", "to": "a4", "kind": "prepares"},
            ],
        },
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: eerst alleen het college",
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
                        "id": "a5",
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
                    },
                    {
                        "id": "a4",
                        "activity": "schrijfopdracht",
                        "title": "Verslag: marketingplan",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 180,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a5", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a2", "kind": "follows-up"},
            {"from": "a2", "to": "a4", "kind": "prepares"},
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
                        },
                        {
                            "id": "a4",
                            "activity": "schrijfopdracht",
                            "title": "Verslag: marketingplan",
                            "mode": "offline",
                            "timing": "async",
                            "minutes": 180,
                            "goals": ["g1"],
                        },
                    ],
                },
            ],
            "links": [
                {"from": "a1", "to": "a2", "kind": "prepares"},
                {"from": "a3", "to": "a2", "kind": "follows-up"},
                {"from": "a2", "to": "a4", "kind": "prepares"},
            ],
        },
    },
}
