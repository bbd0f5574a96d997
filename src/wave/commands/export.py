"""`wave export FILE [--svg OUT] [--png OUT] [--pdf OUT] [--pptx OUT] [--xlsx OUT]
[--csv OUT] [--imscc OUT] [--lang nl|en]`: a design as a drawing, a document or a file
for another tool.

`--svg` writes the wave as a standalone SVG (the same drawing the canvas
downloads), `--png` the same drawing as a PNG at twice its size on white;
`--pdf` writes the PDF export, `--pptx` the PowerPoint deck, `--xlsx` the
spreadsheet, `--csv` the activity table as CSV and `--imscc` the IMS Common
Cartridge (SPEC §7), each as the web app makes it. The words are in the design's own
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
from wave.export.cartridge import render_imscc
from wave.export.csvfile import render_csv
from wave.export.slides import render_pptx
from wave.export.xlsx import render_xlsx
from wave.i18n import N_, translate

MESSAGES = {
    "nothing": N_("nothing to do: give --svg, --png, --pdf, --pptx, --xlsx, --csv and/or --imscc OUT"),
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
    pptx: Annotated[Path | None, typer.Option("--pptx", help="Write the PowerPoint deck here.")] = None,
    xlsx: Annotated[Path | None, typer.Option("--xlsx", help="Write the spreadsheet here.")] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write the activity table (CSV) here.")] = None,
    imscc: Annotated[
        Path | None, typer.Option("--imscc", help="Write the IMS Common Cartridge 1.3 here.")
    ] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="Language (default: the design's).")] = None,
) -> None:
    """Export a design: the wave (--svg, --png), the PDF (--pdf), PowerPoint (--pptx),
    Excel (--xlsx), CSV (--csv) and/or an IMS Common Cartridge for the LMS (--imscc)."""
    message_lang = lang.value if lang else "nl"
    if all(out is None for out in (svg, png, pdf, pptx, xlsx, csv, imscc)):
        raise _fail([translate(message_lang, MESSAGES["nothing"])])
    design, catalogue, config = load_design_file(file, message_lang)
    words = lang.value if lang else design.language
    if pptx is not None or xlsx is not None:
        report = run_check(design, catalogue, lang=words, config=config)
        if pptx is not None:
            _write(pptx, render_pptx(design, catalogue, lang=words, report=report), words)
        if xlsx is not None:
            _write(xlsx, render_xlsx(design, catalogue, lang=words, report=report), words)
    if csv is not None:
        _write(csv, render_csv(design, catalogue, lang=words), words)
    if imscc is not None:
        _write(imscc, render_imscc(design, catalogue, lang=words), words)
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
