from __future__ import annotations

from typing import Any

from sitroom.dedupe import StoredEvent, cluster_events, cluster_rows
from sitroom.dedupe.cluster import place_key


def _event(event_id: int, document_id: str, **overrides: Any) -> StoredEvent:
    data: dict[str, Any] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Suicide bomb",
        "country": "Iraq",
        "location": "Baghdad",
        "latitude": 33.34,
        "longitude": 44.40,
        "date_start": "2024-03-10",
        "date_end": "2024-03-10",
        "fatalities": {"low": 12, "best": 12, "high": 12},
        "sources": ["Interior Ministry"],
    }
    data.update(overrides)
    return StoredEvent.from_json(event_id, document_id, data)


def test_three_reports_of_one_bombing_form_one_cluster_keeping_every_source() -> None:
    events = [
        _event(1, "doc-a", sources=["Interior Ministry"]),
        _event(
            2,
            "doc-b",
            latitude=33.31,
            longitude=44.36,
            fatalities={"low": 15, "high": 18},
            sources=["police officials"],
        ),
        _event(
            3, "doc-c", date_start="2024-03-11", date_end="2024-03-11", sources=["state television"]
        ),
    ]
    clusters = cluster_events(events)
    assert len(clusters) == 1
    rows, members = cluster_rows(clusters)
    assert members == {1: 1, 2: 1, 3: 1}
    assert rows[0]["n_reports"] == 3
    assert rows[0]["fatalities_low"] == 12 and rows[0]["fatalities_high"] == 18
    assert rows[0]["n_sources"] == 6  # three named sources and three documents


def test_different_places_types_dates_and_aggregates_stay_apart() -> None:
    base = _event(1, "doc-a")
    far = _event(2, "doc-b", location="Basra", latitude=30.5, longitude=47.8)
    other_type = _event(3, "doc-c", sub_event_type="Remote explosive/landmine/IED")
    later = _event(4, "doc-d", date_start="2024-03-20", date_end="2024-03-20")
    aggregate = _event(5, "doc-e", aggregate=True)
    same_doc = _event(6, "doc-a")
    assert len(cluster_events([base, far, other_type, later, aggregate, same_doc])) == 6


def test_unlocated_reports_match_on_transliteration_variants_only() -> None:
    unlocated: dict[str, Any] = {"latitude": None, "longitude": None, "country": "Syria"}
    a = _event(1, "doc-a", location=None, location_text="Deir ez-Zor", **unlocated)
    b = _event(2, "doc-b", location=None, location_text="Deir al-Zour", **unlocated)
    c = _event(3, "doc-c", location=None, location_text="Saada", **unlocated)
    d = _event(4, "doc-d", location=None, location_text="Sanaa", **unlocated)
    clusters = cluster_events([a, b, c, d])
    assert sorted(len(cl.members) for cl in clusters) == [1, 1, 2]


def test_undated_reports_are_never_merged() -> None:
    a = _event(1, "doc-a", date_start=None, date_end=None)
    b = _event(2, "doc-b", date_start=None, date_end=None)
    assert len(cluster_events([a, b])) == 2


def test_place_key_spelling_variants() -> None:
    assert place_key("Deir ez-Zor") == place_key("Deir al-Zour") == place_key("Dayr az-Zawr")
    assert place_key("Kobani") == place_key("Kobane")
    assert place_key("Ar-Raqqah") == place_key("Raqqa")
    assert place_key("Sanaa") != place_key("Saada")
    assert place_key("Hama") != place_key("Homs")


def test_a_geocoded_report_matches_an_unresolved_one_by_name() -> None:
    located = _event(
        1,
        "doc-a",
        location="Dayr az Zawr",
        location_text="Deir ez-Zor",
        latitude=35.33,
        longitude=40.14,
        country="Syria",
    )
    unresolved = _event(
        2,
        "doc-b",
        location=None,
        location_text="Deir al-Zour",
        latitude=None,
        longitude=None,
        country=None,
    )
    elsewhere = _event(
        3,
        "doc-c",
        location=None,
        location_text="Palmyra",
        latitude=None,
        longitude=None,
        country=None,
    )
    clusters = cluster_events([located, unresolved, elsewhere])
    assert sorted(len(c.members) for c in clusters) == [1, 2]


def test_a_province_level_report_matches_a_town_level_report_in_that_province() -> None:
    town = _event(
        1,
        "doc-a",
        location="Deir ez-Zor",
        admin1="Dayr az Zawr",
        geo_precision=1,
        latitude=35.336,
        longitude=40.141,
        country="Syria",
    )
    province = _event(
        2,
        "doc-b",
        location="Dayr az Zawr",
        admin1="Dayr az Zawr",
        geo_precision=3,
        latitude=35.03,
        longitude=40.39,
        country="Syria",
    )
    other_province = _event(
        3,
        "doc-c",
        location="Homs",
        admin1="Homs",
        geo_precision=3,
        latitude=34.7,
        longitude=37.8,
        country="Syria",
    )
    clusters = cluster_events([town, province, other_province])
    assert sorted(len(c.members) for c in clusters) == [1, 2]


def test_two_events_one_report_told_apart_never_share_a_cluster() -> None:
    # Report a: shelling in Kherson and in Oleshky (8 km apart), the same day.
    # Report b: the Kherson shelling only. It is near both, and joins the Kherson one.
    shelling = {"sub_event_type": "Shelling/artillery/missile attack", "country": "Ukraine"}
    events = [
        _event(1, "doc-a", location="Kherson", latitude=46.635, longitude=32.617, **shelling),
        _event(2, "doc-a", location="Oleshky", latitude=46.624, longitude=32.718, **shelling),
        _event(3, "doc-b", location="Kherson", latitude=46.640, longitude=32.610, **shelling),
    ]
    _, members = cluster_rows(cluster_events(events))
    assert members[1] == members[3]
    assert members[2] != members[1]
