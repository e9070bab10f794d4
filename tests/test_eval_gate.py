"""The eval gate: pinned floors on ../shared/benchmarks (trafilatura's eval_gate idea).

Runs with ``make eval-gate`` (part of ``make test``); skips with a message when
``../shared`` is absent. Floors live in ``benchmarks/eval_floors.json``; raise one
when we improve, never lower one quietly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.eval.cli import EVALS, run_eval
from sitroom.eval.gate import check_against_anchor, check_floors, load_floors
from sitroom.eval.report import BenchmarkDataMissing, shared_dir

FLOORS = load_floors(Path(__file__).resolve().parents[1] / "benchmarks" / "eval_floors.json")


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_eval_meets_pinned_floors(name: str) -> None:
    if not (shared_dir() / "benchmarks").exists():
        pytest.skip(f"../shared/benchmarks not present at {shared_dir()}: eval gate skipped")
    assert name in EVALS, f"floors pinned for unknown eval {name!r}"
    try:
        report = run_eval(name, limit=FLOORS[name].get("limit"))
    except BenchmarkDataMissing as missing:
        pytest.skip(str(missing))
    failures = check_floors(report, FLOORS[name]["floors"])
    failures += check_against_anchor(report, FLOORS[name].get("at_least_anchor", []))
    assert not failures, "\n".join(failures)
