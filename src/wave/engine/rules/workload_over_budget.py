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
