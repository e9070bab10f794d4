"""One sentence per rule of ``event_types_crowds`` and of the protest-topic masking,
written for these tests in ACLED's note style (no benchmark row copied or paraphrased)."""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.crowds import mask_protest_topics
from sitroom.extract.events.classify.dominant import classify_string

CROWDS: tuple[tuple[str, str], ...] = (
    # Demonstrators burning and looting are a violent demonstration, not looting by others.
    (
        "On 30 May 2021, demonstrators in Portland set fire to a courthouse and looted shops "
        "during protests over the death of a man in police custody.",
        "VIOL_DEMONSTR",
    ),
    # Unknown men looting with no crowd is still looting.
    ("On 3 June 2021, unknown men looted shops in Kidal market.", "PROPERTY_DISTRUCT"),
    # An exchange of fire with the police is a clash, whoever died.
    (
        "On 2 March 2021, police exchanged fire with gunmen in Celaya. Three gunmen were killed.",
        "ARMED_CLASH",
    ),
    # Cartel gunmen killing people is an attack, not organised crime ...
    ("On 9 April 2021, members of a drug cartel killed four men in Culiacan.", "ATTACK"),
    # ... and two armed groups fighting over a trafficking route is a battle.
    (
        "On 5 May 2021, two armed groups fought for control of a cocaine route in Narino.",
        "ARMED_CLASH",
    ),
    # A drug seizure with no violence stays organised crime.
    ("On 7 May 2021, police seized 200 kg of cocaine at the port of Guayaquil.", "ORG_CRIME"),
    # A crowd outside an embassy is a protest, not diplomacy.
    (
        "On 4 January 2021, thousands protested outside the French embassy in Dhaka against "
        "the cartoons.",
        "PEACE_PROTEST",
    ),
    # A gang killing one named person is an attack too.
    ("On 3 March 2021, members of a criminal gang killed a pastor in Port-au-Prince.", "ATTACK"),
    # An armed group's measures against an epidemic are a strategic development.
    (
        "On 2 April 2021, Al Shabaab set up a coronavirus treatment centre in Jilib.",
        "CHANGE_TO_GROUP_ACT",
    ),
    # The passive agent is the attacker: "a man was beheaded by insurgents" is an Attack.
    ("On 6 April 2021, a man was beheaded by insurgents near Palma.", "ATTACK"),
)


@pytest.mark.parametrize(("text", "code"), CROWDS)
def test_crowd_gang_and_fire_rules(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_a_protest_topic_after_a_comma_or_an_and_is_masked() -> None:
    text = (
        "On 1 June 2021, hundreds demonstrated in Denver in solidarity with the family, "
        "denouncing police violence and the killing of a teenager."
    )
    masked, _ = mask_protest_topics(text)
    assert "killing" not in masked and "violence" not in masked
    assert masked.startswith("On 1 June 2021, hundreds demonstrated in Denver")
    assert classify_string(text)[0] == "PEACE_PROTEST"


def test_what_the_crowd_did_after_and_stays_unmasked() -> None:
    text = "Youths protested against the arrest of a trader and burned tyres in Kumasi."
    masked, _ = mask_protest_topics(text)
    assert "burned tyres" in masked


WHO_AND_WHERE: tuple[tuple[str, str], ...] = (
    # Who the crowd is ("relatives of soldiers killed in clashes") is no harm done to it ...
    (
        "On 7 May 2020, relatives of soldiers killed in clashes protested in Ouagadougou "
        "demanding better equipment.",
        "PEACE_PROTEST",
    ),
    (
        "Families of the men abducted by gunmen last month protested in Maiduguri on Monday.",
        "PEACE_PROTEST",
    ),
    # ... while force used on the crowd still is.
    ("On 8 May 2020, police shot dead two protesters in Harare.", "FORCE_AGAINST_PROTEST"),
    # Police sent to a protest are part of it; troops sent after protests are a movement.
    (
        "On 4 May 2020, residents protested in Lahore against power cuts; police were "
        "deployed but no incidents were reported.",
        "PEACE_PROTEST",
    ),
    (
        "On 4 May 2020, troops were deployed to Lahore after last week's protests; no "
        "incidents were reported.",
        "CHANGE_TO_GROUP_ACT",
    ),
)


@pytest.mark.parametrize(("text", "code"), WHO_AND_WHERE)
def test_who_the_crowd_is_and_police_sent_to_it(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_rustlers_killing_a_herder_is_an_attack_not_crime() -> None:
    text = (
        "On 8 July 2020, cattle rustlers raided a village in Turkana, stealing 200 goats and "
        "killing a herder."
    )
    assert classify_string(text)[0] == "ATTACK"
    assert classify_string("Police seized 200 stolen goats from rustlers in Turkana.")[0] != (
        "ATTACK"
    )


PARTISANS: tuple[tuple[str, str], ...] = (
    # Supporters attacking rival supporters, with no demonstration named, are a mob ...
    (
        "On 9 May 2020, a group of ruling party supporters attacked opposition workers in "
        "Nandigram, injuring five.",
        "MOB_VIOL",
    ),
    (
        "On 11 May 2020, relatives of a patient who died attacked doctors at a hospital in Jaipur.",
        "MOB_VIOL",
    ),
    # ... supporters attacking the police or an office are a violent demonstration.
    (
        "On 9 May 2020, supporters of a jailed candidate stoned police and burned tyres in "
        "Conakry.",
        "VIOL_DEMONSTR",
    ),
)


@pytest.mark.parametrize(("text", "code"), PARTISANS)
def test_partisans_against_each_other_are_a_mob(text: str, code: str) -> None:
    assert classify_string(text)[0] == code
