"""blend.single-mode — every activity has the same mode: no blend.

Fires when the design has at least two activities and all of them are online,
or all of them are offline (with fewer, `blend.too-short` speaks). One finding
for the design, naming no activities; `detail["mode"]` says which mode.

*Bad*: a module of four lectures and a written exam, all on campus.

*Good*: two of the lectures become knowledge clips online that prepare for the
remaining sessions on campus.
"""

from collections.abc import Iterator

from wave.engine.context import Context, Hit

ID = "blend.single-mode"
SEVERITY = "warning"
TIP = None
MISCONCEPTION = None
TITLE = {
    "nl": "Alleen online of alleen fysiek: geen blend",
    "en": "Only online or only face to face: no blend",
}
FOUND = {
    "online": {
        "nl": "Alle activiteiten in je ontwerp zijn online; er is geen fysieke activiteit.",
        "en": "All activities in your design are online; there is no face-to-face activity.",
    },
    "offline": {
        "nl": "Alle activiteiten in je ontwerp zijn fysiek; er is geen online activiteit.",
        "en": "All activities in your design are face to face; there is no online activity.",
    },
}
WHY = {
    "nl": "Blended leren mengt altijd fysiek en online leren. Blijft alles online of alles "
    "fysiek, dan laat je de sterke kanten van de andere kant liggen: online werken in eigen "
    "tijd en tempo, of direct contact op locatie.",
    "en": "Blended learning always mixes face-to-face and online learning. Keeping everything "
    "online or everything face to face leaves the strengths of the other unused: online work "
    "at one's own time and pace, or direct contact on site.",
}
TRY = {
    "nl": "Verplaats een of twee activiteiten naar de andere laan en verbind ze met wat "
    "ervoor of erna komt. Een goed vertrekpunt: ga uit van online en kies stap voor stap "
    "wat fysiek beter werkt.",
    "en": "Move one or two activities to the other lane and link them to what comes before "
    "or after. A good starting point: assume online, then choose step by step what works "
    "better face to face.",
}


def check(ctx: Context) -> Iterator[Hit]:
    if len(ctx.activities) >= 2 and len(ctx.modes) == 1:
        mode = next(iter(ctx.modes))
        yield Hit(detail={"mode": mode}, variant=mode)
