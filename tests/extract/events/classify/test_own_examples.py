"""Document classification on our own written examples, and one test per ACLED rule.

``tests/data/event_types_own.jsonl`` holds short reports and ACLED-note-style lines
that we wrote from the ACLED codebook definitions (no benchmark row was copied or
paraphrased). Every 4th line (0-based index mod 4 == 3) is held out: rules were
tuned on the other lines only, and the held-out lines check generalisation. Lines
from index 530 on add wire leads and ACLED-note lines on the lead's error areas and on
CASE 2021's out-of-scope types (organized crime, disasters, diplomacy, attribution),
which carry their CASE names and the event type "Not an ACLED event". Lines from index
891 on target the lead's score-only ACLED confusions (battles with heavy weapons, plain
harm to individuals, riots vs protests, strategic developments coded as battles). Lines
from index 986 on target the codebook's borderlines (``event_types_borders``): 986-1134
written first, 1135-1180 and 1181-1208 written after each round of its rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.extract.events.classify.crowds import mask_protest_topics
from sitroom.extract.events.classify.dominant import classify_string, classify_text
from sitroom.extract.events.classify.out_of_scope import resolve_crime, resolve_epidemic
from sitroom.extract.events.classify.weapons import resolve_blast, resolve_no_weapon
from sitroom.extract.events.taxonomy import OUT_OF_SCOPE, SUB_EVENT_TYPES, by_name

_OWN = Path(__file__).resolve().parents[3] / "data" / "event_types_own.jsonl"


def _own(held_out: bool) -> list[dict[str, str]]:
    with _OWN.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for i, r in enumerate(rows) if (i % 4 == 3) == held_out]


def test_own_examples_cover_every_sub_event_type() -> None:
    rows = _own(False) + _own(True)
    names = {r["sub_event_type"] for r in rows}
    assert names == {s.name for s in (*SUB_EVENT_TYPES, *OUT_OF_SCOPE)}
    assert all(by_name(r["sub_event_type"]).event_type == r["event_type"] for r in rows)


@pytest.mark.model
def test_held_out_own_examples(nlp: Language) -> None:
    held = _own(True)
    docs = list(nlp.pipe([r["text"] for r in held]))
    predicted = [classify_text(doc) for doc in docs]
    sub = sum(r["sub_event_type"] == s for r, (_, s) in zip(held, predicted, strict=True))
    etype = sum(r["event_type"] == e for r, (e, _) in zip(held, predicted, strict=True))
    # On the 302 held-out lines: 0.950 (287) / 0.974 (294), 0.927 / 0.954 before
    # event_types_borders (first 246 alone: 0.947 / 0.972). Earlier, on those 246:
    # sub-event 0.935 (230),
    # event type 0.959 (236) (0.927 / 0.951 before event_types_sides; 222 lines before
    # the 95 of index 891 on, written for the lead's ACLED confusions: clashes with heavy
    # weapons, plain harm to individuals, riots; all 95 scored 0.800 sub / 0.811 type
    # before that module). Earlier: 222 lines 0.928 (206) / 0.955 (212); the first 132
    # of them alone: 0.894 and 0.939 (0.886 and
    # 0.932 before the rules of event_types_codebook). (History: on the first 96 held-out lines,
    # written before the codebook rules of event_types_rules: 0.750 and 0.854 before
    # those rules, 0.906 and 0.948 after. Lines 530-780, written before
    # event_types_codebook, scored 0.805 sub / 0.841 type, all of them, before it; a
    # fresh 50 written after its first rules scored 0.840 / 0.860, and a fresh 32 after
    # its second round 0.844 / 0.844, and a last 28 after all rules 0.929 / 0.929,
    # each before the fixes it prompted.)
    # Floors leave about two examples of slack.
    assert sub / len(held) >= 0.943
    assert etype / len(held) >= 0.966


# Sentences written for these tests (not in the own data set), one per rule changed.
RULES: tuple[tuple[str, str], ...] = (
    # A generic blast belongs to the weapon named (ACLED codes by weapon).
    (
        "A mortar round exploded in the market, and the blast wounded four traders.",
        "ART_MISS_ATTACK",
    ),
    # An epidemic is the topic of a protest, not a natural disaster ...
    (
        "Hundreds of market women demonstrated in Accra against coronavirus restrictions"
        " during the pandemic.",
        "PEACE_PROTEST",
    ),
    # ... but still the event when nothing else happens.
    ("The coronavirus outbreak has spread to three more provinces.", "NATURAL_DISASTER"),
    # Territory: the actor decides, a state word inside a group's name is not the state,
    # and state forces with allied militias are still the state.
    (
        "Al-Shabaab fighters recaptured the town of Bulo Burde from Somali troops.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("Arakan Army fighters took control of the hilltop base.", "NON_STATE_ACTOR_OVERTAKES_TER"),
    ("The army and allied militias took control of the district centre.", "GOV_REGAINS_TERIT"),
    # Capturing people is not capturing territory.
    ("Soldiers captured three gunmen after a shootout in Zamfara.", "ARMED_CLASH"),
    ("Hundreds of relatives of captured soldiers rallied in the city on Monday.", "PEACE_PROTEST"),
    # Fighting that ends in a change of control is the territory sub-type.
    (
        "After two days of heavy fighting, government troops retook the town of Kidal"
        " from separatists.",
        "GOV_REGAINS_TERIT",
    ),
    (
        "Government troops withdrew and the rebels took over the town without a fight.",
        "NON_VIOL_TERRIT_TRANSFER",
    ),
    # Mob violence: unorganised people, sticks and stones, suspected thieves.
    ("Villagers beat a suspected cattle thief to death in Kenema.", "MOB_VIOL"),
    (
        "Two communities clashed with sticks and machetes over farmland, leaving four injured.",
        "MOB_VIOL",
    ),
    # A crowd that reports or witnesses an armed group's violence is not a mob.
    ("Residents said gunmen attacked the village and killed four farmers.", "ATTACK"),
    ("Villagers reported that militants beat a man to death near Kidal.", "ATTACK"),
    ("Youths who joined the militia attacked a village in Ituri.", "ATTACK"),
    # Attack vs clash: the victim is the object of the violence verb.
    ("On 4 May 2020, jihadists killed a village elder in Boni.", "ATTACK"),
    ("ISWAP militants killed two soldiers in an ambush near Damboa.", "ARMED_CLASH"),
    ("Gunmen executed three men accused of collaborating with the army.", "ATTACK"),
    # Remote violence that kills civilians is coded by its weapon.
    ("Artillery shelling killed four civilians in a village near Horlivka.", "ART_MISS_ATTACK"),
    # Destruction without harm to people.
    ("Gunmen burned down a primary school in Ndu overnight; no one was hurt.", "PROPERTY_DISTRUCT"),
    # A weapon defused is a disrupted weapon, not an IED attack.
    ("Police defused a landmine buried on the road to Beni.", "DISR_WEAP"),
    # Protests: no force, no intervention; force without lethality is intervention.
    (
        "Teachers rallied in Nairobi over pay arrears and the crowd dispersed peacefully.",
        "PEACE_PROTEST",
    ),
    ("Opposition supporters staged an unauthorised rally in Baku.", "PEACE_PROTEST"),
    ("Police dispersed the teachers' rally in Nairobi with batons.", "PROTEST_WITH_INTER"),
    ("Police shot dead two people at a peaceful march in Conakry.", "FORCE_AGAINST_PROTEST"),
    ("Protesters stormed the town hall and smashed windows.", "VIOL_DEMONSTR"),
    # Change to group/activity: curfews, lockdowns, states of emergency.
    ("Authorities imposed a dusk-to-dawn curfew in Jos after the unrest.", "CHANGE_TO_GROUP_ACT"),
    (
        "The government declared a state of emergency and a lockdown in the capital.",
        "CHANGE_TO_GROUP_ACT",
    ),
    (
        "Rebel forces said they had taken full control of the town of Nyala.",
        "NON_STATE_ACTOR_OVERTAKES_TER",
    ),
    ("Militants beheaded a farmer accused of informing for the army.", "ATTACK"),
    ("Soldiers were seen beating and kicking a detained student in Yangon.", "ATTACK"),
    ("A lawyer has not been seen since he was bundled into a car in Dhaka.", "ABDUCT_DISSAP"),
    # Property destroyed by a named remote weapon is that weapon's sub-type.
    ("Mortar fire hit the market at night and the explosions destroyed shops.", "ART_MISS_ATTACK"),
    # A device that went off and killed people was not disrupted.
    (
        "A landmine that farmers found in a field exploded as they moved it, killing two.",
        "REM_EXPLOS",
    ),
    # A curfew broken is the backdrop; beating people is the event.
    (
        "On 6 June 2020, police raided a bar in Kampala and beat patrons who were violating"
        " the curfew.",
        "ATTACK",
    ),
    # Forced disappearance described plainly.
    (
        "Security agents took away a student leader; his whereabouts remain unknown.",
        "ABDUCT_DISSAP",
    ),
    ("The rebels opened a new headquarters in the town.", "HQ_ESTABLISHED"),
    # The discovery of a mass grave is Other, not the killing itself.
    ("Investigators found a mass grave holding 30 bodies outside Kalemie.", "OTHER"),
    # Tear gas against a peaceful crowd is intervention, not a riot.
    ("Police fired tear gas at peaceful marchers in Lilongwe.", "PROTEST_WITH_INTER"),
    ("A journalist was seized by unknown men in Juba and has been missing since.", "ABDUCT_DISSAP"),
    ("Soldiers assaulted a shopkeeper in Goma for staying open late.", "ATTACK"),
    ("Engineers found and destroyed two IEDs on the road to Ansongo.", "DISR_WEAP"),
    # A non-state cue ("fighters ... seized") with the state as actor is the state's gain.
    (
        "Government troops and allied fighters seized the village of Tal Hamid, state media said.",
        "GOV_REGAINS_TERIT",
    ),
    # Mortars inside a clash report: both sides fight, so a clash.
    (
        "Troops repelled a militant assault on their base in Kidal, where mortars were fired.",
        "ARMED_CLASH",
    ),
    # "Riot police" are police, not a riot.
    ("Riot police broke up a sit-in by nurses in Abuja with batons.", "PROTEST_WITH_INTER"),
    # A place handed over is a non-violent transfer.
    (
        "The militia handed the airport over to the national army after talks.",
        "NON_VIOL_TERRIT_TRANSFER",
    ),
    # Victims the codebook treats as civilians: families, former and off-duty personnel.
    ("Gunmen shot a couple outside their home in Jos.", "ATTACK"),
    ("Gunmen killed an off-duty police officer at a market in Kano.", "ATTACK"),
    # Out-of-scope (CASE 2021): crime arrests, pests, road accidents, ministers' talks.
    ("Police arrested two men smuggling heroin across the border at Torkham.", "ORG_CRIME"),
    ("Locusts devastated crops across Somaliland this month.", "NATURAL_DISASTER"),
    ("A minibus plunged into a river in Ethiopia, killing nine passengers.", "MAN_MADE_DISASTER"),
    ("The foreign minister met his Saudi counterpart in Riyadh.", "DIPLO"),
    # A text that says no fighting took place reports the movement, not a clash.
    ("Troops were deployed to Kidal on Friday; no clashes were reported.", "CHANGE_TO_GROUP_ACT"),
    # A repelled assault changed no control.
    ("Insurgents stormed an army base in Borno but troops repelled them.", "ARMED_CLASH"),
    # Burning homes and killing their owners is an Attack, not looting.
    ("Militiamen set fire to homes and killed four villagers in Ituri.", "ATTACK"),
    # Fire in both directions is a clash even with heavy weapons.
    ("Government forces and rebels traded artillery fire near Kadugli.", "ARMED_CLASH"),
    ("Soldiers shelled rebel positions near Kadugli and the rebels returned fire.", "ARMED_CLASH"),
    # Rioters turning on the police are a violent demonstration, not a mob.
    ("Youths threw stones at police after a driver died at a checkpoint.", "VIOL_DEMONSTR"),
    # Unorganised communal fighting is mob violence.
    ("Fighting between two clans over a well killed five people in Mudug.", "MOB_VIOL"),
    # What a protest is about is its topic, not the event.
    ("Students rallied against the abduction of their classmates.", "PEACE_PROTEST"),
    ("Hundreds marched in Idlib to mourn the victims of the airstrike.", "PEACE_PROTEST"),
    # A claim added after the attack is a footnote to it.
    (
        "A car bomb exploded near a checkpoint in Mogadishu; Al-Shabaab later claimed"
        " responsibility.",
        "REM_EXPLOS",
    ),
    # Cue words written from the codebook for the sub-types our examples missed.
    ("Rebels established a checkpoint on the road to Bria.", "HQ_ESTABLISHED"),
    ("Soldiers shot at demonstrators in Bamako, killing three.", "FORCE_AGAINST_PROTEST"),
    ("Unknown assailants stabbed a shopkeeper in Mombasa.", "ATTACK"),
    ("Deminers cleared a minefield near Sirte.", "DISR_WEAP"),
    ("Militants fired rocket-propelled grenades at a police post.", "ART_MISS_ATTACK"),
    ("Fans rioted after the match in Algiers.", "VIOL_DEMONSTR"),
    ("A fuel truck exploded after overturning near Kaduna, killing two.", "MAN_MADE_DISASTER"),
    # Capturing people and weapons is not capturing territory.
    ("Soldiers captured four insurgents and seized rifles near Damboa.", "DISR_WEAP"),
    # Victims read from the object of the violence verb (no article needed).
    ("Police shot dead a motorcycle rider at a checkpoint in Kampala.", "ATTACK"),
    ("Police whipped vendors in Lagos.", "ATTACK"),
    # Negated fighting at a clause end; movements; named party militias are organised.
    ("Rebels left the town and moved towards the hills. No fighting.", "CHANGE_TO_GROUP_ACT"),
    ("Youths of two neighbouring villages fought with machetes in Enugu.", "MOB_VIOL"),
    ("Imbonerakure members beat a farmer in Ngozi.", "ATTACK"),
    ("The army moved three battalions to the frontier.", "CHANGE_TO_GROUP_ACT"),
    # Mob violence against a suspected witch; dispersing a crowd; claims and crime.
    ("Residents burned the home of an elderly woman suspected of witchcraft in Tanga.", "MOB_VIOL"),
    (
        "Police fired tear gas to disperse supporters gathered outside the court.",
        "PROTEST_WITH_INTER",
    ),
    ("The government blamed al-Shabaab fighters for the attack.", "ATTRIB"),
    ("Customs officers seized a consignment of cannabis and arrested the driver.", "ORG_CRIME"),
    ("The company's accountant was charged with embezzling funds.", "ORG_CRIME"),
    # Two-sided fighting with heavy weapons is a clash; a one-sided mortaring is shelling.
    (
        "Heavy fighting with mortars and artillery raged between the two rebel factions"
        " near Bossangoa.",
        "ARMED_CLASH",
    ),
    ("Rebels and the army engaged with heavy weapons outside Kalehe.", "ARMED_CLASH"),
    ("The two armies exchanged artillery shelling along the border.", "ARMED_CLASH"),
    ("Insurgents mortared a police base near Palma overnight.", "ART_MISS_ATTACK"),
    # A single civilian shot and injured by soldiers; homes of civilians burned by a militia.
    ("Soldiers shot and injured a villager near Paletwa.", "ATTACK"),
    ("A militia burned houses of displaced farmers in Djugu.", "ATTACK"),
    # A crowd wrecking police property is a violent demonstration even with no protest word.
    ("Angry traders stoned a police car and blocked the main road in Onitsha.", "VIOL_DEMONSTR"),
)


@pytest.mark.parametrize(("text", "code"), RULES)
def test_codebook_rules(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_blast_goes_to_the_named_weapon_or_to_ieds() -> None:
    named = {"_BLAST": 1.0, "ART_MISS_ATTACK": 2.0}
    resolve_blast(named, "")
    assert named == {"ART_MISS_ATTACK": 3.0}
    bare = {"_BLAST": 1.0}
    resolve_blast(bare, "")
    assert bare == {"REM_EXPLOS": 1.0}


def test_epidemic_is_dropped_as_a_topic() -> None:
    topic = {"_EPIDEMIC": 3.0, "PEACE_PROTEST": 3.0}
    resolve_epidemic(topic, "")
    assert topic == {"PEACE_PROTEST": 3.0}
    event = {"_EPIDEMIC": 3.0}
    resolve_epidemic(event, "")
    assert event == {"NATURAL_DISASTER": 3.0}


def test_protest_topic_is_dropped_and_lead_moves() -> None:
    text = "Women marched against the killing of a trader. Police watched."
    masked, lead = mask_protest_topics(text, text.index("Police"))
    assert "killing" not in masked
    assert masked[lead:] == "Police watched."
    # What the crowd did after its topic is kept.
    kept, _ = mask_protest_topics("Youths protesting the death of a boy burned a police post.")
    assert "burned a police post" in kept


def test_crime_arrest_counts_half_unless_political() -> None:
    crime = {"ORG_CRIME": 4.5, "ARREST": 4.5}
    resolve_crime(crime, "police arrested two men for smuggling heroin.")
    assert crime == {"ORG_CRIME": 4.5, "ARREST": 2.25}
    political = {"ORG_CRIME": 4.5, "ARREST": 4.5}
    resolve_crime(political, "police arrested two militants for smuggling weapons.")
    assert political["ARREST"] == 4.5


def test_disrupted_weapons_use_needs_a_weapon() -> None:
    migrants = {"DISR_WEAP": 4.5, "ORG_CRIME": 3.0}
    resolve_no_weapon(migrants, "coast guards intercepted a boat carrying 40 migrants.")
    assert migrants["DISR_WEAP"] == 2.25
    rifles = {"DISR_WEAP": 4.5}
    resolve_no_weapon(rifles, "police intercepted a lorry carrying rifles.")
    assert rifles["DISR_WEAP"] == 4.5
