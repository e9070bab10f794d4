"""Events evaluation: shape on a small run, and the issue 5 floors on the full run."""

from __future__ import annotations

import pytest

from sitroom.eval.events import run_events_eval
from sitroom.eval.report import BenchmarkDataMissing, EvalReport, shared_dir

pytestmark = pytest.mark.eval

# The full-run floors live in benchmarks/eval_floors.json (tests/test_eval_gate.py).


def _report(limit: int | None) -> EvalReport:
    if not (shared_dir() / "benchmarks").exists():
        pytest.skip(f"../shared/benchmarks not present at {shared_dir()}")
    try:
        return run_events_eval(limit=limit)
    except BenchmarkDataMissing as missing:
        pytest.skip(str(missing))


def test_small_run_has_every_row_next_to_the_baseline() -> None:
    report = _report(20)
    keys = {row.key for row in report.rows}
    assert "case2021.reported.sub_weighted_f1.published" in keys
    assert "muc4.perpetrator_f1" in keys and "speed.parse_docs_per_s" in keys
    case = next(r for r in report.rows if r.key == "case2021.reported.sub_weighted_f1")
    assert case.anchor == "keyword baseline" and case.anchor_value is not None
