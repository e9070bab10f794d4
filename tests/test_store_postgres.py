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
        conn.execute(text("DROP TABLE IF EXISTS event_sources, events, clusters, rejections, "
                          "documents, sitroom_migrations CASCADE"))
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
