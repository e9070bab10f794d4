"""A store's content without what depends on timing or insertion order (ids, times, counts).

Two stores with equal snapshots hold the same documents, events, rejections and
clusters; used to compare concurrent, interrupted and one-shot ingests.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select

from sitroom.store import Store, schema


def snapshot(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        documents = sorted(
            (row.id, row.path, row.text, row.record_json)
            for row in conn.execute(select(schema.documents))
        )
        events = {
            row.id: (row.document_id, row.ordinal, row.event_json)
            for row in conn.execute(select(schema.events))
        }
        members: dict[int, set[tuple[str, int]]] = {}
        for row in conn.execute(select(schema.events.c.id, schema.events.c.cluster_id)):
            if row.cluster_id is not None:
                document_id, ordinal, _ = events[row.id]
                members.setdefault(row.cluster_id, set()).add((document_id, ordinal))
        clusters = sorted(
            (
                sorted(members.get(row.id, set())),
                json.dumps(
                    {k: v for k, v in row._mapping.items() if k != "id"}, sort_keys=True
                ),
            )
            for row in conn.execute(select(schema.clusters))
        )
        rejections = sorted(
            (row.path, row.stage, row.code, row.detail)
            for row in conn.execute(select(schema.rejections))
        )
    return {
        "documents": documents,
        "events": sorted(events.values()),
        "clusters": clusters,
        "rejections": rejections,
    }


def digest(store: Store) -> dict[str, str]:
    """A content hash per table of :func:`snapshot`."""
    return {
        name: hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()
        for name, value in snapshot(store).items()
    }
