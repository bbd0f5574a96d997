"""skills.new — the redesign asks for teacher skills the old design did not (tip 6).

Needs a baseline; without one there is nothing to compare and no finding. The
skills of a design are the catalogue's `teacher_skills` of each activity *in
the mode it is placed in* (custom activities add none). Fires when the
redesign's skills minus the baseline's skills is not empty: one finding naming
the activities that need a new skill; `detail["skills"]` lists the new skills
(slugs, in order of first use) and `detail["activities_by_skill"]` which
activities need each.

*Bad* (for the teacher, not the design): the lecture moves online as knowledge
clips and nobody plans time to learn to present on camera and edit video.

*Good*: the same redesign, with the finding read as a to-do: a workshop on
recording clips before the module starts. (A redesign that asks nothing new
gives no finding.)
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "skills.new"
SEVERITY = "advice"
TIP = 6
MISCONCEPTION = None
TITLE = {"nl": "Nieuwe docentvaardigheden", "en": "New teacher skills"}
FOUND = {
    "nl": "Dit ontwerp vraagt vaardigheden die de huidige situatie (uitgangspunt) nog niet "
    "vroeg: {skills} (bij {names}).",
    "en": "This design asks for skills the current situation (baseline) did not: {skills} (for {names}).",
}
WHY = {
    "nl": "Wie anders gaat lesgeven, krijgt ook een andere rol: je gaat bijvoorbeeld meer "
    "begeleiden en minder zenden, of je spreekt een camera toe in plaats van een zaal.",
    "en": "Teaching differently means a different role: more guiding and less telling, "
    "for instance, or speaking to a camera instead of a room.",
}
TRY = {
    "nl": "Plan tijd om deze vaardigheden te oefenen, vraag je DLO-coach om hulp of kijk "
    "mee bij een collega die het al doet. Begin met één nieuwe vaardigheid tegelijk.",
    "en": "Plan time to practise these skills, ask your DLO coach for help or watch a "
    "colleague who already does it. Start with one new skill at a time.",
}


def check(ctx: Context) -> Iterator[Hit]:
    base = ctx.baseline
    if base is None:
        return
    known = {skill for a in base.activities for skill in a.skills()}
    needed: dict[str, list[str]] = {}
    for a in ctx.activities:
        for skill in a.skills():
            if skill not in known:
                ids = needed.setdefault(skill, [])
                if a.id not in ids[-1:]:
                    ids.append(a.id)
    if not needed:
        return
    activities = list(dict.fromkeys(i for ids in needed.values() for i in ids))
    yield Hit(
        activities=activities,
        detail={"skills": list(needed), "activities_by_skill": needed},
        # Skill labels may contain "and" themselves, so a semicolon keeps the list readable.
        params={"skills": "; ".join(ctx.skill_label(s).lower() for s in needed)},
    )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: het college gaat de camera voor",
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
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: korter college, live quiz erbij",
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
                        "id": "a4",
                        "activity": "instructie",
                        "title": "Korte instructie: het 4P-model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 45,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a5",
                        "activity": "live-quiz",
                        "title": "Live quiz: welke P is dit?",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 15,
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
            {"from": "a4", "to": "a5", "kind": "prepares"},
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
