"""programme.content-duplicate — two courses both explain the same theory.

Fires when activities of learning type `acquisition` (clips, lectures, reading…)
in two or more courses carry the same topic (compared as the course rules
compare topics). One finding per topic, naming the courses; `detail` gives the topic and
the activities per course. Practising a topic in another course is fine: only
acquisition counts. (Inside one course, `content.duplicate` looks after this.)

*Bad*: the SWOT analysis is a knowledge clip in Marketing and a lecture in
Business administration of the same block.

*Good*: Marketing explains the SWOT analysis; Business administration practises
it on a case, building on that clip.
"""

from collections.abc import Iterator

from wave.engine.context import ProgrammeHit
from wave.engine.programme_rules import course, programme

ID = "programme.content-duplicate"
SEVERITY = "warning"
TIP = 5
MISCONCEPTION = None
TITLE = {"nl": "Dezelfde theorie in twee cursussen", "en": "The same theory in two courses"}
FOUND = {
    "nl": "Het onderwerp “{topic}” wordt uitgelegd in {count} cursussen: {courses}.",
    "en": "The topic “{topic}” is explained in {count} courses: {courses}.",
}
WHY = {
    "nl": "Studenten besteden dan twee keer tijd aan dezelfde uitleg, vaak net anders "
    "verwoord, en die tijd gaat af van verwerking en oefening.",
    "en": "Students then spend time twice on the same explanation, often worded a little "
    "differently, and that time comes off practice and follow-up.",
}
TRY = {
    "nl": "Spreek in het team af welke cursus de theorie aanbiedt; de andere cursus "
    "verwijst ernaar en gaat er meteen mee aan de slag.",
    "en": "Agree in the team which course offers the theory; the other one refers to it "
    "and puts it to work straight away.",
}


def check(ctx) -> Iterator[ProgrammeHit]:
    by_topic: dict[str, dict[str, list[str]]] = {}
    shown: dict[str, str] = {}
    for c in ctx.present:
        for key, placed in c.context.topics.items():
            explained = [a.id for a in placed if a.learning_type == "acquisition"]
            if explained:
                shown.setdefault(key, c.context.topic_label[key])
                by_topic.setdefault(key, {})[c.key] = explained
    for key, courses in by_topic.items():
        if len(courses) >= 2:
            yield ProgrammeHit(
                courses=list(courses),
                detail={"topic": shown[key], "activities": courses},
                params={"topic": shown[key]},
            )


_MARKETING = course(
    "Marketing",
    {
        1: [("kennisclip", "online", "async", 15, ["SWOT-analyse"]), ("werkcollege", "offline", "sync", 90)],
    },
)
_BUSINESS = course(
    "Bedrijfskunde",
    {2: [("hoorcollege", "offline", "sync", 90, ["SWOT-analyse"]), ("casus", "offline", "sync", 90)]},
)
_BUSINESS_BUILDS = course(
    "Bedrijfskunde",
    {2: [("casus", "offline", "sync", 90, ["SWOT-analyse"]), ("feedback-docent", "online", "async", 20)]},
)

EXAMPLES = {
    "bad": {
        "programme": programme("CE jaar 1, blok 1", 8, [("marketing", 1), ("bedrijfskunde", 1)]),
        "designs": {"marketing": _MARKETING, "bedrijfskunde": _BUSINESS},
    },
    "good": {
        "programme": programme("CE jaar 1, blok 1", 8, [("marketing", 1), ("bedrijfskunde", 1)]),
        "designs": {"marketing": _MARKETING, "bedrijfskunde": _BUSINESS_BUILDS},
    },
}
