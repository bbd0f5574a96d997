"""connect.unlinked — online and offline activities are not connected (tip 3).

Only when the design has both modes. Links are taken as undirected and
transitive: the activities joined by links form a *link component* (an
activity without links is a component on its own). One finding per component
that holds activities of only one mode, naming all its activities in time
order — one finding per component rather than per activity, because the fix
is one link from the group to an activity in the other mode. `detail` gives
the component's `mode` and whether it has links at all (`linked`).

*Bad*: online knowledge clips before a face-to-face seminar, with no link
between them: watching the clips is optional in practice, so students skip
them.

*Good*: a `prepares` link from the clips to the seminar, where a case study
builds on them; afterwards the online feedback `follows-up` on the seminar.
"""

from collections.abc import Iterator

from wave.engine.context import MODE_ADJECTIVE, MODE_WORD, Context, Hit

ID = "connect.unlinked"
SEVERITY = "warning"
TIP = 3
MISCONCEPTION = None
TITLE = {"nl": "Online en fysiek niet verbonden", "en": "Online and face-to-face not connected"}
FOUND = {
    "single": {
        "nl": "{names} ({mode}) is met geen enkele andere activiteit verbonden.",
        "en": "{names} ({mode}) is not linked to any other activity.",
    },
    "group": {
        "nl": "{names} zijn alleen met elkaar verbonden en allemaal {mode}; er hangt geen "
        "{other} activiteit aan.",
        "en": "{names} are linked only to each other and are all {mode}; no {other} "
        "activity is connected to them.",
    },
}
WHY = {
    "nl": "Als online en fysieke activiteiten niet op elkaar voortbouwen, voelen studenten "
    "geen noodzaak om beide te doen: een kennisclip waar in de les niets mee gebeurt, "
    "wordt al snel overgeslagen.",
    "en": "When online and face-to-face activities do not build on each other, students "
    "see no need to do both: a knowledge clip that class never uses is soon skipped.",
}
TRY = {
    "nl": "Koppel het aan een activiteit aan de andere kant (online of fysiek): maak de online "
    "voorbereiding nodig om mee te kunnen doen in de bijeenkomst, of laat studenten "
    "online verder werken met wat ze in de les hebben gemaakt.",
    "en": "Link it to an activity on the other side (online or face to face): make the online preparation "
    "necessary for taking part in the session, or let students continue online with "
    "what they made in class.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if len(ctx.modes) < 2:
        return
    for component in ctx.components:
        modes = {a.mode for a in component}
        if len(modes) != 1:
            continue
        mode = component[0].mode
        other = "offline" if mode == "online" else "online"
        linked = len(component) > 1
        yield Hit(
            activities=[a.id for a in component],
            detail={"mode": mode, "linked": linked},
            params={"mode": MODE_WORD[mode], "other": MODE_ADJECTIVE[other]},
            variant="group" if linked else "single",
        )


# A bad and a good design for the rule page (complete wave.design/v1 documents):
# the rule fires on the bad one and not on the good one (tests/test_rule_pages.py).
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: losse onderdelen",
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
        "links": [],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Marketingcommunicatie week 2: alles hangt samen",
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
