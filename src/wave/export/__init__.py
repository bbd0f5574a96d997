"""Exports of a design besides its JSON: the PDF (SPEC §7)."""

from wave.export.pdf import render_pdf

__all__ = ["render_pdf"]
