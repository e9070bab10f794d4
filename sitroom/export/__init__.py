"""The export stage: stored events in the formats analysts load elsewhere.

- ``acled-csv``: one row per event with ACLED's column names, so the file opens
  where ACLED exports open; extra sitroom columns (certainty, evidence, cluster)
  follow the ACLED ones.
- ``geojson``: a FeatureCollection of geocoded events (exact coordinates, never
  jittered; unlocated events are left out and counted).
- ``jsonl``: one full record per document, exactly as ``sitroom extract`` prints it.

Text cells of the CSV that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) are prefixed with ``'``
(OWASP's advice on CSV injection): report text and feed values are untrusted.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from sitroom.store import EventQuery, Store

ACLED_COLUMNS = (
    ("event_id_cnty", "id"),
    ("event_date", "date_start"),
    ("time_precision", "time_precision"),
    ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"),
    ("actor1", "actor1"),
    ("inter1", "inter1"),
    ("actor2", "actor2"),
    ("inter2", "inter2"),
    ("country", "country"),
    ("admin1", "admin1"),
    ("location", "location"),
    ("latitude", "latitude"),
    ("longitude", "longitude"),
    ("geo_precision", "geo_precision"),
    ("source", "sources"),
    ("notes", "notes"),
    ("fatalities", "fatalities_low"),
)
EXTRA_COLUMNS = (
    "date_end",
    "date_text",
    "fatalities_best",
    "fatalities_high",
    "certainty",
    "aggregate",
    "cluster_id",
    "evidence_text",
    "document_id",
    "path",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet will show as text, never evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_header() -> list[str]:
    return [a for a, _ in ACLED_COLUMNS] + list(EXTRA_COLUMNS)


def acled_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as an ACLED CSV row, every text cell neutralised."""
    return {k: neutralise(v) for k, v in _acled_row(row).items()}


def _acled_row(row: dict[str, Any]) -> dict[str, Any]:
    event = json.loads(row["event_json"])
    merged = {
        **row,
        "inter1": event.get("inter1"),
        "inter2": event.get("inter2"),
        "sources": "; ".join(event.get("sources") or []),
    }
    out = {acled: merged.get(ours) for acled, ours in ACLED_COLUMNS}
    out.update({column: merged.get(column) for column in EXTRA_COLUMNS})
    return out


def write_acled_csv(store: Store, stream: TextIO, query: EventQuery | None = None) -> int:
    writer = csv.DictWriter(stream, fieldnames=csv_header())
    writer.writeheader()
    rows = store.events(query or EventQuery())
    for row in rows:
        writer.writerow(acled_row(row))
    return len(rows)


def geojson(store: Store, query: EventQuery | None = None) -> tuple[dict[str, Any], int]:
    """The collection and the number of events left out for lack of coordinates."""
    features, unlocated = [], 0
    for row in store.events(query or EventQuery()):
        if row["latitude"] is None or row["longitude"] is None:
            unlocated += 1
            continue
        properties = {
            k: v for k, v in row.items() if k not in {"event_json", "latitude", "longitude"}
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}, unlocated


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    for document in store.documents():
        record = store.record(document["id"])
        if record is not None:
            yield record
