"""Events evaluation: shape on a small run, and the issue 5 floors on the full run."""

from __future__ import annotations

import pytest

from sitroom.eval.events import run_events_eval
from sitroom.eval.report import BenchmarkDataMissing, EvalReport, shared_dir

pytestmark = pytest.mark.eval

# Floors measured at the closing run of issue 5 (full data, 2 cores). Raise them when we
# improve; never lower one quietly. Below the targets where noted in the report.
FLOORS = {
    "case2021.reported.sub_weighted_f1": 0.66,
    "case2021.reported.sub_macro_f1": 0.63,
    "case2021.reported.event_type_accuracy": 0.77,
    "acled-global-2020.event_type_accuracy": 0.78,
    "acled-global-2020.fatalities_exact": 0.92,
    "acled-global-2020.date_exact": 0.97,
    "acled-afghanistan-2020.event_type_accuracy": 0.91,
    "acled-afghanistan-2020.fatalities_exact": 0.90,
    "acled-afghanistan-2020.date_exact": 1.0,
    "gtd.attack_type_match": 0.85,
    "gtd.nkill_exact": 0.64,
}


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


def test_full_run_meets_floors_and_beats_the_baseline() -> None:
    report = _report(None)
    for key, floor in FLOORS.items():
        assert report.value(key) >= floor, (key, report.value(key), floor)
    case = next(r for r in report.rows if r.key == "case2021.reported.sub_weighted_f1")
    assert case.anchor_value is not None and case.ours > case.anchor_value + 0.15
