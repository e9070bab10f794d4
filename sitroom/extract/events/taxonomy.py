"""ACLED's event taxonomy: 6 event types, 25 sub-event types, with definitions.

Definitions paraphrase the ACLED codebook (2019+). ``code`` is the short label
used by the CASE 2021 task 2 data (e.g. ``AIR_STRIKE``); ``plover`` is the
nearest PLOVER event type (Halterman et al.), a mapping column for users who
work in that ontology. ``OUT_OF_SCOPE`` lists the CASE "unseen" types: they are
not ACLED events, and the extractor never emits them, but the document
classifier can name them so that a text about an earthquake is not forced into
an ACLED type.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
NOT_ACLED = "Not an ACLED event"

EVENT_TYPES: tuple[str, ...] = (BATTLES, EXPLOSIONS, VAC, PROTESTS, RIOTS, STRATEGIC)


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    code: str
    definition: str
    plover: str | None = None


SUB_EVENT_TYPES: tuple[SubEventType, ...] = (
    SubEventType(
        "Armed clash",
        BATTLES,
        "ARMED_CLASH",
        "Armed, organised groups engage in a battle; no side regains territory.",
        "FIGHT",
    ),
    SubEventType(
        "Government regains territory",
        BATTLES,
        "GOV_REGAINS_TERIT",
        "State forces or their affiliates win control of a location from a non-state group "
        "(capturing people or weapons is not territory).",
        "FIGHT",
    ),
    SubEventType(
        "Non-state actor overtakes territory",
        BATTLES,
        "NON_STATE_ACTOR_OVERTAKES_TER",
        "A non-state group takes a location from the government or another group by force.",
        "FIGHT",
    ),
    SubEventType(
        "Chemical weapon",
        EXPLOSIONS,
        "CHEM_WEAP",
        "Use of chemical weapons (chlorine, sarin, poison gas) in warfare.",
        "ATTACK",
    ),
    SubEventType(
        "Air/drone strike",
        EXPLOSIONS,
        "AIR_STRIKE",
        "Air or drone attacks: aircraft, helicopters, drones dropping or firing munitions.",
        "ATTACK",
    ),
    SubEventType(
        "Suicide bomb",
        EXPLOSIONS,
        "SUIC_BOMB",
        "A bomb attack in which the attacker dies: vest, car or truck bombs.",
        "ATTACK",
    ),
    SubEventType(
        "Shelling/artillery/missile attack",
        EXPLOSIONS,
        "ART_MISS_ATTACK",
        "Long-range artillery, mortars, rockets or missiles fired from the ground or sea.",
        "ATTACK",
    ),
    SubEventType(
        "Remote explosive/landmine/IED",
        EXPLOSIONS,
        "REM_EXPLOS",
        "Detonation of remotely or victim-activated devices: IEDs, landmines, car bombs.",
        "ATTACK",
    ),
    SubEventType(
        "Grenade",
        EXPLOSIONS,
        "GRENADE",
        "A grenade or similar hand-thrown explosive used in an attack.",
        "ATTACK",
    ),
    SubEventType(
        "Sexual violence",
        VAC,
        "SEX_VIOL",
        "Rape or other sexual violence by an organised armed group, or politically motivated.",
        "ATTACK",
    ),
    SubEventType(
        "Attack",
        VAC,
        "ATTACK",
        "An organised group or mob attacks unarmed civilians (killings, shootings, beatings).",
        "ATTACK",
    ),
    SubEventType(
        "Abduction/forced disappearance",
        VAC,
        "ABDUCT_DISSAP",
        "Kidnapping, abduction or forced disappearance of civilians by an organised group.",
        "ATTACK",
    ),
    SubEventType(
        "Peaceful protest",
        PROTESTS,
        "PEACE_PROTEST",
        "Demonstrators gather non-violently and are not met with force.",
        "PROTEST",
    ),
    SubEventType(
        "Protest with intervention",
        PROTESTS,
        "PROTEST_WITH_INTER",
        "A peaceful protest that authorities physically disperse or arrest, without lethal "
        "force; police merely present is no intervention.",
        "PROTEST",
    ),
    SubEventType(
        "Excessive force against protesters",
        PROTESTS,
        "FORCE_AGAINST_PROTEST",
        "Lethal or seriously injuring force used against peaceful protesters.",
        "PROTEST",
    ),
    SubEventType(
        "Violent demonstration",
        RIOTS,
        "VIOL_DEMONSTR",
        "Demonstrators engage in violence or vandalism (stones, arson, clashes with police).",
        "RIOT",
    ),
    SubEventType(
        "Mob violence",
        RIOTS,
        "MOB_VIOL",
        "An unorganised violent group (mob, vigilantes, villagers, rival communities with sticks "
        "and stones) attacks others.",
        "RIOT",
    ),
    SubEventType(
        "Agreement",
        STRATEGIC,
        "AGREEMENT",
        "Ceasefires, peace talks, prisoner exchanges or other agreements between actors.",
        "AGREE",
    ),
    SubEventType(
        "Arrests",
        STRATEGIC,
        "ARREST",
        "Arrests or detentions of significance (politicians, activists, group members).",
        "COERCE",
    ),
    SubEventType(
        "Change to group/activity",
        STRATEGIC,
        "CHANGE_TO_GROUP_ACT",
        "Defections, mergers, deployments, withdrawals, curfews and lockdowns imposed or "
        "enforced, bans and other changes to a group or its activity.",
        "MOBILIZE",
    ),
    SubEventType(
        "Disrupted weapons use",
        STRATEGIC,
        "DISR_WEAP",
        "Weapons seized or caches found, bombs defused, missiles intercepted.",
        "SEIZE",
    ),
    SubEventType(
        "Headquarters or base established",
        STRATEGIC,
        "HQ_ESTABLISHED",
        "An actor establishes a base, headquarters or observation post.",
        "MOBILIZE",
    ),
    SubEventType(
        "Looting/property destruction",
        STRATEGIC,
        "PROPERTY_DISTRUCT",
        "Looting, arson or destruction of property without violence against people.",
        "SEIZE",
    ),
    SubEventType(
        "Non-violent transfer of territory",
        STRATEGIC,
        "NON_VIOL_TERRIT_TRANSFER",
        "Territory changes hands without fighting (withdrawals, handovers).",
        "SEIZE",
    ),
    SubEventType(
        "Other",
        STRATEGIC,
        "OTHER",
        "A significant development that fits no other sub-event type.",
        None,
    ),
)

# CASE 2021's "unseen" types (not ACLED): classified so they are not forced into ACLED types.
OUT_OF_SCOPE: tuple[SubEventType, ...] = (
    SubEventType(
        "Organized crime",
        NOT_ACLED,
        "ORG_CRIME",
        "Robbery, smuggling, fraud, drug and trafficking crime.",
        None,
    ),
    SubEventType(
        "Natural disaster",
        NOT_ACLED,
        "NATURAL_DISASTER",
        "Earthquakes, floods, storms, fires and epidemics.",
        None,
    ),
    SubEventType(
        "Man-made disaster",
        NOT_ACLED,
        "MAN_MADE_DISASTER",
        "Industrial accidents, crashes, leaks and explosions without an attacker.",
        None,
    ),
    SubEventType(
        "Diplomatic action",
        NOT_ACLED,
        "DIPLO",
        "Sanctions, expulsions of diplomats, severed ties.",
        "SANCTION",
    ),
    SubEventType(
        "Attribution of responsibility",
        NOT_ACLED,
        "ATTRIB",
        "Claims, accusations or denials of responsibility for an attack.",
        None,
    ),
)

_BY_CODE = {s.code: s for s in (*SUB_EVENT_TYPES, *OUT_OF_SCOPE)}
_BY_NAME = {s.name: s for s in (*SUB_EVENT_TYPES, *OUT_OF_SCOPE)}


def by_code(code: str) -> SubEventType:
    """The sub-event type with CASE code ``code`` (KeyError if unknown)."""
    return _BY_CODE[code]


def by_name(name: str) -> SubEventType:
    """The sub-event type named ``name`` as ACLED writes it (KeyError if unknown)."""
    return _BY_NAME[name]


def is_acled(code: str) -> bool:
    return _BY_CODE[code].event_type != NOT_ACLED
