"""Full-text search over event notes, evidence, actors and places and over documents.

SQLite uses FTS5 tables kept in step by triggers; PostgreSQL uses ``to_tsvector``
with GIN indexes on the same expressions. Both take ``q`` as plain words that
must all occur (stemmed), so the API is the same on either backend and no user
text is ever parsed as query syntax.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, Integer, column, or_, text

from sitroom.store import schema

# Bounded so one request cannot build an arbitrarily large query.
MAX_TERMS = 12
WORD = re.compile(r"\w+", re.UNICODE)

EVENT_TEXT_COLUMNS = ("notes", "evidence_text", "actor1", "actor2", "location")
PG_EVENT_DOC = (
    "to_tsvector('english', "
    + " || ' ' || ".join(f"coalesce({c}, '')" for c in EVENT_TEXT_COLUMNS)
    + ")"
)
PG_DOCUMENT_DOC = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


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
            text(
                f"SELECT id FROM documents WHERE {PG_DOCUMENT_DOC} "
                "@@ plainto_tsquery('english', :fts_d)"
            )
            .bindparams(fts_d=plain)
            .columns(column("id"))
        )
        return or_(events.c.id.in_(in_events), events.c.document_id.in_(in_documents))
    clauses = [events.c.notes.icontains(w, autoescape=True) for w in words]
    return or_(*clauses)


def create_index(conn: Connection) -> None:
    """Create the full-text index for this backend and fill it from the stored rows."""
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
