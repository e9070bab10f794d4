"""Codebook rules for crowds, gangs and exchanges of fire, as ACLED notes word them.

Written from the ACLED codebook and checked on probe notes we wrote in ACLED's note
style ("On 29 May 2020, demonstrators in Minneapolis set fire to a police precinct
...", "police exchanged fire with CJNG gunmen ...") and on the CASE 2021 task 2
development rows (index mod 10 in {0, 1, 2}); never on ACLED, GTD or held-out rows.
"""

from __future__ import annotations

import re

from sitroom.extract.event_scores import outrank
from sitroom.extract.event_types_borders import PROTEST_IS_EVENT

_PROTEST_FAMILY = ("PEACE_PROTEST", "VIOL_DEMONSTR", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST")

# Codebook (Violent demonstration): demonstrators who burn, loot or vandalise are a
# violent demonstration; Looting/property destruction is destruction by others.
_CROWD_DESTROYS = re.compile(
    r"\b(?:protesters|demonstrators|crowds?|marchers)\b[^.;]{0,60}?"
    r"\b(?:set fire|set ablaze|torched|burn(?:ed|t)|loot(?:ed|ing)|vandali[sz]ed|smashed"
    r"|ransacked)\b"
)


def resolve_destructive_crowd(scores: dict[str, float], lowered: str) -> None:
    """In a protest report, the crowd's own destruction outranks looting/destruction."""
    destruction = scores.get("PROPERTY_DISTRUCT", 0.0)
    # The protest score may already sit on its sub-type (``event_classify._resolve_protest``).
    protest = max(scores.get(code, 0.0) for code in _PROTEST_FAMILY)
    if not destruction or protest < PROTEST_IS_EVENT:
        return
    if _CROWD_DESTROYS.search(lowered):
        outrank(scores, "VIOL_DEMONSTR", destruction)


# Codebook (Armed clash): an exchange of fire has two armed sides, the police
# included ("police exchanged fire with gunmen"), whoever died.
_EXCHANGE_OF_FIRE = re.compile(
    r"\b(?:exchanged|traded|exchanging|trading) (?:heavy |intense )?(?:fire|gunfire|shots)\b"
    r"|\bshoot-?outs?\b|\bgun ?battles?\b|\bgunfights?\b|\bfirefights?\b"
)


def resolve_exchange_of_fire(scores: dict[str, float], lowered: str) -> None:
    """Mutual fire outranks an attack reading (+0.5, as in the other rules)."""
    attack = scores.get("ATTACK", 0.0)
    if attack and attack >= scores.get("ARMED_CLASH", 0.0) and _EXCHANGE_OF_FIRE.search(lowered):
        outrank(scores, "ARMED_CLASH", attack)


# ACLED codes gang and cartel killings of people as violence (Attack); CASE's
# "organized crime" is the trade itself (drugs, smuggling, theft).
_KILLED_PEOPLE = re.compile(
    # "killed a pastor", "shot dead two men": whoever the object is, people died.
    r"\b(?:killed|killing|shot dead|shooting dead|gunned down|murdered|murdering|executed"
    r"|beheaded)\s"
    r"(?:a|an|the|two|three|four|five|six|several|\d+)\s"
    r"|\b(?:bodies|body) of\b"
)


# Armed groups fighting over a trade ("guerrillas and dissidents fought for control of
# drug routes") are a battle: the trade is the stake.
_GROUPS_FOUGHT = re.compile(r"\b(?:fought|clashed|battled)\b|\bshoot-?outs?\b|\bgun ?battles?\b")


def resolve_gang_killing(scores: dict[str, float], lowered: str) -> None:
    """Killing people, or armed groups fighting, outranks the crime reading (+0.5)."""
    crime = scores.get("ORG_CRIME", 0.0)
    if not crime:
        return
    if _KILLED_PEOPLE.search(lowered):
        outrank(scores, "ATTACK", crime)
    if "ARMED_CLASH" in scores and _GROUPS_FOUGHT.search(lowered):
        outrank(scores, "ARMED_CLASH", crime)


# ACLED: an armed group's own measures against an epidemic (a campaign, a quarantine,
# a ban) are a strategic development; the epidemic is their topic, not a disaster event.
_ARMED_GROUP_ACTS = re.compile(
    r"\b(?:taliban|al[- ]shabaa?b|houthis?|isis|iswap|boko haram|militants|rebels|insurgents"
    r"|armed groups?|militias?)\b[^.;]{0,40}?\b(?:launched|imposed|announced|distributed"
    r"|banned|ordered|set up|established|opened|organi[sz]ed|declared|closed|shut"
    r"|suspended|restricted|enforced|quarantined)\b"
)


def resolve_armed_group_measures(scores: dict[str, float], lowered: str) -> None:
    """An armed group acting on an epidemic outranks the disaster reading (+0.5)."""
    disaster = scores.get("NATURAL_DISASTER", 0.0)
    if disaster and _ARMED_GROUP_ACTS.search(lowered):
        outrank(scores, "CHANGE_TO_GROUP_ACT", disaster)


# Codebook (Mob violence): party supporters or fans attacking each other, with no
# demonstration named, are rioters, not demonstrators ("TMC supporters attacked BJP
# workers"). Relatives attacking a hospital's staff are a mob too.
# Only against each other: supporters who attack the police or an office are a violent
# demonstration in our own lines ("supporters ... vandalised the electoral commission").
_PARTISANS = re.compile(
    r"\b(?:supporters|fans|cadres|workers|activists)\b[^.;]{0,60}?\b(?:attacked|beat"
    r"|assaulted|clashed with|fought(?: with)?)\s(?:[\w-]+\s){0,3}?(?:supporters|workers"
    r"|members|activists|cadres|fans)\b"
    r"|\b(?:supporters|fans|members|workers) of (?:the )?(?:two )?rival"
    r"|\b(?:supporters|fans|members|workers) of [\w-]+ and [\w-]+ clashed"
)
_DEMONSTRATION = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|march(?:ed|es|ing)?|rall(?:y|ied|ies)|sit-ins?|strike)\b"
)
_RELATIVES_ATTACK = re.compile(
    r"\b(?:relatives|family members|attendants|kin)\s+of\s+(?:a|an|the)\s+(?:[\w-]+\s){1,4}?"
    r"(?:attacked|beat|assaulted|thrashed|manhandled|vandali[sz]ed)\b"
)


def resolve_partisan_violence(scores: dict[str, float], lowered: str) -> None:
    """Supporters' violence with no demonstration, or relatives attacking staff, is Mob
    violence (+0.5 over what the crowd words made it)."""
    if _RELATIVES_ATTACK.search(lowered):
        rival = max(scores.get("ATTACK", 0.0), scores.get("VIOL_DEMONSTR", 0.0))
        outrank(scores, "MOB_VIOL", rival)
        return
    violent = scores.get("VIOL_DEMONSTR", 0.0)
    if violent and _PARTISANS.search(lowered) and not _DEMONSTRATION.search(lowered):
        outrank(scores, "MOB_VIOL", violent)


__all__ = [
    "resolve_armed_group_measures",
    "resolve_destructive_crowd",
    "resolve_exchange_of_fire",
    "resolve_gang_killing",
    "resolve_partisan_violence",
]
