"""Facet counts and totals for a filter, in one pass, cached per filter and data version.

A group-by per facet reads the filtered events once per facet; a filter no index
serves (an actor substring, a text search) made that seven scans of 50k rows. Here
the filtered rows' facet columns are read once and counted in Python; outlets and
source types come from lookups loaded once per data version. Results are kept per
filter until the data changes (``_version``).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter, OrderedDict, defaultdict
from typing import Any

from sqlalchemy import Connection, func, select

from sitroom.store import schema
from sitroom.store.filters import EVENTS, FACET_SIZE, EventFilter, filtered_select
from sitroom.store.sources import sync_quietly as index_sources

COLUMNS = ("country", "admin1", "event_type", "sub_event_type", "certainty")
PUBLIC = {"event_type": "type", "sub_event_type": "sub_type"}
# Distinct filters remembered; each entry is a few kilobytes.
CACHE_SIZE = 512


def _version(conn: Connection) -> tuple[Any, ...]:
    """Changes when events are added (max id) or deleted (their source rows cascade
    away), sources are indexed, or a reviewer changes anything (max audit id). Counting
    the source rows walks a narrow index: far cheaper than counting events."""
    # Separate statements: SQLite answers a lone min() or max() from the index end.
    events = [conn.execute(select(f(EVENTS.c.id))).scalar() for f in (func.max, func.min)]
    audit = conn.execute(select(func.max(schema.audit.c.id))).scalar()
    sources = conn.execute(select(func.count()).select_from(schema.event_sources)).scalar()
    return (*events, audit, sources)


class FacetCounter:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.version: tuple[Any, ...] | None = None
        self.cache: OrderedDict[EventFilter, tuple[dict[str, Any], int]] = OrderedDict()
        self.outlets: dict[str, str | None] = {}
        self.source_types: dict[int, list[str]] = {}

    def _reload(self, conn: Connection, version: tuple[Any, ...]) -> None:
        documents = schema.documents
        rows = conn.execute(select(documents.c.id, documents.c.outlet))
        self.outlets = {str(i): outlet for i, outlet in rows}
        types: dict[int, list[str]] = defaultdict(list)
        sources = schema.event_sources
        for event_id, kind in conn.execute(select(sources.c.event_id, sources.c.source_type)):
            if kind not in types[event_id]:
                types[event_id].append(kind)
        self.source_types = dict(types)
        self.cache.clear()
        self.version = version

    def counts(self, f: EventFilter) -> tuple[dict[str, list[dict[str, Any]]], int]:
        """Facets (value and count, most frequent first) and the total for ``f``."""
        key = dataclasses.replace(f, sort="-date", limit=0, offset=0)
        with self.store.engine.connect() as conn:
            version = _version(conn)
        if self.version is None or version[:2] != self.version[:2]:
            # New events since the last look: index their source types first.
            index_sources(self.store.engine)
        with self.store.engine.connect() as conn:
            version = _version(conn)
            with self.lock:
                if version != self.version:
                    self._reload(conn, version)
                hit = self.cache.get(key) if f.cluster_id is None else None
                if hit is not None:
                    self.cache.move_to_end(key)
                    return hit
                outlets, source_types = self.outlets, self.source_types
            columns = [getattr(EVENTS.c, c) for c in COLUMNS]
            stmt = filtered_select(
                select(*columns, EVENTS.c.document_id, EVENTS.c.id),
                f,
                conn.dialect.name,
                documents=False,
            )
            counters: dict[str, Counter[Any]] = {c: Counter() for c in (*COLUMNS, "outlet")}
            kinds: Counter[str] = Counter()
            total = 0
            for row in conn.execute(stmt):
                total += 1
                for name, value in zip(COLUMNS, row, strict=False):
                    if value is not None:
                        counters[name][value] += 1
                outlet = outlets.get(row.document_id)
                if outlet is not None:
                    counters["outlet"][outlet] += 1
                kinds.update(source_types.get(row.id, ()))
        facets = {PUBLIC.get(name, name): _top(counter) for name, counter in counters.items()}
        facets["source_type"] = _top(kinds)
        result = (facets, total)
        with self.lock:
            if self.version == version and f.cluster_id is None:
                self.cache[key] = result
                while len(self.cache) > CACHE_SIZE:
                    self.cache.popitem(last=False)
        return result


def _top(counter: Counter[Any]) -> list[dict[str, Any]]:
    ordered = sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [{"value": value, "count": n} for value, n in ordered[:FACET_SIZE]]
