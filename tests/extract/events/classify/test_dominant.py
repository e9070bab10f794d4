"""Document classification and the taxonomy, without a model (rule path only)."""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.dominant import classify_string
from sitroom.extract.events.taxonomy import (
    EVENT_TYPES,
    OUT_OF_SCOPE,
    SUB_EVENT_TYPES,
    by_code,
    by_name,
)

# Short reports written for these tests, one sub-event type each (CASE codes), in the
# style of wire copy, to check that the cue lexicon covers ordinary wording beyond the
# CASE development rows. No row of any benchmark was copied or paraphrased.
EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "AIR_STRIKE",
        "Russian jets pounded rebel-held villages in southern Idlib overnight, killing nine.",
    ),
    (
        "AIR_STRIKE",
        "A US drone strike hit a vehicle carrying suspected al-Shabaab fighters near Jilib.",
    ),
    (
        "AIR_STRIKE",
        "Government helicopters dropped barrel bombs on the eastern districts of the city.",
    ),
    (
        "AIR_STRIKE",
        "Coalition aircraft bombed a weapons depot on the outskirts of Sanaa on Tuesday.",
    ),
    (
        "ART_MISS_ATTACK",
        "Separatist forces shelled the outskirts of Avdiivka with 122mm artillery.",
    ),
    ("ART_MISS_ATTACK", "Two mortar rounds landed near the presidential palace in Mogadishu."),
    (
        "ART_MISS_ATTACK",
        "Militants fired a barrage of rockets at an army base in the north of the province.",
    ),
    (
        "ART_MISS_ATTACK",
        "A ballistic missile launched from Yemen was fired toward the Saudi city of Najran.",
    ),
    ("REM_EXPLOS", "A roadside bomb struck a police patrol in Kirkuk, wounding three officers."),
    (
        "REM_EXPLOS",
        "A car bomb exploded outside a market in the town of Azaz, killing eleven people.",
    ),
    (
        "REM_EXPLOS",
        "A bus hit a landmine on the road to Kandahar, killing at least eight passengers.",
    ),
    ("GRENADE", "Unknown attackers threw a grenade into a crowded bar in Bujumbura."),
    (
        "GRENADE",
        "A hand grenade was lobbed at a police station in Srinagar, injuring two constables.",
    ),
    ("SUIC_BOMB", "A suicide bomber detonated his explosive vest at a wedding in Kabul."),
    (
        "SUIC_BOMB",
        "A militant drove an explosives-laden truck into a checkpoint and blew himself up.",
    ),
    (
        "CHEM_WEAP",
        "Doctors treated dozens of residents for chlorine exposure after the attack on Douma.",
    ),
    (
        "CHEM_WEAP",
        "Rescue workers said a toxic gas was released when shells hit the neighbourhood.",
    ),
    ("ARMED_CLASH", "Heavy fighting broke out between the army and rebel fighters near Goma."),
    (
        "ARMED_CLASH",
        "Taliban fighters attacked an army outpost in Helmand, sparking a four-hour gunbattle.",
    ),
    ("ARMED_CLASH", "Troops repelled an assault by insurgents on a base in northern Burkina Faso."),
    ("ARMED_CLASH", "Rival militias traded fire in the streets of Tripoli for a second day."),
    (
        "GOV_REGAINS_TERIT",
        "Iraqi troops recaptured the town of Baiji from Islamic State militants.",
    ),
    (
        "GOV_REGAINS_TERIT",
        "The army said it had regained control of the district after a week-long operation.",
    ),
    ("GOV_REGAINS_TERIT", "Government forces retook the airport from the rebels on Monday."),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Taliban fighters overran the district centre of Jani Khel after days of fighting.",
    ),
    (
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "Jihadists seized control of the town of Menaka, residents said.",
    ),
    ("ATTACK", "Gunmen stormed a village in Zamfara state and shot dead 23 villagers."),
    (
        "ATTACK",
        "A prominent journalist was shot and killed outside his home by unknown assailants.",
    ),
    ("ATTACK", "Militiamen hacked to death twelve farmers in the province of Ituri."),
    ("ABDUCT_DISSAP", "Gunmen kidnapped 40 schoolgirls from a boarding school in Niger state."),
    ("ABDUCT_DISSAP", "Two aid workers were abducted at a checkpoint by armed men."),
    (
        "SEX_VIOL",
        "Soldiers raped at least ten women during a raid on the village, a rights group said.",
    ),
    (
        "SEX_VIOL",
        "Militia members were accused of sexual violence against displaced women in the camp.",
    ),
    ("PEACE_PROTEST", "Thousands of teachers marched through the capital demanding higher wages."),
    (
        "PEACE_PROTEST",
        "Residents held a sit-in outside the governor's office to protest power cuts.",
    ),
    ("PEACE_PROTEST", "Students staged a peaceful demonstration against the tuition increase."),
    (
        "PROTEST_WITH_INTER",
        "Police dispersed a rally of opposition supporters and detained 30 demonstrators.",
    ),
    ("PROTEST_WITH_INTER", "Riot police broke up a peaceful march and arrested several activists."),
    (
        "FORCE_AGAINST_PROTEST",
        "Security forces opened fire on peaceful protesters, killing four demonstrators.",
    ),
    (
        "FORCE_AGAINST_PROTEST",
        "Soldiers used live ammunition against demonstrators in the capital, killing two.",
    ),
    ("VIOL_DEMONSTR", "Rioters torched cars and threw stones at police during the protest."),
    ("VIOL_DEMONSTR", "Protesters clashed with police and set fire to a government building."),
    (
        "VIOL_DEMONSTR",
        "Demonstrators hurled stones at security forces, who responded with tear gas.",
    ),
    ("MOB_VIOL", "An angry mob lynched a man accused of theft in the market."),
    ("MOB_VIOL", "Vigilantes beat two suspected witches to death in a remote village."),
    ("AGREEMENT", "The warring parties signed a ceasefire agreement in Khartoum."),
    ("AGREEMENT", "The government and the rebels agreed to a prisoner exchange."),
    ("ARREST", "Police arrested a senior opposition leader at his home in the capital."),
    ("ARREST", "Authorities detained 12 suspected members of the banned group in raids."),
    ("CHANGE_TO_GROUP_ACT", "Hundreds of militia fighters defected to the government side."),
    ("CHANGE_TO_GROUP_ACT", "French troops withdrew from their base in northern Mali."),
    ("CHANGE_TO_GROUP_ACT", "The army deployed reinforcements to the border region."),
    ("DISR_WEAP", "Police seized a large cache of weapons and ammunition in a raid."),
    ("DISR_WEAP", "Bomb disposal experts defused an explosive device planted near the school."),
    ("DISR_WEAP", "Air defences intercepted two drones over the airbase."),
    ("HQ_ESTABLISHED", "Turkish troops set up a new military base near the border town."),
    ("HQ_ESTABLISHED", "The militia established a headquarters in the former school building."),
    ("PROPERTY_DISTRUCT", "Armed men looted shops and burned down houses in the village."),
    ("PROPERTY_DISTRUCT", "Militants torched a telecommunications tower outside the town."),
    (
        "NON_VIOL_TERRIT_TRANSFER",
        "Rebels handed over control of the town to government forces without a fight.",
    ),
    (
        "NATURAL_DISASTER",
        "A magnitude 6.2 earthquake struck the region, killing at least 40 people.",
    ),
    (
        "NATURAL_DISASTER",
        "Floods triggered by torrential rain forced thousands to leave their homes.",
    ),
    (
        "MAN_MADE_DISASTER",
        "A fire at a chemical plant sent toxic smoke over the city; two workers died.",
    ),
    (
        "MAN_MADE_DISASTER",
        "A passenger train derailed in the north of the country, injuring 30 people.",
    ),
    ("ORG_CRIME", "Police broke up a drug smuggling ring and seized 200 kilograms of cocaine."),
    ("ORG_CRIME", "Armed robbers held up a bank and escaped with cash."),
    ("DIPLO", "The foreign ministry expelled two diplomats over spying allegations."),
    ("DIPLO", "The European Union imposed new sanctions on officials over the crackdown."),
    ("ATTRIB", "The Islamic State claimed responsibility for the bombing in a statement."),
    (
        "ATTRIB",
        "The government blamed the rebels for the convoy attack; the rebels denied involvement.",
    ),
)


def test_taxonomy_has_acled_6_types_and_25_sub_types() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25
    assert {s.event_type for s in SUB_EVENT_TYPES} == set(EVENT_TYPES)
    assert all(s.definition for s in (*SUB_EVENT_TYPES, *OUT_OF_SCOPE))
    assert by_code("AIR_STRIKE").name == "Air/drone strike"
    assert by_name("Attack").event_type == "Violence against civilians"


@pytest.mark.parametrize(("code", "text"), EXAMPLES)
def test_written_examples(code: str, text: str) -> None:
    assert classify_string(text)[0] == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The month is not a march, and an air strike is not a labour strike.
        ("On 21 March 2020, Taliban militants attacked an army checkpoint.", "ARMED_CLASH"),
        ("A drone strike hit a compound in the province on Monday.", "AIR_STRIKE"),
        # A protest mentioning the pandemic is still a protest.
        (
            "Nurses protested outside the hospital over coronavirus pay and the pandemic.",
            "PEACE_PROTEST",
        ),
        # Grenade launchers are artillery in ACLED's coding.
        ("Separatists fired grenade launchers and mortars at army positions.", "ART_MISS_ATTACK"),
    ],
)
def test_coding_conventions(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_no_cue_is_other_without_the_model() -> None:
    assert classify_string("The weather was mild.") == ("OTHER", 0.0)
