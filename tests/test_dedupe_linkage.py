"""Complete linkage by cluster profiles gives the clusters of the member-by-member rule.

The linker keeps, per cluster, a summary (documents, date bounds, one member per
distinct place) instead of comparing a new event with every member. These tests
hold it to the plain definition: an event joins the nearest (then oldest) cluster
whose every member ``is_same_event`` with it, on crowded sets where many reports
repeat a few places, names, dates and documents.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import Any

import pytest

from sitroom.dedupe import StoredEvent, blocks, cluster_events, link
from sitroom.dedupe.cluster import REGION_PRECISION, apart_km, is_same_event
from sitroom.dedupe.link import Linker

# (location, country, admin1, latitude, longitude, geo_precision): two points 1.4 km
# apart, a town 42 km off, the province centroid, an unresolved variant spelling, a
# town in another province, an unresolved name without country, and the same
# coordinates filed under another country.
PLACES: tuple[tuple[str, str | None, str | None, float | None, float | None, int | None], ...] = (
    ("Aleppo", "Syria", "Aleppo", 36.20, 37.15, 1),
    ("Aleppo", "Syria", "Aleppo", 36.21, 37.16, 1),
    ("Azaz", "Syria", "Aleppo", 36.58, 37.04, 1),
    ("Aleppo Governorate", "Syria", "Aleppo", 36.00, 37.50, REGION_PRECISION),
    ("Halab", "Syria", "Aleppo", None, None, None),
    ("Idlib", "Syria", "Idlib", 35.93, 36.63, 1),
    ("Idlib", None, None, None, None, None),
    ("Aleppo", "Iraq", "Ninewa", 36.20, 37.15, 1),
)


def _crowd(seed: int, size: int) -> list[StoredEvent]:
    rng = random.Random(seed)
    events = []
    for event_id in range(1, size + 1):
        location, country, admin1, lat, lon, precision = rng.choice(PLACES)
        first = date(2024, 1, 1) + timedelta(days=rng.randint(0, 6))
        last = first + timedelta(days=rng.choice([0, 0, 0, 1, 2, 40]))
        undated = rng.random() < 0.03
        data: dict[str, Any] = {
            "sub_event_type": rng.choice(["Armed clash", "Shelling/artillery/missile attack"]),
            "event_type": "Battles",
            "country": country,
            "location": location if rng.random() < 0.8 else None,
            "location_text": rng.choice([location, "Haleb", None]),
            "admin1": admin1,
            "geo_precision": precision,
            "latitude": lat,
            "longitude": lon,
            "date_start": None if undated else first.isoformat(),
            "date_end": None if undated else last.isoformat(),
            "aggregate": rng.random() < 0.02,
        }
        # A third as many documents as events: many events share a report.
        events.append(StoredEvent.from_json(event_id, f"doc-{rng.randint(0, size // 3)}", data))
    rng.shuffle(events)
    return events


def _member_by_member(events: list[StoredEvent]) -> dict[int, tuple[int, str | None]]:
    """Every event's (cluster, reason) by the definition: no blocks, every member tested.

    An event dated to more than ``blocks.MAX_SPAN_DAYS`` (or not at all) is matched
    with nothing and founds its own cluster.
    """
    clusters: dict[int, list[StoredEvent]] = {}
    placed: dict[int, tuple[int, str | None]] = {}
    for event in sorted(events, key=lambda e: e.id):
        best: tuple[float, int] | None = None
        for cluster_id, members in clusters.items() if blocks.days(event) else ():
            if all(is_same_event(event, member) for member in members):
                distance = max(apart_km(event, member) for member in members)
                if best is None or (distance, cluster_id) < best:
                    best = (distance, cluster_id)
        if best is None:
            if blocks.days(event):
                clusters[event.id] = [event]
            placed[event.id] = (event.id, None)
            continue
        members = clusters[best[1]]
        if any(REGION_PRECISION in (event.geo_precision, m.geo_precision) for m in members):
            place = f"same province ({event.admin1})"
        elif math.isinf(best[0]):
            place = "same province"
        elif best[0] == 0.0:
            place = "same place name"
        else:
            place = f"within {best[0]:.1f} km of every report"
        reason = (
            f"{event.sub_event_type}; dates overlap and {place}; "
            f"matches all {len(members)} earlier report(s)"
        )
        members.append(event)
        placed[event.id] = (best[1], reason)
    return placed


@pytest.mark.parametrize("seed", range(4))
def test_linker_gives_the_clusters_and_reasons_of_the_definition(seed: int) -> None:
    events = _crowd(seed, 600)
    linker = Linker()
    got = {
        a.event_id: (a.cluster_id, a.reason)
        for a in (linker.add(e) for e in sorted(events, key=lambda e: e.id))
    }
    expected = _member_by_member(events)
    assert got == expected
    # The crowd does merge, and does keep reports apart (the test is not vacuous).
    merged = sum(1 for _, reason in got.values() if reason is not None)
    assert 100 < merged < len(events) - 100
    assert {m.id: c.id for c in cluster_events(events) for m in c.members} == {
        event_id: cluster for event_id, (cluster, _) in got.items()
    }


def test_a_crowded_cluster_is_linked_by_its_places_not_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """2,000 reports of one clash at one spot: the 2,001st is compared with one member."""
    calls = 0
    same_place = link.same_place

    def counting(a: StoredEvent, b: StoredEvent) -> bool:
        nonlocal calls
        calls += 1
        return same_place(a, b)

    monkeypatch.setattr(link, "same_place", counting)
    data = {
        "sub_event_type": "Armed clash",
        "event_type": "Battles",
        "country": "Syria",
        "location": "Aleppo",
        "admin1": "Aleppo",
        "geo_precision": 1,
        "latitude": 36.2,
        "longitude": 37.15,
        "date_start": "2024-01-01",
        "date_end": "2024-01-01",
    }
    linker = Linker()
    for event_id in range(1, 2001):
        linker.add(StoredEvent.from_json(event_id, f"doc-{event_id}", data))
    calls = 0
    last = linker.add(StoredEvent.from_json(2001, "doc-2001", data))
    assert last.cluster_id == 1
    assert last.reason is not None and "matches all 2000 earlier report(s)" in last.reason
    assert calls == 1
    (cluster,) = linker.clusters(linker.touched)
    assert len(cluster.members) == 2001
