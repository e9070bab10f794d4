"""Incremental, blocked dedupe over the store: new events only, touched clusters only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sitroom.dedupe import StoredEvent, cluster_events, dedupe_pending, recluster
from sitroom.dedupe.cluster import SAME_PLACE_KM, haversine_km
from sitroom.records import Event, Fatalities, Record, Repairs, Source
from sitroom.store import Store, schema

AIRSTRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def _event(**fields: Any) -> Event:
    data: dict[str, Any] = {
        **AIRSTRIKE,
        "country": "Syria",
        "date_start": "2024-05-02",
        "date_end": "2024-05-02",
        "geo_precision": 1,
        "fatalities": Fatalities(low=4, best=4, high=4),
    }
    data.update(fields)
    return Event(**data)


def _record(doc: str, *events: Event) -> Record:
    text = f"Report {doc}: an air strike hit a town in Idlib province."
    return Record(
        id=doc * 64 if len(doc) == 1 else doc,
        source=Source(path=f"{doc}.txt", format="txt"),
        title=None,
        published="2024-05-02",
        byline=(),
        contributors=(),
        text=text,
        removed=(),
        repairs=Repairs(),
        entities=(),
        quotes=(),
        attributions=(),
        events=events,
    )


# Towns along one road, about 15 km apart (written for this test, not from any data set).
SARMIN = {"location": "Sarmin", "latitude": 35.90, "longitude": 36.72}
ARIHA = {"location": "Ariha", "latitude": 35.81, "longitude": 36.61}
MHAMBAL = {"location": "Mhambal", "latitude": 35.77, "longitude": 36.46}
JISR = {"location": "Jisr al-Shughur", "latitude": 35.81, "longitude": 36.32}


def _events(store: Store) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(schema.events).order_by(schema.events.c.id))
        return [dict(r._mapping) for r in rows]


def test_a_new_report_joins_its_cluster_with_a_reason_and_keeps_its_own_row() -> None:
    store = Store(":memory:")
    store.add_record(_record("a", _event(**SARMIN)))
    store.add_record(_record("b", _event(**ARIHA, date_start="2024-05-09", date_end="2024-05-09")))
    dedupe_pending(store)
    store.add_record(
        _record(
            "c",
            _event(
                location="Sarmin hospital",
                latitude=35.91,
                longitude=36.73,
                fatalities=Fatalities(low=6, high=7),
            ),
        )
    )
    summary = dedupe_pending(store)
    # One event linked, into one existing cluster; the Ariha cluster is not rewritten.
    assert (summary.linked, summary.merged, summary.clusters_written) == (1, 1, 1)
    rows = _events(store)
    assert len(rows) == 3  # nothing deleted by the merge
    first, second, third = rows
    assert third["cluster_id"] == first["cluster_id"] == first["id"]
    assert second["cluster_id"] == second["id"]
    assert first["merge_reason"] is None
    assert "within 1.4 km" in third["merge_reason"] and "Air/drone strike" in third["merge_reason"]
    cluster = next(c for c in store.clusters() if c["id"] == first["id"])
    assert (cluster["n_reports"], cluster["fatalities_low"], cluster["fatalities_high"]) == (
        2,
        4,
        7,
    )


def test_linkage_does_not_chain_along_a_line_of_towns() -> None:
    # Each report is within 25 km of the next, but Sarmin and Jisr are 36 km apart.
    store = Store(":memory:")
    for doc, town in zip("abcd", (SARMIN, ARIHA, MHAMBAL, JISR), strict=True):
        store.add_record(_record(doc, _event(**town)))
    dedupe_pending(store)
    clusters = {r["cluster_id"] for r in _events(store)}
    assert len(clusters) >= 2
    for cluster_id in clusters:
        members = [r for r in _events(store) if r["cluster_id"] == cluster_id]
        for a in members:
            for b in members:
                apart = haversine_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])
                assert apart <= SAME_PLACE_KM


def test_store_dedupe_matches_in_memory_clustering_one_document_at_a_time() -> None:
    docs = [
        _record("a", _event(**SARMIN), _event(**ARIHA)),
        _record("b", _event(location="Sarmeen", latitude=None, longitude=None, country="Syria")),
        _record("c", _event(**ARIHA, date_start="2024-05-03", date_end="2024-05-03")),
        _record(
            "d",
            _event(**JISR),
            _event(**SARMIN, sub_event_type="Shelling/artillery/missile attack"),
        ),
        _record(
            "e", _event(**JISR, date_start="2024-04-20", date_end="2024-05-20", aggregate=True)
        ),
    ]
    store = Store(":memory:")
    for record in docs:
        store.add_record(record)
        dedupe_pending(store)
    incremental = {r["id"]: r["cluster_id"] for r in _events(store)}
    stored = [StoredEvent.from_json(r["id"], r["document_id"], _json(r)) for r in _events(store)]
    in_memory = {m.id: c.id for c in cluster_events(stored) for m in c.members}
    assert incremental == in_memory
    assert recluster(store) == len(set(in_memory.values()))
    assert {r["id"]: r["cluster_id"] for r in _events(store)} == in_memory
    # Sarmin (a) + Sarmeen (b, by name); Ariha (a) + Ariha next day (c); the rest alone.
    assert sorted(
        len([1 for v in in_memory.values() if v == c]) for c in set(in_memory.values())
    ) == [1, 1, 1, 2, 2]


def test_events_of_one_report_never_share_a_cluster_even_when_batched() -> None:
    store = Store(":memory:")
    store.add_record(_record("a", _event(**SARMIN), _event(**replace_loc(SARMIN, 35.905))))
    store.add_record(_record("b", _event(**SARMIN)))
    dedupe_pending(store, batch=1)
    rows = _events(store)
    assert rows[0]["cluster_id"] != rows[1]["cluster_id"]
    assert rows[2]["cluster_id"] == rows[0]["cluster_id"]


def replace_loc(town: dict[str, Any], lat: float) -> dict[str, Any]:
    return {**town, "latitude": lat}


def _json(row: dict[str, Any]) -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(row["event_json"])
    return data
