"""goals.uncovered — a learning goal is linked to no activity (tip 1).

Fires once per goal that no placed activity lists in its `goals`, in the order
of the design's goal list. The finding names no activities (there are none);
`detail` carries the goal's id and text.

*Bad*: goals g1 "applies the 4P model" and g2 "writes a campaign plan", and
every activity is linked to g1 only — g2 is never worked on.

*Good*: the writing assignment is linked to g2, so both goals have at least
one activity that works towards them.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "goals.uncovered"
SEVERITY = "warning"
TIP = 1
MISCONCEPTION = None
TITLE = {"nl": "Leerdoel zonder activiteit", "en": "Goal without an activity"}
FOUND = {
    "nl": "Aan het leerdoel {goal} is nog geen enkele activiteit gekoppeld.",
    "en": "No activity is linked to the learning goal {goal} yet.",
}
WHY = {
    "nl": "Een doel waar geen activiteit aan werkt, halen studenten alleen bij toeval, en "
    "het is dan ook lastig om het eerlijk te toetsen.",
    "en": "A goal that no activity works towards is reached only by chance, and it is "
    "then hard to assess it fairly.",
}
TRY = {
    "nl": "Koppel een bestaande activiteit aan dit doel, voeg een activiteit toe die eraan "
    "werkt, of schrap het doel als het niet in deze module thuishoort.",
    "en": "Link an existing activity to this goal, add an activity that works on it, or "
    "drop the goal if it does not belong in this module.",
}


def check(ctx: Context) -> Iterator[Hit]:
    for goal in ctx.goals:
        if not ctx.activities_by_goal.get(goal.id):
            yield Hit(
                detail={"goal": goal.id, "text": goal.text},
                params={"goal": ctx.quote(goal.text)},
            )
