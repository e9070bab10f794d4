"""Named, transactional migrations, recorded in ``sitroom_migrations`` (as sqlite-utils does).

Each migration runs inside one transaction together with the row that records
it, so a database is never left half-migrated. New migrations are appended;
applied ones are never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from sitroom.store import packing, schema


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _m001_initial(conn: Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[schema.documents, schema.events, schema.rejections, schema.clusters],
    )


MIGRATIONS: tuple[Migration, ...] = (Migration("001_initial", _m001_initial),)


# -- issue 17: incremental, blocked dedupe (self-contained; appended) -----------------
def _add_column(conn: Connection, table: str, column: str, sql_type: str) -> None:
    """Add a column unless the table already has it (fresh databases get it from 001)."""
    if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))


def _m_dedupe_blocks(conn: Connection) -> None:
    _add_column(conn, "events", "merge_reason", "TEXT")
    schema.metadata.create_all(conn, tables=[schema.dedupe_blocks])
    # Cluster ids are now the founding event's id; clusters numbered the old way
    # would collide, so they are cleared and the next ingest (or ``recluster``)
    # clusters every event again.
    conn.execute(text("UPDATE events SET cluster_id = NULL"))
    conn.execute(text("DELETE FROM clusters"))


MIGRATIONS += (Migration("002_dedupe_blocks", _m_dedupe_blocks),)


def applied(engine: Engine) -> list[str]:
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(select(schema.migrations.c.name))]


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration in order; return the names applied now."""
    schema.metadata.create_all(engine, tables=[schema.migrations])
    done = set(applied(engine))
    ran: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                schema.migrations.insert().values(
                    name=migration.name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        ran.append(migration.name)
    return ran


# -- issue 17: each text stored once, records compressed, indexed filters (appended) ---
def _m_store_compact(conn: Connection) -> None:
    binary = "BYTEA" if conn.dialect.name == "postgresql" else "BLOB"
    _add_column(conn, "documents", "record_z", binary)
    # The old plain indexes served only case-sensitive filters, which nothing runs.
    conn.execute(text("DROP INDEX IF EXISTS ix_events_type"))
    conn.execute(text("DROP INDEX IF EXISTS ix_events_country"))
    for index in schema.events.indexes:
        if index.name in schema.SEARCH_INDEXES:
            conn.execute(CreateIndex(index, if_not_exists=True))
    # Records stored the old way (text twice, JSON plain) are packed the new way.
    table = schema.documents
    old = select(table.c.id, table.c.text, table.c.record_json).where(
        table.c.record_z.is_(None) & (table.c.record_json != "")
    )
    while rows := conn.execute(old.limit(1000)).fetchall():
        for document_id, old_text, record_json in rows:
            record = packing.unpack(old_text, record_json, None)
            conn.execute(
                update(table)
                .where(table.c.id == document_id)
                .values(text="", record_json="", record_z=packing.pack(record))
            )


MIGRATIONS += (Migration("003_store_compact", _m_store_compact),)
