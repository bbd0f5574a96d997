"""Writing SVG by hand: escaping, numbers, text measures and inline icons.

Everything here returns strings. User text always goes through `esc`, which
also drops the control characters XML 1.0 forbids, so a title can never break
the document. Icons are Lucide's path data inlined as a `<g>` with an explicit
stroke colour: no `href`, no `url(…)`, nothing fetched.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import lucide
from lucide.jinja import lucide as lucide_svg

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "'DejaVu Sans', Verdana, sans-serif"

# Blue/orange is a colour-blind-safe pair; every colour also has a text label,
# and sync/async differ by line style, so the drawings survive grey-scale print.
INK = "#1f2933"
MUTED = "#5f6b7a"
LINE = "#d9dee5"
ONLINE = "#1f6fd1"
ONLINE_SOFT = "#e8f1fc"
OFFLINE = "#c25e00"
OFFLINE_SOFT = "#fdf0e3"
WAVE = "#0e9384"
LINK = "#7a5af8"
WARN = "#b42318"
OK = "#1b7a43"
ADVICE = "#6941c6"
MODE_COLOURS = {"online": ONLINE, "offline": OFFLINE}
MODE_SOFT = {"online": ONLINE_SOFT, "offline": OFFLINE_SOFT}

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(value: object) -> str:
    """Text or an attribute value, safe inside an XML document."""
    return html.escape(_XML_INVALID.sub("", str(value)), quote=True)


def num(value: float) -> str:
    """A coordinate, short: 12, 12.5, 0.25."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def attrs(**values: object) -> str:
    """`data_value=3, class_="x"` -> ` data-value="3" class="x"`; None is left out."""
    out = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        if isinstance(value, float) and not key.startswith("data_"):
            value = num(value)  # a coordinate; data values keep every digit
        out.append(f' {name}="{esc(value)}"')
    return "".join(out)


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 11,
    fill: str = INK,
    weight: str | None = None,
    anchor: str | None = None,
    **extra: object,
) -> str:
    given = attrs(
        x=float(x),
        y=float(y),
        font_size=float(size),
        fill=fill,
        font_weight=weight,
        text_anchor=anchor,
        **extra,
    )
    return f"<text{given}>{esc(content)}</text>"


def rect(x: float, y: float, w: float, h: float, **extra: object) -> str:
    return f"<rect{attrs(x=float(x), y=float(y), width=float(max(w, 0)), height=float(max(h, 0)), **extra)}/>"


def document(width: float, height: float, body: str, *, title: str, desc: str = "", **extra: object) -> str:
    """A standalone SVG document: namespace, size, accessible name, one font."""
    given = attrs(
        viewBox=f"0 0 {num(width)} {num(height)}",
        width=float(width),
        height=float(height),
        role="img",
        font_family=FONT,
        **extra,
    )
    head = f'<svg xmlns="{SVG_NS}"{given}><title>{esc(title)}</title>'
    if desc:
        head += f"<desc>{esc(desc)}</desc>"
    return f"{head}{body}</svg>"


# --- text measures -------------------------------------------------------------
# Rough advance widths of DejaVu Sans in ems (the font the PDF and the server's
# browser have); good enough to wrap and ellipsize labels without a font engine.

_NARROW = set("iljIf.,:;'|!()[]{}` ")
_SEMI = set('rt-/"*')
_WIDE = set("mwMW%@")


def text_width(content: str, size: float, *, bold: bool = False) -> float:
    total = 0.0
    for ch in content:
        if ch in _NARROW:
            total += 0.31
        elif ch in _SEMI:
            total += 0.42
        elif ch in _WIDE:
            total += 0.95
        elif ch.isupper() or ch.isdigit():
            total += 0.7 if ch.isupper() else 0.64
        else:
            total += 0.61
    return total * size * (1.1 if bold else 1.0)


def ellipsize(content: str, width: float, size: float, *, bold: bool = False) -> str:
    if text_width(content, size, bold=bold) <= width:
        return content
    while content and text_width(content + "…", size, bold=bold) > width:
        content = content[:-1]
    return content.rstrip() + "…"


def _tokens(content: str) -> list[tuple[str, bool]]:
    """Words, and parts of hyphenated words, each with: is there a space before it?"""
    out: list[tuple[str, bool]] = []
    for word in content.split():
        for i, part in enumerate(re.findall(r"[^-]+-?|-", word)):
            out.append((part, i == 0))
    return out


def wrap(content: str, width: float, size: float, *, lines: int, bold: bool = False) -> list[str]:
    """Greedy word wrap (also after a hyphen) into at most `lines` lines; the last
    one takes the rest, ellipsized. A word longer than a line is hyphenated."""
    tokens = _tokens(content)
    out: list[str] = []
    current = ""
    i = 0
    while i < len(tokens):
        token, spaced = tokens[i]
        sep = " " if spaced and current else ""
        if text_width(current + sep + token, size, bold=bold) <= width:
            current, i = current + sep + token, i + 1
            continue
        if len(out) == lines - 1:
            rest = "".join((" " if sp else "") + tok for tok, sp in tokens[i + 1 :])
            current = current + sep + token + rest
            break
        if current:
            out.append(current)
            current = ""
            continue
        cut = len(token)
        while cut > 1 and text_width(token[:cut] + "-", size, bold=bold) > width:
            cut -= 1
        cut = max(1, min(cut, len(token) - 3))  # no orphan of one or two letters
        out.append(token[:cut] + ("" if token[cut - 1] == "-" else "-"))
        tokens[i] = (token[cut:], False)
    if current:
        out.append(current)
    if out:
        out[-1] = ellipsize(out[-1], width, size, bold=bold)
    return out


# --- icons -------------------------------------------------------------------------

FALLBACK_ICON = "shapes"


@lru_cache(maxsize=256)
def _icon_body(name: str) -> str:
    try:
        markup = str(lucide_svg(name))
    except lucide.IconDoesNotExist:
        markup = str(lucide_svg(FALLBACK_ICON))
    inner = markup.split(">", 1)[1].rsplit("</svg>", 1)[0]
    return " ".join(inner.split())


def icon(name: str, x: float, y: float, size: float, colour: str) -> str:
    """A Lucide icon (24×24 grid) drawn at (x, y), `size` wide, in one colour."""
    body = _icon_body(name).replace("currentColor", colour)
    return (
        f'<g transform="translate({num(x)} {num(y)}) scale({num(size / 24)})" fill="none" '
        f'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
        f"{body}</g>"
    )
