"""`wave check` and `wave rules` (SPEC §8): exit codes, output, never a traceback."""

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from webfixtures import PROCESS_S

import wave.commands.check as check_command
from wave.cli import app
from wave.engine import RULES
from wave.settings import get_settings

runner = CliRunner()

GOOD = {
    "format": "wave.design/v1",
    "title": "Marketingcommunicatie",
    "goals": [{"id": "g1", "text": "De student past het 4P-model toe op een casus"}],
    "phases": [
        {
            "id": "voor",
            "title": "Voorbereiding",
            "activities": [
                {
                    "id": "a1",
                    "activity": "kennisclip",
                    "mode": "online",
                    "goals": ["g1"],
                    "topics": ["4P-model"],
                },
                {"id": "a2", "activity": "oefentoets", "mode": "online", "goals": ["g1"]},
            ],
        },
        {
            "id": "bijeenkomst",
            "title": "Bijeenkomst",
            "activities": [
                {
                    "id": "a3",
                    "activity": "casus",
                    "mode": "offline",
                    "timing": "sync",
                    "goals": ["g1"],
                    "topics": ["4P-model"],
                },
                {"id": "a4", "activity": "discussie", "mode": "offline", "goals": ["g1"]},
            ],
        },
        {
            "id": "na",
            "title": "Verwerking",
            "activities": [
                {"id": "a5", "activity": "feedback-docent", "mode": "online", "goals": ["g1"]},
            ],
        },
    ],
    "links": [
        {"from": "a1", "to": "a3", "kind": "prepares"},
        {"from": "a2", "to": "a3", "kind": "prepares"},
        {"from": "a4", "to": "a3", "kind": "follows-up"},
        {"from": "a5", "to": "a3", "kind": "feedback"},
    ],
}


def _unlinked() -> dict:
    design = copy.deepcopy(GOOD)
    design["links"] = []
    return design


@pytest.fixture(autouse=True)
def test_catalogue(monkeypatch, engine_catalogue):
    """In-process runs check against the test catalogue (the subprocess tests use the real one)."""
    monkeypatch.setattr(check_command, "get_catalogue", lambda: engine_catalogue)
    monkeypatch.delenv("WAVE_RULES", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _write(tmp_path: Path, data, name="design.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def _run(*args):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# --- exit codes ----------------------------------------------------------------


def test_no_warnings_exit_0(tmp_path):
    result = _run("check", _write(tmp_path, GOOD))
    assert result.exit_code == 0, result.output
    assert "0 waarschuwingen" in result.output


def test_warnings_exit_1(tmp_path):
    result = _run("check", _write(tmp_path, _unlinked()))
    assert result.exit_code == 1
    assert "connect.unlinked" in result.output
    assert "Waarschuwingen" in result.output
    assert "“Kennisclip”" in result.output


def test_invalid_json_exit_2(tmp_path):
    result = _run("check", _write(tmp_path, '{"format": "wave.design/v1",'))
    assert result.exit_code == 2
    assert "JSON" in result.output and "regel 1" in result.output


def test_unknown_activity_exit_2_names_the_field(tmp_path):
    design = copy.deepcopy(GOOD)
    design["phases"][0]["activities"][0]["activity"] = "toverstaf"
    result = _run("check", _write(tmp_path, design))
    assert result.exit_code == 2
    assert "phases[0].activities[0].activity" in result.output
    assert "toverstaf" in result.output


def test_every_problem_is_printed(tmp_path):
    design = copy.deepcopy(GOOD)
    design["phases"][0]["activities"][0]["colour"] = "blue"
    design["phases"][1]["activities"][0]["minutes"] = -5
    result = _run("check", _write(tmp_path, design), "--lang", "en")
    assert result.exit_code == 2
    assert "phases[0].activities[0].colour: unknown field" in result.output
    assert "phases[1].activities[0].minutes" in result.output


@pytest.mark.parametrize("content", ["[]", '"wave"', '{"format": "other/v9"}'])
def test_not_a_design_exit_2(tmp_path, content):
    result = _run("check", _write(tmp_path, content))
    assert result.exit_code == 2
    assert "(document)" in result.output or "format" in result.output


def test_unreadable_file_exit_2(tmp_path):
    result = _run("check", str(tmp_path / "missing.json"))
    assert result.exit_code == 2
    assert "missing.json" in result.output
    result = _run("check", str(tmp_path))  # a directory
    assert result.exit_code == 2


def test_standard_input(tmp_path):
    result = runner.invoke(app, ["check", "-"], input=json.dumps(GOOD))
    assert result.exit_code == 0, result.output


def test_bad_rule_setting_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("WAVE_RULES", "no.such-rule=off")
    get_settings.cache_clear()
    result = _run("check", _write(tmp_path, GOOD))
    assert result.exit_code == 2
    assert "no.such-rule" in result.output


def test_rule_setting_switches_warnings_off(tmp_path, monkeypatch):
    monkeypatch.setenv("WAVE_RULES", "connect.unlinked=off")
    get_settings.cache_clear()
    assert _run("check", _write(tmp_path, _unlinked())).exit_code == 0
    monkeypatch.setenv("WAVE_RULES", "connect.unlinked=advice")
    get_settings.cache_clear()
    assert _run("check", _write(tmp_path, _unlinked())).exit_code == 0


# --- output --------------------------------------------------------------------


def test_json_output(tmp_path):
    result = _run("check", _write(tmp_path, _unlinked()), "--json", "--lang", "en")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"findings", "profile"}
    rules = {f["rule"] for f in report["findings"]}
    assert "connect.unlinked" in rules
    finding = next(f for f in report["findings"] if f["rule"] == "connect.unlinked")
    assert set(finding) == {
        "rule",
        "severity",
        "tip",
        "misconception",
        "activities",
        "message",
        "detail",
        "title",
    }
    assert finding["misconception"] is None  # connect.unlinked comes from tip 3, not a misconception
    assert finding["title"] == "Online and face-to-face not connected"
    assert report["profile"]["total_minutes"] > 0


def test_english_human_output(tmp_path):
    result = _run("check", _write(tmp_path, _unlinked()), "--lang", "en")
    assert "Warnings" in result.output and "“Knowledge clip”" in result.output


def test_unknown_language_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["check", _write(tmp_path, GOOD), "--lang", "de"])
    assert result.exit_code == 2


def test_rules_lists_every_rule():
    result = _run("rules")
    assert result.exit_code == 0
    for rule_id in RULES:
        assert rule_id in result.output
    english = _run("rules", "--lang", "en")
    assert "No learning goals" in english.output


def test_rules_json():
    result = _run("rules", "--json")
    data = json.loads(result.stdout)
    assert [r["id"] for r in data] == list(RULES)
    for rule in data:
        assert set(rule) >= {"id", "severity", "tip", "misconception", "title", "why", "try", "docs"}
        assert "*Bad*" in rule["docs"] and "*Good*" in rule["docs"]


# --- the real entry point (real catalogue, separate process) ------------------


def _wave() -> str:
    script = Path(sys.executable).with_name("wave")
    if not script.exists():
        script = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "wave"
    return str(script)


@pytest.mark.parametrize(
    ("content", "code", "expect"),
    [
        (json.dumps(GOOD), 0, "0 waarschuwingen"),
        (json.dumps(_unlinked()), 1, "connect.unlinked"),
        ("{oops", 2, "JSON"),
        (
            json.dumps(
                {
                    **GOOD,
                    "phases": [
                        {
                            "id": "p",
                            "title": "P",
                            "activities": [{"id": "a1", "activity": "toverstaf", "mode": "online"}],
                        }
                    ],
                }
            ),
            2,
            "phases[0].activities[0].activity",
        ),
    ],
)
def test_wave_check_process(tmp_path, content, code, expect):
    path = _write(tmp_path, content)
    done = subprocess.run([_wave(), "check", path], capture_output=True, text=True, timeout=PROCESS_S)
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert expect in output
    assert "Traceback" not in output
