"""Document classification on our own written examples, and one test per ACLED rule.

``tests/data/event_types_own.jsonl`` holds short reports and ACLED-note-style lines
that we wrote from the ACLED codebook definitions (no benchmark row was copied or
paraphrased). Every 4th line (0-based index mod 4 == 3) is held out: rules were
tuned on the other lines only, and the held-out lines check generalisation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.extract.event_classify import classify_string, classify_text
from sitroom.extract.event_types_rules import resolve_blast, resolve_epidemic
from sitroom.extract.taxonomy import SUB_EVENT_TYPES, by_name
from sitroom.nlp import get_nlp

_OWN = Path(__file__).parent / "data" / "event_types_own.jsonl"


def _own(held_out: bool) -> list[dict[str, str]]:
    with _OWN.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for i, r in enumerate(rows) if (i % 4 == 3) == held_out]


def test_own_examples_cover_every_sub_event_type() -> None:
    rows = _own(False) + _own(True)
    assert {r["sub_event_type"] for r in rows} == {s.name for s in SUB_EVENT_TYPES}
    assert all(by_name(r["sub_event_type"]).event_type == r["event_type"] for r in rows)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_nlp()


@pytest.mark.model
def test_held_out_own_examples(nlp: Language) -> None:
    held = _own(True)
    docs = list(nlp.pipe([r["text"] for r in held]))
    predicted = [classify_text(doc) for doc in docs]
    sub = sum(r["sub_event_type"] == s for r, (_, s) in zip(held, predicted, strict=True))
    etype = sum(r["event_type"] == e for r, (e, _) in zip(held, predicted, strict=True))
    # Measured on the 132 held-out lines with classify_text: sub-event 0.886, event type
    # 0.932. (On the first 96 held-out lines, written before the codebook rules of
    # event_types_rules: 0.750 and 0.854 before those rules, 0.906 and 0.948 after; on
    # the last 12, written after the rules and never tuned on: 0.750 and 0.833.)
    # Floors leave about two examples of slack.
    assert sub / len(held) >= 0.87
    assert etype / len(held) >= 0.91


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
)


@pytest.mark.parametrize(("text", "code"), RULES)
def test_codebook_rules(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_blast_goes_to_the_named_weapon_or_to_ieds() -> None:
    named = {"_BLAST": 1.0, "ART_MISS_ATTACK": 2.0}
    resolve_blast(named)
    assert named == {"ART_MISS_ATTACK": 3.0}
    bare = {"_BLAST": 1.0}
    resolve_blast(bare)
    assert bare == {"REM_EXPLOS": 1.0}


def test_epidemic_is_dropped_as_a_topic() -> None:
    topic = {"_EPIDEMIC": 3.0, "PEACE_PROTEST": 3.0}
    resolve_epidemic(topic)
    assert topic == {"PEACE_PROTEST": 3.0}
    event = {"_EPIDEMIC": 3.0}
    resolve_epidemic(event)
    assert event == {"NATURAL_DISASTER": 3.0}
