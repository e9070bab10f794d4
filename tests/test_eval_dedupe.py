"""``sitroom eval dedupe``: our labelled set is reproducible and scored pairwise."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from sitroom.eval.dedupe import DATA, run_dedupe_eval

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_dedupe_eval.py"


def test_the_stored_set_is_what_the_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_dedupe_eval", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
        built = module.build()
    finally:
        del sys.modules[spec.name]
    assert built == json.loads(DATA.read_text(encoding="utf-8"))


def test_report_scores_ours_and_the_naive_rule_on_at_least_200_pairs() -> None:
    report = run_dedupe_eval()
    rows = {row.key: row for row in report.rows}
    f1 = rows["own-incidents.pairwise_f1"]
    assert f1.n is not None and f1.n >= 200
    assert rows["own-incidents.hard_negatives_merged"].n >= 100  # type: ignore[operator]
    assert f1.anchor_value is not None and 0.0 < f1.anchor_value < f1.ours <= 1.0


def test_a_limited_run_scores_only_the_first_reports() -> None:
    report = run_dedupe_eval(limit=40)
    assert "40 reports" in report.notes[0]
