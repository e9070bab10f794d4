"""Page data. Each function returns the JSON twin of one dashboard page; the HTML
page renders exactly this data, so what a person sees and what a script reads agree.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sitroom.store import EVENT_ROW_COLUMNS, EventQuery, Store


class NotFound(LookupError):
    """The requested row does not exist (rendered as the one error shape, 404)."""


def dashboard(store: Store, query: EventQuery) -> dict[str, Any]:
    rows = store.events(query)
    by_day: Counter[str] = Counter(r["date_start"] for r in rows if r["date_start"])
    return {
        "counts": store.counts(),
        "filters": {
            "country": query.country,
            "type": query.event_type,
            "since": query.since,
            "until": query.until,
        },
        "events": [_event_summary(r) for r in rows],
        "timeline": [{"date": day, "events": n} for day, n in sorted(by_day.items())],
        "by_type": dict(Counter(r["event_type"] for r in rows).most_common()),
    }


def event_page(store: Store, event_id: int) -> dict[str, Any]:
    row = store.event(event_id)
    if row is None:
        raise NotFound(f"no event with id {event_id}")
    record = store.record(row["document_id"]) or {}
    text = record.get("text", "")
    same = (
        store.events(EventQuery(cluster_id=row["cluster_id"]))
        if row["cluster_id"] is not None
        else []
    )
    siblings = [_event_summary(r) for r in same if r["id"] != row["id"]]
    event = json.loads(row["event_json"])
    return {
        "event": {**_event_summary(row), "detail": event},
        "evidence": [
            {"start": ev["start"], "end": ev["end"], "text": text[ev["start"] : ev["end"]]}
            for ev in event.get("evidence", [])
        ],
        "document": {
            "id": row["document_id"],
            "title": row["title"],
            "path": row["path"],
            "url": row["url"],
            "published": row["published"],
        },
        "same_event_reports": siblings,
    }


def document_page(store: Store, document_id: str) -> dict[str, Any]:
    record = store.record(document_id)
    if record is None:
        raise NotFound(f"no document with id {document_id}")
    events = store.events(EventQuery(document_id=document_id))
    return {"record": record, "events": [_event_summary(r) for r in events]}


def documents_page(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    return {
        "documents": store.documents(limit=limit, offset=offset),
        "limit": limit,
        "offset": offset,
        "total": store.counts()["documents"],
    }


def rejections_page(store: Store) -> dict[str, Any]:
    rows = store.rejections()
    return {
        "rejections": rows,
        "by_code": dict(Counter(f"{r['stage']}/{r['code']}" for r in rows).most_common()),
    }


def clusters_page(store: Store) -> dict[str, Any]:
    return {"clusters": store.clusters()}


def _event_summary(row: dict[str, Any]) -> dict[str, Any]:
    summary = {key: row.get(key) for key in EVENT_ROW_COLUMNS if key != "path"}
    summary["aggregate"] = bool(summary["aggregate"])
    return summary
