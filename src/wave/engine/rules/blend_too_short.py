"""blend.too-short — fewer than two activities: nothing to blend yet.

Fires when the design has zero or one placed activity. A blend needs at least
two consecutive, aligned activities. One finding, naming the single activity
if there is one; `detail["count"]` gives the number of activities.

*Bad*: a design with only a knowledge clip.

*Good*: the knowledge clip `prepares` a seminar on campus that builds on it.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.too-short"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
TITLE = {"nl": "Nog geen blend", "en": "Not a blend yet"}
FOUND = {
    "none": {
        "nl": "Je ontwerp heeft nog geen activiteiten.",
        "en": "Your design has no activities yet.",
    },
    "one": {
        "nl": "Je ontwerp bestaat uit één activiteit: {names}.",
        "en": "Your design consists of one activity: {names}.",
    },
}
WHY = {
    "nl": "Een blend ontstaat pas als minstens twee activiteiten na elkaar op elkaar "
    "aansluiten, zoals een online voorbereiding en een bijeenkomst die daarop voortbouwt.",
    "en": "A blend only arises when at least two activities follow each other and fit "
    "together, such as online preparation and a session that builds on it.",
}
TRY = {
    "nl": "Voeg een activiteit toe die voorbereidt op wat er staat of erop voortbouwt, bij "
    "voorkeur aan de andere kant (online of fysiek), en koppel de twee aan elkaar.",
    "en": "Add an activity that prepares for or builds on what is there, preferably in the "
    "other setting (online or face to face), and link the two.",
}


def check(ctx: Context) -> Iterator[Hit]:
    count = len(ctx.activities)
    if count < 2:
        yield Hit(
            activities=[a.id for a in ctx.activities],
            detail={"count": count},
            variant="one" if count else "none",
        )
