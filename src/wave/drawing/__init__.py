"""Drawings of a design, as SVG strings: pure functions, no web, no database.

- `profile_charts(report, design, lang)`: the profile as six small charts, each
  with its text alternative (`charts`);
- `wave_svg(design, catalogue, lang)`: the wave as a standalone SVG document,
  for the canvas download, `wave export --svg`, the PDF and (compact) the
  dashboard thumbnails (`wave_svg`);
- `compare_view(design, catalogue, report, lang)`: baseline and redesign side
  by side with the engine's added/removed/changed/moved marked (`compare`).

The page, the PDF and the CLI all draw from here, so they show one picture.
"""

from wave.drawing.charts import (
    Chart,
    bars_chart,
    phase_load_chart,
    profile_charts,
    share_chart,
    timing_chart,
)
from wave.drawing.compare import CompareRow, CompareView, compare_view
from wave.drawing.wave_svg import wave_svg

__all__ = [
    "Chart",
    "CompareRow",
    "CompareView",
    "bars_chart",
    "compare_view",
    "phase_load_chart",
    "profile_charts",
    "share_chart",
    "timing_chart",
    "wave_svg",
]
