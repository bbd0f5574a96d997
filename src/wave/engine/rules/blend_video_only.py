"""blend.video-only — online means only watching, listening or reading.

Fires when the design has online activities and every one of them is of
learning type `acquisition` (clips, webinars, podcasts, e-learning, reading).
One finding naming those online activities.

*Bad*: online there are only knowledge clips and a webinar; everything active
happens in class.

*Good*: next to the clips there is an online practice quiz and a discussion
forum where students apply what they watched.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.video-only"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = "video"
TITLE = {"nl": "Online is alleen kennisoverdracht", "en": "Online is only acquisition"}
FOUND = {
    "one": {
        "nl": "Het enige wat online gebeurt, is kennisoverdracht: {names}.",
        "en": "The only thing that happens online is acquisition: {names}.",
    },
    "many": {
        "nl": "Alles wat online gebeurt, is kennisoverdracht: {names}.",
        "en": "Everything that happens online is acquisition: {names}.",
    },
}
WHY = {
    "nl": "Blended leren is meer dan video's of colleges online zetten: video is maar één "
    "vorm van inhoud. Online kunnen studenten ook oefenen, onderzoeken, discussiëren, "
    "samenwerken en iets maken.",
    "en": "Blended learning is more than putting videos or lectures online: video is just "
    "one form of content. Online, students can also practise, investigate, discuss, "
    "collaborate and make things.",
}
TRY = {
    "nl": "Zet ook een actieve werkvorm online die aansluit op de kennisoverdracht, zoals "
    "een oefentoets, een forum, peerfeedback of een gezamenlijk document.",
    "en": "Put an active task online too that builds on the acquisition, such as a practice "
    "quiz, a forum, peer feedback or a shared document.",
}


def check(ctx: Context) -> Iterator[Hit]:
    online = [a for a in ctx.activities if a.mode == "online"]
    if online and all(a.learning_type == "acquisition" for a in online):
        yield Hit(activities=[a.id for a in online])
