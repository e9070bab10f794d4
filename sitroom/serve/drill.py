"""Page data for one event, one cluster and one document: every figure one click
from the sentence and the source it came from. Local file paths are never shown.
"""

from __future__ import annotations

import json
from itertools import combinations, pairwise
from typing import Any

from sqlalchemy import select

from sitroom.dedupe.cluster import (
    SAME_PLACE_KM,
    StoredEvent,
    haversine_km,
    is_same_event,
)
from sitroom.review import audit_rows
from sitroom.serve.views import NotFound, event_summary, file_name
from sitroom.store import EventQuery, Store, schema
from sitroom.store.filters import EventFilter, iter_rows

# Fields compared across a cluster's reports, shown when the reports disagree.
COMPARED = (
    "date_start",
    "date_end",
    "location",
    "admin1",
    "actor1",
    "actor2",
    "fatalities_low",
    "fatalities_high",
    "certainty",
)


def public_record(record: dict[str, Any]) -> dict[str, Any]:
    """A stored record without the server's local path (only the file name is kept)."""
    source = dict(record.get("source") or {})
    source["path"] = file_name(source.get("path"))
    return {**record, "source": source}


def event_page(store: Store, event_id: int) -> dict[str, Any]:
    row = store.event(event_id)
    if row is None:
        raise NotFound(f"no event with id {event_id}")
    record = store.record(row["document_id"]) or {}
    text = record.get("text", "")
    event = json.loads(row["event_json"])
    same = (
        store.events(EventQuery(cluster_id=row["cluster_id"]))
        if row["cluster_id"] is not None
        else []
    )
    return {
        "event": {**event_summary(row), "detail": event},
        "evidence": [
            {
                "start": ev["start"],
                "end": ev["end"],
                "text": text[ev["start"] : ev["end"]],
                "anchor": f"/documents/{row['document_id']}#ev-{event_id}-{n}",
            }
            for n, ev in enumerate(event.get("evidence", []))
        ],
        "document": {
            "id": row["document_id"],
            "title": row["title"],
            "name": file_name(row["path"]),
            "url": row["url"],
            "published": row["published"],
        },
        "same_event_reports": [event_summary(r) for r in same if r["id"] != row["id"]],
        "audit": audit_rows(store, event_id),
        "flags": review_flags(store, row["document_id"], row["ordinal"]),
    }


def review_flags(store: Store, document_id: str, ordinal: int) -> list[dict[str, Any]]:
    """Reviewed fields whose machine value changed since the review (for a person to check)."""
    table = schema.reviews
    stmt = select(table.c.field, table.c.flag, table.c.reviewer, table.c.at).where(
        table.c.document_id == document_id, table.c.ordinal == ordinal, table.c.flag.is_not(None)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def _why(a: StoredEvent, b: StoredEvent) -> dict[str, Any]:
    """Why two reports count as one event, in the dedupe rule's own terms."""
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        place = f"{km:.1f} km apart (limit {SAME_PLACE_KM:.0f} km)"
    elif a.admin1 and a.admin1 == b.admin1:
        place = f"same province ({a.admin1})"
    else:
        place = f"same place name ({a.place_name} / {b.place_name})"
    return {
        "events": [a.id, b.id],
        "matches": is_same_event(a, b),
        "sub_event_type": a.sub_event_type,
        "dates": f"{a.date_start}–{a.date_end} and {b.date_start}–{b.date_end} overlap "
        "(within a day)",
        "place": place,
    }


def cluster_page(store: Store, cluster_id: int) -> dict[str, Any]:
    with store.engine.connect() as conn:
        found = conn.execute(
            schema.clusters.select().where(schema.clusters.c.id == cluster_id)
        ).first()
    if found is None:
        raise NotFound(f"no cluster with id {cluster_id}")
    rows = list(iter_rows(store, EventFilter(cluster_id=cluster_id, sort="date")))
    stored = [
        StoredEvent.from_json(r["id"], r["document_id"], json.loads(r["event_json"])) for r in rows
    ]
    reports = []
    for row in rows:
        detail = json.loads(row["event_json"])
        reports.append({**event_summary(row), "sources": detail.get("sources") or []})
    differing = {
        field: sorted({str(r.get(field)) for r in reports}, key=str)
        for field in COMPARED
        if len({r.get(field) for r in reports}) > 1
    }
    # Matching is transitive, so show the pairs that matched directly.
    why = [_why(a, b) for a, b in combinations(stored, 2) if is_same_event(a, b)][:50]
    return {
        "cluster": dict(found._mapping),
        "reports": reports,
        "differing": differing,
        "why_merged": why,
        "rule": "same sub-event type, dates overlapping within a day, same place "
        f"(within {SAME_PLACE_KM:.0f} km, same province for province-level reports, "
        "or the same place-name skeleton), from different documents; never aggregates",
    }


def segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary; each piece lists the spans covering it and
    the anchors starting at it, so overlapping evidence and quotes both stay marked."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((max(0, min(s["start"], len(text))), max(0, min(s["end"], len(text)))))
    points = sorted(cuts)
    pieces = []
    for lo, hi in pairwise(points):
        covering = [s for s in spans if s["start"] <= lo and hi <= s["end"]]
        pieces.append(
            {
                "text": text[lo:hi],
                "classes": sorted({s["kind"] for s in covering}),
                "anchors": [s["anchor"] for s in spans if s["start"] == lo],
            }
        )
    return pieces


def document_page(store: Store, document_id: str) -> dict[str, Any]:
    record = store.record(document_id)
    if record is None:
        raise NotFound(f"no document with id {document_id}")
    events = store.events(EventQuery(document_id=document_id))
    spans: list[dict[str, Any]] = []
    for row in events:
        for n, ev in enumerate(json.loads(row["event_json"]).get("evidence", [])):
            spans.append(
                {
                    "start": ev["start"],
                    "end": ev["end"],
                    "kind": "evidence",
                    "anchor": f"ev-{row['id']}-{n}",
                }
            )
    for n, quote in enumerate(record.get("quotes", [])):
        spans.append(
            {"start": quote["start"], "end": quote["end"], "kind": "quote", "anchor": f"q-{n}"}
        )
    return {
        "record": public_record(record),
        "events": [event_summary(r) for r in events],
        "segments": segments(record.get("text", ""), spans),
    }
