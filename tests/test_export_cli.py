"""`wave export FILE --svg OUT` (SPEC §8): a parseable drawing, or exit 2 without a traceback."""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from webfixtures import PROCESS_S

from wave.examples import EXAMPLES_DIR

WAVE = str(Path(sys.executable).parent / "wave")
MARKETING = EXAMPLES_DIR / "marketing-communicatie.json"
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([WAVE, "export", *args], capture_output=True, text=True, timeout=PROCESS_S)


def test_export_svg_writes_a_parseable_drawing(tmp_path):
    out = tmp_path / "wave.svg"
    result = run(str(MARKETING), "--svg", str(out))
    assert result.returncode == 0, result.stderr
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG}svg"
    design = json.loads(MARKETING.read_text(encoding="utf-8"))
    ids = [a["id"] for p in design["phases"] for a in p["activities"]]
    assert [g.attrib["data-activity"] for g in root.iter(f"{SVG}g") if "data-activity" in g.attrib] == ids
    assert root.find(f"{SVG}title").text == design["title"]
    text = out.read_text(encoding="utf-8")
    assert "Fysiek" in text  # the design's language (nl) by default
    assert 'href="http' not in text and "url(" not in text


def test_export_svg_in_english(tmp_path):
    out = tmp_path / "wave-en.svg"
    assert run(str(MARKETING), "--svg", str(out), "--lang", "en").returncode == 0
    assert "Face-to-face" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        '{"format": "wave.design/v1"}',
        '{"format": "wave.design/v1", "title": "x", "phases": '
        '[{"id": "p", "title": "P", "activities": [{"id": "a", '
        '"activity": "nope", "mode": "online"}]}]}',
    ],
)
def test_invalid_input_exits_2_without_traceback(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out.svg"
    result = run(str(bad), "--svg", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip()
    assert not out.exists()


def test_missing_file_and_nothing_to_do_exit_2(tmp_path):
    result = run(str(tmp_path / "missing.json"), "--svg", str(tmp_path / "x.svg"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run(str(MARKETING))
    assert result.returncode == 2 and "--svg" in result.stderr
