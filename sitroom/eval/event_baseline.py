"""The keyword baseline: the simplest honest dictionary coder of ACLED sub-event types.

Each sub-event type gets the few words that name it in ACLED's own sub-event
names and definitions (no tuning on any data); the first type, in taxonomy
order, with a word in the text wins; a text with none is "OTHER". Deaths are
the first number directly before "killed" or "dead", else 0. It is the
yardstick the gain of ``sitroom.extract.events.extract`` is measured against.
"""

from __future__ import annotations

import re

from sitroom.extract import by_code

_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ARMED_CLASH", ("clash", "battle", "fighting")),
    ("GOV_REGAINS_TERIT", ("regain", "recapture")),
    ("NON_STATE_ACTOR_OVERTAKES_TER", ("overtake", "took over")),
    ("CHEM_WEAP", ("chemical", "gas")),
    ("AIR_STRIKE", ("airstrike", "air strike", "drone")),
    ("SUIC_BOMB", ("suicide",)),
    ("ART_MISS_ATTACK", ("shelling", "artillery", "missile")),
    ("REM_EXPLOS", ("landmine", "ied", "explosive")),
    ("GRENADE", ("grenade",)),
    ("SEX_VIOL", ("rape", "sexual")),
    ("ATTACK", ("attack", "killed")),
    ("ABDUCT_DISSAP", ("abduct", "kidnap", "disappear")),
    ("PEACE_PROTEST", ("protest", "demonstrat")),
    ("PROTEST_WITH_INTER", ("dispersed",)),
    ("FORCE_AGAINST_PROTEST", ("excessive force",)),
    ("VIOL_DEMONSTR", ("riot", "violent demonstration")),
    ("MOB_VIOL", ("mob",)),
    ("AGREEMENT", ("agreement", "ceasefire")),
    ("ARREST", ("arrest",)),
    ("CHANGE_TO_GROUP_ACT", ("defect", "withdraw")),
    ("DISR_WEAP", ("weapons", "defused")),
    ("HQ_ESTABLISHED", ("headquarters", "base")),
    ("PROPERTY_DISTRUCT", ("looting", "destruction")),
    ("NON_VIOL_TERRIT_TRANSFER", ("transfer of territory",)),
    ("ORG_CRIME", ("crime", "robbery", "drug")),
    ("NATURAL_DISASTER", ("earthquake", "flood")),
    ("MAN_MADE_DISASTER", ("accident", "crash")),
    ("DIPLO", ("sanction", "diplomat")),
    ("ATTRIB", ("responsibility",)),
)
_COMPILED = tuple(
    (code, re.compile("|".join(re.escape(w) for w in words))) for code, words in _KEYWORDS
)
_DEATHS = re.compile(r"\b(\d+) (?:\w+ ){0,2}?(?:were |was )?(?:killed|dead)\b", re.IGNORECASE)


def baseline_code(text: str) -> str:
    """The CASE code of the first keyword class found in ``text``."""
    lowered = text.lower()
    for code, pattern in _COMPILED:
        if pattern.search(lowered):
            return code
    return "OTHER"


def baseline_types(text: str) -> tuple[str, str]:
    """(event_type, sub_event_type) in ACLED names."""
    sub = by_code(baseline_code(text))
    return sub.event_type, sub.name


def baseline_deaths(text: str) -> int:
    match = _DEATHS.search(text)
    return int(match.group(1)) if match else 0
