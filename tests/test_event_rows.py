"""`sitroom events` reads a current SQLite store through sqlite3: the Store's rows, exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitroom import api
from sitroom.store import EVENT_ROW_COLUMNS, Store
from sitroom.store.event_rows import EventQuery, _read_sqlite, event_rows
from sitroom.store.migration_names import MIGRATION_NAMES
from sitroom.store.migrations import MIGRATIONS

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo reports (samples/), ingested and clustered as `make demo` does."""
    db = str(tmp_path_factory.mktemp("rows") / "demo.db")
    summary = api.ingest([REPO / "samples"], db=db)
    assert summary.stored > 15
    return db


def _queries(rows: list[dict[str, object]]) -> list[EventQuery]:
    """A query for every filter, on values the store holds, in the case users type."""
    first = rows[0]
    queries = [EventQuery(), EventQuery(include_aggregates=False)]
    for country in {str(r["country"]) for r in rows if r["country"]}:
        queries.append(EventQuery(country=country.upper()))
    for kind in {str(r["event_type"]) for r in rows} | {str(r["sub_event_type"]) for r in rows}:
        queries.append(EventQuery(event_type=kind.lower()))
    dates = sorted(str(r["date_start"]) for r in rows if r["date_start"])
    middle = dates[len(dates) // 2]
    queries += [
        EventQuery(since=middle),
        EventQuery(until=middle),
        EventQuery(since=dates[0], until=middle, limit=3, offset=1),
        EventQuery(document_id=str(first["document_id"])),
        EventQuery(event_id=int(str(first["id"]))),
        EventQuery(cluster_id=int(str(first["cluster_id"]))),
        EventQuery(limit=5),
        EventQuery(offset=4),
        EventQuery(country="Nowhere"),
    ]
    return queries


def test_sqlite3_reads_the_rows_the_store_reads(demo_db: str) -> None:
    store = Store(demo_db)
    try:
        everything = store.events()
        assert len(everything) > 15
        queries = _queries(everything)
        for query in queries:
            read = _read_sqlite(demo_db, query)
            assert read is not None, query
            columns, rows = read
            assert columns == EVENT_ROW_COLUMNS
            assert rows == store.events(query), query  # values, types and key order
        assert sum(bool(event_rows(demo_db, q)[1]) for q in queries) > len(queries) // 2
    finally:
        store.close()


def test_filters_narrow_as_their_names_say(demo_db: str) -> None:
    _, every = event_rows(demo_db, EventQuery())
    dates = [r["date_start"] or "" for r in every]
    assert dates == sorted(dates, reverse=True)  # newest first
    country = str(every[0]["country"])
    _, rows = event_rows(demo_db, EventQuery(country=country.lower()))
    assert rows and {r["country"] for r in rows} == {country}
    assert len(rows) == sum(r["country"] == country for r in every)
    _, page = event_rows(demo_db, EventQuery(limit=2, offset=1))
    assert [r["id"] for r in page] == [r["id"] for r in every[1:3]]


def test_a_store_with_a_migration_pending_goes_through_the_store(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM sitroom_migrations WHERE name = ?", (MIGRATION_NAMES[-1],))
    assert _read_sqlite(db, EventQuery()) is None
    columns, rows = event_rows(db, EventQuery())  # the Store migrates it, then reads
    assert (columns, rows) == (EVENT_ROW_COLUMNS, [])
    assert _read_sqlite(db, EventQuery()) is not None


def test_a_missing_file_is_created_by_the_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    assert _read_sqlite(db, EventQuery()) is None
    assert event_rows(db, EventQuery()) == (EVENT_ROW_COLUMNS, [])
    assert db.is_file()


def test_the_names_list_every_migration_in_order() -> None:
    assert tuple(m.name for m in MIGRATIONS) == MIGRATION_NAMES
