"""The type of each event's sources (government, media, person, …), for filtering.

An event names its sources (``Event.sources``); their types live in the
document's attributions. ``sync`` indexes every event not indexed yet, so the
table follows new documents without the writers knowing about it. An event
with no attributed source gets the type ``none``.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from sitroom.store import packing, schema

NO_SOURCE = "none"
log = logging.getLogger(__name__)


def sync(engine: Engine) -> int:
    """Index the sources of events not indexed yet; return how many events were indexed."""
    events, table = schema.events, schema.event_sources
    missing = select(events.c.id, events.c.document_id, events.c.event_json).where(
        events.c.id.not_in(select(table.c.event_id))
    )
    with engine.connect() as conn:
        pending = [(int(i), str(d), json.loads(j)) for i, d, j in conn.execute(missing)]
    if not pending:
        return 0
    by_document: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for event_id, document_id, event in pending:
        by_document[document_id].append((event_id, event))
    rows: list[dict[str, Any]] = []
    documents = list(by_document)
    with engine.connect() as conn:
        # A chunk of records at a time: the first sync of a large store covers every event.
        for start in range(0, len(documents), packing.CHUNK):
            chunk = documents[start : start + packing.CHUNK]
            records = packing.load(conn, chunk)
            for document_id in chunk:
                rows.extend(_typed_sources(records.get(document_id, {}), by_document[document_id]))
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    return len(pending)


def _typed_sources(
    record: dict[str, Any], events: list[tuple[int, dict[str, Any]]]
) -> Iterator[dict[str, Any]]:
    """The event_sources rows of a document's events, typed by its attributions."""
    kinds = {a["source"].lower(): a["source_type"] for a in record.get("attributions") or []}
    for event_id, event in events:
        sources = event.get("sources") or []
        if not sources:
            yield {"event_id": event_id, "source": None, "source_type": NO_SOURCE}
        for source in dict.fromkeys(sources):
            kind = kinds.get(source.lower(), "unknown")
            yield {"event_id": event_id, "source": source, "source_type": kind}


def sync_quietly(engine: Engine) -> int:
    """``sync`` for readers (the dashboard): a read-only or busy database only means the
    source-type facet lags, so the failure is logged, not raised."""
    try:
        return sync(engine)
    except SQLAlchemyError as exc:
        log.warning("could not index event sources: %s", exc)
        return 0
