"""Out of scope ("unseen" in CASE 2021): crime, disasters, epidemics, diplomacy, claims.

These are not ACLED events; ``dominant`` names them only when they clearly outweigh
every ACLED cue, so that a text about an earthquake is not forced into an ACLED type.
The cues below are scored with the others; the rules decide when an ACLED reading
wins over them after all (an armed group acting on an epidemic, a gang killing
people) and when they are only the topic (a disaster a crowd protests). The weights
were tuned on the CASE 2021 task 2 development rows (index mod 10 in {0, 1, 2})
only; the "accused" cue was narrowed after our own written examples showed it
misfiring. How the rules were chosen: see ``classify/__init__``.
"""

from __future__ import annotations

import re

from sitroom.extract.events.classify.crowds import PROTEST_IS_EVENT
from sitroom.extract.events.classify.groups import NAMED_GROUPS
from sitroom.extract.events.classify.scores import outrank
from sitroom.extract.events.taxonomy import SUB_EVENT_TYPES

_ACLED_CODES = frozenset(s.code for s in SUB_EVENT_TYPES)


# An ACLED cue this strong means the text reports an ACLED event (one protest word in
# the lead scores 3); an epidemic is then its topic ("protest over COVID rules").
_EPIDEMIC_IS_TOPIC = 3.0


def resolve_epidemic(scores: dict[str, float], lowered: str) -> None:
    """An epidemic is a Natural disaster only when no ACLED reading is strong (scores only)."""
    epidemic = scores.pop("_EPIDEMIC", 0.0)
    if epidemic == 0.0:
        return
    acled = [s for code, s in scores.items() if code in _ACLED_CODES]
    if max(acled, default=0.0) < _EPIDEMIC_IS_TOPIC:
        scores["NATURAL_DISASTER"] = scores.get("NATURAL_DISASTER", 0.0) + epidemic


# Offences of ordinary crime (CASE 2021 "organized crime"); ACLED's Arrests sub-type is
# for politically significant arrests, so an arrest for one of these is not an event.
_CRIME = re.compile(
    r"\bsmuggl|\btraffick|\b(?:de)?fraud|\bembezzl|\bdrugs?\b|\bheroin\b|\bcocaine\b|\bopium\b"
    r"|\bnarcotic|\bmethamphetamine|\bcounterfeit|\bracket\b|\bmoney laundering|\brobber"
    r"|\bcartels?\b|\billegal mining|\bpoach|\bcannabis\b"
)


# Political or armed actors: with one of these named, an arrest stays an ACLED arrest.
_POLITICAL = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|separatists?|militias?|fighters?"
    r"|terrorists?|opposition|activists?|journalists?|protesters|demonstrators|politicians?"
    r"|party|leaders?|commanders?|members of|suspected of links|sedition|treason)\b"
)


def resolve_crime(scores: dict[str, float], lowered: str) -> None:
    """An arrest for smuggling, drugs or fraud with no political actor named is organised
    crime: the ACLED arrest cue counts half."""
    if "ORG_CRIME" not in scores or not _CRIME.search(lowered):
        return
    if "ARREST" in scores and not _POLITICAL.search(lowered):
        scores["ARREST"] /= 2


def resolve_disaster_topic(scores: dict[str, float], lowered: str) -> None:
    """In a protest report the disaster counts half (it is what the crowd protests), and so
    does diplomacy: a crowd outside an embassy is a protest, not a diplomatic event."""
    if scores.get("PEACE_PROTEST", 0.0) < PROTEST_IS_EVENT:
        return
    for topic in ("NATURAL_DISASTER", "DIPLO"):
        if topic in scores:
            scores[topic] /= 2


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
    r"\b(?:" + NAMED_GROUPS + r"|militants|rebels|insurgents|armed groups?|militias?)\b[^.;]{0,40}?"
    r"\b(?:launched|imposed|announced|distributed"
    r"|banned|ordered|set up|established|opened|organi[sz]ed|declared|closed|shut"
    r"|suspended|restricted|enforced|quarantined)\b"
)


def resolve_armed_group_measures(scores: dict[str, float], lowered: str) -> None:
    """An armed group acting on an epidemic outranks the disaster reading (+0.5)."""
    disaster = scores.get("NATURAL_DISASTER", 0.0)
    if disaster and _ARMED_GROUP_ACTS.search(lowered):
        outrank(scores, "CHANGE_TO_GROUP_ACT", disaster)
