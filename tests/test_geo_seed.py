"""Places on the seed report, with the real spaCy model and the real gazetteer index.

Marked ``model``: loads the spaCy pipeline and builds the gazetteer index at
first use (~40 s once, then cached under $SITROOM_CACHE or ~/.cache/sitroom).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from sitroom.records import Event, Evidence
from sitroom.resolve.geo import Place, geocode_events, resolve_places

pytestmark = pytest.mark.model

# Where the seed's places are (GeoNames), and their country.
EXPECTED = {
    "Abu Kamal": ("Syria", 34.45, 40.92),
    "Ramadi": ("Iraq", 33.42, 43.31),
    "Tabqa": ("Syria", 35.84, 38.55),
    "Raqqa": ("Syria", 35.95, 39.01),
    "Tikrit": ("Iraq", 34.60, 43.68),
    "Kobane": ("Syria", 36.89, 38.36),
    "Sinjar": ("Iraq", 36.32, 41.88),
    "Beirut": ("Lebanon", 33.89, 35.50),
    "Mosul": ("Iraq", 36.34, 43.13),
}


@pytest.fixture(scope="module")
def seed_doc(seed_path: Path) -> Doc:
    from sitroom.nlp import get_nlp
    from sitroom.repair import repair_text

    return get_nlp()(repair_text(seed_path.read_text(encoding="utf-8")).text)


@pytest.fixture(scope="module")
def places(seed_doc: Doc) -> tuple[Place, ...]:
    return resolve_places(seed_doc)


def _first(places: tuple[Place, ...], text: str, after: str = "", doc: Doc | None = None) -> Place:
    start = doc.text.index(after) if doc is not None and after else 0
    return next(p for p in places if p.text == text and p.start >= start)


def test_seed_places_resolve_to_the_right_places(places: tuple[Place, ...], seed_doc: Doc) -> None:
    # The first "Raqqa" is a province ("the Syrian provinces of Deir al-Zour and Raqqa").
    anchors = {"Raqqa": "a businessman living in"}
    for name, (country, lat, lon) in EXPECTED.items():
        place = _first(places, name, anchors.get(name, ""), seed_doc)
        assert place.place is not None, name
        assert place.country == country, (name, place)
        assert abs(place.place.lat - lat) < 0.1 and abs(place.place.lon - lon) < 0.1, (
            name,
            place.place,
        )


def test_seed_provinces_are_regions(places: tuple[Place, ...], seed_doc: Doc) -> None:
    diyala = [p for p in places if p.text == "Diyala"]
    assert diyala and all(
        p.place is not None and p.place.kind == "admin1" and p.country == "Iraq" for p in diyala
    )
    province = _first(places, "Deir al-Zour", "The province of Deir al-Zour", seed_doc)
    assert (
        province.place is not None
        and province.place.kind == "admin1"
        and province.country == "Syria"
    )
    city = _first(places, "Deir al-Zour", "from the Syrian city of", seed_doc)
    assert city.place is not None and city.place.kind == "city"
    homs = _first(places, "Homs")
    assert homs.place is not None and homs.country == "Syria"


def _event(doc: Doc, sentence_start: str, location_text: str | None = None) -> Event:
    start = doc.text.index(sentence_start)
    end = doc.text.index(".", start) + 1
    return Event(
        "Violence against civilians",
        "Attack",
        evidence=(Evidence(start, end),),
        location_text=location_text,
    )


def test_seed_events_get_where_they_happened(seed_doc: Doc) -> None:
    events = (
        _event(seed_doc, "The bodies of between 30 and 40 men"),  # Tabqa, not Turkey
        _event(seed_doc, "In an incident in the Iraqi city of Ramadi"),  # Ramadi, not Syria
        _event(
            seed_doc, "Shootouts have erupted"
        ),  # "the town": Abu Kamal, from the sentence before
        _event(seed_doc, "The province of Deir al-Zour, bordering Iraq"),  # province, precision 3
        _event(seed_doc, "The Islamic State’s losses in terms of land", location_text="Diyala"),
    )
    tabqa, ramadi, abu_kamal, deir, diyala = geocode_events(seed_doc, events)
    assert tabqa.country == "Syria" and tabqa.geo_precision == 1
    assert abs(tabqa.latitude - 35.84) < 0.05 and abs(tabqa.longitude - 38.55) < 0.05  # type: ignore[operator]
    assert ramadi.location == "Ramadi" and ramadi.country == "Iraq"
    assert abu_kamal.country == "Syria" and abs(abu_kamal.longitude - 40.92) < 0.05  # type: ignore[operator]
    assert deir.geo_precision == 3 and deir.country == "Syria"
    assert diyala.geo_precision == 3 and diyala.country == "Iraq"
    for event in (tabqa, ramadi, abu_kamal, deir, diyala):
        assert event.country not in ("Lebanon", "Turkey")


def test_fuzzy_traps_stay_home(seed_doc: Doc) -> None:
    from sitroom.nlp import get_nlp

    doc = get_nlp()("Fighting raged in the Kurdish town of Kobanê and in Diyala province of Iraq.")
    for place in resolve_places(doc):
        if place.text.startswith(("Koban", "Diyala")):
            assert place.place is not None and place.country in ("Syria", "Iraq"), place
