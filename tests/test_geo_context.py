"""Report context: no guesses abroad, and unresolvable sub-places coded to their town.

Hand-built gazetteer and Docs (no model); the texts are ours, written after
the demo reports' failures (Lido Beach, New York; Moscow for a Kyiv rally;
Dnipro for a Kherson district; Nairobi for "the road" in Mogadishu).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.tokens import Doc, Span

from sitroom.records import Event, Evidence
from sitroom.resolve.geo import Gazetteer, GazPlace, GeoContext, geocode_events
from tests.test_geo import _NLP, make_doc


def _p(id_: int, name: str, kind: str, cc: str, lat: float, lon: float, pop: int) -> GazPlace:
    return GazPlace(
        id_, name, kind, cc, None if kind == "country" else "01", None, lat, lon, pop, id_
    )


_ROWS: list[tuple[GazPlace, list[str]]] = [
    (_p(1, "Somalia", "country", "SO", 6.0, 48.0, 15_000_000), ["Somalia"]),
    (_p(2, "United States", "country", "US", 39.8, -98.5, 330_000_000), ["United States"]),
    (_p(3, "Kenya", "country", "KE", 1.0, 38.0, 50_000_000), ["Kenya"]),
    (_p(4, "Ukraine", "country", "UA", 49.0, 32.0, 41_000_000), ["Ukraine"]),
    (_p(5, "Russia", "country", "RU", 60.0, 100.0, 144_000_000), ["Russia"]),
    (_p(6, "Jordan", "country", "JO", 31.0, 36.0, 10_000_000), ["Jordan"]),
    (_p(7, "Afghanistan", "country", "AF", 33.0, 66.0, 38_000_000), ["Afghanistan"]),
    (_p(10, "Mogadishu", "city", "SO", 2.03711, 45.34375, 2_587_183), ["Mogadishu", "Muqdisho"]),
    (_p(11, "Lido Beach", "city", "US", 40.58899, -73.62541, 2_897), ["Lido Beach"]),
    (_p(12, "Nairobi", "city", "KE", -1.28333, 36.81667, 2_750_547), ["Nairobi"]),
    (_p(20, "Kyiv", "city", "UA", 50.45466, 30.5238, 2_952_301), ["Kyiv"]),
    (_p(21, "Moscow", "city", "RU", 55.75222, 37.61556, 10_381_222), ["Moscow"]),
    (_p(22, "Kherson", "city", "UA", 46.63695, 32.61458, 66_000), ["Kherson"]),
    (_p(23, "Dniprovskyi", "city", "UA", 50.45366, 30.60146, 10_000), ["Dniprovskyi"]),
    (_p(30, "Kabul", "city", "AF", 34.52813, 69.17233, 3_043_532), ["Kabul"]),
    (_p(31, "Al Mazar al Janubi", "city", "JO", 31.06722, 35.69486, 9_383), []),
    (_p(40, "Mali", "country", "ML", 17.0, -4.0, 20_000_000), ["Mali"]),
    (_p(41, "Kidal", "admin1", "ML", 19.5, 1.2, 48_110), ["Kidal"]),
    (_p(50, "Israel", "country", "IL", 31.5, 34.75, 8_700_000), ["Israel"]),
    (_p(51, "Palestine", "country", "PS", 31.9, 35.2, 4_500_000), ["Palestine"]),
    (_p(52, "Mozambique", "country", "MZ", -18.25, 35.0, 30_000_000), ["Mozambique"]),
    (_p(53, "Gaza", "city", "PS", 31.50161, 34.46672, 410_000), ["Gaza"]),
    (_p(70, "Iraq", "country", "IQ", 33.0, 44.0, 38_000_000), ["Iraq"]),
    (_p(71, "Kirkuk", "city", "IQ", 35.46806, 44.39222, 601_433), ["Kirkuk"]),
    (_p(60, "Readington", "city", "US", 40.568, -74.78, 16_000), ["Readington"]),
    (_p(54, "Gaza", "admin1", "MZ", -23.0, 33.0, 384_964), ["Gaza"]),  # as in the index
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    # "Mazar" only as a GeoNames alternate (non-main) name of a Jordanian village.
    from sitroom.resolve.geo.normalize import fold

    names = [(fold(n), p.id, True) for p, ns in _ROWS for n in ns]
    names.append((fold("Mazar"), 31, False))
    return Gazetteer.from_rows([p for p, _ in _ROWS], names)


def _event(text: str, sentence: str, location_text: str | None = None) -> Event:
    start = text.index(sentence)
    return Event(
        "Explosions/Remote violence",
        "Suicide bomb",
        evidence=(Evidence(start, start + len(sentence)),),
        location_text=location_text,
    )


def test_mogadishu_lido_beach_is_not_new_york(gaz: Gazetteer) -> None:
    s1 = "A suicide bomber hit a restaurant on Mogadishu's Lido Beach on Friday night."
    doc = make_doc(s1, ["Mogadishu", "Lido Beach"])
    (event,) = geocode_events(doc, (_event(s1, s1, "Lido Beach"),), gazetteer=gaz)
    assert (event.location, event.country, event.geo_precision) == ("Mogadishu", "Somalia", 2)
    assert event.location_text == "Lido Beach"  # what the text says is kept


def test_unresolvable_beach_falls_back_to_the_dateline_town(gaz: Gazetteer) -> None:
    s1 = "The toll from the bombing at a restaurant on Liido beach in the Somali capital rose."
    s2 = "Several wounded were flown to Nairobi for treatment."
    s3 = "A day after the blast, the road leading to the beach was closed to traffic."
    text = f"{s1} {s2} {s3}"
    doc = make_doc(text, ["Liido beach", "Nairobi"])
    ctx = GeoContext(dateline_place="MUQDISHO")
    beach, road = geocode_events(
        doc, (_event(text, s1, "Liido beach"), _event(text, s3)), gazetteer=gaz, context=ctx
    )
    assert (beach.location, beach.geo_precision) == ("Mogadishu", 2)
    assert (road.location, road.geo_precision) == ("Mogadishu", 2)  # never Nairobi


def test_kyiv_rally_stays_in_kyiv(gaz: Gazetteer) -> None:
    s1 = "Hundreds of relatives of prisoners rallied on Independence Square in central Kyiv."
    s2 = "Officials in Moscow did not comment."
    text = f"{s1} {s2}"
    doc = make_doc(text, ["Independence Square", "Kyiv", "Moscow"])
    ctx = GeoContext(dateline_place="KYIV")
    (event,) = geocode_events(
        doc, (_event(text, s1, "Independence Square"),), gazetteer=gaz, context=ctx
    )
    assert (event.location, event.country, event.geo_precision) == ("Kyiv", "Ukraine", 2)


def test_district_of_a_city_is_coded_to_the_city(gaz: Gazetteer) -> None:
    s1 = "Russian shelling hit a market in Kherson on Tuesday."
    s2 = "The shells fell on the market in the Dniprovskyi district as it opened."
    s3 = "A bus was hit in the Korabel district the day before."
    text = f"{s1} {s2} {s3}"
    doc = make_doc(text, ["Kherson", "Dniprovskyi", "Korabel"])
    ctx = GeoContext(dateline_place="KYIV")  # filed from the capital, about Kherson
    district, unknown = geocode_events(
        doc,
        (_event(text, s2, "Dniprovskyi"), _event(text, s3, "Korabel")),
        gazetteer=gaz,
        context=ctx,
    )
    # Not Dniprovskyi in Kyiv (500 km away): the district of the report's town.
    assert (district.location, district.geo_precision) == ("Kherson", 2)
    assert (unknown.location, unknown.geo_precision) == ("Kherson", 2)


def test_alternate_name_abroad_is_not_guessed(gaz: Gazetteer) -> None:
    s1 = "Taliban fighters broke up a protest in Kabul on Tuesday."
    s2 = "Agents detained two activists in Mazar this month."
    text = f"{s1} {s2}"
    doc = make_doc(text, ["Kabul", "Mazar"])
    _, mazar = geocode_events(doc, (_event(text, s1), _event(text, s2, "Mazar")), gazetteer=gaz)
    assert mazar.country != "Jordan"


def test_place_the_model_mislabels_is_contained_by_its_region(gaz: Gazetteer) -> None:
    s1 = "A drone strike hit a market in the town of Anéfis in northern Mali's Kidal region."
    doc = _NLP(s1)
    start = s1.index("Anéfis")
    kidal = s1.index("Kidal")
    mali = s1.index("Mali")
    doc.ents = [
        Span(doc, *_tokens(doc, start, start + 6), label="PERSON"),  # the small model's guess
        Span(doc, *_tokens(doc, mali, mali + 4), label="GPE"),
        Span(doc, *_tokens(doc, kidal, kidal + 5), label="NORP"),
    ]
    (event,) = geocode_events(doc, (_event(s1, s1, "Mali"),), gazetteer=gaz)
    # Not just the country the extractor gave: the region that holds the town.
    assert (event.location, event.country, event.geo_precision) == ("Kidal", "Mali", 3)


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end)
    assert span is not None
    return span.start, span.end


def test_bordering_country_beats_a_homonym_far_away(gaz: Gazetteer) -> None:
    s1 = "Israel said it struck targets in Gaza overnight."
    doc = make_doc(s1, ["Israel", "Gaza"])
    (event,) = geocode_events(doc, (_event(s1, s1),), gazetteer=gaz)
    assert (event.location, event.country) == ("Gaza", "Palestine")


def test_township_is_coded_to_the_town_of_its_name(gaz: Gazetteer) -> None:
    from sitroom.resolve.geo.disambiguate import candidates

    assert [c.place.name for c in candidates(gaz, "Readington Township")] == ["Readington"]


def test_unknown_valley_is_coded_near_the_town_the_sentence_names(gaz: Gazetteer) -> None:
    s1 = "Militants attacked an army post in the Wadi al-Shay valley, south of Kirkuk."
    doc = make_doc(s1, ["Wadi al-Shay", "Kirkuk"])
    (event,) = geocode_events(doc, (_event(s1, s1, "Wadi al-Shay"),), gazetteer=gaz)
    assert (event.location, event.geo_precision, event.location_text) == (
        "Kirkuk",
        2,
        "Wadi al-Shay",
    )


def test_an_aggregate_claim_is_not_pinned_to_a_place_named_earlier(gaz: Gazetteer) -> None:
    text = (
        "Kurdish fighters retook villages near Kirkuk in Iraq.\n\n"
        "The Pentagon claimed last week that coalition airstrikes have killed 8,500 fighters."
    )
    doc = make_doc(text, ["Kirkuk", "Iraq"])
    start = text.index("The Pentagon")
    aggregate = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        aggregate=True,
        evidence=(Evidence(start, len(text)),),
    )
    [located] = geocode_events(doc, (aggregate,), gazetteer=gaz)
    assert located.location is None and located.latitude is None
    # The same sentence as a single event, in the same paragraph, takes the earlier place.
    joined = text.replace("\n\n", " ")
    one_paragraph = make_doc(joined, ["Kirkuk", "Iraq"])
    single = replace(aggregate, aggregate=False, evidence=(Evidence(start - 1, len(joined)),))
    [placed] = geocode_events(one_paragraph, (single,), gazetteer=gaz)
    assert placed.location == "Kirkuk"


def test_a_new_paragraph_without_a_place_does_not_inherit_the_last_one(gaz: Gazetteer) -> None:
    text = (
        "The bodies of 30 men were found last month in the city of Kherson.\n\n"
        "Public executions have been extended to about 120 of the group's own members."
    )
    doc = make_doc(text, ["Kherson"])
    start = text.index("Public")
    event = Event(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        evidence=(Evidence(start, len(text)),),
    )
    [unplaced] = geocode_events(doc, (event,), gazetteer=gaz)
    assert unplaced.location is None and unplaced.latitude is None
    # "there" points back across the break.
    back = text.replace("have been extended", "were extended there")
    [placed] = geocode_events(
        make_doc(back, ["Kherson"]),
        (replace(event, evidence=(Evidence(start, len(back)),)),),
        gazetteer=gaz,
    )
    assert placed.location == "Kherson"
