"""Lucide icons in the templates: one hidden sprite per page, and `<use>` references to it.

A canvas of 100 activities draws some 300 icons; inlining each SVG made half of
every edit response. The sprite holds every icon a page can show (the catalogue's
and those named in the templates); an icon outside it, or one asked for `inline`
(the PDF, where WeasyPrint cannot follow references between SVGs), is inlined.
"""

import re
from functools import lru_cache
from typing import Any

import lucide
from lucide.jinja import lucide as render_lucide
from markupsafe import Markup, escape

from wave.catalogue import get_catalogue

QUOTED = re.compile(r"""["']([a-z0-9]+(?:-[a-z0-9]+)*)["']""")
ICON_CALL = re.compile(r"icon\(([^)]*)\)")
OUTER_SVG = re.compile(r"^<svg[^>]*>(.*)</svg>\s*$", re.S)
EXTRA_ICONS = ("shapes",)  # drawn from Python (custom activities)


def _exists(name: str) -> bool:
    try:
        render_lucide(name)
    except lucide.IconDoesNotExist:
        return False
    return True


@lru_cache(maxsize=1)
def sprite_names() -> frozenset[str]:
    from wave.templating import TEMPLATES_DIR  # which imports this module

    names = {a.icon for a in get_catalogue().activities} | set(EXTRA_ICONS)
    for template in TEMPLATES_DIR.glob("*.html"):
        for call in ICON_CALL.finditer(template.read_text(encoding="utf-8")):
            names |= {n for n in QUOTED.findall(call.group(1)) if _exists(n)}
    return frozenset(names)


@lru_cache(maxsize=1)
def sprite() -> Markup:
    symbols = []
    for name in sorted(sprite_names()):
        inner = OUTER_SVG.match(str(render_lucide(name))).group(1).strip()
        symbols.append(f'<symbol id="i-{name}" viewBox="0 0 24 24">{inner}</symbol>')
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="icon-sprite" width="0" '
        'height="0" aria-hidden="true">' + "".join(symbols) + "</svg>"
    )


@lru_cache(maxsize=1024)
def _render(name: str, size: int, inline: bool, attrs: tuple[tuple[str, Any], ...]) -> Markup:
    if inline or name not in sprite_names():
        return render_lucide(name, size=size, **dict(attrs))
    extra = "".join(f' {k}="{escape(v)}"' for k, v in attrs)
    return Markup(
        f'<svg width="{size}" height="{size}" viewBox="0 0 24 24" fill="none" '
        f'stroke="currentColor" stroke-width="2" stroke-linecap="round" '
        f'stroke-linejoin="round"{extra}><use href="#i-{name}"/></svg>'
    )


def icon(name: str, size: int = 20, inline: bool = False, **attrs: Any) -> Markup:
    """A Lucide icon, hidden from screen readers (the text beside it speaks)."""
    attrs.setdefault("aria-hidden", "true")
    return _render(name, size, inline, tuple(sorted(attrs.items())))
