from __future__ import annotations

import pytest
from sqlalchemy import inspect

from sitroom.records import (
    Event,
    Evidence,
    Fatalities,
    Record,
    Rejection,
    Repairs,
    Source,
)
from sitroom.store import EventQuery, Store, database_url
from sitroom.store.migrations import MIGRATIONS, applied

TEXT = (
    "A car bomb killed at least 12 people at a market in Baghdad on Sunday, police said.\n\n"
    "Clashes broke out near Mosul on Monday."
)


def _record(record_id: str = "a" * 64, text: str = TEXT) -> Record:
    first_end = text.index("\n\n")
    return Record(
        id=record_id,
        source=Source(path="samples/x.txt", format="txt"),
        title="Bomb in Baghdad",
        published="2024-03-11",
        byline=(),
        contributors=(),
        text=text,
        removed=(),
        repairs=Repairs(),
        entities=(),
        quotes=(),
        attributions=(),
        events=(
            Event(
                event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED",
                location="Baghdad",
                country="Iraq",
                latitude=33.34,
                longitude=44.40,
                geo_precision=1,
                date_start="2024-03-10",
                date_end="2024-03-10",
                time_precision=1,
                fatalities=Fatalities(low=12, best=12, high=12),
                sources=("police",),
                evidence=(Evidence(0, first_end),),
            ),
            Event(
                event_type="Battles",
                sub_event_type="Armed clash",
                location="Mosul",
                country="Iraq",
                date_start="2024-03-11",
                date_end="2024-03-11",
                evidence=(Evidence(first_end + 2, len(text)),),
            ),
        ),
    )


@pytest.fixture()
def store() -> Store:
    return Store(":memory:")


def test_migrations_are_named_recorded_and_run_once(store: Store) -> None:
    assert applied(store.engine) == [m.name for m in MIGRATIONS]
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "rejections", "clusters", "sitroom_migrations"} <= tables


def test_record_is_stored_once_and_events_keep_their_evidence(store: Store) -> None:
    assert store.add_record(_record()) is True
    assert store.add_record(_record()) is False
    assert store.counts()["documents"] == 1
    rows = store.events()
    assert len(rows) == 2
    bomb = next(r for r in rows if r["event_type"] == "Explosions/Remote violence")
    assert bomb["evidence_text"].startswith("A car bomb killed at least 12 people")
    assert bomb["fatalities_low"] == 12
    assert store.record("a" * 64)["text"] == TEXT  # type: ignore[index]


def test_event_filters(store: Store) -> None:
    store.add_record(_record())
    assert len(store.events(EventQuery(country="iraq"))) == 2
    assert len(store.events(EventQuery(country="Syria"))) == 0
    assert len(store.events(EventQuery(event_type="Armed clash"))) == 1
    assert len(store.events(EventQuery(event_type="battles"))) == 1
    assert len(store.events(EventQuery(since="2024-03-11"))) == 1


def test_rejections_are_counted_not_duplicated(store: Store) -> None:
    rejection = Rejection(path="x.png", stage="ingest", code="E003", detail="binary")
    store.add_rejection(rejection)
    store.add_rejection(rejection)
    rows = store.rejections()
    assert len(rows) == 1
    assert rows[0]["times_seen"] == 2
    assert rows[0]["stage"] == "ingest"


def test_file_database_survives_reopen(tmp_path: object) -> None:
    path = f"{tmp_path}/s.db"
    Store(path).add_record(_record())
    reopened = Store(path)
    assert reopened.counts()["documents"] == 1
    assert database_url(path) == f"sqlite:///{path}"
