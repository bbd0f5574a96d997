"""content.duplicate — the same content is presented twice (tip 5).

Two `acquisition` activities share a topic (compared case-insensitively, with
surrounding and repeated spaces ignored) and one precedes the other (SPEC §3:
an earlier phase, or earlier in the same sequence phase; activities in the
same choice phase do not precede each other). Done through the context's topic
index: per topic, its acquisition activities in time order; the topic fires
when they are not all in one choice phase. Every activity on such a topic is
then part of at least one preceding pair, so the finding names them all.
Topics that fire on exactly the same activities are reported together, as one
finding with all those topics in `detail["topics"]`.

*Bad*: a knowledge clip on "4P-model" as preparation, then a lecture in the
session that explains the 4P model again.

*Good*: the clip explains the 4P model and the session applies it in a case
study (practice, not acquisition); or two clips on the same topic offered as
alternatives in one choice phase.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "content.duplicate"
SEVERITY = "warning"
TIP = 5
MISCONCEPTION = None
TITLE = {"nl": "Dezelfde stof twee keer", "en": "Same content twice"}
FOUND = {
    "nl": "{names} brengen na elkaar dezelfde stof over: {topics}.",
    "en": "{names} present the same content one after the other: {topics}.",
}
WHY = {
    "nl": "Herhaling is waardevol, maar laat die keuze bij de student. Wie een kennisclip "
    "vooraf trouw bekeek en dezelfde uitleg in de les nog eens krijgt, wordt daar eigenlijk "
    "voor gestraft, en de lestijd die je vrijspeelde gaat verloren.",
    "en": "Repetition has value, but leave that choice to students. Those who watched the "
    "clip beforehand are in effect punished when class explains the same thing again, "
    "and the class time you freed up is lost.",
}
TRY = {
    "nl": "Laat de tweede activiteit voortbouwen op de eerste: laat studenten de stof "
    "toepassen, bespreek hun vragen of werk een casus uit in plaats van opnieuw uit te "
    "leggen.",
    "en": "Let the second activity build on the first: have students apply the content, "
    "discuss their questions or work on a case instead of explaining it again.",
}


def _precedes_somewhere(activities) -> bool:
    """True unless all the activities sit in one choice phase (or there is only one)."""
    if len(activities) < 2:
        return False
    first = activities[0]
    same_phase = all(a.phase_index == first.phase_index for a in activities)
    return not (same_phase and first.phase_kind == "choice")


def check(ctx: Context) -> Iterator[Hit]:
    by_group: dict[tuple[str, ...], list[str]] = {}
    for key, placed in ctx.topics.items():
        acquisition = [a for a in placed if a.learning_type == "acquisition"]
        if _precedes_somewhere(acquisition):
            ids = tuple(a.id for a in acquisition)
            by_group.setdefault(ids, []).append(ctx.topic_label[key])
    for ids, topics in by_group.items():
        yield Hit(
            activities=ids,
            detail={"topics": topics},
            params={"topics": ctx.join([ctx.quote(t) for t in topics])},
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: twee keer dezelfde uitleg",
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
                        "activity": "hoorcollege",
                        "title": "Hoorcollege: het 4P-model",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                        "topics": ["4P-model"],
                    },
                    {
                        "id": "a3",
                        "activity": "casus",
                        "title": "Casus: een nieuwe sportdrank",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 60,
                        "goals": ["g1"],
                        "topics": ["4P-model"],
                    },
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
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: de les bouwt voort op de clip",
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
                        "activity": "vragenuur",
                        "title": "Vragen over de clip",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 30,
                        "goals": ["g1"],
                        "topics": ["4P-model"],
                    },
                    {
                        "id": "a3",
                        "activity": "casus",
                        "title": "Casus: een nieuwe sportdrank",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 90,
                        "goals": ["g1"],
                        "topics": ["4P-model"],
                    },
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
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
        ],
    },
}
