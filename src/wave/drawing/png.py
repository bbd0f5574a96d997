"""A drawing as a PNG: `png_from_svg(svg)` rasterises one of our SVG documents.

resvg (through `resvg-py`, a self-contained wheel) renders the whole of what our
drawings use: the dashed borders of asynchronous cards and links, and the text in
the system's DejaVu Sans, the font the SVG names and measures its text with.
The background is white (slides are not always white, a transparent PNG reads
badly on a dark one) and the default scale is 2× the SVG's size, sharp on a
projector.
"""

from __future__ import annotations

import resvg_py

SCALE = 2
BACKGROUND = "#ffffff"


def png_from_svg(svg: str, *, scale: float = SCALE) -> bytes:
    """PNG bytes of a standalone SVG document, `scale` times its own width and height."""
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, background=BACKGROUND, zoom=scale))
