"""The store on PostgreSQL: the same behaviour as on SQLite.

Runs when ``SITROOM_TEST_PG_URL`` names a database (``make test`` starts a throwaway
server through ``scripts/with-postgres`` where PostgreSQL is installed).
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update

from sitroom.dedupe import recluster
from sitroom.records import Rejection, to_dict
from sitroom.store import EventQuery, Store, packing, schema
from sitroom.store.migrations import migrate
from tests.test_store import _record

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_store() -> Iterator[Store]:
    url = os.environ.get("SITROOM_TEST_PG_URL")
    if not url:
        pytest.skip("SITROOM_TEST_PG_URL not set: PostgreSQL store tests skipped")
    store = Store(url)
    yield store
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS dedupe_blocks, event_sources, events, clusters, "
                          "rejections, documents, sitroom_migrations CASCADE"))
    store.close()


def test_postgres_store_round_trip(pg_store: Store) -> None:
    assert pg_store.add_record(_record()) is True
    assert pg_store.add_record(_record()) is False
    assert len(pg_store.events(EventQuery(country="IRAQ"))) == 2
    pg_store.add_rejection(Rejection(path="a.png", stage="ingest", code="E003", detail="binary"))
    pg_store.add_rejection(Rejection(path="a.png", stage="ingest", code="E003", detail="binary"))
    assert pg_store.rejections()[0]["times_seen"] == 2
    assert recluster(pg_store) == 2
    assert pg_store.counts() == {"documents": 1, "events": 2, "rejections": 1, "clusters": 2}


def test_postgres_incremental_dedupe_links_a_new_report(pg_store: Store) -> None:
    from sitroom.dedupe import dedupe_pending
    from tests.test_dedupe_incremental import ARIHA, SARMIN, _event
    from tests.test_dedupe_incremental import _record as _report

    pg_store.add_record(_report("a", _event(**SARMIN), _event(**ARIHA)))
    dedupe_pending(pg_store)
    pg_store.add_record(_report("b", _event(**{**SARMIN, "location": "Sarmeen"})))
    summary = dedupe_pending(pg_store)
    assert (summary.linked, summary.merged, summary.clusters_written) == (1, 1, 1)
    rows = sorted(pg_store.events(), key=lambda r: r["id"])
    assert rows[2]["cluster_id"] == rows[0]["id"] != rows[1]["cluster_id"]
    assert "same place name" in rows[2]["merge_reason"]


def test_postgres_searches_the_compressed_document_text(pg_store: Store) -> None:
    import json

    from sqlalchemy import delete, update

    from sitroom.records import to_dict
    from sitroom.store import schema
    from sitroom.store.filters import EventFilter, total
    from sitroom.store.migrations import migrate
    from tests.test_store_compact import _first_paragraph_only

    def found(q: str) -> int:
        return total(pg_store, EventFilter(q=q))

    pg_store.add_record(_first_paragraph_only(title="Curfew declared"))
    assert found("clashes mosul") == 1  # only in the document's (compressed) text
    pg_store.replace_record(_first_paragraph_only(title="Governor visits"))
    assert (found("governor"), found("curfew"), found("clashes mosul")) == (1, 0, 1)
    record = _first_paragraph_only()
    with pg_store.engine.begin() as conn:
        # A row as written before 017b, and a database from before 020a.
        old = json.dumps(to_dict(record), ensure_ascii=False)
        conn.execute(
            update(schema.documents).values(
                title=record.title, text=record.text, record_json=old, record_z=None
            )
        )
        conn.execute(text("ALTER TABLE documents DROP COLUMN fulltext"))
        conn.execute(
            delete(schema.migrations).where(schema.migrations.c.name == "020a_document_search")
        )
    assert migrate(pg_store.engine) == ["020a_document_search"]
    assert (found("clashes mosul"), found("curfew")) == (1, 1)


def test_postgres_record_blob_leaves_out_its_columns_and_reads_back_whole(
    pg_store: Store,
) -> None:
    record = _record()
    pg_store.add_record(record)
    expected = json.loads(json.dumps(to_dict(record)))
    with pg_store.engine.begin() as conn:
        blob = conn.execute(select(schema.documents.c.record_z)).scalar_one()
        assert "id" not in json.loads(packing.decompress(blob))
        # A row as 017b wrote it (every key, no dictionary), packed again by 021a.
        old = json.dumps(expected, ensure_ascii=False).encode("utf-8")
        conn.execute(update(schema.documents).values(record_z=zlib.compress(old)))
        conn.execute(
            schema.migrations.delete().where(schema.migrations.c.name == "021a_record_dictionary")
        )
    assert pg_store.record(record.id) == expected
    assert migrate(pg_store.engine) == ["021a_record_dictionary"]
    assert pg_store.record(record.id) == expected
    assert list(pg_store.record(record.id) or {}) == list(expected)
