"""`wave bench` (SPEC §8) on a small configuration: the JSON contract, not the timings."""

import json

import pytest
from typer.testing import CliRunner

from wave.bench import FRAGMENT_PATH, generate_design, run_bench, targets
from wave.catalogue import get_catalogue
from wave.cli import app as cli
from wave.format import parse_design

SPEC_KEYS = {
    "database",
    "rules_1000_ms",
    "page_render_ms",
    "edit_roundtrip_ms",
    "bare_endpoint_ms",
    "edit_roundtrip_ratio",
    "pdf_100_s",
    "concurrency",
    "propagation_p95_ms",
    "signin_flood",
}
CONCURRENCY_KEYS = {
    "editors",
    "writes",
    "conflicts",
    "refused",
    "lost_updates",
    "errors_5xx",
    "processes",
    "events_missed",
}


def test_bench_on_sqlite_small():
    result = run_bench(rounds=2, editors=3, writes=3, big=100, small=20, pdf_rounds=1, flood=8)
    assert set(result) == SPEC_KEYS
    assert result["database"] == "sqlite (temporary file)"
    for key in (
        "rules_1000_ms",
        "page_render_ms",
        "edit_roundtrip_ms",
        "bare_endpoint_ms",
        "edit_roundtrip_ratio",
        "pdf_100_s",
    ):
        assert isinstance(result[key], float) and result[key] > 0, key
    assert result["edit_roundtrip_ratio"] == pytest.approx(
        result["edit_roundtrip_ms"] / result["bare_endpoint_ms"], rel=0.02
    )
    c = result["concurrency"]
    assert set(c) == CONCURRENCY_KEYS
    assert all(type(v) is int for v in c.values())
    assert c["editors"] == 3
    assert c["writes"] == 9  # every canvas edit landed: merged, not refused (each its own card)
    assert c["conflicts"] >= 0 and c["refused"] == 0
    assert c["lost_updates"] == 0
    assert c["errors_5xx"] == 0
    assert c["processes"] == 1 and c["events_missed"] == 0  # the listener heard every version
    assert isinstance(result["propagation_p95_ms"], float) and result["propagation_p95_ms"] >= 0
    f = result["signin_flood"]
    assert f["attempts"] == 8 and f["answered_401"] + f["answered_429"] == 8
    assert f["answered_401"] <= 5  # the limits of one address at one account hold
    assert f["errors_5xx"] == 0 and f["slowest_ms"] > 0
    json.dumps(result)  # one JSON object


def test_bench_route_only_with_wave_bench(monkeypatch):
    from fastapi.testclient import TestClient

    from wave.web.app import create_app

    monkeypatch.delenv("WAVE_BENCH", raising=False)
    assert TestClient(create_app()).get(FRAGMENT_PATH, params={"size": 5}).status_code == 404
    monkeypatch.setenv("WAVE_BENCH", "1")
    r = TestClient(create_app()).get(FRAGMENT_PATH, params={"size": 5})
    assert (r.status_code, r.text, r.headers["content-type"]) == (200, "xxxxx", "text/html; charset=utf-8")


def test_generated_designs_are_valid_and_deterministic():
    catalogue = get_catalogue()
    for n in (1000, 100):
        data = generate_design(n)
        assert data == generate_design(n)
        design = parse_design(data, catalogue)
        assert len(design.placed()) == n
        assert len(design.phases) >= 5
        assert {a.mode for a in design.placed()} == {"online", "offline"}
        assert design.links and design.goals
        assert any(a.topics for a in design.placed())


FAKE = {
    "database": "sqlite (temporary file)",
    "rules_1000_ms": 10.0,
    "page_render_ms": 30.0,
    "edit_roundtrip_ms": 30.0,
    "bare_endpoint_ms": 2.0,
    "edit_roundtrip_ratio": 15.0,
    "pdf_100_s": 1.5,
    "concurrency": {
        "editors": 20,
        "writes": 200,
        "conflicts": 150,
        "refused": 1,
        "lost_updates": 0,
        "errors_5xx": 0,
        "processes": 1,
        "events_missed": 0,
    },
    "propagation_p95_ms": 40.0,
    "signin_flood": {
        "attempts": 50,
        "answered_401": 5,
        "answered_429": 45,
        "errors_5xx": 0,
        "slowest_ms": 900.0,
        "healthz_during_ms": 3.0,
    },
}


def test_cli_prints_one_json_object_or_a_table(monkeypatch):
    import wave.bench

    calls = []
    monkeypatch.setattr(wave.bench, "run_bench", lambda url, **kw: calls.append((url, kw)) or FAKE)
    runner = CliRunner()
    out = runner.invoke(cli, ["bench", "--json", "--rounds", "3"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == FAKE
    assert calls[0][0] is None and calls[0][1]["rounds"] == 3
    out = runner.invoke(cli, ["bench", "--database-url", "sqlite:////tmp/x.db"])
    assert out.exit_code == 0, out.output
    assert calls[1][0] == "sqlite:////tmp/x.db"
    assert "✗ edit_roundtrip_ratio" in out.stdout and "✓ pdf_100_s" in out.stdout
    assert [t.met for t in targets(FAKE) if t.name == "rules_1000_ms"] == [True]
    assert [t.met for t in targets(FAKE) if t.name in ("refused", "propagation_p95_ms")] == [True, True]
    many = {**FAKE, "concurrency": {**FAKE["concurrency"], "refused": 10}}
    assert [t.met for t in targets(many) if t.name == "refused"] == [False]


def test_cli_exit_1_on_a_lost_update(monkeypatch):
    import wave.bench

    lost = {**FAKE, "concurrency": {**FAKE["concurrency"], "lost_updates": 1}}
    monkeypatch.setattr(wave.bench, "run_bench", lambda url, **kw: lost)
    assert CliRunner().invoke(cli, ["bench", "--json"]).exit_code == 1
