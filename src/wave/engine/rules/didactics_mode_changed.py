"""didactics.mode-changed — an activity moved between online and offline (tip 8).

Needs a baseline. Fires once per activity whose mode differs from its baseline
counterpart (same placed-activity `id`): each move asks its own didactic
change. The finding carries the catalogue's tip for the activity in its *new*
mode: `detail["tip_text"]` in the report's language (None for a custom
activity), also appended to the message; `detail["from"]`/`["to"]` give the
modes.

*Bad* (unaware): the weekly discussion moves online as a video call that is
run exactly like the classroom discussion, and half the students stay muted.

*Good*: the same move, with the online tips applied: smaller break-out groups,
a question posted in advance and a shared document for the outcomes. (An
activity that keeps its mode gives no finding.)
"""

from collections.abc import Iterator

from wave.engine.context import MODE_WORD, Context, Hit

ID = "didactics.mode-changed"
SEVERITY = "advice"
TIP = 8
MISCONCEPTION = None
TITLE = {
    "nl": "Van online naar fysiek of terug: andere didactiek",
    "en": "Between online and face to face: new didactics",
}
FOUND = {
    "nl": "{names} gaat van {old} naar {new}.",
    "en": "{names} moves from {old} to {new}.",
}
WHY = {
    "nl": "Een activiteit werkt online anders dan in een lokaal. Wie een werkvorm één op "
    "één overzet van online naar fysiek of andersom, verliest vaak juist wat hem goed maakte.",
    "en": "An activity works differently online than in a room. Moving it across "
    "unchanged often loses exactly what made it work.",
}
TRY = {
    "nl": "Pas de werkvorm aan op de nieuwe plek, online of fysiek: denk na over interactie, "
    "tempo, groepsgrootte en hoe studenten hun vragen kwijt kunnen.",
    "en": "Adapt the activity to where it now happens, online or face to face: think about "
    "interaction, pace, group size and how students can ask their questions.",
}
TIP_PREFIX = {"nl": "Tip voor {new}: ", "en": "Tip for {new}: "}


def check(ctx: Context) -> Iterator[Hit]:
    base = ctx.baseline
    if base is None:
        return
    for a in ctx.activities:
        before = base.by_id.get(a.id)
        if before is None or before.mode == a.mode:
            continue
        tip = a.tip(ctx.lang)
        new = ctx.text(MODE_WORD[a.mode])
        yield Hit(
            activities=[a.id],
            detail={"from": before.mode, "to": a.mode, "tip_text": tip},
            params={"old": MODE_WORD[before.mode], "new": new},
            extra=ctx.text(TIP_PREFIX).format(new=new) + tip if tip else None,
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 3: het klassengesprek gaat online",
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
                        "activity": "lezen",
                        "title": "Artikel over reclame en ethiek lezen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 45,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "discussie",
                        "title": "Klassengesprek: mag reclame alles?",
                        "mode": "online",
                        "timing": "sync",
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
                        "activity": "werkcollege",
                        "title": "Werkcollege: een campagne beoordelen",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
        ],
        "baseline": {
            "title": "Marketingcommunicatie week 3",
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
                            "activity": "lezen",
                            "title": "Artikel over reclame en ethiek lezen",
                            "mode": "online",
                            "timing": "async",
                            "minutes": 45,
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
                            "activity": "discussie",
                            "title": "Klassengesprek: mag reclame alles?",
                            "mode": "offline",
                            "timing": "sync",
                            "minutes": 45,
                            "goals": ["g1"],
                        },
                        {
                            "id": "a3",
                            "activity": "werkcollege",
                            "title": "Werkcollege: een campagne beoordelen",
                            "mode": "offline",
                            "timing": "sync",
                            "minutes": 90,
                            "goals": ["g1"],
                        },
                    ],
                },
            ],
            "links": [
                {"from": "a1", "to": "a2", "kind": "prepares"},
                {"from": "a2", "to": "a3", "kind": "prepares"},
            ],
        },
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 3: een forum in plaats van het gesprek",
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
                        "activity": "lezen",
                        "title": "Artikel over reclame en ethiek lezen",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 45,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "forum",
                        "title": "Forum: mag reclame alles? Reageer op twee anderen",
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
                        "activity": "werkcollege",
                        "title": "Werkcollege: een campagne beoordelen",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                    }
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a4", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "prepares"},
        ],
        "baseline": {
            "title": "Marketingcommunicatie week 3",
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
                            "activity": "lezen",
                            "title": "Artikel over reclame en ethiek lezen",
                            "mode": "online",
                            "timing": "async",
                            "minutes": 45,
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
                            "activity": "discussie",
                            "title": "Klassengesprek: mag reclame alles?",
                            "mode": "offline",
                            "timing": "sync",
                            "minutes": 45,
                            "goals": ["g1"],
                        },
                        {
                            "id": "a3",
                            "activity": "werkcollege",
                            "title": "Werkcollege: een campagne beoordelen",
                            "mode": "offline",
                            "timing": "sync",
                            "minutes": 90,
                            "goals": ["g1"],
                        },
                    ],
                },
            ],
            "links": [
                {"from": "a1", "to": "a2", "kind": "prepares"},
                {"from": "a2", "to": "a3", "kind": "prepares"},
            ],
        },
    },
}
