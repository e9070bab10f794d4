"""Demonstrations told by what a crowd does, police action on a crowd, heavy fire told by
its verb, and executions whoever the victims (sentences written for these tests;
published on a Sunday)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.records import Event

PUB = date(2015, 3, 8)  # a Sunday
pytestmark = pytest.mark.model


def found(nlp: Language, text: str) -> list[Event]:
    return list(extract_events(nlp(text), (), published=PUB))


@pytest.mark.parametrize(
    ("text", "sub_event_type", "place"),
    [
        (
            "Protesters gathered again on the streets of Kisumu late Tuesday to demand the "
            "release of the detained teachers.",
            "Peaceful protest",
            "Kisumu",
        ),
        (
            "Tens of thousands of people jammed the streets of Lahore on Friday, holding signs "
            "against the new tax.",
            "Peaceful protest",
            "Lahore",
        ),
        (
            "Hundreds of farmers camped in front of the city hall in Buenos Aires on Thursday.",
            "Peaceful protest",
            "Buenos Aires",
        ),
        (
            "Thousands took to the streets of Tbilisi on Saturday after the vote.",
            "Peaceful protest",
            "Tbilisi",
        ),
        (
            "Police cracked down on people protesting the election result in Harare on Monday.",
            "Protest with intervention",
            "Harare",
        ),
        (
            "Teachers in Nairobi began a nationwide strike on Monday over unpaid wages.",
            "Peaceful protest",
            "Nairobi",
        ),
        (
            "The bar association called a strike in Srinagar on Monday over the arrests.",
            "Peaceful protest",
            "Srinagar",
        ),
        (
            "Hundreds of farmers gathered in Kisumu on Friday to protest the new tax.",
            "Peaceful protest",
            "Kisumu",
        ),
    ],
)
def test_a_crowd_in_public_is_a_demonstration(
    nlp: Language, text: str, sub_event_type: str, place: str
) -> None:
    events = found(nlp, text)
    assert [(e.sub_event_type, e.location_text) for e in events] == [(sub_event_type, place)]


@pytest.mark.parametrize(
    "text",
    [
        # Armed forces massing, a gathering of evidence, a crackdown on something else.
        "Army units gathered near the border town of Kassala on Friday.",
        "Investigators gathered evidence in Kassala on Friday.",
        "The government cracked down on tax evasion in Kassala on Friday.",
        # A crowd that came together for something other than protest, not in public.
        "An estimated 10,000 people had gathered in Kassala on Friday to hear the imam.",
    ],
)
def test_a_gathering_verb_alone_is_not_a_demonstration(nlp: Language, text: str) -> None:
    assert [e.sub_event_type for e in found(nlp, text)] == []


def test_warplanes_pounding_targets_is_an_air_strike(nlp: Language) -> None:
    events = found(nlp, "Government warplanes pounded rebel positions near Idlib on Saturday.")
    assert [(e.sub_event_type, e.location_text) for e in events] == [("Air/drone strike", "Idlib")]


def test_pounding_by_ground_forces_is_shelling(nlp: Language) -> None:
    events = found(nlp, "Government troops pounded rebel positions near Idlib on Saturday.")
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_beheading_captured_officers_is_violence_against_them(nlp: Language) -> None:
    events = found(
        nlp,
        "Militants publicly decapitated two police officers in the town of Baiji on Friday.",
    )
    assert [(e.event_type, e.location_text) for e in events] == [
        ("Violence against civilians", "Baiji")
    ]


def test_people_opening_a_later_sentence_do_not_carry_its_place_into_the_incident(
    nlp: Language,
) -> None:
    # The second story of a bulletin, dated by the same day, is not the first one's
    # elaboration because it opens with "The".
    events = found(
        nlp,
        "On Friday a rocket attack in Erbil killed a contractor.\n\n"
        "On Friday the militants were sentenced for the murder of a blogger who was hacked "
        "to death in Dhaka.",
    )
    erbil = [e for e in events if e.location_text == "Erbil"]
    assert [e.sub_event_type for e in erbil] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Gunmen shot dead Ahmed Salah and his brother Ali Salah in Kirkuk on Friday.", 2),
        ("Militants beat to death Paulo Nunes near the town of Kirkuk on Friday.", 1),
    ],
)
def test_each_person_named_as_killed_is_one_death(nlp: Language, text: str, dead: int) -> None:
    events = found(nlp, text)
    assert [(e.event_type, e.fatalities.low) for e in events] == [
        ("Violence against civilians", dead)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A fight against a thing, a word of a hyphenated modifier.
        "The officer was still fighting his committal in a court in Kabul on Friday.",
        "On Friday the battle-scarred old city of Homs was quiet.",
    ],
)
def test_words_of_fighting_that_tell_no_clash(nlp: Language, text: str) -> None:
    assert found(nlp, text) == []


def test_fighting_people_is_a_clash(nlp: Language) -> None:
    events = found(nlp, "Kurdish fighters fought the militants in Kobani on Friday.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]
