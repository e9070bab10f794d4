"""The one query behind ``Store.events``, and a reader that runs it on a SQLite file
through the standard library's ``sqlite3``.

``sitroom events`` is the command an analyst types again and again; importing
SQLAlchemy alone took 0.12 s of its 0.37 s start (benchmarks/startup.py). The query
is SQL text with named parameters that SQLite and PostgreSQL read alike, so
``Store.events`` (through SQLAlchemy, on either database) and ``event_rows`` (through
``sqlite3``, on a current SQLite file) run the same statement. A database that does
not exist yet or has a migration pending is opened through the ``Store``, which
creates or migrates it first; so is any URL.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.store.migration_names import MIGRATION_NAMES

# How long a SQLite connection waits for another process's write transaction. A
# transaction is one document with its events or one recluster of the whole store;
# 60 s is a generous bound on either (not measured per transaction), so a wait ends
# in success unless a process hangs; the four-ingest tests pass with it under load.
SQLITE_BUSY_TIMEOUT_MS = 60_000

# The largest 64-bit integer, a LIMIT that limits nothing.
NO_LIMIT = 2**63 - 1

# The document columns an event row carries after the event's own.
DOCUMENT_COLUMNS = ("title", "path", "url", "published")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    country: str | None = None
    event_type: str | None = None  # matches event_type or sub_event_type
    since: str | None = None
    until: str | None = None
    document_id: str | None = None
    event_id: int | None = None
    cluster_id: int | None = None
    include_aggregates: bool = True
    limit: int | None = None
    offset: int = 0


def events_sql(query: EventQuery) -> tuple[str, dict[str, Any]]:
    """The statement (named parameters) and its parameters for ``query``: every event
    column and the document's, newest first, ties broken on the event's id."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if query.country:
        where.append("lower(events.country) = :country")
        params["country"] = query.country.lower()
    if query.event_type:
        where.append("(lower(events.event_type) = :type OR lower(events.sub_event_type) = :type)")
        params["type"] = query.event_type.lower()
    if query.since:
        where.append("events.date_end >= :since")
        params["since"] = query.since
    if query.until:
        where.append("events.date_start <= :until")
        params["until"] = query.until
    if query.document_id:
        where.append("events.document_id = :document_id")
        params["document_id"] = query.document_id
    if query.event_id is not None:
        where.append("events.id = :event_id")
        params["event_id"] = query.event_id
    if query.cluster_id is not None:
        where.append("events.cluster_id = :cluster_id")
        params["cluster_id"] = query.cluster_id
    if not query.include_aggregates:
        where.append("events.aggregate = 0")
    document = ", ".join(f"documents.{c}" for c in DOCUMENT_COLUMNS)
    sql = (
        f"SELECT events.*, {document} FROM events "
        "JOIN documents ON documents.id = events.document_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY events.date_start DESC, events.id"
    )
    if query.limit is not None or query.offset:
        # SQLite takes OFFSET only after a LIMIT, and PostgreSQL no negative LIMIT:
        # "no limit" is the largest one both read.
        sql += " LIMIT :limit OFFSET :offset"
        params["limit"] = NO_LIMIT if query.limit is None else query.limit
        params["offset"] = query.offset
    return sql, params


def row_columns(columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of an event row that tables and CSV show (the raw JSON left out)."""
    return tuple(c for c in columns if c != "event_json")


def event_rows(
    target: str | Path, query: EventQuery
) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The shown columns and the rows of ``Store(target).events(query)``; read through
    ``sqlite3`` alone when ``target`` is a SQLite file with every migration applied."""
    read = _read_sqlite(target, query)
    if read is not None:
        return read
    from sitroom.store.db import EVENT_ROW_COLUMNS, Store

    store = Store(target)
    try:
        return EVENT_ROW_COLUMNS, store.events(query)
    finally:
        store.close()


def _read_sqlite(
    target: str | Path, query: EventQuery
) -> tuple[tuple[str, ...], list[dict[str, Any]]] | None:
    """The rows, or None when ``target`` is no current SQLite file (the Store decides)."""
    text = str(target)
    if text == ":memory:" or "://" in text:
        return None
    path = Path(text).expanduser()
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        applied = {row[0] for row in conn.execute("SELECT name FROM sitroom_migrations")}
        if applied != set(MIGRATION_NAMES):
            return None
        cursor = conn.execute(*events_sql(query))
        columns = tuple(d[0] for d in cursor.description)
        rows = [dict(zip(columns, row, strict=True)) for row in cursor]
    # Not a sitroom store, or not a database at all: the Store says which.
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row_columns(columns), rows
