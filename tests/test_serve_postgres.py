"""Search, filters and facets on PostgreSQL answer as they do on SQLite."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from sitroom.dedupe import recluster
from sitroom.serve import create_app
from sitroom.store import Store
from tests.serve_data import hostile_record, second_record
from tests.test_store import _record

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_client() -> Iterator[TestClient]:
    url = os.environ.get("SITROOM_TEST_PG_URL")
    if not url:
        pytest.skip("SITROOM_TEST_PG_URL not set: PostgreSQL serve tests skipped")
    store = Store(url)
    for record in (_record(), second_record(), hostile_record()):
        store.add_record(record)
    recluster(store)
    yield TestClient(create_app(store), base_url="http://localhost")
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "DROP TABLE IF EXISTS event_sources, events, clusters, rejections, documents, "
                "sitroom_migrations CASCADE"
            )
        )
    store.close()


def test_postgres_full_text_search_filters_and_facets(pg_client: TestClient) -> None:
    def ids(**params: object) -> set[int]:
        body = pg_client.get("/index.json", params=params).json()
        return {e["id"] for e in body["events"]}

    assert ids(q="roadside") == {3}
    assert ids(q="markets") == {1, 2, 3}
    assert ids(q="checkpoint") == {4}
    assert ids(q="zzz' OR 1=1 --") == set()  # words only, never query syntax
    assert ids(actor="CIVILIANS") == {3}
    assert ids(source_type="government") == {3}
    facets = pg_client.get("/index.json", params={"country": "Iraq"}).json()["facets"]
    assert {v["value"]: v["count"] for v in facets["type"]} == {
        "Explosions/Remote violence": 2,
        "Battles": 1,
    }
    assert pg_client.get("/clusters/1.json").json()["why_merged"]
    assert pg_client.get("/timeline.json").json()["unit"] == "week"
