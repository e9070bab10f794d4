"""The store on PostgreSQL: the same behaviour as on SQLite.

Runs when ``SITROOM_TEST_PG_URL`` names a database (``make test`` starts a throwaway
server through ``scripts/with-postgres`` where PostgreSQL is installed).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from sitroom.dedupe import recluster
from sitroom.records import Rejection
from sitroom.store import EventQuery, Store
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
