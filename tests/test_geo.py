"""Places: fast tests on a hand-built gazetteer and hand-built Docs (no model, no index build)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from sitroom.records import Event, Evidence
from sitroom.resolve.geo import Gazetteer, GazPlace, geocode_events, resolve_places, store
from sitroom.resolve.geo.centroid import Members, region_point
from sitroom.resolve.geo.normalize import fold, variants

_ROWS: list[tuple[GazPlace, list[str]]] = [
    (GazPlace(1, "Syria", "country", "SY", None, None, 35.0, 38.0, 22_000_000, 163843), ["Syria"]),
    (GazPlace(2, "Iraq", "country", "IQ", None, None, 33.0, 44.0, 38_000_000, 99237), ["Iraq"]),
    (
        GazPlace(3, "Lebanon", "country", "LB", None, None, 33.83, 35.83, 6_800_000, 272103),
        ["Lebanon"],
    ),
    (
        GazPlace(4, "Turkey", "country", "TR", None, None, 39.0, 35.0, 82_000_000, 298795),
        ["Turkey"],
    ),
    (
        GazPlace(5, "Thailand", "country", "TH", None, None, 15.0, 100.0, 69_000_000, 1605651),
        ["Thailand"],
    ),
    (
        GazPlace(6, "Guatemala", "country", "GT", None, None, 15.5, -90.25, 17_000_000, 3595528),
        ["Guatemala"],
    ),
    (
        GazPlace(10, "Raqqa", "admin1", "SY", "04", None, 35.7, 38.9, 620_000, 172957),
        ["Ar Raqqah", "Raqqa", "Raqqa Governorate"],
    ),
    (
        GazPlace(11, "Deir ez-Zor", "admin1", "SY", "07", None, 35.0, 40.2, 450_000, 170792),
        ["Dayr az Zawr", "Deir ez-Zor", "Deir ez-Zor Governorate"],
    ),
    (
        GazPlace(12, "Diyala", "admin1", "IQ", "10", None, 34.0, 45.0, 610_000, 98228),
        ["Diyala", "Diyālá"],
    ),
    (
        GazPlace(20, "Ar Raqqah", "city", "SY", "04", None, 35.95283, 39.00788, 531_952, 172955),
        ["Ar Raqqah"],
    ),
    (
        GazPlace(21, "Al-Tabqa", "city", "SY", "04", None, 35.83544, 38.54814, 87_880, 163345),
        ["Al-Tabqa"],
    ),
    (
        GazPlace(22, "Deir ez-Zor", "city", "SY", "07", None, 35.33588, 40.14084, 271_800, 170794),
        ["Deir ez-Zor"],
    ),
    (
        GazPlace(23, "Albu Kamal", "city", "SY", "07", None, 34.45226, 40.91854, 57_572, 173480),
        ["Ālbū Kamāl"],
    ),
    (
        GazPlace(24, "Beirut", "city", "LB", "04", None, 33.89332, 35.50157, 1_916_100, 276781),
        ["Beirut"],
    ),
    (
        GazPlace(25, "Ramadi", "city", "IQ", "01", None, 33.42056, 43.30778, 223_500, 388349),
        ["Ramadi"],
    ),
    (GazPlace(30, "Yala", "city", "TH", "69", None, 6.54, 101.28, 93_558, 1604869), ["Yala"]),
    (
        GazPlace(31, "Cobán", "city", "GT", "16", None, 15.47, -90.37, 212_421, 3598655),
        ["Cobán", "Coban"],
    ),
]

TABQA = (35.83544, 38.54814)
BEIRUT = (33.89332, 35.50157)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_places(_ROWS)


_NLP = spacy.blank("en")
_NLP.add_pipe("sentencizer")


def make_doc(text: str, places: list[str], label: str = "GPE") -> Doc:
    """A Doc with the given substrings (first occurrence after the previous) tagged as entities."""
    doc = _NLP(text)
    ents: list[Span] = []
    pos = 0
    for name in places:
        start = text.index(name, pos)
        span = doc.char_span(start, start + len(name), label=label)
        assert span is not None, name
        ents.append(span)
        pos = start + len(name)
    doc.ents = ents
    return doc


def test_fold_meets_spellings() -> None:
    assert fold("Sinjār") == fold("SINJAR") == "sinjar"
    assert fold("‘Ayn al ‘Arab") == fold("Ayn al-Arab") == "ayn al arab"
    assert fold("Kobanê") == "kobane"
    assert fold("Москва") == ""  # non-Latin names are not indexed for English text
    assert "raqqa" in variants("ar raqqah")


def test_alias_table_reaches_city_and_province(gaz: Gazetteer) -> None:
    kinds = {c.place.kind for c in gaz.lookup("Deir al-Zour")}
    assert kinds == {"city", "admin1"}
    assert {c.place.name for c in gaz.lookup("Abu Kamal")} == {"Albu Kamal"}
    assert {c.place.name for c in gaz.lookup("Tabqa")} == {"Al-Tabqa"}


def test_phrases_constrain_kind_and_container(gaz: Gazetteer) -> None:
    text = (
        "Bodies were found in the Raqqa town of Tabqa. "
        "Fighting rose in the eastern Iraqi province of Diyala. "
        "He came from the Syrian city of Deir al-Zour. Attacks grew in Deir al-Zour province."
    )
    doc = make_doc(text, ["Raqqa", "Tabqa", "Diyala", "Deir al-Zour", "Deir al-Zour"])
    places = resolve_places(doc, gazetteer=gaz)
    by_text = [
        (p.text, p.place.kind if p.place else None, p.place.cc if p.place else None) for p in places
    ]
    assert ("Tabqa", "city", "SY") in by_text
    assert ("Diyala", "admin1", "IQ") in by_text
    assert by_text[-2] == ("Deir al-Zour", "city", "SY")
    assert by_text[-1] == ("Deir al-Zour", "admin1", "SY")


def test_no_fuzzy_matches_abroad(gaz: Gazetteer) -> None:
    small = Gazetteer.from_places([row for row in _ROWS if row[0].id not in (12,)])
    doc = make_doc("Clashes in Diyala and Kobanê.", ["Diyala", "Kobanê"])
    for place in resolve_places(doc, gazetteer=small):
        assert place.place is None, place  # unresolved, never Yala (Thailand) or Cobán (Guatemala)
    assert [p.text for p in resolve_places(doc, gazetteer=small)] == ["Diyala", "Kobanê"]


def test_unresolvable_place_keeps_its_text(gaz: Gazetteer) -> None:
    text = "Shelling hit Qaryat al-Fooz overnight."
    doc = make_doc(text, ["Qaryat al-Fooz"])
    (place,) = resolve_places(doc, gazetteer=gaz)
    assert place.place is None and place.text == "Qaryat al-Fooz"
    start = text.index("Shelling")
    event = Event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        evidence=(Evidence(start, len(text)),),
        location_text="Qaryat al-Fooz",
    )
    (out,) = geocode_events(doc, (event,), gazetteer=gaz)
    assert out.latitude is None and out.location_text == "Qaryat al-Fooz"


def _event(text: str, sentence: str, location_text: str | None = None) -> Event:
    start = text.index(sentence)
    return Event(
        "Violence against civilians",
        "Attack",
        evidence=(Evidence(start, start + len(sentence)),),
        location_text=location_text,
    )


def test_event_gets_where_it_happened_not_speaker_or_destination(gaz: Gazetteer) -> None:
    s1 = (
        "The bodies of 30 men were found last month in the Raqqa town of Tabqa"
        " after they tried to flee to Turkey."
    )
    s2 = (
        "The group is failing, said Lina Khatib,"
        " director of the Carnegie Middle East Center in Beirut."
    )
    text = f"{s1} {s2}"
    doc = make_doc(text, ["Raqqa", "Tabqa", "Turkey", "Beirut"])
    (event,) = geocode_events(doc, (_event(text, s1),), gazetteer=gaz)
    assert (event.latitude, event.longitude) == TABQA
    assert event.geo_precision == 1 and event.country == "Syria" and event.admin1 == "Raqqa"
    assert event.location == "Al-Tabqa" and event.location_text == "Tabqa"
    (speaker,) = geocode_events(doc, (_event(text, s2),), gazetteer=gaz)
    assert (
        speaker.latitude,
        speaker.longitude,
    ) == BEIRUT  # only place in its sentence, kept honest


def test_precision_near_and_province(gaz: Gazetteer) -> None:
    s1 = "Militants attacked a checkpoint near Ramadi."
    s2 = "Ambushes are on the rise in the province of Deir al-Zour."
    text = f"{s1} {s2}"
    doc = make_doc(text, ["Ramadi", "Deir al-Zour"])
    near, province = geocode_events(doc, (_event(text, s1), _event(text, s2)), gazetteer=gaz)
    assert near.geo_precision == 2 and near.location == "Ramadi"
    assert province.geo_precision == 3 and province.location == "Deir ez-Zor"
    assert (province.latitude, province.longitude) == (
        35.0,
        40.2,
    )  # the region's point, never jittered


def test_location_text_hint_decides(gaz: Gazetteer) -> None:
    s1 = "Fighters moved from Ramadi and clashed with tribesmen in Abu Kamal."
    doc = make_doc(s1, ["Ramadi", "Abu Kamal"])
    (event,) = geocode_events(doc, (_event(s1, s1, location_text="Ramadi"),), gazetteer=gaz)
    assert event.location == "Ramadi"
    (free,) = geocode_events(doc, (_event(s1, s1),), gazetteer=gaz)
    assert free.location == "Albu Kamal"


def test_cache_path_is_versioned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITROOM_CACHE", str(tmp_path))
    path = store.index_path()
    assert path.parent == tmp_path
    assert path.name.startswith(f"gazetteer-v{store.INDEX_FORMAT}-") and path.suffix == ".sqlite"


def test_index_round_trips_through_sqlite(tmp_path: Path) -> None:
    place = _ROWS[0][0]
    store.write_index(tmp_path / "g.sqlite", [place], [("syria", place.id, True)])
    loaded = Gazetteer.open(tmp_path / "g.sqlite")
    assert loaded.lookup("SYRIA")[0].place == place
    assert loaded.size() == (1, 1)


def test_region_point_uses_extent_and_handles_antimeridian() -> None:
    members = Members()
    for lat, lon in [(10.0, 179.0), (12.0, -179.0), (11.0, 179.5)]:
        members.add(lat, lon, 100)
    lat, lon = region_point(members)  # type: ignore[misc]
    assert lat == pytest.approx(11.0) and abs(abs(lon) - 180.0) < 1.0
    assert region_point(Members()) is None


def test_location_text_the_ner_missed_is_resolved(gaz: Gazetteer) -> None:
    text = "Militants shelled Ramadi on Sunday."
    doc = make_doc(text, [])  # no entities at all
    (event,) = geocode_events(doc, (_event(text, text, location_text="Ramadi"),), gazetteer=gaz)
    assert event.location == "Ramadi" and event.country == "Iraq" and event.geo_precision == 1
