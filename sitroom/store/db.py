"""The store: SQLite (default) or PostgreSQL, via SQLAlchemy Core.

Workers (threads, Dask) compute records and hand them to the process that owns a
``Store``. Several processes may own one store at once (a cron ingest overlapping
a manual one, a dashboard reading during an ingest): SQLite runs in WAL mode with
a busy timeout, a document goes in by one atomic insert-or-skip on its key
(``ON CONFLICT DO NOTHING`` on both databases) together with its events, and a
rejection by one upsert. Migrations and reclustering run under a store-wide lock
(:mod:`.locks`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, func, select, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from sitroom.records import Record, Rejection, to_dict
from sitroom.store import packing, schema
from sitroom.store.event_rows import (
    DOCUMENT_COLUMNS,
    SQLITE_BUSY_TIMEOUT_MS,
    EventQuery,
    events_sql,
    row_columns,
)
from sitroom.store.migrations import migrate
from sitroom.store.search import index_document, merge_document_index


def _stored_record(data: dict[str, Any]) -> dict[str, Any]:
    """The document columns a record writes, the same on insert and on replace: the
    record, text included, is stored once, compressed in ``record_z``, less what its
    own columns hold (store/packing.py)."""
    return {
        **packing.columns(data),
        "text": "",
        "record_json": "",
        "record_z": packing.pack(data),
        "ingested_at": _now(),
    }


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path (SQLite) or a URL given as is."""
    text = str(target)
    if text == ":memory:":
        return "sqlite://"
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise ValueError(f"not a database URL: {text}") from exc
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# The columns of an event row as people read it (CSV, the dashboard's JSON), in order:
# the events table without its raw JSON, plus the document's title and path.
EVENT_ROW_COLUMNS = row_columns((*(c.name for c in schema.events.columns), *DOCUMENT_COLUMNS))


class Store:
    """Records, events, rejections and clusters in one database."""

    def __init__(self, target: str | Path = "sitroom.db", *, apply_migrations: bool = True) -> None:
        url = database_url(target)
        self.url = url
        if url.startswith("sqlite"):
            # One in-memory database shared by every connection of this Store.
            extra: dict[str, Any] = (
                {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
                if url == "sqlite://"
                else {}
            )
            self.engine: Engine = create_engine(url, **extra)
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url)
        if apply_migrations:  # off for `sitroom check`, which reports what is pending
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writes (single writer) -------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        query = select(schema.documents.c.id).where(schema.documents.c.id == document_id)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def add_record(self, record: Record) -> bool:
        """Store a record and its events; False if a document with its id is stored already."""
        if self.has_document(record.id):
            return False
        data = to_dict(record)
        with self.engine.begin() as conn:
            # Insert-or-skip in one statement: another process may have stored the same
            # document since the check above; then nothing of this one is written.
            inserted = conn.execute(
                self._insert(schema.documents)
                .on_conflict_do_nothing(index_elements=[schema.documents.c.id])
                .returning(schema.documents.c.id)
                .values(**_stored_record(data))
            )
            # RETURNING, not rowcount: psycopg's rowcount does not say 0 for a skipped row.
            if inserted.first() is None:
                return False
            # The text is only in record_z, so the document search index is written here.
            index_document(conn, record.id, record.title, record.text)
            rows = [
                _event_row(record, ordinal, event) for ordinal, event in enumerate(data["events"])
            ]
            if rows:
                conn.execute(schema.events.insert(), rows)
        return True

    def replace_record(self, record: Record) -> None:
        """Store a record again under its id (a triaged-out document processed in full)."""
        data = to_dict(record)
        table = schema.documents
        with self.engine.begin() as conn:
            old_title = conn.execute(select(table.c.title).where(table.c.id == record.id)).first()
            if old_title is None:
                raise LookupError(f"no stored document {record.id}")
            old = packing.load(conn, [record.id])[record.id]
            conn.execute(
                update(table).where(table.c.id == record.id).values(**_stored_record(data))
            )
            index_document(
                conn,
                record.id,
                record.title,
                record.text,
                old=(old_title[0], str(old.get("text") or "")),
            )
            conn.execute(schema.events.delete().where(schema.events.c.document_id == record.id))
            rows = [
                _event_row(record, ordinal, event) for ordinal, event in enumerate(data["events"])
            ]
            if rows:
                conn.execute(schema.events.insert(), rows)

    def tidy_search_index(self) -> None:
        """Merge the document search index after a batch of writes (search.py)."""
        with self.engine.begin() as conn:
            merge_document_index(conn)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a rejection; seeing the same one again bumps its count instead of duplicating."""
        table = schema.rejections
        now = _now()
        # One upsert, so two processes rejecting the same input never race.
        statement = self._insert(table).values(
            path=rejection.path,
            stage=rejection.stage,
            code=rejection.code,
            detail=rejection.detail,
            first_seen=now,
            last_seen=now,
            times_seen=1,
        )
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.path, table.c.stage, table.c.code],
            set_={
                "detail": statement.excluded.detail,
                "last_seen": statement.excluded.last_seen,
                "times_seen": table.c.times_seen + 1,
            },
        )
        with self.engine.begin() as conn:
            conn.execute(statement)

    def _insert(self, table: Table) -> Any:
        """The dialect's INSERT, which knows ``ON CONFLICT``."""
        if self.engine.dialect.name == "postgresql":
            # Imported here: the PostgreSQL dialect pulls in asyncio and asyncpg's
            # adapter, which a command on a SQLite store would pay for at startup.
            from sqlalchemy.dialects import postgresql

            return postgresql.insert(table)
        return sqlite.insert(table)

    # -- reads --------------------------------------------------------------------
    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        # The statement `sitroom events` also runs through sqlite3 (store/event_rows.py).
        sql, params = events_sql(query or EventQuery())
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(text(sql), params)]

    def event(self, event_id: int) -> dict[str, Any] | None:
        rows = self.events(EventQuery(event_id=event_id))
        return rows[0] if rows else None

    def record(self, document_id: str) -> dict[str, Any] | None:
        """The full stored record of a document (text included), or None."""
        return self.records([document_id]).get(document_id)

    def records(self, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Full stored records by document id; the only way to read them (see packing)."""
        with self.engine.connect() as conn:
            return packing.load(conn, document_ids)

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        table = schema.documents
        stmt = (
            select(
                table.c.id,
                table.c.path,
                table.c.url,
                table.c.outlet,
                table.c.title,
                table.c.published,
                table.c.format,
                table.c.ingested_at,
            )
            .order_by(table.c.published.desc(), table.c.path)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def triaged(self) -> list[dict[str, Any]]:
        """Documents triage left unparsed: fine content, not event-bearing, not rejections."""
        table = schema.documents
        stmt = (
            select(
                table.c.id,
                table.c.path,
                table.c.title,
                table.c.published,
                table.c.triage,
                table.c.ingested_at,
            )
            .where(table.c.triage.is_not(None))
            .order_by(table.c.path)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def rejections(self) -> list[dict[str, Any]]:
        stmt = select(schema.rejections).order_by(schema.rejections.c.path)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("documents", schema.documents),
                    ("events", schema.events),
                    ("rejections", schema.rejections),
                    ("clusters", schema.clusters),
                )
            }

    def iter_event_json(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """(event id, document id, event as stored) for every event, for dedupe and export."""
        stmt = select(schema.events.c.id, schema.events.c.document_id, schema.events.c.event_json)
        with self.engine.connect() as conn:
            for row in conn.execute(stmt):
                yield int(row[0]), str(row[1]), json.loads(row[2])

    def replace_clusters(self, clusters: Sequence[dict[str, Any]], members: dict[int, int]) -> None:
        """Swap in a new clustering in one transaction (members: event id → cluster id)."""
        with self.engine.begin() as conn:
            conn.execute(update(schema.events).values(cluster_id=None))
            conn.execute(schema.clusters.delete())
            if clusters:
                conn.execute(schema.clusters.insert(), list(clusters))
            for event_id, cluster_id in members.items():
                conn.execute(
                    update(schema.events)
                    .where(schema.events.c.id == event_id)
                    .values(cluster_id=cluster_id)
                )

    def clusters(self) -> list[dict[str, Any]]:
        stmt = select(schema.clusters).order_by(schema.clusters.c.date_start.desc())
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Takes effect only on a new, empty database (before WAL or any table), so it
    # runs first. A compressed record is about 2.3 KB: a 4 KiB page holds one and
    # wastes the rest; 16 KiB pages hold six (IndiaPoliceEvents: 2.0x -> 1.8x the
    # raw input per document, benchmarks/scale.py).
    cursor.execute("PRAGMA page_size=16384")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL: readers (the dashboard) never block the writer nor wait for it, and
    # writers of other processes queue on the busy timeout. In memory it stays "memory".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _event_row(record: Record, ordinal: int, event: dict[str, Any]) -> dict[str, Any]:
    evidence = event.get("evidence") or []
    start = evidence[0]["start"] if evidence else None
    end = evidence[-1]["end"] if evidence else None
    fatalities = event.get("fatalities") or {}
    return {
        "document_id": record.id,
        "ordinal": ordinal,
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": event.get("actor1"),
        "actor2": event.get("actor2"),
        "location": event.get("location"),
        "admin1": event.get("admin1"),
        "country": event.get("country"),
        "latitude": event.get("latitude"),
        "longitude": event.get("longitude"),
        "geo_precision": event.get("geo_precision"),
        "date_start": event.get("date_start"),
        "date_end": event.get("date_end"),
        "time_precision": event.get("time_precision"),
        "date_text": event.get("date_text"),
        "fatalities_low": fatalities.get("low"),
        "fatalities_best": fatalities.get("best"),
        "fatalities_high": fatalities.get("high"),
        "certainty": event.get("certainty", "reported"),
        "aggregate": 1 if event.get("aggregate") else 0,
        "evidence_start": start,
        "evidence_end": end,
        "evidence_text": record.text[start:end] if start is not None and end is not None else None,
        "notes": event.get("notes"),
        "event_json": json.dumps(event, ensure_ascii=False),
    }
