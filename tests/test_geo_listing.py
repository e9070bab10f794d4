"""List items, country-level events and the cues that name a region.

Texts are ours, written in the shape of strike releases and wire copy; the
gazetteer is built by hand (the real one is used only by the model tests).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.records import Event, Evidence
from sitroom.resolve.geo import Gazetteer, GazPlace, geocode_events
from sitroom.resolve.geo.listing import find_listing
from sitroom.resolve.geo.normalize import fold
from sitroom.resolve.geo.toponyms import find_mentions
from tests.test_geo import make_doc


def _p(
    id_: int, name: str, kind: str, cc: str, admin1: str | None, lat: float, lon: float, pop: int
) -> GazPlace:
    return GazPlace(id_, name, kind, cc, admin1, None, lat, lon, pop, id_)


_ROWS: list[tuple[GazPlace, list[str]]] = [
    (_p(1, "Syria", "country", "SY", None, 35.0, 38.0, 17_000_000), ["Syria"]),
    (_p(2, "Iraq", "country", "IQ", None, 33.0, 44.0, 38_000_000), ["Iraq"]),
    (_p(3, "Burundi", "country", "BI", None, -3.5, 30.0, 11_000_000), ["Burundi"]),
    # The country is also known by the name of one of its regions.
    (_p(4, "Palestine", "country", "PS", None, 31.9, 35.2, 4_500_000), ["Palestine", "Gaza Strip"]),
    (_p(5, "Israel", "country", "IL", None, 31.5, 34.75, 8_700_000), ["Israel"]),
    (_p(10, "Manbij", "city", "SY", "02", 36.528, 37.955, 100_000), ["Manbij"]),
    (_p(11, "Qayyarah", "city", "IQ", "15", 35.80, 43.29, 15_000), ["Qayyarah"]),
    (_p(12, "Haditha", "city", "IQ", "01", 34.14, 42.38, 30_000), ["Haditha"]),
    (_p(20, "Gaza Strip", "admin1", "PS", "GZ", 31.41, 34.39, 1_260_000), ["Gaza Strip"]),
    # A foreign region whose folded name an unknown Syrian village shares ("Mar'a").
    (_p(21, "Mara", "admin1", "TZ", "08", -1.64, 34.0, 1_700_000), ["Mara"]),
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    names = [(fold(n), p.id, True) for p, ns in _ROWS for n in ns]
    return Gazetteer.from_rows([p for p, _ in _ROWS], names)


def _line_event(text: str, line: str, location_text: str | None) -> Event:
    start = text.index(line)
    return Event(
        "Explosions/Remote violence",
        "Air/drone strike",
        evidence=(Evidence(start, start + len(line)),),
        location_text=location_text,
    )


_RELEASE = (
    "Coalition aircraft carried out strikes against the group in Syria and Iraq.\n"
    "Strikes in Syria\n"
    "-- Near Manbij, two strikes destroyed a mortar team.\n"
    "-- Near Haditha, one strike hit a checkpoint.\n"
    "Strikes in Iraq\n"
    "-- Near Qayyarah, a strike destroyed a boat.\n"
    "-- Near Tall Zabibah, a strike destroyed a truck bomb.\n"
)


def test_release_lines_are_items_of_one_list() -> None:
    listing = find_listing(_RELEASE)
    assert len(listing.items) == 4
    assert not listing.in_item(_RELEASE.index("Strikes in Iraq"))
    assert listing.in_item(_RELEASE.index("Near Tall Zabibah"))
    # One bulleted line alone is no list.
    assert find_listing("Summary\n* Near Mosul, a strike hit a bunker.\nMore text.").items == ()


def test_unknown_item_place_takes_its_section_country_not_the_line_above(
    gaz: Gazetteer,
) -> None:
    doc = make_doc(_RELEASE, ["Syria", "Iraq", "Syria", "Manbij", "Haditha", "Iraq", "Qayyarah"])
    lines = [line for line in _RELEASE.split("\n") if line.startswith("-- ")]
    events = (
        _line_event(_RELEASE, lines[2], "Qayyarah"),
        _line_event(_RELEASE, lines[3], "Tall Zabibah"),
    )
    known, unknown = geocode_events(doc, events, gazetteer=gaz)
    assert (known.location, known.geo_precision) == ("Qayyarah", 2)
    assert (unknown.location, unknown.country, unknown.geo_precision) == ("Iraq", "Iraq", 3)
    assert unknown.latitude is None and unknown.longitude is None
    assert unknown.location_text == "Tall Zabibah"


def test_an_item_place_outside_its_section_country_is_not_taken(gaz: Gazetteer) -> None:
    text = (
        "Coalition aircraft carried out strikes against the group in Syria and Iraq.\n"
        "Strikes in Syria\n"
        "-- Near Manbij, two strikes destroyed a mortar team.\n"
        "-- Near Mar'a, six strikes destroyed three vehicles.\n"
    )
    doc = make_doc(text, ["Syria", "Iraq", "Syria", "Manbij", "Mar'a"])
    line = "-- Near Mar'a, six strikes destroyed three vehicles."
    (event,) = geocode_events(doc, (_line_event(text, line, "Mar'a"),), gazetteer=gaz)
    assert (event.location, event.country, event.latitude) == ("Syria", "Syria", None)
    assert event.location_text == "Mar'a"


def test_item_without_a_section_country_stays_unplaced(gaz: Gazetteer) -> None:
    text = (
        "Coalition aircraft carried out strikes in Syria and Iraq.\n"
        "* Near Haditha, one strike hit a checkpoint.\n"
        "* Near Tall Zabibah, a strike destroyed a truck bomb.\n"
    )
    doc = make_doc(text, ["Syria", "Iraq", "Haditha"])
    line = "* Near Tall Zabibah, a strike destroyed a truck bomb."
    (event,) = geocode_events(doc, (_line_event(text, line, "Tall Zabibah"),), gazetteer=gaz)
    assert event.location is None and event.latitude is None
    assert event.location_text == "Tall Zabibah"
    # An item that names no place at all does not take the line above either.
    (bare,) = geocode_events(doc, (_line_event(text, line, None),), gazetteer=gaz)
    assert bare.location != "Haditha" and bare.latitude is None


def test_a_sentence_in_prose_still_takes_the_town_named_before(gaz: Gazetteer) -> None:
    text = (
        "Fighting resumed near Haditha on Monday. Later, a strike destroyed a truck bomb "
        "at Tall Zabibah."
    )
    doc = make_doc(text, ["Haditha"])
    sentence = "Later, a strike destroyed a truck bomb at Tall Zabibah."
    (event,) = geocode_events(doc, (_line_event(text, sentence, "Tall Zabibah"),), gazetteer=gaz)
    assert (event.location, event.geo_precision) == ("Haditha", 2)


def test_country_level_event_keeps_the_country_as_location(gaz: Gazetteer) -> None:
    text = "Police fired on protesters in Burundi on Monday."
    doc = make_doc(text, ["Burundi"])
    (event,) = geocode_events(doc, (_line_event(text, text, None),), gazetteer=gaz)
    assert (event.location, event.country, event.geo_precision) == ("Burundi", "Burundi", 3)
    assert event.latitude is None and event.admin1 is None


def test_country_alias_that_names_its_own_region_is_the_region(gaz: Gazetteer) -> None:
    text = "Israeli jets struck targets in the Gaza Strip overnight."
    doc = make_doc(text, ["Gaza Strip"])
    (event,) = geocode_events(doc, (_line_event(text, text, "the Gaza Strip"),), gazetteer=gaz)
    assert (event.location, event.country, event.geo_precision) == ("Gaza Strip", "Palestine", 3)
    assert event.latitude == pytest.approx(31.41)


@pytest.mark.model
def test_region_cues_find_small_places(nlp: Language) -> None:
    from sitroom.resolve.geo import get_gazetteer

    gazetteer = get_gazetteer()
    text = (
        "Gunmen raided a market in the nearby Gwoza district on Friday. "
        "Two more towns of Adamawa state, Madagali and Mubi, were attacked. "
        "Police shot three marchers in the capital Bujumbura. "
        "Jets bombed villages in Idlib and Hama provinces. "
        "The Syrian Democratic Forces, who still fight ISIS in Dayr Az Zawr Province and "
        "Raqqah, lost 40 men."
    )
    doc = nlp(text)
    found = {m.text: m for m in find_mentions(doc, gazetteer)}
    assert {"Gwoza", "Adamawa", "Madagali", "Bujumbura", "Raqqah"} <= set(found)
    assert "Dayr Az Zawr Province" in found  # the model cuts it in two PERSON names
    assert found["Idlib"].kind_hint == "region" == found["Hama"].kind_hint


def test_unresolvable_place_takes_the_country_its_sentence_names(gaz: Gazetteer) -> None:
    text = "Gunmen killed nine people in the Burundian hamlet of Rugombo Hill on Sunday."
    doc = make_doc(text, ["Burundian", "Rugombo Hill"], label="NORP")
    (event,) = geocode_events(doc, (_line_event(text, text, "Rugombo Hill"),), gazetteer=gaz)
    assert (event.location, event.geo_precision, event.latitude) == ("Burundi", 3, None)
    assert event.location_text == "Rugombo Hill"
    # A country people went to is not where it happened.
    moved = "Gunmen killed nine people at Rugombo Hill before they fled to Burundi."
    doc = make_doc(moved, ["Rugombo Hill", "Burundi"])
    (event,) = geocode_events(doc, (_line_event(moved, moved, "Rugombo Hill"),), gazetteer=gaz)
    assert event.location is None and event.location_text == "Rugombo Hill"


def test_a_part_of_a_region_is_coded_to_the_region(gaz: Gazetteer) -> None:
    from sitroom.resolve.geo.disambiguate import candidates

    assert [c.place.name for c in candidates(gaz, "southern Gaza Strip")] == ["Gaza Strip"]
    assert candidates(gaz, "Northern Iraq") == ()  # a country part stays a country mention
    assert candidates(gaz, "Central Manbij") == ()  # towns have no parts in the gazetteer


@pytest.mark.model
def test_a_name_tagged_a_place_once_is_a_place_throughout(nlp: Language) -> None:
    from sitroom.resolve.geo import get_gazetteer

    text = (
        "Protesters gathered again in Ferguson, Missouri on Tuesday.\n\n"
        "Ferguson, a small suburb, has seen clashes with police every night."
    )
    found = [m for m in find_mentions(nlp(text), get_gazetteer()) if m.text == "Ferguson"]
    assert len(found) == 2
