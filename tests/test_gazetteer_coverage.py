"""The gazetteer-coverage measure on gold files we write here (hand-built gazetteer)."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.eval.gazetteer_coverage import coverage_report, measure
from sitroom.resolve.geo import Gazetteer, GazPlace
from sitroom.resolve.geo.normalize import fold


def _gaz() -> Gazetteer:
    rows = [
        (GazPlace(1, "Iraq", "country", "IQ", None, None, 33.0, 44.0, 38_000_000, 1), "Iraq"),
        (GazPlace(2, "Mosul", "city", "IQ", "15", None, 36.335, 43.119, 1_739_800, 2), "Mosul"),
        # A homonym far from where the report puts its event.
        (GazPlace(3, "Hit", "city", "IQ", "01", None, 33.64, 42.83, 60_000, 3), "Hit"),
        (GazPlace(4, "Ninawa", "admin1", "IQ", "15", None, 36.2, 42.4, 3_000_000, 4), "Nineveh"),
    ]
    return Gazetteer.from_rows([p for p, _ in rows], [(fold(n), p.id, True) for p, n in rows])


def _write(tmp: Path, name: str, gold: dict[str, object]) -> None:
    (tmp / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_counts_unresolved_and_far_names(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "a",
        {
            "doc": "a.txt",
            "places": ["Mosul", "the Nineveh plains village of Tel Zarqa", "Iraq"],
            "events": [
                {"location": "Mosul", "lat": 36.34, "lon": 43.13},
                {"location": "Tel Zarqa", "lat": 36.5, "lon": 43.3},
                # The gold says Hit, but 300 km from the only Hit the gazetteer knows.
                {"location": "Hit", "lat": 35.9, "lon": 45.9},
                {"location": "Iraq", "lat": None, "lon": None},
                {"location": None},
            ],
        },
    )
    _write(
        tmp_path,
        "b",
        {
            "doc": "b.txt",
            "places": [],
            "events": [{"location": "Mosul - Old City", "lat": 36.34, "lon": 43.13}],
        },
    )
    cov = measure(sorted(tmp_path.glob("*.json")), _gaz())
    assert (cov.places, cov.places_unresolved) == (3, 1)
    assert (cov.events, cov.events_unresolved, cov.events_far) == (5, 1, 1)
    assert cov.missing("event") == ["Tel Zarqa"]
    assert cov.far() == ["Hit"]
    composite = next(c for c in cov.checks if c.name == "Mosul - Old City")
    assert composite.found and composite.via_part and composite.nearest_km is not None
    assert composite.nearest_km < 5


def test_report_rows_are_keyed_for_the_gate(tmp_path: Path) -> None:
    _write(tmp_path, "a", {"doc": "a.txt", "places": ["Kisik"], "events": []})
    report = coverage_report(tmp_path, _gaz())
    assert report.value("reports_gazetteer.places_unresolved") == 1.0
    assert report.value("reports_gazetteer.events_unresolved") == 0.0
    assert any("Kisik" in note for note in report.notes)
