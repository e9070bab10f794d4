"""Whether a unit points back at an incident the report has already told.

News tells an incident across sentences: the lead says what happened, later
sentences say "the attack on Kawuri began before dawn", "this precision airstrike
killed three militants", "the militants killed hundreds of people in those
attacks", "among the four killed were police officers", "there were no casualties
reported", "1 soldier was also killed by a sniper in the area". Each of these refers
to the incident by a definite or demonstrative event noun, a definite toll, the
incident's place ("in the area") or "also", or gives a toll with no event of its
own; assembly
(``assemble.incidents``) joins such a unit to the incident instead of coding it
again or losing it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "Sunday's ambush", "Friday night's bombing": a possessive day names a known incident.
_DAY_POSSESSIVE = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|night|yesterday", re.I)
# "among the four killed", "the 20 victims", "the dead included": a toll of victims
# the report has already counted.
_DEFINITE_TOLL = re.compile(
    r"\b(?:among|of) the (?:[\w-]+ )?(?:killed|dead|victims|wounded)\b|"
    r"\bthe (?:[\w-]+ )?(?:victims|dead)\b|"
    r"\bno (?:casualties|fatalities|deaths|injuries)\b|\bno one was (?:killed|hurt|injured)\b",
    re.IGNORECASE,
)


# "1 soldier was also killed by a sniper in the area": the place of the incident told.
_PLACE_BACK = re.compile(
    r"\b(?:in|near|around) the (?:same )?area\b|"
    r"\b(?:was|were) also (?:killed|wounded|injured|shot|hurt)\b",
    re.IGNORECASE,
)


def refers_back(token: Token) -> bool:
    """Whether an event noun is definite: "the attack", "this airstrike", "Sunday's blast"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    for child in token.children:
        if child.dep_ == "det" and child.lower_ in _DEFINITE:
            return True
        if child.dep_ == "poss" and _DAY_POSSESSIVE.fullmatch(child.lower_):
            return True
    return False


# "Minutes after the explosions, gunmen opened fire on the convoy": an incident
# placed in time against the one told is a new one.
_SEQUENCE_PREPS = frozenset({"after", "before", "since", "following", "until"})


def points_back(unit: Span, chosen: Token | None, others: list[Token]) -> bool:
    """Whether the unit tells more of an incident already told (see the module docstring).

    The unit's own event word decides ("this precision airstrike killed ..."); an
    indefinite one ("a small arms attack") is a new incident, whatever else the
    unit mentions, unless it is a verb whose clause names the incident by a definite
    noun ("the militants killed hundreds of people in those attacks").
    """
    if _DEFINITE_TOLL.search(unit.text) or _PLACE_BACK.search(unit.text):
        return True
    if chosen is None:
        return False
    if refers_back(chosen):
        return True
    if chosen.pos_ in ("NOUN", "PROPN"):
        return False
    clause = chosen
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head  # "killed ... in those attacks and burned down homes"
    return any(
        refers_back(t) and t in clause.subtree and not _after(t, clause)
        for t in others
        if t != chosen
    )


def _after(token: Token, clause: Token) -> bool:
    node = token
    while node != clause and node.head != node:
        if node.dep_ == "prep" and node.lower_ in _SEQUENCE_PREPS:
            return True
        node = node.head
    return False
