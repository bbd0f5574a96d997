"""workload.over-budget — the design asks more time than its study load.

Fires when the design has a `study_load_hours` budget and its total study
minutes exceed `study_load_hours × 60`. One finding for the design, naming no
activities; `detail` gives total, budget and excess in minutes. Without a
budget the rule is silent. (Not tied to a numbered tip; it guards the same
study load as tip 4.)

*Bad*: a 3 EC module (84 hours) whose activities add up to 95 hours.

*Good*: the same module after shortening the lectures and dropping a duplicate
reading assignment: 80 hours.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "workload.over-budget"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = None
TITLE = {"nl": "Meer dan de studielast", "en": "Over the study load"}
FOUND = {
    "nl": "Je ontwerp vraagt {total} minuten studietijd, terwijl er {budget} minuten "
    "({hours} uur) beschikbaar zijn: {over} minuten te veel.",
    "en": "Your design asks {total} minutes of study time, while {budget} minutes "
    "({hours} hours) are available: {over} minutes too many.",
}
WHY = {
    "nl": "Als de studietijd boven het budget uitkomt, maken studenten zelf keuzes die jij "
    "niet hebt ontworpen; vaak sneuvelen dan juist de voorbereidende activiteiten waar de "
    "rest op bouwt.",
    "en": "When study time exceeds the budget, students make choices you did not design; "
    "often the preparatory activities the rest builds on are the first to go.",
}
TRY = {
    "nl": "Schrap of verkort activiteiten, of laat één activiteit aan twee doelen werken. "
    "Kijk ook of de minuten per activiteit realistisch zijn ingeschat.",
    "en": "Drop or shorten activities, or let one activity serve two goals. Also check "
    "that the minutes per activity are realistic.",
}


def check(ctx: Context) -> Iterator[Hit]:
    hours = ctx.design.study_load_hours
    if hours is None:
        return
    budget = round(hours * 60)
    total = ctx.profile.total_minutes
    if total > hours * 60:
        yield Hit(
            detail={
                "total_minutes": total,
                "budget_minutes": budget,
                "over_minutes": total - budget,
            },
            params={
                "total": total,
                "budget": budget,
                "hours": ctx.number(hours),
                "over": total - budget,
            },
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: te vol voor vier uur",
        "language": "nl",
        "template": "linear",
        "study_load_hours": 4,
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
                    },
                    {
                        "id": "a5",
                        "activity": "schrijfopdracht",
                        "title": "Marketingplan voor de sportdrank",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 180,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a3", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a4", "to": "a3", "kind": "feedback"},
            {"from": "a3", "to": "a5", "kind": "prepares"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: past in vier uur",
        "language": "nl",
        "template": "linear",
        "study_load_hours": 4,
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
