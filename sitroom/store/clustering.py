"""The store's side of incremental dedupe: set-based reads and writes of clusters.

Dedupe (``sitroom.dedupe.run``) decides; these functions fetch what it needs (the
events not yet clustered, the clusters whose blocks a batch touches) and write
back only what changed, each as one statement over many rows. Event rows are
never deleted here: a merge only sets ``cluster_id`` and ``merge_reason``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select, text, update

from sitroom.store import schema

EventRow = tuple[int, str, int | None, dict[str, Any]]

# Rows per IN (...) list: well under SQLite's bound-parameter limit (32,766).
IN_CHUNK = 5000
# Stored ranges are at most this long (dedupe.blocks.MAX_SPAN_DAYS), which bounds the
# index range scan on (block, day) from below.
_QUERY_TABLE = "dedupe_query"


def _chunks(items: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _many(conn: Connection, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """One statement over many rows through the driver (``?`` placeholders).

    SQLAlchemy's per-row parameter handling costs more than the insert itself at
    hundreds of thousands of rows (benchmarks/dedupe_growth.py); the SQL here is
    plain enough to pass straight to sqlite3 or psycopg.
    """
    if not rows:
        return
    if conn.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    conn.exec_driver_sql(sql, list(rows))


def pending(conn: Connection, limit: int) -> Iterator[EventRow]:
    """The oldest events not yet in a cluster, in id order, one row at a time."""
    table = schema.events
    stmt = (
        select(table.c.id, table.c.document_id, table.c.cluster_id, table.c.event_json)
        .where(table.c.cluster_id.is_(None))
        .order_by(table.c.id)
        .limit(limit)
    )
    for r in conn.execute(stmt):
        yield int(r[0]), str(r[1]), None, json.loads(r[3])


def candidate_clusters(
    conn: Connection, queries: Iterable[tuple[int, int, int]], max_span: int
) -> list[int]:
    """Clusters with a member filed under a block key whose range meets a query window.

    ``queries`` are (block key, lo, hi): a member matches when its first day is at
    most ``hi`` and its last day at least ``lo``. The windows go into a temporary
    table so the lookup is one join, however many the batch holds.
    """
    rows = sorted(set(queries))
    if not rows:
        return []
    conn.execute(
        text(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {_QUERY_TABLE} "
            "(block BIGINT, lo INTEGER, hi INTEGER)"
        )
    )
    conn.execute(text(f"DELETE FROM {_QUERY_TABLE}"))
    _many(conn, f"INSERT INTO {_QUERY_TABLE} (block, lo, hi) VALUES (?, ?, ?)", rows)
    found = conn.execute(
        text(
            f"SELECT DISTINCT b.cluster_id FROM {_QUERY_TABLE} q JOIN dedupe_blocks b "
            "ON b.block = q.block AND b.day BETWEEN q.lo - :span AND q.hi AND b.day_end >= q.lo"
        ),
        {"span": max_span},
    )
    ids = sorted(int(r[0]) for r in found)
    conn.execute(text(f"DELETE FROM {_QUERY_TABLE}"))
    return ids


def members(conn: Connection, cluster_ids: Sequence[int]) -> list[EventRow]:
    """Every event of these clusters, in id order."""
    table = schema.events
    out: list[EventRow] = []
    for chunk in _chunks(list(cluster_ids)):
        stmt = select(
            table.c.id, table.c.document_id, table.c.cluster_id, table.c.event_json
        ).where(table.c.cluster_id.in_(chunk))
        out.extend((int(r[0]), str(r[1]), int(r[2]), json.loads(r[3])) for r in conn.execute(stmt))
    out.sort(key=lambda row: row[0])
    return out


def write(
    conn: Connection,
    *,
    assignments: Sequence[tuple[int, str | None, int]],
    blocks: Sequence[tuple[int, int, int, int, int]],
    clusters: Sequence[dict[str, Any]],
) -> None:
    """Set the new events' clusters, file their blocks, and rewrite the touched clusters.

    ``assignments``: (cluster id, reason, event id); ``blocks``: (block, day, day_end,
    cluster id, event id); ``clusters``: full rows of every touched cluster, which
    replace the stored ones as a set.
    """
    _many(conn, "UPDATE events SET cluster_id = ?, merge_reason = ? WHERE id = ?", assignments)
    _many(
        conn,
        "INSERT INTO dedupe_blocks (block, day, day_end, cluster_id, event_id) "
        "VALUES (?, ?, ?, ?, ?)",
        blocks,
    )
    ids = [row["id"] for row in clusters]
    for chunk in _chunks(ids):
        conn.execute(delete(schema.clusters).where(schema.clusters.c.id.in_(chunk)))
    if clusters:
        columns = [c.name for c in schema.clusters.columns]
        _many(
            conn,
            f"INSERT INTO clusters ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(row[c] for c in columns) for row in clusters],
        )


def reset(conn: Connection) -> None:
    """Forget every clustering decision (events stay); the next run clusters them all."""
    conn.execute(delete(schema.dedupe_blocks))
    conn.execute(delete(schema.clusters))
    conn.execute(update(schema.events).values(cluster_id=None, merge_reason=None))


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(schema.clusters)).scalar_one())
