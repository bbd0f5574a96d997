"""programme.no-blend — a programme in which no course is blended.

Fires when the programme has at least one course with study minutes and none of
its courses falls in the Allen & Seaman category `blended` (30–80 % online). One
finding for the programme; `detail` counts the courses per category. A programme
whose courses are all web-facilitated calls itself blended but is not.

*Bad*: three courses, each with one online quiz next to lectures and tutorials:
web-facilitated everywhere.

*Good*: one of the three prepares every session online with clips and a forum,
about half of its study time: blended.
"""

from collections.abc import Iterator

from wave.engine.context import ProgrammeHit
from wave.engine.programme_rules import course, programme

ID = "programme.no-blend"
SEVERITY = "advice"
TIP = None
MISCONCEPTION = None
TITLE = {"nl": "Geen enkele cursus is blended", "en": "No course is blended"}
CATEGORY_WORDS = {
    "traditional": {"nl": "traditioneel", "en": "traditional"},
    "web-facilitated": {"nl": "web-ondersteund", "en": "web-facilitated"},
    "online": {"nl": "online", "en": "online"},
}
FOUND = {
    "one": {
        "nl": "De enige cursus met studietijd is niet blended: {summary}.",
        "en": "The only course with study time is not blended: {summary}.",
    },
    "many": {
        "nl": "Geen van de {count} cursussen is blended: {summary}.",
        "en": "None of the {count} courses is blended: {summary}.",
    },
}
WHY = {
    "nl": "Een opleiding die blended wil zijn, maar waarin online hooguit een aanvulling "
    "is, haalt niet de winst van afwisselen: zelf voorbereiden in eigen tempo en de "
    "bijeenkomsten gebruiken voor wat samen moet.",
    "en": "A programme that means to be blended, with online at most an extra, misses "
    "the gain of alternating: preparing at one's own pace and using the sessions for "
    "what needs doing together.",
}
TRY = {
    "nl": "Kies één cursus om als eerste te herontwerpen, en verschuif daar kennisoverdracht "
    "naar online voorbereiding die aansluit op de bijeenkomsten.",
    "en": "Pick one course to redesign first, and move the explaining there into online "
    "preparation that feeds the sessions.",
}


def check(ctx) -> Iterator[ProgrammeHit]:
    courses = [c for c in ctx.present if c.report.profile.total_minutes]
    if not courses or any(c.report.profile.category == "blended" for c in courses):
        return
    counts: dict[str, int] = {}
    for c in courses:
        counts[c.report.profile.category] = counts.get(c.report.profile.category, 0) + 1
    summary = {
        lang: ", ".join(f"“{c.title}” {CATEGORY_WORDS[c.report.profile.category][lang]}" for c in courses)
        for lang in ("nl", "en")
    }
    yield ProgrammeHit(
        courses=[c.key for c in courses],
        detail={"categories": counts},
        params={"summary": summary},
        variant="one" if len(courses) == 1 else "many",
    )


def _lectures(title: str) -> dict:
    return course(
        title,
        {
            1: [
                ("hoorcollege", "offline", "sync", 90),
                ("werkcollege", "offline", "sync", 90),
                ("oefentoets", "online", "async", 30),
            ]
        },
    )


_FLIPPED = course(
    "Consumentengedrag",
    {
        1: [
            ("kennisclip", "online", "async", 30),
            ("forum", "online", "async", 60),
            ("werkcollege", "offline", "sync", 90),
        ]
    },
)

EXAMPLES = {
    "bad": {
        "programme": programme("CE jaar 1, blok 2", 8, [("a", 1), ("b", 1), ("c", 1)]),
        "designs": {
            "a": _lectures("Bedrijfseconomie"),
            "b": _lectures("Recht"),
            "c": _lectures("Consumentengedrag"),
        },
    },
    "good": {
        "programme": programme("CE jaar 1, blok 2", 8, [("a", 1), ("b", 1), ("c", 1)]),
        "designs": {"a": _lectures("Bedrijfseconomie"), "b": _lectures("Recht"), "c": _FLIPPED},
    },
}
