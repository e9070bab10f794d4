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
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from sitroom.store import schema

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
    with engine.connect() as conn:
        for document_id, items in by_document.items():
            record_json = conn.execute(
                select(schema.documents.c.record_json).where(schema.documents.c.id == document_id)
            ).scalar_one_or_none()
            attributions = json.loads(record_json).get("attributions", []) if record_json else []
            kinds = {a["source"].lower(): a["source_type"] for a in attributions}
            for event_id, event in items:
                sources = event.get("sources") or []
                if not sources:
                    rows.append({"event_id": event_id, "source": None, "source_type": NO_SOURCE})
                for source in dict.fromkeys(sources):
                    kind = kinds.get(source.lower(), "unknown")
                    rows.append({"event_id": event_id, "source": source, "source_type": kind})
    with engine.begin() as conn:
        conn.execute(table.insert(), rows)
    return len(pending)


def sync_quietly(engine: Engine) -> int:
    """``sync`` for readers (the dashboard): a read-only or busy database only means the
    source-type facet lags, so the failure is logged, not raised."""
    try:
        return sync(engine)
    except SQLAlchemyError as exc:
        log.warning("could not index event sources: %s", exc)
        return 0
