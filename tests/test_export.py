from __future__ import annotations

import csv
import io

from sitroom.export import geojson, iter_records, write_acled_csv
from sitroom.store import Store
from tests.test_store import _record


def _store() -> Store:
    store = Store(":memory:")
    store.add_record(_record())
    return store


def test_acled_csv_uses_acled_column_names_and_conservative_fatalities() -> None:
    buffer = io.StringIO()
    assert write_acled_csv(_store(), buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert {"event_date", "sub_event_type", "geo_precision", "fatalities", "source"} <= set(rows[0])
    bomb = next(r for r in rows if r["location"] == "Baghdad")
    assert bomb["fatalities"] == "12"
    assert bomb["source"] == "police"
    assert bomb["evidence_text"].startswith("A car bomb killed")


def test_geojson_keeps_exact_coordinates_and_counts_unlocated() -> None:
    collection, unlocated = geojson(_store())
    assert unlocated == 1
    [feature] = collection["features"]
    assert feature["geometry"]["coordinates"] == [44.40, 33.34]


def test_jsonl_records_round_trip() -> None:
    [record] = list(iter_records(_store()))
    assert record["id"] == "a" * 64
    assert record["events"][0]["fatalities"] == {"low": 12, "best": 12, "high": 12}


def test_acled_csv_neutralises_formula_cells() -> None:
    from tests.serve_data import hostile_record

    store = _store()
    store.add_record(hostile_record())
    buffer = io.StringIO()
    write_acled_csv(store, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    hostile = next(r for r in rows if r["country"] == "Syria")
    assert hostile["actor1"] == "'" + hostile_record().events[0].actor1  # type: ignore[operator]
    assert next(r for r in rows if r["location"] == "Baghdad")["latitude"] == "33.34"
