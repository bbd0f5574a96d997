"""connect.workplace — learning at the workplace stands apart from school.

Only when the design has an activity in the `workplace` environment and an
activity in another environment (online, campus, society). Links are taken as
undirected and transitive, as in `connect.unlinked`: the activities joined by
links form a *link component*. One finding per component that holds
`workplace` activities and no activity in another environment, naming all its
activities in time order. So an internship without links is a finding, and so
are two workplace activities linked only to each other (a placement and an
observation there): the workplace is still connected to nothing at school or
online. `detail["linked"]` says whether the component has links at all.

Learning at the workplace counts most in vocational education with its
work-based learning; it gains when school prepares it and picks it up again.

*Bad*: students do a week of internship and an observation at their placement,
but no lesson prepares what they should look for, and nothing afterwards uses
what they saw.

*Good*: a class discussion `prepares` the observation, and an online reflection
`follows-up` on it, which the coaching conversation at school then uses.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "connect.workplace"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
WORKPLACE = "workplace"
TITLE = {
    "nl": "Werkplek los van school",
    "en": "Workplace apart from school",
}
FOUND = {
    "single": {
        "nl": "{names} op de werkplek is met geen enkele activiteit op school of online verbonden.",
        "en": "{names} at the workplace is not linked to any activity at school or online.",
    },
    "group": {
        "nl": "{names} op de werkplek zijn alleen met elkaar verbonden; er hangt geen activiteit "
        "op school of online aan.",
        "en": "{names} at the workplace are linked only to each other; no activity at school or "
        "online is connected to them.",
    },
}
WHY = {
    "nl": "Op de werkplek leren studenten in de echte beroepspraktijk, maar dat leren wordt "
    "pas sterk als het aansluit op wat er op school en online gebeurt. Zonder verbinding "
    "blijven stage en lessen twee losse werelden, en gaan ervaringen uit de praktijk verloren.",
    "en": "At the workplace students learn in real professional practice, but that learning "
    "only becomes strong when it connects to what happens at school and online. Without a "
    "link, placement and lessons stay two separate worlds, and experience from practice is "
    "lost.",
}
TRY = {
    "nl": "Bereid het werkplekleren voor op school of online, bijvoorbeeld met een opdracht "
    "waarmee studenten de praktijk in gaan, en kom erop terug: een reflectie, een coachgesprek "
    "of een klassengesprek waarin studenten hun ervaringen inbrengen.",
    "en": "Prepare the workplace learning at school or online, for instance with an "
    "assignment students take into practice, and come back to it: a reflection, a coaching "
    "conversation or a class discussion in which students bring in their experiences.",
}


def check(ctx: Context) -> Iterator[Hit]:
    environments = {a.environment for a in ctx.activities}
    if WORKPLACE not in environments or len(environments) < 2:
        return
    for component in ctx.components:
        if all(a.environment == WORKPLACE for a in component):
            linked = len(component) > 1
            yield Hit(
                activities=[a.id for a in component],
                detail={"linked": linked},
                variant="group" if linked else "single",
            )


# A bad and a good version of the same unit as complete designs (for the rule page):
# first the internship and the observation hang together but apart from school, then
# the skills lab prepares the observation and an online reflection picks it up.
EXAMPLES = {
    "bad": {
        "format": "wave.design/v1",
        "title": "Verzorgende IG: veilig verplaatsen, de stage staat los",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student verplaatst een cliënt veilig en met de juiste hulpmiddelen."}
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Op school",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "oefentoets",
                        "title": "Oefentoets: til je dit veilig?",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "practicum",
                        "title": "Vaardigheidstraining tilliften in het skillslab",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p2",
                "title": "Op de stage",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a3",
                        "activity": "observatie",
                        "title": "Observeren hoe collega's cliënten verplaatsen",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 120,
                        "environment": "workplace",
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "stage",
                        "title": "Stagedienst op de afdeling",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 480,
                        "environment": "workplace",
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
        ],
    },
    "good": {
        "format": "wave.design/v1",
        "title": "Verzorgende IG: veilig verplaatsen, school en stage verbonden",
        "language": "nl",
        "template": "linear",
        "goals": [
            {"id": "g1", "text": "De student verplaatst een cliënt veilig en met de juiste hulpmiddelen."}
        ],
        "phases": [
            {
                "id": "p1",
                "title": "Op school",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a1",
                        "activity": "oefentoets",
                        "title": "Oefentoets: til je dit veilig?",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                    {
                        "id": "a2",
                        "activity": "practicum",
                        "title": "Vaardigheidstraining tilliften in het skillslab",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 120,
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p2",
                "title": "Op de stage",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a3",
                        "activity": "observatie",
                        "title": "Observeren hoe collega's cliënten verplaatsen",
                        "mode": "offline",
                        "timing": "async",
                        "minutes": 120,
                        "environment": "workplace",
                        "goals": ["g1"],
                    },
                    {
                        "id": "a4",
                        "activity": "stage",
                        "title": "Stagedienst op de afdeling",
                        "mode": "offline",
                        "timing": "sync",
                        "minutes": 480,
                        "environment": "workplace",
                        "goals": ["g1"],
                    },
                ],
            },
            {
                "id": "p3",
                "title": "Terugkoppeling",
                "kind": "sequence",
                "activities": [
                    {
                        "id": "a5",
                        "activity": "reflectie",
                        "title": "Reflectie: wat zag ik op de afdeling?",
                        "mode": "online",
                        "timing": "async",
                        "minutes": 30,
                        "goals": ["g1"],
                    },
                ],
            },
        ],
        "links": [
            {"from": "a1", "to": "a2", "kind": "prepares"},
            {"from": "a2", "to": "a3", "kind": "prepares"},
            {"from": "a3", "to": "a4", "kind": "prepares"},
            {"from": "a5", "to": "a4", "kind": "follows-up"},
        ],
    },
}
