"""``sitroom eval clean`` on a few items per dataset (run with ``-m eval``)."""

from __future__ import annotations

import pytest

from sitroom.eval.report import BenchmarkDataMissing, EvalReport

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def report() -> EvalReport:
    from sitroom.eval.clean import run_clean_eval

    try:
        return run_clean_eval(limit=12)
    except BenchmarkDataMissing as missing:
        pytest.skip(f"../shared not present: {missing}")


def test_every_row_has_an_anchor_from_the_same_run(report: EvalReport) -> None:
    keys = {row.key for row in report.rows}
    assert {
        "ftfy_cases.pass_rate",
        "ftfy_cases.negative_overfixes",
        "ftfy_cases.known_failures_fixed",
        "seed.mojibake_left",
        "aeb.f1",
        "aeb.token_f1",
        "ipe.docs_with_mojibake",
    } <= keys
    assert all(row.anchor and row.anchor_value is not None for row in report.rows)


def anchor(report: EvalReport, key: str) -> float:
    value = next(row.anchor_value for row in report.rows if row.key == key)
    assert value is not None
    return value


def test_repair_beats_ftfy_where_it_must(report: EvalReport) -> None:
    assert report.value("seed.mojibake_left") == 0 and anchor(report, "seed.mojibake_left") == 5
    assert report.value("ftfy_cases.negative_overfixes") == 0
    key = "ftfy_cases.pass_rate_fffd_filled"
    assert report.value(key) >= anchor(report, key)
    key = "ipe.docs_with_mojibake"
    assert report.value(key) <= anchor(report, key)
    assert 0.0 < report.value("aeb.f1") <= 1.0
