"""interaction.decreased — less time with the teacher and fellow students.

Needs a baseline. Interactive minutes are the minutes of activities with
student-student or student-teacher interaction. Fires when the redesign has
fewer of them than the baseline. One finding; it names the redesign's
activities whose interactive minutes went down (shortened, or moved to a kind
without interaction, e.g. a lecture replaced by a clip under the same id);
`detail` gives `before`, `after` and the interactive baseline activities that
were `removed`.

*Bad*: the two weekly seminars become knowledge clips and the one remaining
session is a lecture: interactive minutes drop from 180 to 90.

*Good*: the lecture content moves to clips and the freed-up class time goes to
discussion and group work: interactive minutes stay at 180 or go up.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "interaction.decreased"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = "less-interaction"
TITLE = {"nl": "Minder interactie", "en": "Less interaction"}
FOUND = {
    "nl": "De tijd waarin studenten met elkaar of met de docent werken, daalt van {before} "
    "naar {after} minuten{where}.",
    "en": "The time in which students work with each other or with the teacher drops from "
    "{before} to {after} minutes{where}.",
}
WHY = {
    "nl": "Blended leren is bedoeld om interactie te versterken, niet om haar te "
    "verminderen. Door uitleg online te zetten, kun je juist meer contacttijd vrijmaken "
    "voor gesprek en samenwerking.",
    "en": "Blended learning is meant to strengthen interaction, not to reduce it. Moving "
    "explanation online can free up contact time for conversation and collaboration.",
}
TRY = {
    "nl": "Besteed de tijd die vrijkomt door online kennisoverdracht aan activiteiten waarin "
    "studenten samenwerken, discussiëren of feedback krijgen.",
    "en": "Spend the time freed by online acquisition on activities in which students "
    "collaborate, discuss or get feedback.",
}

LESS = {"nl": "minder tijd bij {names}", "en": "less time in {names}"}
REMOVED = {"nl": "weggehaald: {names}", "en": "removed: {names}"}


def _interactive_minutes(placed) -> int:
    return placed.minutes if placed.interactive else 0


def check(ctx: Context) -> Iterator[Hit]:
    base = ctx.baseline
    if base is None:
        return
    before = base.profile.interactive_minutes
    after = ctx.profile.interactive_minutes
    if after >= before:
        return
    lower = [
        a.id
        for a in ctx.activities
        if a.id in base.by_id and _interactive_minutes(a) < _interactive_minutes(base.by_id[a.id])
    ]
    removed = [a.id for a in base.activities if a.id not in ctx.by_id and a.interactive]
    where = []
    if lower:
        where.append(ctx.text(LESS).format(names=ctx.names(lower)))
    if removed:
        where.append(ctx.text(REMOVED).format(names=base.names(removed)))
    yield Hit(
        activities=lower,
        detail={"before": before, "after": after, "removed": removed},
        params={
            "before": before,
            "after": after,
            "where": f" ({'; '.join(where)})" if where else "",
        },
    )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: de clip vervangt het contact",
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
            {"from": "a4", "to": "a2", "kind": "prepares"},
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
        "title": "Marketingcommunicatie week 2: de vrije tijd gaat naar de casus",
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
                    },
                    {
                        "id": "a5",
                        "activity": "casus",
                        "title": "Casus in groepjes: een nieuwe sportdrank",
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
            {"from": "a4", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a5", "kind": "prepares"},
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
