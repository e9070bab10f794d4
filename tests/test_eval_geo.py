"""``sitroom eval geo``: small unit checks (fast) and a limited real run (``eval`` marker)."""

from __future__ import annotations

import pytest

from sitroom.eval.geo import _summary, render
from sitroom.eval.geo_data import halterman_spans
from sitroom.eval.report import BenchmarkDataMissing, EvalReport, EvalRow, shared_dir


def test_summary_counts_unresolved_as_wrong() -> None:
    acc, median = _summary([0.0, 10.0, 500.0, None])
    assert acc == 0.5
    assert median == pytest.approx(255.0)


def test_halterman_offsets_come_from_tokens() -> None:
    rec = {
        "text": "Gunmen captured two men in Kodori.",
        "tokens": [
            {"start": 0, "end": 6},
            {"start": 7, "end": 15},
            {"start": 16, "end": 19},
            {"start": 20, "end": 23},
            {"start": 24, "end": 26},
            {"start": 27, "end": 33},
        ],
        # The adjudicated records carry zero-width or shifted character offsets.
        "spans": [
            {"label": "VERB", "start": 7, "end": 15, "token_start": 1, "token_end": 1},
            {"label": "LOCATION", "start": 10, "end": 10, "token_start": 5, "token_end": 5},
        ],
    }
    assert halterman_spans(rec, "LOCATION") == [(27, 33)]
    assert halterman_spans(rec, "VERB") == [(7, 15)]


def test_render_lists_ours_and_anchor() -> None:
    report = EvalReport("geo", (EvalRow("lgl.acc161", "lgl", "acc", 0.8, "baseline", 0.6, 10),))
    text = render(report)
    assert "lgl.acc161" in text and "0.800" in text and "0.600" in text


@pytest.mark.eval
def test_geo_eval_runs_on_a_few_items() -> None:
    if not (shared_dir() / "benchmarks").exists():
        pytest.skip(f"../shared/benchmarks not present at {shared_dir()}: geo eval skipped")
    from sitroom.eval.geo import run_geo_eval

    try:
        report = run_geo_eval(limit=15)
    except BenchmarkDataMissing as missing:
        pytest.skip(str(missing))
    keys = {row.key for row in report.rows}
    for key in ("lgl.acc161", "gwn.acc161", "halterman.accuracy", "ucdp.acc25", "gazetteer.load_s"):
        assert key in keys
    assert report.value("lgl.acc161") > 0.5
    assert report.value("gazetteer.load_s") < 1.0
