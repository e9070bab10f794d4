"""Document-level assembly: an incident told across sentences is one event.

Reports written for these tests; each test pins one class of behaviour of
``extract.events.assemble`` (follow-ups that point back, a lead waiting for its
place and day, tolls with no event word, repeated and additional figures, two
incidents kept apart).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.records import Event

PUB = date(2023, 5, 10)  # a Wednesday
pytestmark = pytest.mark.model


def run(nlp: Language, text: str, published: date | None = PUB) -> list[Event]:
    return list(extract_events(nlp(text), (), published=published))


def evidence(text: str, event: Event) -> list[str]:
    return [text[e.start : e.end].strip() for e in event.evidence]


def test_a_lead_without_place_or_day_takes_them_from_the_sentence_that_points_back(
    nlp: Language,
) -> None:
    text = (
        "Gunmen attacked a village in the north-east, killing at least 20 people.\n\n"
        "Residents said the attack on Kawuri began before dawn on Tuesday."
    )
    (event,) = run(nlp, text)
    assert event.location_text == "Kawuri"
    assert event.date_start == "2023-05-09"
    assert event.fatalities.low == 20
    lead, follow = evidence(text, event)
    assert lead.startswith("Gunmen attacked") and follow.startswith("Residents said")


def test_a_lead_that_never_gets_a_place_or_day_is_not_coded(nlp: Language) -> None:
    text = "Gunmen attacked a village, killing at least 20 people. Officials condemned it."
    assert run(nlp, text) == []


def test_a_follow_up_toll_fills_the_deaths_of_the_incident(nlp: Language) -> None:
    text = (
        "The air force conducted an airstrike against militants near the town of Qaryat on "
        "Monday.\nAt this time, it is assessed this precision airstrike killed three militants.\n"
        "Currently, we assess no civilians were injured or killed as a result of this airstrike."
    )
    (event,) = run(nlp, text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities.low == 3  # the civilians' zero speaks of another group
    assert len(event.evidence) == 3


def test_the_militants_and_those_attacks_point_back_at_the_incident(nlp: Language) -> None:
    text = (
        "Militants attacked three villages on Monday in the Gwoza district. Witnesses say "
        "the militants killed hundreds of people in those attacks and burned down homes."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low == 100
    assert len(event.evidence) == 2


def test_a_toll_with_no_event_word_joins_the_incident_before_it(nlp: Language) -> None:
    text = (
        "A car bomb exploded near a checkpoint in Kirkuk on Monday.\n\n"
        "Among the four killed were police officers."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low == 4
    assert len(event.evidence) == 2


def test_no_casualties_from_either_side_is_a_zero_for_both_incidents(nlp: Language) -> None:
    text = (
        "Militants fired a rocket into Israel on Sunday, drawing Israeli airstrikes in the "
        "Gaza Strip.\n\nThere were no casualties reported from either side."
    )
    found = run(nlp, text)
    assert len(found) == 2
    assert all(e.fatalities.low == 0 for e in found)


def test_a_toll_alone_far_from_any_incident_is_no_event(nlp: Language) -> None:
    text = "Among the four killed were police officers."
    assert run(nlp, text) == []


def test_a_new_incident_placed_after_the_told_one_stays_apart(nlp: Language) -> None:
    text = (
        "Two car bombs exploded near the main gate in Kirkuk on Monday, killing four people. "
        "Immediately after the blasts, a small arms attack was launched by rebels on a "
        "checkpoint."
    )
    found = run(nlp, text)
    assert found[0].fatalities.low == 4
    assert all(e.fatalities.low in (4, None) for e in found)


# --- figures ----------------------------------------------------------------


def test_a_figure_repeated_for_the_same_victims_is_not_summed(nlp: Language) -> None:
    text = (
        "Gunmen killed at least 20 people in an attack on a market in Maiduguri on Tuesday. "
        "The attack on the market in Maiduguri killed 20 people, officials said."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low == 20


def test_additional_victims_are_added(nlp: Language) -> None:
    text = (
        "Fighting killed 18 people in Donetsk on Sunday. Another five people were killed in "
        "clashes in Donetsk on Sunday."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low == 23


def test_a_toll_split_by_place_keeps_each_part_apart(nlp: Language) -> None:
    text = (
        "Fighting killed at least 18 people in Donetsk on Sunday.\n\n"
        "Rebels said 13 were killed in the city of Horlivka, while another five people were "
        "killed in clashes in a suburb north of Donetsk."
    )
    found = run(nlp, text)
    five = [e for e in found if any("another five" in s for s in evidence(text, e))]
    assert five and five[0].fatalities.low == 5
    assert all(e.fatalities.low != 23 for e in found)


# --- precision --------------------------------------------------------------


def test_two_incidents_on_different_days_and_places_stay_two(nlp: Language) -> None:
    text = (
        "A roadside bomb killed three soldiers near the town of Hawija on Monday. "
        "On Tuesday, gunmen killed two farmers in the village of Bashir."
    )
    found = run(nlp, text)
    assert len(found) == 2
    assert sorted(e.fatalities.low or 0 for e in found) == [2, 3]


def test_an_incident_named_only_as_an_attack_takes_the_type_of_the_sentence_that_says_how(
    nlp: Language,
) -> None:
    text = (
        "The attack on the militants in Idlib was described on Tuesday by the Kremlin as a "
        "success. A navy frigate also launched cruise missiles at targets in Idlib on Tuesday."
    )
    found = run(nlp, text)
    assert found
    assert found[0].sub_event_type == "Shelling/artillery/missile attack"


def test_a_toll_right_after_a_bare_killing_makes_it_an_incident(nlp: Language) -> None:
    text = (
        "Rebels clashed with government forces in Aleppo on Monday. "
        "The fighters are retrieving the bodies of a family that was killed when a mortar hit "
        "their kitchen. Three children and two adults died."
    )
    found = run(nlp, text)
    family = [e for e in found if any("family" in s for s in evidence(text, e))]
    assert family and family[0].fatalities.low == 5
    assert family[0].date_start == "2023-05-08"  # the day of the incident told before


def test_a_smaller_toll_at_another_named_place_is_a_part_of_its_own(nlp: Language) -> None:
    text = (
        "Fighting killed at least 18 people in Donetsk on Sunday.\n\n"
        "Rebels said two children were among 13 dead in the city of Horlivka, while another "
        "five people were killed in clashes in a suburb north of Donetsk."
    )
    found = run(nlp, text)
    tolls = sorted((e.location_text, e.fatalities.low) for e in found)
    assert ("Horlivka", 13) in tolls
    assert ("Donetsk", 18) in tolls and ("Donetsk", 5) in tolls


def test_a_toll_two_sentences_away_without_pointing_back_joins_nothing(nlp: Language) -> None:
    text = (
        "A car bomb exploded near a checkpoint in Kirkuk on Monday. Officials closed the road. "
        "Three people died."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low is None


def test_a_sentence_that_places_the_strikes_told_before_joins_them(nlp: Language) -> None:
    text = (
        "The command conducted air strikes against the militants in Yemen on Monday. "
        "These air strikes took place near the town of Azzan."
    )
    (event,) = run(nlp, text)
    assert len(event.evidence) == 2
    assert event.location_text == "Azzan"


def test_a_suicide_attack_counts_the_attacker(nlp: Language) -> None:
    text = (
        "A female fighter mounted a lone attack on a group of jihadists on the east side of "
        "Kobani on Monday, hurling grenades at them before blowing herself up."
    )
    (event,) = run(nlp, text)
    assert event.fatalities.low == 1


@pytest.mark.parametrize(
    "text",
    [
        "For months, rebels have been waging battles with government forces in Aleppo.",
        "The plane fell in a rebel-held area of the Donetsk region, where fighting between "
        "government forces and separatists has raged for months.",
    ],
)
def test_fighting_for_months_is_background(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


def test_a_victim_also_killed_in_the_area_adds_to_the_incident_but_not_its_actor(
    nlp: Language,
) -> None:
    text = (
        "On 16 March 2020, Taliban militants attacked a military base in the Tanachoy area "
        "of Shah Wali Kot district, killing 2 soldiers. 1 soldier was also killed by a sniper "
        "in the area."
    )
    (event,) = run(nlp, text, published=date(2020, 3, 17))
    assert event.fatalities.low == 3
    assert "sniper" not in (event.actor1_text or "")


def test_months_of_a_grievance_do_not_make_a_protest_background(nlp: Language) -> None:
    text = (
        "On Monday, more than a thousand displaced people demonstrated in front of the town "
        "hall in Kaya, denouncing a lack of humanitarian aid for months."
    )
    (event,) = run(nlp, text)
    assert event.event_type == "Protests"
