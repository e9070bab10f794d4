"""The store keeps each text once, compresses the rest, and indexes every filter."""

from __future__ import annotations

import json
import zlib

from sqlalchemy import delete, select, text, update

from sitroom.records import to_dict
from sitroom.store import EventQuery, Store, schema
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
    packed = zlib.decompress(row["record_z"]).decode("utf-8")
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
