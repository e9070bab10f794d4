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
from sitroom.store.locks import exclusive
from sitroom.store.migration_names import MIGRATION_NAMES


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _m001_initial(conn: Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[schema.documents, schema.events, schema.rejections, schema.clusters],
    )


def _m002_documents_triage(conn: Connection) -> None:
    """Documents triage left unparsed keep the reason in ``documents.triage``."""
    # A database created after this column joined schema.documents has it already.
    if "triage" not in {c["name"] for c in inspect(conn).get_columns("documents")}:
        conn.execute(text("ALTER TABLE documents ADD COLUMN triage TEXT"))


def _serve_search_index(conn: Connection) -> None:
    from sitroom.store.search import create_index

    create_index(conn)


def _serve_event_sources(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.event_sources])


def _serve_review(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.users, schema.reviews, schema.audit])
    if "review_status" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN review_status VARCHAR(20)")


def _serve_facet_indexes(conn: Connection) -> None:
    """Indexes behind the dashboard's case-insensitive filters and facet counts: without
    them each facet reads every event row (about 80 ms a facet at 50k events)."""
    for name, expression in (
        # With the date second, a filtered page is an index walk in date order.
        ("ix_events_country_lower", "events (lower(country), date_start)"),
        ("ix_events_admin1_lower", "events (lower(admin1), date_start)"),
        ("ix_events_type_lower", "events (lower(event_type), date_start)"),
        ("ix_events_sub_type_lower", "events (lower(sub_event_type), date_start)"),
        ("ix_events_admin1", "events (admin1)"),
        ("ix_events_sub_type", "events (sub_event_type)"),
        ("ix_events_certainty", "events (certainty)"),
        ("ix_events_fatalities", "events (coalesce(fatalities_best, fatalities_low))"),
        ("ix_documents_outlet", "documents (id, outlet)"),
    ):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {expression}")


MIGRATIONS: tuple[Migration, ...] = (
    Migration("001_initial", _m001_initial),
    Migration("002_documents_triage", _m002_documents_triage),
    Migration("015a_search_index", _serve_search_index),
    Migration("015b_event_sources", _serve_event_sources),
    Migration("015c_review", _serve_review),
    Migration("015d_facet_indexes", _serve_facet_indexes),
)


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


MIGRATIONS += (Migration("017a_dedupe_blocks", _m_dedupe_blocks),)


def applied(engine: Engine) -> list[str]:
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(select(schema.migrations.c.name))]


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration in order; return the names applied now.

    Several processes may open one new store at once (two ingests); the one that
    takes the lock applies what is pending, the others then find nothing to do.
    """
    if {m.name for m in MIGRATIONS} <= set(applied(engine)):
        return []
    with exclusive(engine, "migrate"):
        return _migrate_locked(engine)


def _migrate_locked(engine: Engine) -> list[str]:
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


MIGRATIONS += (Migration("017b_store_compact", _m_store_compact),)


# -- integration of issues 15 and 17: search over compressed documents (appended) -----
def _m_document_search(conn: Connection) -> None:
    """015a indexed documents.text, which 017b empties (the text lives in record_z): the
    store now writes the document index itself (store/search.py; docs/scale.md, "The
    store")."""
    from sitroom.store.search import create_document_index

    create_document_index(conn)


def _m_filter_indexes(conn: Connection) -> None:
    """015d and 017b each made a (lower(column), date_start) index on country, event type
    and sub-event type: the same index twice, written twice on every insert. The ones
    declared in schema.events (``*_ci``) stay. The dashboard's ``since`` filter compares
    coalesce(date_end, date_start) (an event without an end date ends on its start),
    which no index served: it read every event."""
    for name in ("ix_events_country_lower", "ix_events_type_lower", "ix_events_sub_type_lower"):
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_events_since ON events (coalesce(date_end, date_start))"
        )
    )


def _m_event_search_compact(conn: Connection) -> None:
    """The event index as the document index: which events hold a word, no positions
    or column sizes (the search ANDs single words). 1,257 IndiaPoliceEvents articles:
    the event index 197 KB -> 115 KB, the store 1.95x -> 1.92x the raw input."""
    from sitroom.store.search import create_compact_event_index

    create_compact_event_index(conn)


MIGRATIONS += (
    Migration("020a_document_search", _m_document_search),
    Migration("020b_filter_indexes", _m_filter_indexes),
    Migration("020c_event_search_compact", _m_event_search_compact),
)


# -- issue 17: the record blob leaves out its row's columns, preset dictionary (appended) --
def _m_record_dictionary(conn: Connection) -> None:
    """Every stored record packed again the way ``packing.pack`` now writes it (without
    what the row's columns hold, against the preset dictionary): 1,941 -> 1,475 bytes
    per IndiaPoliceEvents record. Read in id order, 1,000 rows at a time."""
    table = schema.documents
    names = ("id", *packing.SOURCE_KEYS, *packing.COLUMN_KEYS[1:])
    wanted = select(
        *(table.c[name] for name in names), table.c.text, table.c.record_json, table.c.record_z
    ).order_by(table.c.id)
    last = ""
    while rows := conn.execute(wanted.where(table.c.id > last).limit(1000)).fetchall():
        for row in rows:
            values = row._mapping
            record = packing.unpack(
                values["text"], values["record_json"], values["record_z"], values
            )
            conn.execute(
                update(table)
                .where(table.c.id == values["id"])
                .values(
                    **packing.columns(record),
                    text="",
                    record_json="",
                    record_z=packing.pack(record),
                )
            )
        last = str(rows[-1]._mapping["id"])


MIGRATIONS += (Migration("021a_record_dictionary", _m_record_dictionary),)

# ``event_rows`` checks a database against this list without importing SQLAlchemy.
if tuple(m.name for m in MIGRATIONS) != MIGRATION_NAMES:
    raise RuntimeError("sitroom/store/migration_names.py must name every migration, in order")
