"""interaction.missing — one of the three kinds of interaction is absent.

Learning happens in interaction with the teacher, with fellow students and with
the content (Anderson). Fires when the design has at least two activities and
one of `student-teacher`, `student-student`, `student-content` occurs in none
of them: one finding per missing kind (in that order), naming no activities;
`detail["interaction"]` gives the kind.

*Bad*: clips, readings and an online quiz: only student-content; nobody talks
to the teacher or to each other.

*Good*: the same, plus a discussion in class (student-teacher and
student-student).
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit
from wave.vocabulary import INTERACTIONS

ID = "interaction.missing"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = "less-interaction"
TITLE = {"nl": "Er ontbreekt een vorm van interactie", "en": "A kind of interaction is missing"}
FOUND = {
    "student-teacher": {
        "nl": "In geen enkele activiteit hebben studenten contact met de docent; denk aan een "
        "vragenuur, een coachgesprek of feedback van de docent.",
        "en": "No activity gives students contact with the teacher; think of office hours, a "
        "coaching conversation or teacher feedback.",
    },
    "student-student": {
        "nl": "In geen enkele activiteit werken of praten studenten met elkaar; denk aan "
        "peerfeedback, een discussie of een groepsopdracht.",
        "en": "In no activity do students work or talk with each other; think of peer "
        "feedback, a discussion or a group project.",
    },
    "student-content": {
        "nl": "In geen enkele activiteit gaan studenten zelf met de leerstof aan de slag; "
        "denk aan een tekst, een kennisclip of een oefenopdracht.",
        "en": "In no activity do students work with the content themselves; think of a "
        "reading, a knowledge clip or a practice exercise.",
    },
}
WHY = {
    "nl": "Studenten leren in interactie met de docent, met elkaar en met de leerstof. Een "
    "goede blend benut alle drie; valt er één weg, dan mist je ontwerp een belangrijke "
    "bron van leren.",
    "en": "Students learn in interaction with the teacher, with each other and with the "
    "content. A good blend uses all three; without one, your design misses an important "
    "source of learning.",
}
TRY = {
    "nl": "Kijk welke activiteit je kunt aanpassen of ruilen, zodat de ontbrekende "
    "interactie erin komt zonder dat de studielast stijgt.",
    "en": "See which activity you can adapt or swap so the missing interaction comes in "
    "without raising the study load.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if len(ctx.activities) < 2:
        return
    present = {kind for a in ctx.activities for kind in a.interactions}
    for kind in INTERACTIONS:
        if kind not in present:
            yield Hit(detail={"interaction": kind}, variant=kind)


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: ieder voor zich",
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
                        "activity": "hoorcollege",
                        "title": "Hoorcollege: voorbeelden uit de praktijk",
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
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "follows-up"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: ook met elkaar",
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
                        "title": "Casus in groepjes: een nieuwe sportdrank",
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
