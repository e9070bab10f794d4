"""The quotes evaluation: gold reading on a hand-made brat file, and a quick real run."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.eval.quotes import _direct_part, _parse_ann, run_quotes_eval
from sitroom.eval.report import BenchmarkDataMissing

TEXT = "“We hold the hill,” the captain said. He said the road “was mined.”\n"


def test_gold_direct_quote_and_partial_quote(tmp_path: Path) -> None:
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tContent 0 19\t“We hold the hill,”\n"
        "T2\tCue 32 36\tsaid\n"
        "T3\tSource 20 31\tthe captain\n"
        "E1\tAttribution:T2 Source:T3 Cue:T2 Content:T1\n"
        "T4\tContent 46 67\tthe road “was mined.”\n"
        "T5\tSource 37 39\tHe\n"
        "E2\tAttribution:T5 Source:T5 Content:T4\n",
        encoding="utf-8",
    )
    first, second = _parse_ann(ann, TEXT)
    assert [TEXT[a:b] for a, b in first.direct] == ["We hold the hill"]
    assert first.source == ((20, 31),)
    # Quoted words are under half of "the road “was mined.”": an indirect attribution.
    assert second.direct == ()


def test_direct_part_needs_mostly_quoted_text() -> None:
    assert _direct_part(TEXT, 0, 19) == (1, 17)
    assert _direct_part(TEXT, 46, 67) is None


@pytest.mark.eval
def test_quick_run_reports_ours_next_to_textacy() -> None:
    try:
        report = run_quotes_eval(split="dev", limit=12)
    except BenchmarkDataMissing as missing:
        pytest.skip(str(missing))
    rows = {row.key: row for row in report.rows}
    for key in ("polnear.direct_overlap_f1", "polnear.indirect_content_f1"):
        row = rows[key]
        assert row.n
        if row.anchor_value is not None:
            assert row.ours > row.anchor_value, key
    assert rows["polnear.speaker_accuracy"].ours > 0.7
