"""``sitroom eval reports``: our scorer on hand-made gold, and agreement with score.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitroom.eval.reports_score import error_classes, locate, name_match, score_reports

TEXT = (
    "Gunmen attacked a village near Maiduguri on Tuesday, killing 12 people. "
    "Police said the attackers fled. Separately, protesters marched in Kano."
)


def _gold() -> dict[str, Any]:
    return {
        "boilerplate": ["Share this article"],
        "quotes": [{"speaker": "Police spokesman Ali Musa", "kind": "indirect",
                    "contains": "the attackers fled"}],
        "attributions": [{"source": "police"}],
        "places": ["Maiduguri", "Kano"],
        "events": [
            {"id": "E1", "required": True, "event_type": ["Violence against civilians"],
             "lat": 11.85, "lon": 13.16, "location": "Maiduguri",
             "fatalities": {"low": 12, "high": 12},
             "date": {"start": "2024-03-05", "end": "2024-03-05"},
             "evidence": "Gunmen attacked a village near Maiduguri on Tuesday"},
            {"id": "E2", "required": True, "event_type": ["Protests"], "lat": 12.0,
             "lon": 8.52, "location": "Kano", "fatalities": None,
             "date": {"start": "2024-03-05", "end": "2024-03-05"},
             "evidence": "protesters marched in Kano"},
        ],
    }


def _event(start: int, end: int, **fields: Any) -> dict[str, Any]:
    return {"evidence": [{"start": start, "end": end}], **fields}


def test_a_right_event_and_a_wrong_one_are_told_apart() -> None:
    first = TEXT.index(".") + 1
    record = {
        "text": TEXT,
        "quotes": [{"kind": "indirect", "text": "the attackers fled", "speaker": "Ali Musa"}],
        "attributions": [],
        "entities": [{"text": "Kano"}],
        "events": [
            _event(0, first, event_type="Violence against civilians", latitude=11.84,
                   longitude=13.15, fatalities={"low": 12}, date_start="2024-03-05",
                   location="Maiduguri"),
            # Deaths doubled (title and lead added up) and the place 200 km off.
            _event(TEXT.index("Separately"), len(TEXT), event_type="Battles",
                   latitude=13.8, longitude=8.5, fatalities={"low": 24},
                   date_start="2024-03-04", date_end="2024-03-04", location="Katsina"),
            _event(first, TEXT.index("Separately"), event_type="Battles"),
        ],
    }
    scores = score_reports({"doc.txt": _gold()}, {"doc.txt": record})
    m = scores.metrics
    assert m["boilerplate_removed"] == 1.0
    assert m["indirect_quote_recall"] == 1.0 and m["indirect_speaker_acc"] == 1.0
    assert m["place_recall"] == 1.0  # Maiduguri from the event, Kano from the entities
    assert m["event_recall"] == 1.0
    assert m["event_precision"] == pytest.approx(2 / 3)  # the middle event matches no gold
    assert m["event_type_acc"] == 0.5 and m["event_geo50km_acc"] == 0.5
    assert m["event_fatalities_acc"] == 1.0 and m["event_date_acc"] == 0.5
    # Strict: only E1 is whole; recall 1/2, precision 2/3.
    assert m["event_strict_f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    bad = next(v for v in scores.verdicts if v.gold_id == "E2")
    assert [p.split(":")[0] for p in bad.problems] == ["type", "place", "date"]
    assert "km from gold Kano" in bad.problems[1]
    classes = error_classes(scores.verdicts)
    assert classes["type"] == 1 and classes["place (far)"] == 1 and classes["date"] == 1
    assert len(scores.spurious) == 1 and "Police said" in scores.spurious[0][1]


def test_a_missing_record_misses_everything_and_counts_why() -> None:
    scores = score_reports({"doc.txt": _gold()}, {})
    assert scores.metrics["event_recall"] == 0.0
    assert scores.metrics["event_strict_f1"] == 0.0
    assert scores.metrics["boilerplate_removed"] == 1.0  # nothing left is nothing left
    assert all(not v.found for v in scores.verdicts)
    assert error_classes(scores.verdicts)["missed (evidence removed by cleaning)"] == 2


def test_deaths_problems_say_none_over_or_under() -> None:
    gold = _gold()
    gold["events"] = gold["events"][:1]
    for low, word in ((None, "none"), (30, "over"), (3, "under")):
        record = {"text": TEXT, "events": [_event(0, 40, event_type="Battles",
                                                  fatalities={"low": low})]}
        verdict = score_reports({"d": gold}, {"d": record}).verdicts[0]
        deaths = next(p for p in verdict.problems if p.startswith("deaths"))
        assert word in deaths


def test_names_match_by_containment_or_last_word() -> None:
    assert name_match("Lt. Gen. Sean B. MacFarland", "Sean MacFarland")
    observatory = "Syrian Observatory for Human Rights"
    assert name_match(observatory, f"the {observatory}")
    assert not name_match("Sean MacFarland", "Monday")
    assert not name_match("", "anything")


def test_evidence_is_found_despite_curly_quotes_and_spacing() -> None:
    text = "He said “we will return”  to the town."
    span = locate(text, 'said "we will return" to')
    assert span is not None and span[0] <= text.index("said") and span[1] >= text.index("to the")
    assert locate(text, "not there") is None


@pytest.mark.model
def test_ours_agree_with_score_py_on_the_same_predictions(shared: Path) -> None:
    from sitroom.eval.report import BenchmarkDataMissing
    from sitroom.eval.reports import METRICS, run_reports

    try:
        result = run_reports(limit=8)
    except BenchmarkDataMissing as missing:
        pytest.skip(str(missing))
    assert result.ours.counts["ev_gold_req"] > 0
    for metric in METRICS:
        ours, reference = result.ours.metrics.get(metric), result.reference.get(metric)
        if reference is None:
            assert ours is None, metric
            continue
        # score.py rounds to three decimals, and computes F1 from rounded P and R.
        assert ours is not None and abs(ours - reference) <= 0.001, (metric, ours, reference)
