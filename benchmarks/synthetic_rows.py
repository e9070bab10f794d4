"""Store rows for synthetic events (shared by the dedupe benchmarks): one document row
and one event row per event, as ``Store`` keeps them, with no text behind them."""

from __future__ import annotations

import json
from typing import Any

_EVENT_COLUMNS = (
    "event_type",
    "sub_event_type",
    "location",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
)


def rows(number: int, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``documents`` and ``events`` rows of synthetic event ``number`` (its JSON ``data``)."""
    doc = f"{number:064x}"
    document = {
        "id": doc,
        "path": f"synthetic/{number}.txt",
        "format": "txt",
        "text": "",
        "record_json": "{}",
        "pipeline": "synthetic",
        "ingested_at": "2026-01-01",
    }
    event = {
        **{k: data.get(k) for k in _EVENT_COLUMNS},
        "document_id": doc,
        "ordinal": 0,
        "date_start": data["date_start"],
        "date_end": data["date_end"],
        "certainty": "reported",
        "aggregate": 0,
        "event_json": json.dumps(data),
    }
    return document, event
