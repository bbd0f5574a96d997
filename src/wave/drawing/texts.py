"""The words inside the drawings, in Dutch and English.

The drawings are pure functions (no Jinja, no gettext), and an SVG file saved
from the app or the CLI must carry its own words, so they live here.
"""

TEXTS: dict[str, dict[str, str]] = {
    # profile charts
    "share.title": {"nl": "Online en fysiek", "en": "Online and face-to-face"},
    "timing.title": {"nl": "Synchroon en asynchroon", "en": "Synchronous and asynchronous"},
    "types.title": {"nl": "Minuten per leertype", "en": "Minutes per learning type"},
    "interactions.title": {"nl": "Minuten per soort interactie", "en": "Minutes per kind of interaction"},
    "interactions.note": {
        "nl": "Een activiteit met meer soorten interactie telt bij elke soort mee.",
        "en": "An activity with several kinds of interaction counts under each of them.",
    },
    "environments.title": {"nl": "Minuten per leeromgeving", "en": "Minutes per learning environment"},
    "phases.title": {"nl": "Studielast per fase", "en": "Study load per phase"},
    "bands": {"nl": "Allen & Seaman", "en": "Allen & Seaman"},
    "min": {"nl": "min", "en": "min"},
    "minutes": {"nl": "Minuten", "en": "Minutes"},
    "share": {"nl": "Aandeel", "en": "Share"},
    "part": {"nl": "Onderdeel", "en": "Part"},
    "phase": {"nl": "Fase", "en": "Phase"},
    "total": {"nl": "Totaal", "en": "Total"},
    "budget": {"nl": "budget", "en": "budget"},
    "budget.none": {"nl": "geen studielastbudget ingesteld", "en": "no study load budget set"},
    "budget.over": {"nl": "{n} min boven budget", "en": "{n} min over budget"},
    "budget.left": {"nl": "{n} min onder budget", "en": "{n} min under budget"},
    "empty": {"nl": "Nog geen studietijd", "en": "No study time yet"},
    "category.traditional": {"nl": "traditioneel", "en": "traditional"},
    "category.web-facilitated": {"nl": "webondersteund", "en": "web-facilitated"},
    "category.blended": {"nl": "blended", "en": "blended"},
    "category.online": {"nl": "online", "en": "online"},
    "online.pct": {"nl": "{p}% online", "en": "{p}% online"},
    "sync.pct": {"nl": "{p}% synchroon", "en": "{p}% synchronous"},
    # the wave drawing
    "wave.summary": {
        "nl": "{n} activiteiten in {p} fasen · {m} min",
        "en": "{n} activities in {p} phases · {m} min",
    },
    "wave.profile": {"nl": "{p}% online ({c})", "en": "{p}% online ({c})"},
    "wave.empty": {"nl": "Nog geen activiteiten", "en": "No activities yet"},
    "wave.choice": {"nl": "keuze: eigen volgorde", "en": "choice: any order"},
    "legend.sync": {"nl": "synchroon (doorgetrokken rand)", "en": "synchronous (solid border)"},
    "legend.async": {"nl": "asynchroon (gestippelde rand)", "en": "asynchronous (dashed border)"},
    "legend.wave": {
        "nl": "de wave: activiteiten in volgorde van tijd",
        "en": "the wave: activities in time order",
    },
    "legend.link": {"nl": "verband tussen activiteiten", "en": "link between activities"},
    "legend.multi": {"nl": "deels in het lokaal, deels online", "en": "part in class, part online"},
    # the words the canvas cards use (finding 37: no English SYNC/ASYNC in a Dutch drawing)
    "sync": {"nl": "synchroon", "en": "synchronous"},
    "async": {"nl": "asynchroon", "en": "asynchronous"},
    # before/after
    "change.added": {"nl": "+ nieuw", "en": "+ new"},
    "change.removed": {"nl": "− eruit", "en": "− out"},
    "change.changed": {"nl": "≠ gewijzigd", "en": "≠ changed"},
    "change.moved": {"nl": "↕ andere baan", "en": "↕ other lane"},
    "balance.in": {"nl": "Erin", "en": "In"},
    "balance.out": {"nl": "Eruit", "en": "Out"},
    "balance.net": {"nl": "Netto {d} min", "en": "Net {d} min"},
    "balance.title": {"nl": "Er gaat iets in, er gaat iets uit", "en": "Something in, something out"},
}


def t(key: str, lang: str, **values: object) -> str:
    entry = TEXTS[key]
    text = entry["en"] if lang == "en" else entry["nl"]
    return text.format(**values) if values else text
