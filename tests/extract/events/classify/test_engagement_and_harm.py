"""Tests for ``event_types_sides``: engagement, plain harm, demonstrators' own violence.

Sentences written for these tests (not in tests/data/event_types_own.jsonl), one or
more per codebook rule, with a contrast case each where the rule must not fire.
"""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.civilians import passive_victims, resolve_plain_harm
from sitroom.extract.events.classify.crowds import resolve_demonstrators
from sitroom.extract.events.classify.dominant import classify_string
from sitroom.extract.events.classify.sides import resolve_engagement
from sitroom.extract.events.classify.territory import resolve_quiet_movement

SIDES: tuple[tuple[str, str], ...] = (
    # (a) Two armed sides engaging is a clash even with heavy weapons named ...
    (
        "On 2 June 2021, rebels attacked army positions near Bambari with mortars and"
        " machine guns. The army responded.",
        "ARMED_CLASH",
    ),
    (
        "On 9 May 2022, Kurdish fighters and Turkish troops exchanged shelling near Zakho.",
        "ARMED_CLASH",
    ),
    (
        "Government forces targeted rebel positions with rockets and the rebels targeted"
        " army positions with mortars near Kidal.",
        "ARMED_CLASH",
    ),
    # ... but one side firing, or a police answer that is no fire, stays remote violence.
    ("On 9 May 2022, Turkish artillery shelled Kurdish positions near Zakho.", "ART_MISS_ATTACK"),
    (
        "Rockets fired at a police base in Herat wounded two officers; police responded by"
        " sealing off the area.",
        "ART_MISS_ATTACK",
    ),
    # (b) Harm to an individual with a plain verb is Violence against civilians.
    ("On 4 July 2021, a shopkeeper was tortured by soldiers in Kindu.", "ATTACK"),
    (
        "On 7 July 2021, youth wing members attacked and injured an opposition supporter"
        " in Lusaka.",
        "ATTACK",
    ),
    ("On 8 July 2021, a corpse bearing gunshot wounds was dumped near Uruapan.", "ATTACK"),
    ("On 9 July 2021, militiamen burned the house of a schoolteacher in Mambasa.", "ATTACK"),
    # ... and destruction with nobody harmed stays property destruction.
    ("Militiamen burned down a school in Mambasa overnight; no one was hurt.", "PROPERTY_DISTRUCT"),
    # (c) The demonstrators' own violence is a Violent demonstration ...
    (
        "On 3 March 2022, rioters burned tyres and barricaded the road to the port in Lome.",
        "VIOL_DEMONSTR",
    ),
    (
        "On 5 March 2022, nurses protested unpaid wages in Blantyre, pelting police with stones.",
        "VIOL_DEMONSTR",
    ),
    # ... a crowd punishing a suspect is Mob violence, and a quiet march a protest.
    ("Residents burned tyres and lynched a suspected thief in Kisumu.", "MOB_VIOL"),
    ("On 5 March 2022, nurses marched peacefully in Blantyre over unpaid wages.", "PEACE_PROTEST"),
    # A patrol with nothing reported is a Change to group/activity.
    (
        "On 1 April 2022, soldiers patrolled villages near Djibo after recent attacks; no"
        " incident was reported.",
        "CHANGE_TO_GROUP_ACT",
    ),
    # Disrupted weapons use said in the passive.
    ("On 2 April 2022, two drones were shot down by air defences over Abha.", "DISR_WEAP"),
    (
        "On 2 April 2022, the army established a new position on the hill near Ras Kamboni.",
        "HQ_ESTABLISHED",
    ),
)


@pytest.mark.parametrize(("text", "code"), SIDES)
def test_sides_rules(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_engagement_lifts_the_clash_over_the_weapon() -> None:
    scores = {"ART_MISS_ATTACK": 4.0}
    resolve_engagement(scores, "x forces attacked y positions with mortars; y responded.")
    assert scores["ARMED_CLASH"] == 4.5
    alone = {"ART_MISS_ATTACK": 4.0}
    resolve_engagement(alone, "x forces shelled y positions.")
    assert "ARMED_CLASH" not in alone


def test_plain_harm_outranks_residual_classes_only() -> None:
    scores = {"OTHER": 1.0}
    resolve_plain_harm(scores, "gunmen shot and injured a man in the town.")
    assert scores["ATTACK"] == 1.5
    clash = {"ARMED_CLASH": 3.0}
    resolve_plain_harm(clash, "gunmen shot and injured a man in the town.")
    assert clash == {"ARMED_CLASH": 3.0, "ATTACK": 1.0}


def test_passive_victims_are_the_subjects() -> None:
    assert "a man" in passive_victims("a man was tortured by soldiers")
    assert passive_victims("soldiers tortured a man") == ""


def test_demonstrators_and_quiet_movement() -> None:
    mob = {"MOB_VIOL": 3.0}
    resolve_demonstrators(mob, "youths burned tyres on the road")
    assert mob["VIOL_DEMONSTR"] == 3.5
    lynch = {"MOB_VIOL": 3.0}
    resolve_demonstrators(lynch, "a mob burned tyres and lynched a man")
    assert "VIOL_DEMONSTR" not in lynch
    quiet = {"ARMED_CLASH": 2.0}
    resolve_quiet_movement(quiet, "troops deployed to the town; no clashes were reported")
    assert quiet["CHANGE_TO_GROUP_ACT"] == 2.5


def test_forces_that_came_under_fire_fought_and_a_bus_is_left_to_harm() -> None:
    patrol = "On 16 July 2020, an army patrol came under fire near Menaka; the attackers fled."
    assert classify_string(patrol)[0] == "ARMED_CLASH"
    bus = "On 16 July 2020, a bus came under fire near Menaka, killing three passengers."
    assert classify_string(bus)[0] == "ATTACK"


ARMED_VICTIMS: tuple[tuple[str, str], ...] = (
    # Members and ranks of a named armed group killed are a battle, with no clash word ...
    (
        "On 2 June 2020, security forces killed three suspected Boko Haram members in Bama.",
        "ARMED_CLASH",
    ),
    ("On 6 June 2020, a Taliban commander was killed by the NDS in Helmand.", "ARMED_CLASH"),
    (
        "On 9 June 2020, Iraqi security forces killed an IS emir in an operation in Anbar.",
        "ARMED_CLASH",
    ),
    # ... a soldier on leave is a civilian, and civilians killed are an attack.
    (
        "On 11 July 2020, unidentified gunmen killed a soldier who was on leave in his village "
        "near Tillaberi.",
        "ATTACK",
    ),
    ("On 6 June 2020, ADF militants killed 7 civilians in Beni territory.", "ATTACK"),
)


@pytest.mark.parametrize(("text", "code"), ARMED_VICTIMS)
def test_armed_victims_make_a_battle_and_civilians_an_attack(text: str, code: str) -> None:
    assert classify_string(text)[0] == code
