"""The store keeps each text once, compresses the rest, and indexes every filter."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import delete, select, text, update

from sitroom.records import Record, to_dict
from sitroom.store import EventQuery, Store, packing, schema
from sitroom.store.filters import EventFilter, total
from sitroom.store.migrations import migrate
from tests.test_store import _record


def test_record_reads_back_whole_with_its_text_stored_once_compressed() -> None:
    store = Store(":memory:")
    record = _record()
    store.add_record(record)
    assert store.record(record.id) == json.loads(json.dumps(to_dict(record)))
    assert list(store.record(record.id) or {}) == list(to_dict(record))  # key order kept
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.documents)).one()._mapping
    assert row["text"] == "" and row["record_json"] == ""  # the text is in record_z only
    packed = packing.decompress(row["record_z"])
    assert packed.count(json.dumps(record.text, ensure_ascii=False)) == 1


def test_records_stored_the_old_way_are_packed_by_the_migration() -> None:
    store = Store(":memory:")
    record = _record()
    store.add_record(record)
    old = json.dumps(to_dict(record), ensure_ascii=False)
    with store.engine.begin() as conn:
        conn.execute(
            update(schema.documents).values(text=record.text, record_json=old, record_z=None)
        )
    assert store.record(record.id) == json.loads(old)  # old rows read as before
    with store.engine.begin() as conn:
        conn.execute(
            delete(schema.migrations).where(schema.migrations.c.name == "017b_store_compact")
        )
    assert migrate(store.engine) == ["017b_store_compact"]
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.documents)).one()._mapping
    assert row["record_json"] == row["text"] == "" and row["record_z"] is not None
    assert store.record(record.id) == json.loads(old)


def _plan(store: Store, where: str) -> str:
    sql = f"EXPLAIN QUERY PLAN SELECT id FROM events WHERE {where}"
    with store.engine.connect() as conn:
        return " | ".join(str(row[-1]) for row in conn.execute(text(sql)))


def test_case_insensitive_filters_use_their_indexes_on_sqlite() -> None:
    store = Store(":memory:")
    store.add_record(_record())
    assert "ix_events_country_ci" in _plan(store, "lower(country) = 'iraq'")
    plan = _plan(store, "lower(event_type) = 'battles' OR lower(sub_event_type) = 'battles'")
    assert "ix_events_type_ci" in plan and "ix_events_sub_type_ci" in plan
    assert "ix_events_date_end" in _plan(store, "date_end >= '2024-03-11'")
    # The dashboard's filters: admin1, and since (an event without an end ends on its start).
    assert "ix_events_admin1_lower" in _plan(store, "lower(admin1) = 'ninawa'")
    assert "ix_events_since" in _plan(store, "coalesce(date_end, date_start) >= '2024-03-11'")
    with store.engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
    assert not {("ix_events_country_lower",), ("ix_events_type_lower",)} & names  # no twins
    assert [e["sub_event_type"] for e in store.events(EventQuery(event_type="ARMED CLASH"))] == [
        "Armed clash"
    ]
    assert len(store.events(EventQuery(country="iRaQ", since="2024-03-11"))) == 1


def test_a_new_sqlite_store_uses_pages_that_fit_several_records(tmp_path: object) -> None:
    from pathlib import Path

    store = Store(Path(str(tmp_path)) / "new.db")
    store.add_record(_record())
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA page_size")).scalar_one() == 16384


def _first_paragraph_only(title: str = "Curfew declared") -> Record:
    """A record whose one event cites only the first paragraph: words of the second are
    found through the document's text alone, not through any event's columns."""
    record = _record()
    return dataclasses.replace(record, title=title, events=record.events[:1])


def _found(store: Store, q: str) -> int:
    return total(store, EventFilter(q=q))


def test_search_finds_words_of_the_compressed_document_text_and_title() -> None:
    store = Store(":memory:")
    store.add_record(_first_paragraph_only())
    assert _found(store, "clashes mosul") == 1  # second paragraph: only in record_z
    assert _found(store, "curfew") == 1  # the title
    assert _found(store, "clashes curfew baghdad") == 1  # words from title and text
    assert _found(store, "clashes checkpoint") == 0  # every word must occur
    assert _found(store, "under_score") == 0  # "_" splits words, never an FTS5 phrase


def test_a_replaced_record_is_found_by_its_new_words_only() -> None:
    store = Store(":memory:")
    store.add_record(_first_paragraph_only(title="Curfew declared"))
    store.replace_record(_first_paragraph_only(title="Governor visits"))
    assert _found(store, "governor") == 1
    assert _found(store, "curfew") == 0  # the old entry was deleted with its old values
    assert _found(store, "clashes mosul") == 1
    with store.engine.connect() as conn:
        row = conn.execute(select(schema.documents)).one()._mapping
    assert row["text"] == row["record_json"] == ""  # replaced, still stored once
    assert store.record(_record().id)["title"] == "Governor visits"  # type: ignore[index]


def test_migration_020a_indexes_the_documents_stored_before_it() -> None:
    store = Store(":memory:")
    record = _first_paragraph_only()
    store.add_record(record)
    old = json.dumps(to_dict(record), ensure_ascii=False)
    with store.engine.begin() as conn:
        # A row as written before 017b (plain text and JSON), and no document index.
        conn.execute(
            update(schema.documents).values(text=record.text, record_json=old, record_z=None)
        )
        conn.execute(text("DROP TABLE documents_fts"))
        conn.execute(text("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text)"))
        conn.execute(
            delete(schema.migrations).where(schema.migrations.c.name == "020a_document_search")
        )
    assert _found(store, "clashes mosul") == 0
    assert migrate(store.engine) == ["020a_document_search"]
    assert _found(store, "clashes mosul") == 1
    assert _found(store, "curfew") == 1
    with store.engine.connect() as conn:
        triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        assert not [name for (name,) in triggers if name.startswith("documents_fts")]


def test_tidying_merges_the_document_index_and_keeps_every_document_found() -> None:
    store = Store(":memory:")
    places = ["Basra", "Kirkuk", "Najaf", "Karbala", "Erbil", "Tikrit", "Ramadi", "Samarra"]
    for n, place in enumerate(places):
        body = f"A curfew began in {place}.\n\nShops closed early."
        record = dataclasses.replace(_record(f"{n:064x}", body), events=())
        store.add_record(record)

    def index_rows() -> int:
        with store.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM documents_fts_data")).scalar_one())

    written = index_rows()  # a segment per document (one transaction each)
    store.tidy_search_index()
    assert index_rows() < written
    with store.engine.connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"),
            {"q": '"curfew" "shops"'},
        ).scalar_one()
        assert found == len(places)
        one = conn.execute(
            text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'tikrit'")
        ).all()
        assert len(one) == 1


def test_event_search_follows_replaced_events_in_its_compact_index() -> None:
    store = Store(":memory:")
    first = _first_paragraph_only()
    ambush = dataclasses.replace(first.events[0], notes="An ambush, per the wire.")
    store.add_record(dataclasses.replace(first, events=(ambush,)))
    assert _found(store, "ambush wire") == 1  # only in the event's notes
    convoy = dataclasses.replace(first.events[0], notes="A convoy, per the wire.")
    store.replace_record(dataclasses.replace(first, events=(convoy,)))
    assert (_found(store, "ambush"), _found(store, "convoy wire")) == (0, 1)
    with store.engine.connect() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'events_fts'"))
        assert "detail=none" in sql.scalar_one()
