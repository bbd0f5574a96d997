"""The words inside the drawings: message ids of the catalogue, by key.

The drawings are pure functions (no Jinja, no request), and an SVG file saved
from the app or the CLI must carry its own words: `t` puts them in, in the
drawing's language, as it is drawn.
"""

from wave.i18n import N_, pgettext, translate

TEXTS: dict[str, str] = {
    # profile charts
    "share.title": N_("Online and face-to-face"),
    "timing.title": N_("Synchronous and asynchronous"),
    "types.title": N_("Minutes per learning type"),
    "interactions.title": N_("Minutes per kind of interaction"),
    "interactions.note": N_("An activity with several kinds of interaction counts under each of them."),
    "environments.title": N_("Minutes per learning environment"),
    "phases.title": N_("Study load per phase"),
    "bands": N_("Allen & Seaman"),
    "min": N_("min"),
    "minutes": N_("Minutes"),
    "share": pgettext("chart", "Share"),
    "part": N_("Part"),
    "phase": N_("Phase"),
    "total": N_("Total"),
    "budget": N_("budget"),
    "budget.none": N_("no study load budget set"),
    "budget.over": N_("%(n)s min over budget"),
    "budget.left": N_("%(n)s min under budget"),
    "empty": N_("No study time yet"),
    "category.traditional": N_("traditional"),
    "category.web-facilitated": N_("web-facilitated"),
    "category.blended": N_("blended"),
    "category.online": N_("online"),
    "online.pct": N_("%(p)s%% online"),
    "sync.pct": N_("%(p)s%% synchronous"),
    # the wave drawing
    "wave.summary": N_("%(n)s activities in %(p)s phases · %(m)s min"),
    "wave.profile": N_("%(p)s%% online (%(c)s)"),
    "wave.empty": N_("No activities yet"),
    "wave.choice": N_("choice: any order"),
    "week.short": N_("Wk %(n)s"),
    "legend.sync": N_("synchronous (solid border)"),
    "legend.async": N_("asynchronous (dashed border)"),
    "legend.wave": N_("the wave: activities in time order"),
    "legend.link": N_("link between activities"),
    "legend.multi": N_("part in class, part online"),
    # the words the canvas cards use (finding 37: no English SYNC/ASYNC in a Dutch drawing)
    "sync": N_("synchronous"),
    "async": N_("asynchronous"),
    # before/after
    "change.added": N_("+ new"),
    "change.removed": N_("− out"),
    "change.changed": N_("≠ changed"),
    "change.moved": N_("↕ other lane"),
    "balance.in": N_("In"),
    "balance.out": N_("Out"),
    "balance.net": N_("Net %(d)s min"),
    "balance.title": N_("Something in, something out"),
    # a programme on its weeks
    "programme.title": N_("Study load per week"),
    "programme.week": N_("Week"),
    "programme.hours": N_("Hours per week"),
    "programme.norm": N_("norm %(n)s h"),
    "programme.desc": N_("%(courses)s courses over %(weeks)s weeks; weeks over the norm: %(over)s"),
    # the readiness scan
    "radar.title": N_("Readiness per dimension"),
    "radar.current": N_("this scan"),
    "radar.previous": N_("the previous scan"),
    "radar.scale": N_("1 not yet · 2 starting · 3 growing · 4 embedded"),
    "radar.empty": N_("No answers yet"),
    "radar.unscored": N_("no score"),
    "spread.range": N_("answers from %(low)s to %(high)s"),
    "spread.none": N_("no answers"),
}


def t(key: str, lang: str, **values: object) -> str:
    return translate(lang, TEXTS[key], **values)
