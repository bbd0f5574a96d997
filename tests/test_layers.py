"""Layers only point down (STYLE.md):

- Export renders a design, not a page of the web app (no FastAPI, nothing of `wave.web`).
- The web app does not carry the bench.
- The worked examples are data, stored by `wave.seeding`.
- A route module does not lean on another route module, and only the modules
  listed here import the web layer from outside it.

What a command or module loads is checked in a fresh interpreter (a subprocess),
so nothing this test session imported earlier hides an import. Who imports whom
is read from the source with `ast`, lazy imports inside functions included.
"""

import ast
import json
import subprocess
import sys
from pathlib import Path

import wave
from wave.examples import EXAMPLES_DIR

SRC = wave.PACKAGE_DIR  # src/wave
ROUTES = SRC / "web" / "routes"
MARKETING = EXAMPLES_DIR / "marketing-communicatie.json"

# The modules outside wave.web that may import it, each with its reason. (`wave serve`
# names `wave.web.main:app` to uvicorn as a string: no import of ours.)
WEB_IMPORTERS = {
    "wave/bench.py": "drives a served app (WAVE_BENCH=1) and asks for its bare endpoint "
    "by the route module's FRAGMENT_PATH",
}


def loaded_after(code: str, *prefixes: str) -> list[str]:
    """Run `code` in a fresh interpreter; the loaded modules named by `prefixes`
    (a prefix `p` matches `p` itself and `p.…`)."""
    script = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if any(m == p or m.startswith(p + '.') "
        f"for p in {list(prefixes)!r}))))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    return imports_in(
        path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py"
    )


def imports_in(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module `source` (the text of `module`) imports, anywhere in it: for
    `from a.b import c` both `a.b` and `a.b.c` (c may be a submodule); relative
    imports resolved."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


# --- export without the web app ------------------------------------------------------


def test_export_modules_do_not_load_the_web_layer():
    loaded = loaded_after(
        "import wave.commands.export, wave.export.pdf, wave.cli", "fastapi", "starlette", "wave.web"
    )
    assert loaded == []


def test_export_pdf_does_not_load_the_web_layer(tmp_path):
    """`wave export --pdf` run to the end: the PDF is written, and no FastAPI was needed."""
    out = tmp_path / "design.pdf"
    code = (
        "from wave.cli import app\n"
        f"app(['export', {str(MARKETING)!r}, '--pdf', {str(out)!r}], standalone_mode=False)"
    )
    assert loaded_after(code, "fastapi", "starlette", "wave.web") == []
    assert out.read_bytes().startswith(b"%PDF")


# --- the web app without the bench ---------------------------------------------------


def test_web_app_does_not_load_the_bench():
    """Not even with WAVE_BENCH=1, where the app answers the bench's bare endpoint."""
    code = (
        "import os\nos.environ['WAVE_BENCH'] = '1'\n"
        "from fastapi.testclient import TestClient\n"
        "from wave.web.app import create_app\n"
        "answer = TestClient(create_app()).get('/_bench/fragment', params={'size': 3})\n"
        "assert answer.text == 'xxx', answer.status_code"
    )
    assert loaded_after(code, "wave.bench", "wave.commands.bench") == []


# --- the examples are data -----------------------------------------------------------


def test_examples_do_not_load_the_database():
    loaded = loaded_after(
        "import wave.examples; wave.examples.example_index()",
        "wave.db",
        "wave.store",
        "wave.models",
        "wave.seeding",
        "sqlmodel",
        "sqlalchemy",
    )
    assert loaded == []


# --- who imports whom ----------------------------------------------------------------


def test_no_route_module_imports_another():
    routes = {module_name(p) for p in ROUTES.glob("*.py") if p.name != "__init__.py"}
    assert len(routes) > 5  # the glob found the route modules
    leaning = {
        module_name(p): sorted(name for name in imported(p) & routes if name != module_name(p))
        for p in sorted(ROUTES.glob("*.py"))
    }
    assert {m: names for m, names in leaning.items() if names} == {}, (
        "move what the routes share into a module beside them (e.g. wave/web/review_view.py)"
    )


def test_only_listed_modules_outside_the_web_layer_import_it():
    importers = set()
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC.parent).as_posix()
        if relative.startswith("wave/web/"):
            continue
        if any(name == "wave.web" or name.startswith("wave.web.") for name in imported(path)):
            importers.add(relative)
    assert importers == set(WEB_IMPORTERS), (
        "import the shared piece from a module outside wave/web instead "
        "(or list the module in WEB_IMPORTERS with its reason)"
    )


def test_the_import_reader_sees_relative_and_lazy_imports():
    source = (
        "from . import review\n"
        "from ..rendering import render_page\n"
        "def handler():\n"
        "    import wave.web.routes.pages\n"
    )
    names = imports_in(source, "wave.web.routes.canvas")
    assert {"wave.web.routes.review", "wave.web.rendering", "wave.web.routes.pages"} <= names
