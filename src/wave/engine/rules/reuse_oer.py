"""reuse.oer — acquisition material made from scratch (tip 7).

Fires for every `acquisition` activity (clip, lecture, reading, podcast, …)
whose `source` is `own`. One finding per activity, because looking for open
material is a separate search for each (its topics are in `detail["topics"]`).
Activities marked `oer` or `existing` are fine.

*Bad*: the teacher records five knowledge clips on basic statistics while good
open clips on the same topics exist.

*Good*: the clips are open educational resources (`source: oer`); the teacher
records only one short clip for the part that is specific to the course.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "reuse.oer"
SEVERITY = "advice"
TIP = 7
MISCONCEPTION = None
TITLE = {"nl": "Gebruik wat er al is", "en": "Use what exists"}
FOUND = {
    "nl": "Je maakt het materiaal voor {names} zelf.",
    "en": "You are making the material for {names} yourself.",
}
WHY = {
    "nl": "Er is al veel goed open leermateriaal (OER) beschikbaar. Zelf een video of "
    "module maken kost veel tijd, die je ook aan begeleiding van studenten kunt besteden.",
    "en": "A lot of good open educational material (OER) is already available. Making a "
    "video or module yourself takes a lot of time you could spend guiding students.",
}
TRY = {
    "nl": "Zoek eerst naar open materiaal dat bij je leerdoel past (bijvoorbeeld op "
    "edusources.nl) en zet de bron dan op ‘OER’. Maak alleen zelf wat echt ontbreekt.",
    "en": "First look for open material that fits your learning goal (for instance on "
    "edusources.nl) and set the source to 'OER'. Only make what is really missing.",
}


def check(ctx: Context) -> Iterator[Hit]:
    for a in ctx.activities:
        if a.learning_type == "acquisition" and a.source == "own":
            yield Hit(activities=[a.id], detail={"topics": list(a.topics)})
