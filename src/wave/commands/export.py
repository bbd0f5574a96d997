"""`wave export FILE [--svg OUT] [--png OUT] [--pdf OUT] [--lang nl|en]`: a design as a drawing or PDF.

`--svg` writes the wave as a standalone SVG (the same drawing the canvas
downloads), `--png` the same drawing as a PNG at twice its size on white;
`--pdf` writes the PDF export (SPEC §7). The words are in the design's own
language unless `--lang` says otherwise. Exit status: 0 written,
2 the input cannot be used (unreadable file, not JSON, not a valid
`wave.design/v1` design, nothing asked for, an output that cannot be
written). Problems are printed one per line; never a traceback.
"""

from pathlib import Path
from typing import Annotated

import typer

from wave.commands.check import Lang, _fail, load_design_file
from wave.drawing import wave_svg
from wave.drawing.png import png_from_svg
from wave.engine import check as run_check
from wave.i18n import N_, translate

MESSAGES = {
    "nothing": N_("nothing to do: give --svg OUT, --png OUT and/or --pdf OUT"),
    "no-pdf": N_("PDF export is not available in this installation"),
    "pdf-failed": N_("the PDF could not be made"),
    "write": N_("cannot be written"),
    "written": N_("written"),
}


def _write(out: Path, data: bytes, lang: str) -> None:
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise _fail([f"{out}: {translate(lang, MESSAGES['write'])}: {exc.strerror or exc}"]) from None
    typer.echo(f"{out}: {translate(lang, MESSAGES['written'])}", err=True)


def export(
    file: Annotated[str, typer.Argument(help="A wave.design/v1 JSON file, or - for stdin.")],
    svg: Annotated[Path | None, typer.Option("--svg", help="Write the wave drawing (SVG) here.")] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Write the wave drawing (PNG, 2×) here.")] = None,
    pdf: Annotated[Path | None, typer.Option("--pdf", help="Write the PDF export here.")] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Language (default: the design's).")] = None,
) -> None:
    """Export a design: the wave as SVG (--svg) or PNG (--png) and/or the PDF (--pdf)."""
    message_lang = lang.value if lang else "nl"
    if svg is None and png is None and pdf is None:
        raise _fail([translate(message_lang, MESSAGES["nothing"])])
    design, catalogue, config = load_design_file(file, message_lang)
    words = lang.value if lang else design.language
    if svg is not None or png is not None:
        report = run_check(design, catalogue, lang=words, config=config)
        drawing = wave_svg(design, catalogue, words, profile=report.profile)
        if svg is not None:
            _write(svg, drawing.encode("utf-8"), words)
        if png is not None:
            _write(png, png_from_svg(drawing), words)
    if pdf is not None:
        try:
            from wave.export.pdf import render_pdf
        except ModuleNotFoundError as exc:
            if exc.name not in ("wave.export", "wave.export.pdf", "weasyprint"):
                raise
            raise _fail([f"{translate(words, MESSAGES['no-pdf'])} ({exc.name})"]) from None
        try:
            document = render_pdf(design, catalogue, lang=words, config=config)
        except Exception as exc:  # a renderer failure is reported, never a traceback
            raise _fail(
                [f"{translate(words, MESSAGES['pdf-failed'])}: {type(exc).__name__}: {exc}"]
            ) from None
        _write(pdf, document, words)
