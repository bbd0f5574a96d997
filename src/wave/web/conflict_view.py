"""What a refused canvas edit tells the person (SPEC §10, finding 45): what changed in
the meantime, and who changed it — "you, in another tab or window" when it was them."""

from sqlmodel import Session, col, select

from wave.i18n import N_, translate
from wave.merge import Conflict
from wave.models import DesignVersion, User

# The cells of wave.merge, in words
FIELD_WORDS = {
    "activity": N_("activity"),
    "title": N_("title"),
    "mode": N_("lane"),
    "timing": N_("timing"),
    "minutes": N_("minutes"),
    "topics": N_("topics"),
    "goals": N_("learning goals"),
    "source": N_("source"),
    "multi_location": N_("several locations"),
    "environment": N_("learning environment"),
    "notes": N_("notes"),
    "learning_type": N_("learning type"),
    "interactions": N_("interactions"),
    "place": N_("place on the board"),
    "link": N_("link"),
    "kind": N_("kind"),
    "week": N_("week"),
    "text": N_("text"),
    "activities": N_("activities"),
}
REMOVED = {
    "activity": N_("Not saved: the activity “%(title)s” was removed in the meantime, %(who)s."),
    "phase": N_("Not saved: the phase “%(title)s” was removed in the meantime, %(who)s."),
    "goal": N_("Not saved: this learning goal was removed in the meantime, %(who)s."),
}
CHANGED = N_(
    "Not saved: %(what)s of “%(title)s” was changed in the meantime, %(who)s. The board now shows"
    " that change; your input is kept, so you can make yours again."
)
EDITED = N_("Not removed: “%(title)s” was changed in the meantime (%(what)s), %(who)s. Look at it first.")
NO_FIT = N_("Not saved: the design was changed in the meantime, %(who)s, and your change no longer fits it.")


def changed_by(session: Session, design_id: int, since: int, me: int) -> list[str]:
    """The names of the others who saved versions after `since`: none when it was `me`."""
    authors = session.exec(
        select(DesignVersion.author_id, User.name)
        .join(User, col(User.id) == DesignVersion.author_id, isouter=True)
        .where(DesignVersion.design_id == design_id, col(DesignVersion.version) > since)
    ).all()
    return sorted({name or "?" for author, name in authors if author != me})


def conflict_message(conflict: Conflict, names: list[str], lang: str) -> str:
    if names:
        who_words = translate(lang, N_("by %(names)s"), names=", ".join(names))
    else:
        who_words = translate(lang, N_("by you, in another tab or window"))
    what = ", ".join(translate(lang, FIELD_WORDS.get(f, f)) for f in conflict.fields) or translate(
        lang, N_("it")
    )
    title = conflict.title or conflict.id
    if conflict.reason == "removed" and conflict.thing in REMOVED:
        return translate(lang, REMOVED[conflict.thing], title=title, who=who_words)
    if conflict.reason == "changed":
        return translate(lang, CHANGED, what=what, title=title, who=who_words)
    if conflict.reason == "edited":
        return translate(lang, EDITED, what=what, title=title, who=who_words)
    return translate(lang, NO_FIT, who=who_words)
