"""Full-text search over event notes, evidence, actors and places and over documents.

Events: SQLite uses an FTS5 table kept in step by triggers; PostgreSQL a GIN index
on ``to_tsvector`` of the same columns. Documents keep their text only inside the
compressed record (``store/packing.py``), which neither a trigger nor an expression
index can read, so the store indexes a document's title and text itself when it
writes the row (``index_document``): on SQLite into a contentless FTS5 table
(``documents_fts``, detail=none: only which documents hold a word, the least the
all-words search needs), on PostgreSQL into a ``tsvector`` column with a GIN index
(migration 020a; docs/scale.md, "The store", says why). Both take ``q`` as plain
words that must all occur (stemmed), so the API is the same on either backend and
no user text is ever parsed as query syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Integer, column, or_, text

from sitroom.store import schema

# Bounded so one request cannot build an arbitrarily large query.
MAX_TERMS = 12
# Letters and digits, no underscore: FTS5's unicode61 tokenizer splits at "_", and a
# quoted "a_b" would be a two-word phrase, which a detail=none table cannot answer.
WORD = re.compile(r"[^\W_]+", re.UNICODE)

EVENT_TEXT_COLUMNS = ("notes", "evidence_text", "actor1", "actor2", "location")
PG_EVENT_DOC = (
    "to_tsvector('english', "
    + " || ' ' || ".join(f"coalesce({c}, '')" for c in EVENT_TEXT_COLUMNS)
    + ")"
)
# Migration 015a's expression index; 020a replaces it with the ``fulltext`` column.
PG_DOCUMENT_DOC = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
# What fills documents.fulltext on PostgreSQL (migration 020a and every write).
PG_DOCUMENT_VECTOR = (
    "to_tsvector('english', coalesce(CAST(:title AS text), '') || ' ' || CAST(:text AS text))"
)


def terms(q: str) -> list[str]:
    return WORD.findall(q)[:MAX_TERMS]


def matches(q: str, dialect: str) -> ColumnElement[bool]:
    """Events whose own text, or whose document, contains every word of ``q``."""
    words = terms(q)
    events = schema.events
    if dialect == "sqlite":
        expr = " ".join(f'"{w}"' for w in words)
        in_events = (
            text("SELECT rowid FROM events_fts WHERE events_fts MATCH :fts_e")
            .bindparams(fts_e=expr)
            .columns(column("rowid", Integer))
        )
        in_documents = (
            text(
                "SELECT id FROM documents WHERE rowid IN "
                "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH :fts_d)"
            )
            .bindparams(fts_d=expr)
            .columns(column("id"))
        )
        return or_(events.c.id.in_(in_events), events.c.document_id.in_(in_documents))
    if dialect == "postgresql":
        plain = " ".join(words)
        in_events = (
            text(
                f"SELECT id FROM events WHERE {PG_EVENT_DOC} @@ plainto_tsquery('english', :fts_e)"
            )
            .bindparams(fts_e=plain)
            .columns(column("id", Integer))
        )
        in_documents = (
            text("SELECT id FROM documents WHERE fulltext @@ plainto_tsquery('english', :fts_d)")
            .bindparams(fts_d=plain)
            .columns(column("id"))
        )
        return or_(events.c.id.in_(in_events), events.c.document_id.in_(in_documents))
    clauses = [events.c.notes.icontains(w, autoescape=True) for w in words]
    return or_(*clauses)


def create_index(conn: Connection) -> None:
    """Create the full-text indexes of migration 015a and fill them from the stored rows
    (020a replaces the documents' part: ``create_document_index``)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        cols = ", ".join(EVENT_TEXT_COLUMNS)
        new = ", ".join(f"new.{c}" for c in EVENT_TEXT_COLUMNS)
        old = ", ".join(f"old.{c}" for c in EVENT_TEXT_COLUMNS)
        statements = [
            f"CREATE VIRTUAL TABLE events_fts USING fts5({cols}, content='events', "
            "content_rowid='id', tokenize='porter unicode61')",
            f"CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN "
            f"INSERT INTO events_fts(rowid, {cols}) VALUES (new.id, {new}); END",
            f"CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN "
            f"INSERT INTO events_fts(events_fts, rowid, {cols}) "
            f"VALUES ('delete', old.id, {old}); END",
            f"CREATE TRIGGER events_fts_au AFTER UPDATE OF {cols} ON events BEGIN "
            f"INSERT INTO events_fts(events_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
            f"INSERT INTO events_fts(rowid, {cols}) VALUES (new.id, {new}); END",
            "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
            "content_rowid='rowid', tokenize='porter unicode61')",
            "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.rowid, new.title, new.text); END",
            "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END",
            "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
            "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); "
            "INSERT INTO documents_fts(rowid, title, text) "
            "VALUES (new.rowid, new.title, new.text); END",
            "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
        ]
    elif dialect == "postgresql":
        statements = [
            f"CREATE INDEX ix_events_fulltext ON events USING GIN (({PG_EVENT_DOC}))",
            f"CREATE INDEX ix_documents_fulltext ON documents USING GIN (({PG_DOCUMENT_DOC}))",
        ]
    else:
        statements = []
    for statement in statements:
        conn.exec_driver_sql(statement)


def create_compact_event_index(conn: Connection) -> None:
    """Rebuild 015a's SQLite event index with detail=none and columnsize=0; its triggers
    (on events) name the table and columns, which stay the same."""
    if conn.dialect.name != "sqlite":
        return
    cols = ", ".join(EVENT_TEXT_COLUMNS)
    conn.exec_driver_sql("DROP TABLE IF EXISTS events_fts")
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE events_fts USING fts5({cols}, content='events', "
        "content_rowid='id', columnsize=0, detail=none, tokenize='porter unicode61')"
    )
    conn.exec_driver_sql("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")


# -- documents: written by the store, not by triggers (the text is compressed) --------
def create_document_index(conn: Connection) -> None:
    """Replace 015a's document index (over documents.text, now empty) with one the store
    writes, and fill it from every stored record."""
    from sitroom.store import packing

    dialect = conn.dialect.name
    if dialect == "sqlite":
        for trigger in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS documents_fts")
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='', columnsize=0, "
            "detail=none, tokenize='porter unicode61')"
        )
    elif dialect == "postgresql":
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_documents_fulltext")
        conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN IF NOT EXISTS fulltext tsvector")
    else:
        return
    last = ""
    page = text("SELECT id, title FROM documents WHERE id > :last ORDER BY id LIMIT 500")
    while rows := conn.execute(page, {"last": last}).fetchall():
        records = packing.load(conn, [str(r[0]) for r in rows])
        for document_id, title in rows:
            record = records[str(document_id)]
            index_document(conn, str(document_id), title, str(record.get("text") or ""))
        last = str(rows[-1][0])
    if dialect == "postgresql":
        conn.exec_driver_sql("CREATE INDEX ix_documents_fulltext ON documents USING GIN (fulltext)")


def index_document(
    conn: Connection,
    document_id: str,
    title: str | None,
    body: str,
    *,
    old: tuple[str | None, str] | None = None,
) -> None:
    """Index a stored document's title and text; ``old`` (title, text) as indexed before,
    when the document is being replaced (a contentless FTS5 table forgets an entry only
    when given the values it was indexed with)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        rowid = conn.execute(
            text("SELECT rowid FROM documents WHERE id = :id"), {"id": document_id}
        ).scalar_one()
        if old is not None:
            conn.execute(
                text(
                    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                    "VALUES ('delete', :rowid, :title, :text)"
                ),
                {"rowid": rowid, "title": old[0], "text": old[1]},
            )
        conn.execute(
            text("INSERT INTO documents_fts(rowid, title, text) VALUES (:rowid, :title, :text)"),
            {"rowid": rowid, "title": title, "text": body},
        )
    elif dialect == "postgresql":
        conn.execute(
            text(f"UPDATE documents SET fulltext = {PG_DOCUMENT_VECTOR} WHERE id = :id"),
            {"id": document_id, "title": title, "text": body},
        )


# Leaf pages (about 1 KB each) one merge may write, so the work does not grow with the
# store: 13 ms on 1,257 IndiaPoliceEvents articles, which it merged whole.
MERGE_PAGES = 2000


def merge_document_index(conn: Connection) -> None:
    """Merge the SQLite document index's segments, a bounded amount of work at a time.

    FTS5 writes a segment per transaction, so one per stored document; its automatic
    merging leaves several segments per level, each with its own copy of the terms they
    share. On 1,257 IndiaPoliceEvents articles the index took 365 bytes per article as
    written and 287 once merged (a negative count merges even below 'usermerge')."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            f"INSERT INTO documents_fts(documents_fts, rank) VALUES ('merge', {-MERGE_PAGES})"
        )
