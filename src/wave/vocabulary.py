"""The words of the domain, shared by the catalogue, the format and the engine."""

from typing import Literal

Lang = Literal["nl", "en"]
Mode = Literal["online", "offline"]
Timing = Literal["sync", "async"]
LearningType = Literal[
    "acquisition", "investigation", "practice", "discussion", "collaboration", "production"
]
Interaction = Literal["student-teacher", "student-student", "student-content"]
Assessment = Literal["none", "formative", "summative"]
Grouping = Literal["individual", "group", "class"]
Environment = Literal["online", "campus", "workplace", "society"]
Source = Literal["own", "oer", "existing"]
LinkKind = Literal["prepares", "follows-up", "feedback", "uses"]
PhaseKind = Literal["sequence", "choice"]

MODES: tuple[Mode, ...] = ("online", "offline")
TIMINGS: tuple[Timing, ...] = ("sync", "async")
LEARNING_TYPES: tuple[LearningType, ...] = (
    "acquisition",
    "investigation",
    "practice",
    "discussion",
    "collaboration",
    "production",
)
INTERACTIONS: tuple[Interaction, ...] = ("student-teacher", "student-student", "student-content")
ENVIRONMENTS: tuple[Environment, ...] = ("online", "campus", "workplace", "society")
SOURCES: tuple[Source, ...] = ("own", "oer", "existing")
LINK_KINDS: tuple[LinkKind, ...] = ("prepares", "follows-up", "feedback", "uses")

# Labels shown to people, per language. Codes stay English: they are the format.
LABELS: dict[str, dict[str, str]] = {
    "online": {"nl": "Online", "en": "Online"},
    "offline": {"nl": "Fysiek", "en": "Face-to-face"},
    "sync": {"nl": "Synchroon", "en": "Synchronous"},
    "async": {"nl": "Asynchroon", "en": "Asynchronous"},
    "acquisition": {"nl": "Kennis verwerven", "en": "Acquisition"},
    "investigation": {"nl": "Onderzoeken", "en": "Investigation"},
    "practice": {"nl": "Oefenen", "en": "Practice"},
    "discussion": {"nl": "Discussiëren", "en": "Discussion"},
    "collaboration": {"nl": "Samenwerken", "en": "Collaboration"},
    "production": {"nl": "Produceren", "en": "Production"},
    "student-teacher": {"nl": "Student – docent", "en": "Student – teacher"},
    "student-student": {"nl": "Student – student", "en": "Student – student"},
    "student-content": {"nl": "Student – inhoud", "en": "Student – content"},
    "campus": {"nl": "Campus", "en": "Campus"},
    "workplace": {"nl": "Werkplek", "en": "Workplace"},
    "society": {"nl": "Samenleving", "en": "Society"},
    "own": {"nl": "Zelf gemaakt", "en": "Own material"},
    "oer": {"nl": "Open leermateriaal (OER)", "en": "Open educational resource"},
    "existing": {"nl": "Bestaand materiaal", "en": "Existing material"},
    "prepares": {"nl": "bereidt voor op", "en": "prepares for"},
    "follows-up": {"nl": "volgt op", "en": "follows up on"},
    "feedback": {"nl": "geeft feedback op", "en": "gives feedback on"},
    "uses": {"nl": "gebruikt", "en": "uses"},
    "sequence": {"nl": "Volgorde", "en": "Sequence"},
    "choice": {"nl": "Keuze", "en": "Choice"},
    "none": {"nl": "Geen toetsing", "en": "No assessment"},
    "formative": {"nl": "Formatief", "en": "Formative"},
    "summative": {"nl": "Summatief", "en": "Summative"},
    "individual": {"nl": "Individueel", "en": "Individual"},
    "group": {"nl": "Groep", "en": "Group"},
    "class": {"nl": "Hele klas", "en": "Whole class"},
}

# A link read from its other end: "B <reverse> A" for the link "A <kind> B".
LINK_REVERSE: dict[str, dict[str, str]] = {
    "prepares": {"nl": "wordt voorbereid door", "en": "is prepared by"},
    "follows-up": {"nl": "krijgt een vervolg in", "en": "is followed up by"},
    "feedback": {"nl": "krijgt feedback van", "en": "gets feedback from"},
    "uses": {"nl": "wordt gebruikt door", "en": "is used by"},
}


def link_phrase(kind: str, lang: str, *, reverse: bool = False) -> str:
    """How a link kind reads from its source ("bereidt voor op") or its target."""
    return LINK_REVERSE[kind][lang] if reverse else label(kind, lang)


# Teacher skills an activity asks for in a mode (tip 6). Slug -> label.
TEACHER_SKILLS: dict[str, dict[str, str]] = {
    "on-camera": {"nl": "Presenteren voor de camera", "en": "Presenting on camera"},
    "video-editing": {"nl": "Video opnemen en monteren", "en": "Recording and editing video"},
    "audio-production": {"nl": "Audio opnemen en monteren", "en": "Recording and editing audio"},
    "online-moderation": {"nl": "Online gesprekken leiden", "en": "Moderating online discussion"},
    "online-facilitation": {
        "nl": "Live online sessies begeleiden",
        "en": "Facilitating live online sessions",
    },
    "classroom-facilitation": {"nl": "Werkvormen in de klas begeleiden", "en": "Facilitating in class"},
    "digital-tools": {"nl": "Digitale tools inzetten", "en": "Using digital tools"},
    "e-learning-authoring": {"nl": "E-learning bouwen", "en": "Authoring e-learning"},
    "quiz-design": {"nl": "Toetsvragen maken", "en": "Writing quiz questions"},
    "online-assessment": {"nl": "Online toetsen afnemen", "en": "Running online assessment"},
    "online-feedback": {"nl": "Online feedback geven", "en": "Giving feedback online"},
    "online-coaching": {"nl": "Online coachen", "en": "Coaching online"},
    "simulation-design": {"nl": "Simulaties inzetten", "en": "Running simulations"},
    "curation": {"nl": "Bronnen selecteren en cureren", "en": "Curating resources"},
    "workplace-liaison": {"nl": "Contact met de beroepspraktijk", "en": "Liaising with workplaces"},
    "hybrid-teaching": {"nl": "Hybride lesgeven", "en": "Teaching a hybrid group"},
}


def label(code: str, lang: str) -> str:
    """The label for a vocabulary code in a language; the code itself when unknown."""
    entry = LABELS.get(code) or TEACHER_SKILLS.get(code)
    return entry[lang] if entry else code
