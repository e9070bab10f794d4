"""Clause-level event reading on sentences written for these tests: two reports
joined by "while", people seized, killings told through a "when" clause, and
group names in brackets (loads the spaCy pipeline once)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.records import Event
from sitroom.resolve.actors import normalize_actor

pytestmark = pytest.mark.model
PUB = date(2023, 6, 13)  # a Tuesday


def _events(nlp: Language, text: str) -> list[Event]:
    return list(extract_events(nlp(text), (), published=PUB))


def test_people_seized_at_the_weekend_are_an_abduction_not_the_gun_battle_after(
    nlp: Language,
) -> None:
    text = (
        "Twenty farmers seized by gunmen near the town of Gwoza in Borno state at the "
        "weekend are still missing, their families said on Monday, while the army said "
        "soldiers had freed four of them after a gun battle."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2023-06-10",
        "2023-06-11",
        2,
    )
    assert event.actor1 == "Unidentified Armed Group"  # ACLED's name for gunmen
    assert event.actor2 is not None and "Civilians" in event.actor2


def test_seizing_a_town_is_still_taking_territory(nlp: Language) -> None:
    text = "Rebels seized the town of Kidal on Saturday after government troops withdrew."
    [event] = _events(nlp, text)
    # ACLED files territory taken by a non-state group under Battles.
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_the_attackers_of_a_when_clause_are_actor1(nlp: Language) -> None:
    text = (
        "Three policemen were killed on Sunday when militants attacked a checkpoint "
        "near Baqubah, officials said."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "militants"
    assert event.fatalities.low == 3


def test_a_suspect_killed_after_opening_fire_on_troops_is_a_clash_with_the_troops(
    nlp: Language,
) -> None:
    text = (
        "The ministry said one gunman was killed on Sunday when he opened fire on the "
        "soldiers as they searched a farm near Samarra."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and "Military Forces" in event.actor1
    assert event.fatalities.low == 1


def test_a_bracketed_acronym_stays_whole_and_names_the_group(nlp: Language) -> None:
    text = (
        "Fighters of the Group for the Support of Islam and Muslims (JNIM) took control "
        "of the village of Dioura on Saturday after a battle with the army."
    )
    events = _events(nlp, text)
    assert events, "the takeover is an event"
    assert events[0].actor1 == "JNIM: Jamaah Nusrat al Islam wal Muslimin"


def test_an_al_qaeda_linked_group_is_coded_as_itself() -> None:
    mention = "the al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM)"
    assert normalize_actor(mention).name == "JNIM: Jamaah Nusrat al Islam wal Muslimin"
    assert normalize_actor("al-Qaeda fighters").name == "Al Qaeda"


def test_a_date_written_before_the_speaker_dates_the_event_not_the_saying(
    nlp: Language,
) -> None:
    text = (
        "Gunmen kidnapped 14 passengers from a bus outside Katsina, a city near the border "
        "with Niger, on Saturday, police and a local official said."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.date_start == "2023-06-10"


def test_a_killing_that_an_abduction_came_after_is_typed_and_dated_as_itself(
    nlp: Language,
) -> None:
    text = (
        "Gunmen kidnapped 14 passengers from a bus outside Katsina on Saturday, police said.\n\n"
        "The kidnapping came a day after bandits killed three traders on a road near "
        "Funtua, residents said."
    )
    first, second = _events(nlp, text)
    assert first.sub_event_type == "Abduction/forced disappearance"
    assert second.sub_event_type == "Attack"
    assert second.date_start == "2023-06-09"  # the day before the kidnapping
    assert second.fatalities.low == 3


def test_a_weekend_enjoyed_is_not_a_date(nlp: Language) -> None:
    text = (
        "A suicide bomber killed nine people at a beach restaurant in Mogadishu on Friday.\n\n"
        '"This was an attack on families enjoying their weekend," the mayor said.'
    )
    events = _events(nlp, text)
    assert [e.date_start for e in events] == ["2023-06-09"]


def test_a_nations_strike_is_carried_out_by_its_forces(nlp: Language) -> None:
    text = (
        "The death toll from Monday's Israeli strike on a house in Rafah rose to nine on "
        "Tuesday, health officials said."
    )
    [event] = _events(nlp, text)
    assert event.actor1 == "Military Forces of Israel"
    assert event.actor1_text == "Israeli"


def test_a_bare_nationality_is_a_military_only_when_capitalised() -> None:
    assert normalize_actor("Turkish").name == "Military Forces of Turkey"
    assert normalize_actor("us").name == "us"  # the pronoun, never the United States
    assert normalize_actor("Syrians").name == "Syrians"  # people, not an army


def test_rocket_fire_and_the_strikes_it_drew_are_two_events(nlp: Language) -> None:
    text = (
        "Palestinian militants fired a rocket into Israel on Sunday, drawing Israeli "
        "airstrikes in the Gaza Strip, the military said."
    )
    fire, strikes = _events(nlp, text)
    assert (fire.sub_event_type, fire.actor1) == (
        "Shelling/artillery/missile attack",
        "Palestinian militants",
    )
    # The trigger's own nationality outranks the sentence's subject.
    assert (strikes.sub_event_type, strikes.actor1) == (
        "Air/drone strike",
        "Military Forces of Israel",
    )
    assert strikes.location_text == "the Gaza Strip"


def test_a_country_that_strikes_is_its_forces_but_a_country_hit_is_no_actor(
    nlp: Language,
) -> None:
    [strike] = _events(
        nlp, "Turkey launched airstrikes on Kurdish positions near Qamishli on Monday."
    )
    assert strike.actor1 == "Military Forces of Turkey"
    [fire] = _events(nlp, "The Houthis fired a ballistic missile at Saudi Arabia on Monday.")
    assert fire.sub_event_type == "Shelling/artillery/missile attack"
    assert fire.actor1 == "Houthi Movement (Ansar Allah)"
    assert fire.actor2 is None


def test_a_missile_model_is_no_actor_and_a_threat_to_fire_no_event(nlp: Language) -> None:
    [fire] = _events(nlp, "Warships fired Kalibr missiles at targets in Idlib on Monday.")
    assert fire.actor1_text != "Kalibr"
    assert (
        _events(nlp, "Militants will fire rockets at the base, officials warned on Monday.") == []
    )


def test_a_bare_strike_told_as_shells_and_rockets_is_shelling(nlp: Language) -> None:
    text = (
        "The toll from Monday's Russian strike on a bus station in Nikopol rose to five on "
        "Tuesday.\n\n"
        "The station was hit by a barrage of shells and rockets fired from across the river, "
        "officials said."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_bare_strike_with_a_drone_named_stays_an_air_strike(nlp: Language) -> None:
    text = (
        "The toll from Monday's Russian strike on a bus station in Nikopol rose to five on "
        "Tuesday.\n\n"
        "The station was hit by a drone and then by rockets, officials said."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Air/drone strike"


def test_a_group_described_by_a_participle_is_an_actor_with_its_description(
    nlp: Language,
) -> None:
    text = (
        "In the town of Hajin last month, tribal fighters battled a group made up mostly of "
        "foreign volunteers after the volunteers refused to leave, a resident said."
    )
    [event] = _events(nlp, text)
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 == "tribal fighters"
    assert event.actor2 == "a group made up mostly of foreign volunteers"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Al-Shabaab has stepped up its campaign in the south. On Monday the militants "
            "attacked a police station in Kismayo, killing three officers.",
            "Al Shabaab",
        ),
        (
            "Hezbollah said it would respond. The Israeli army said the group fired 20 "
            "rockets at Kiryat Shmona on Sunday.",
            "Hezbollah",
        ),
        # A part of the group is not the group: kept as written.
        (
            "Islamic State fighters were driven out of Sirte last year. On Friday the local "
            "militants ambushed a convoy near Sirte.",
            "the local militants",
        ),
    ],
)
def test_the_group_and_the_militants_are_the_armed_group_named_before(
    nlp: Language, text: str, actor1: str
) -> None:
    [event] = _events(nlp, text)
    assert event.actor1 == actor1


def test_the_group_with_no_group_named_before_is_no_actor(nlp: Language) -> None:
    text = "On Monday the group attacked a police station in Kismayo, killing three officers."
    [event] = _events(nlp, text)
    assert event.actor1 is None


def test_a_bare_plural_names_the_only_group_the_report_named(nlp: Language) -> None:
    one = (
        "Boko Haram has stepped up raids around Dikwa. On Monday jihadists abducted 12 "
        "farmers near the town, residents said."
    )
    [event] = _events(nlp, one)
    assert event.actor1 is not None and event.actor1.startswith("Boko Haram")
    two = (
        "Boko Haram and ISWAP both operate around Dikwa. On Monday jihadists abducted 12 "
        "farmers near the town, residents said."
    )
    [event] = _events(nlp, two)
    assert event.actor1 == "jihadists"
