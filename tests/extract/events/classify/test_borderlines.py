"""One sentence per rule of ``event_types_borders`` (ACLED codebook borderlines).

The sentences were written for these tests (not in the own data set, no benchmark row
copied or paraphrased); each comment names the codebook point the rule follows.
"""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.civilians import resolve_victims
from sitroom.extract.events.classify.crowds import mask_covered_protests
from sitroom.extract.events.classify.dominant import classify_string
from sitroom.extract.events.classify.out_of_scope import resolve_disaster_topic
from sitroom.extract.events.classify.sides import resolve_two_sides
from sitroom.extract.events.classify.territory import resolve_seized_property

BORDERS: tuple[tuple[str, str], ...] = (
    # (1) Two sides fighting with air support or artillery: an Armed clash ...
    (
        "Troops and rebels fought near Kalemie with artillery and helicopter gunships.",
        "ARMED_CLASH",
    ),
    # ... but one-sided remote fire with no engagement is Shelling.
    ("Rebels fired rockets at the airport in Goma overnight.", "ART_MISS_ATTACK"),
    # (2) An attack on a militia's or the gendarmerie's post is a battle ...
    ("Gunmen attacked a gendarmerie post near Fada, killing two gendarmes.", "ARMED_CLASH"),
    ("Jihadists stormed an army camp near Menaka, killing nine soldiers.", "ARMED_CLASH"),
    # ... an attack on civilians is an Attack.
    ("Gunmen attacked a bus near Fada, killing two traders.", "ATTACK"),
    # (3) Communities, herders and farmers, rival ethnic groups: Mob violence ...
    ("Herders and farmers clashed with spears over a water point near Awka.", "MOB_VIOL"),
    ("Supporters of two rival candidates clashed with stones in Blantyre.", "MOB_VIOL"),
    # ... a named or communal militia makes it an Armed clash.
    ("An armed Fulani militia and Dozo hunters clashed with rifles near Djenne.", "ARMED_CLASH"),
    # (4) A protest about a flood is a protest; journalists covering a protest arrested
    # is an Arrest; protesters attacking the police are a Violent demonstration.
    ("Hundreds of flood victims protested in Sukkur over slow relief.", "PEACE_PROTEST"),
    ("Police arrested two reporters covering a protest in Harare.", "ARREST"),
    (
        "Traders protesting a new tax attacked a police patrol with sticks in Kano.",
        "VIOL_DEMONSTR",
    ),
    # (5) Seized livestock is looting; recruitment and training change a group's activity;
    # theft rings are crime.
    ("Bandits seized cattle and grain from herders near Gusau.", "PROPERTY_DISTRUCT"),
    ("The militia trained hundreds of new recruits in Ituri.", "CHANGE_TO_GROUP_ACT"),
    ("Police broke up a car theft ring in Lagos and recovered stolen cars.", "ORG_CRIME"),
    # (6) A detainee tortured to death is an Attack; people seized are abducted; a crowd
    # punishing suspected kidnappers is a mob.
    ("Soldiers beat a detainee to death in custody in Bamenda.", "ATTACK"),
    ("Gunmen seized five pupils from a school in Zamfara.", "ABDUCT_DISSAP"),
    ("A mob beat two men suspected of kidnapping a child in Kano.", "MOB_VIOL"),
)


@pytest.mark.parametrize(("text", "code"), BORDERS)
def test_border_rules(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_two_sides_fighting_outranks_heavy_weapons() -> None:
    fought = {"AIR_STRIKE": 4.5, "ARMED_CLASH": 3.0}
    resolve_two_sides(fought, "the army and rebels fought, using air strikes.")
    assert fought["ARMED_CLASH"] == 5.0
    # Fighting told as the backdrop of the strike ("after ... clashed") is left alone.
    backdrop = {"AIR_STRIKE": 4.5, "ARMED_CLASH": 3.0}
    resolve_two_sides(backdrop, "jets struck the town after rebels clashed with troops.")
    assert backdrop["ARMED_CLASH"] == 3.0


def test_disaster_is_a_protest_topic() -> None:
    scores = {"PEACE_PROTEST": 3.0, "NATURAL_DISASTER": 6.0}
    resolve_disaster_topic(scores, "")
    assert scores["NATURAL_DISASTER"] == 3.0


def test_covered_protest_is_blanked_keeping_offsets() -> None:
    text = "Police detained a journalist covering protests in Yangon."
    masked = mask_covered_protests(text)
    assert len(masked) == len(text)
    assert "protest" not in masked


def test_seized_property_is_not_territory() -> None:
    scores = {"NON_STATE_ACTOR_OVERTAKES_TER": 6.0, "PROPERTY_DISTRUCT": 4.5}
    resolve_seized_property(scores, "militants seized livestock from herders.")
    assert scores == {"PROPERTY_DISTRUCT": 7.5}


def test_death_in_custody_needs_a_detainee() -> None:
    custody = {"ARREST": 4.5}
    resolve_victims(custody, "police tortured a man to death in custody.")
    assert custody["ATTACK"] == 5.0
    suspect = {"ARREST": 4.5}
    resolve_victims(suspect, "police arrested a man who beat his neighbour to death.")
    assert "ATTACK" not in suspect
