"""Incidents named by a noun or a passive, places taken and power seized (sentences
written for these tests; published on a Sunday)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.records import Event

PUB = date(2015, 3, 8)  # a Sunday
pytestmark = pytest.mark.model


def one(nlp: Language, text: str) -> Event:
    found = list(extract_events(nlp(text), (), published=PUB))
    assert len(found) == 1, [(e.sub_event_type, e.location_text) for e in found]
    return found[0]


def none(nlp: Language, text: str) -> None:
    found = list(extract_events(nlp(text), (), published=PUB))
    assert found == [], [(e.sub_event_type, e.location_text) for e in found]


# Territory and control.


@pytest.mark.parametrize(
    ("text", "sub_event_type", "place"),
    [
        (
            "Army units retook three villages near the town of Baiji on Friday.",
            "Government regains territory",
            "Baiji",
        ),
        (
            "Rebel fighters took a hill overlooking the town of Jisr al-Shughur late Saturday.",
            "Non-state actor overtakes territory",
            "Jisr al-Shughur",
        ),
        (
            "Troops liberated the district of Sinjar on Thursday.",
            "Government regains territory",
            "Sinjar",
        ),
        (
            "Soldiers cleared the city of Homs of insurgents on Friday.",
            "Government regains territory",
            "Homs",
        ),
        (
            "Government forces were in full control of the city of Ramadi on Saturday.",
            "Government regains territory",
            "Ramadi",
        ),
        (
            "Rebels took control of the city of Idlib on Saturday.",
            "Non-state actor overtakes territory",
            "Idlib",
        ),
        (
            "The town of Palmyra fell to Islamic State militants on Thursday.",
            "Non-state actor overtakes territory",
            "Palmyra",
        ),
        (
            "The mayor visited Tikrit on Saturday after soldiers recaptured the police "
            "headquarters in the northern city.",
            "Government regains territory",
            "Tikrit",
        ),
    ],
)
def test_a_place_taken_is_a_territory_event(
    nlp: Language, text: str, sub_event_type: str, place: str
) -> None:
    event = one(nlp, text)
    assert (event.sub_event_type, event.location_text) == (sub_event_type, place)


def test_power_seized_is_a_coup_not_territory(nlp: Language) -> None:
    event = one(nlp, "Mali's army seized control of the country on Friday, detaining ministers.")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Other")
    assert event.date_start == "2015-03-06"


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers cleared rubble from the streets of Hama on Friday.",
        "Commanders plan to take the town of Hit next month.",
        "The minister took a flight to Baghdad on Friday.",
        "The death toll in Baghdad fell to 15 on Friday.",
    ],
)
def test_taking_or_clearing_without_a_place_taken_is_no_event(nlp: Language, text: str) -> None:
    none(nlp, text)


# Incidents named by a noun phrase or a passive.


def test_a_toll_update_dates_the_incident_by_its_possessive_day(nlp: Language) -> None:
    event = one(nlp, "The death toll from Friday's bombing of a market in Baghdad has risen to 23.")
    assert event.event_type == "Explosions/Remote violence"
    assert (event.location_text, event.date_start) == ("Baghdad", "2015-03-06")
    assert event.fatalities.low == 23


def test_an_incident_noun_under_a_warning_still_happened(nlp: Language) -> None:
    event = one(
        nlp,
        "Officials fear unrest could spread after Friday's attack in Kano "
        "which killed four policemen.",
    )
    assert (event.location_text, event.date_start) == ("Kano", "2015-03-06")
    assert event.fatalities.low == 4


def test_a_condemned_abduction_is_an_event(nlp: Language) -> None:
    event = one(nlp, "The bishop condemned Thursday's abduction of a priest in Kaduna.")
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert (event.location_text, event.date_start) == ("Kaduna", "2015-03-05")


def test_a_condemned_bombing_that_killed_carries_its_toll(nlp: Language) -> None:
    event = one(
        nlp, "The UN condemned the bombing of the bus station in Kano that killed at least 9."
    )
    assert (event.sub_event_type, event.location_text) == ("Remote explosive/landmine/IED", "Kano")
    assert event.fatalities.low == 9


def test_bodies_found_are_an_attack_with_their_count(nlp: Language) -> None:
    event = one(
        nlp,
        "Activists say the bodies of 12 men apparently shot in the head have been found "
        "in a canal in the city of Kirkuk.",
    )
    assert (event.sub_event_type, event.location_text) == ("Attack", "Kirkuk")
    assert event.fatalities.low == 12


def test_a_crowd_fired_on_is_an_event(nlp: Language) -> None:
    event = one(nlp, "Marchers in Bujumbura were fired on by police on Friday.")
    assert (event.location_text, event.date_start) == ("Bujumbura", "2015-03-06")


def test_a_projectile_that_hit_is_remote_violence(nlp: Language) -> None:
    event = one(nlp, "A rocket hit a school in the city of Mosul on Friday.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.location_text == "Mosul"


@pytest.mark.parametrize(
    "text",
    [
        "Security in Kano has been tightened since the 2014 attack on the central mosque.",
        "The group threatened an attack on the capital, Abuja.",
        "Police are working to prevent attacks in Kano during the festival.",
        "Officials warned of more attacks in Kano this month.",
        "Shots were fired in the air in Kano on Friday.",
    ],
)
def test_a_background_or_hypothetical_incident_is_no_event(nlp: Language, text: str) -> None:
    none(nlp, text)


def test_a_country_s_capital_is_the_capital_city(nlp: Language) -> None:
    event = one(
        nlp, "The death toll from Saturday's assault on a hotel in Kenya's capital rose to 9."
    )
    assert (event.location_text, event.date_start) == ("Nairobi", "2015-03-07")
    assert event.fatalities.low == 9


def test_bombs_planted_are_an_explosive_event(nlp: Language) -> None:
    event = one(nlp, "Militants planted two bombs at a bus station in Kano on Friday.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.location_text, event.date_start) == ("Kano", "2015-03-06")


def test_a_town_the_small_model_calls_an_organisation_is_where_an_incident_was(
    nlp: Language,
) -> None:
    event = one(
        nlp,
        "Security was tightened after Friday's mortar attack in Dohuk which killed a contractor.",
    )
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert (event.location_text, event.date_start) == ("Dohuk", "2015-03-06")
    assert event.fatalities.low == 1
