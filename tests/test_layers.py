"""Layers only point down (STYLE.md):

- Export renders a design, not a page of the web app (no FastAPI, nothing of `wave.web`).
- The web app does not carry the bench.
- The worked examples are data, stored by `wave.seeding`.

What a command or module loads is checked in a fresh interpreter (a subprocess),
so nothing this test session imported earlier hides an import.
"""

import json
import subprocess
import sys

from wave.examples import EXAMPLES_DIR

MARKETING = EXAMPLES_DIR / "marketing-communicatie.json"


def loaded_after(code: str, *prefixes: str) -> list[str]:
    """Run `code` in a fresh interpreter; the loaded modules named by `prefixes`
    (a prefix `p` matches `p` itself and `p.…`)."""
    script = (f"import json, sys\n{code}\n"
              f"print(json.dumps(sorted(m for m in sys.modules if any(m == p or m.startswith(p + '.') "
              f"for p in {list(prefixes)!r}))))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- export without the web app ------------------------------------------------------


def test_export_modules_do_not_load_the_web_layer():
    loaded = loaded_after("import wave.commands.export, wave.export.pdf, wave.cli",
                          "fastapi", "starlette", "wave.web")
    assert loaded == []


def test_export_pdf_does_not_load_the_web_layer(tmp_path):
    """`wave export --pdf` run to the end: the PDF is written, and no FastAPI was needed."""
    out = tmp_path / "design.pdf"
    code = ("from wave.cli import app\n"
            f"app(['export', {str(MARKETING)!r}, '--pdf', {str(out)!r}], standalone_mode=False)")
    assert loaded_after(code, "fastapi", "starlette", "wave.web") == []
    assert out.read_bytes().startswith(b"%PDF")


# --- the web app without the bench ---------------------------------------------------


def test_web_app_does_not_load_the_bench():
    """Not even with WAVE_BENCH=1, where the app answers the bench's bare endpoint."""
    code = ("import os\nos.environ['WAVE_BENCH'] = '1'\n"
            "from fastapi.testclient import TestClient\n"
            "from wave.web.app import create_app\n"
            "answer = TestClient(create_app()).get('/_bench/fragment', params={'size': 3})\n"
            "assert answer.text == 'xxx', answer.status_code")
    assert loaded_after(code, "wave.bench", "wave.commands.bench") == []


# --- the examples are data -----------------------------------------------------------


def test_examples_do_not_load_the_database():
    loaded = loaded_after("import wave.examples; wave.examples.example_index()",
                          "wave.db", "wave.store", "wave.models", "wave.seeding", "sqlmodel",
                          "sqlalchemy")
    assert loaded == []
