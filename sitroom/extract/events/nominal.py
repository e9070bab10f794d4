"""Incidents told by a noun phrase or a passive, and places taken or power seized.

A report often names an incident without a verb of its own: "The death toll from
Sunday's assault on a hotel in Somalia's capital has risen to 15", "tensions could
escalate after Monday's rocket attack in Erbil which killed a foreign contractor",
"condemns the bombing of the bus station that killed at least 9". What governs the
noun (a toll update, a warning, a condemnation) says nothing about whether it
happened; the noun phrase itself does, when it anchors the noun to one incident: a
possessive day ("Sunday's"), a relative clause that killed or wounded, "the toll
from", or a definite noun with a place of its own ("the abduction of a priest in
Kaduna"). A background or hypothetical mention is none: "since the 2014 attack",
"threatened an attack", "to prevent attacks", "more attacks in the city".

Territory and control (ACLED: a place changes hands) is told with verbs that mean
many other things: "took a hill", "cleared the village", "liberated the district",
"are in full control of the town". They are events only with a place taken. Taking
"control of the country" or "power" is a coup: a Strategic development, not ground.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitroom import lexicon

# The word classes of ``lexicon/incident_words.tsv`` (each row says why), by role.
INCIDENT_NOUNS = lexicon.role_words("incident_words", "incident_noun")
_HARM_VERBS = lexicon.role_words("incident_words", "harm_verb")
_INTENT_HEADS = lexicon.role_words("incident_words", "intent_head")
_OTHER_INCIDENTS = lexicon.role_words("incident_words", "other_incident")
_STATE_NOUNS = lexicon.role_words("incident_words", "state_noun")
_SEIZING_POWER = lexicon.role_words("incident_words", "seizing_verb")
_EXPLOSIVES = lexicon.role_words("incident_words", "explosive")
CROWDS = lexicon.role_words("incident_words", "crowd")
_WEEKDAY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|last)$", re.I
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def anchored_incident(token: Token) -> bool:
    """Whether the event noun ``token`` names one incident by its own phrase."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in INCIDENT_NOUNS:
        return False
    if _background(token):
        return False
    return _possessive_day(token) or _harm_clause(token) or _toll_from(token) or _own_place(token)


def _governor(token: Token) -> Token:
    """The word that governs the noun's phrase, past prepositions ("after", "of")."""
    node = token.head
    while node.dep_ == "prep" and node.head != node:
        node = node.head
    return node


def _background(token: Token) -> bool:
    """'since the 2014 attack', 'threatened an attack', 'more attacks', 'to prevent attacks'."""
    if _governor(token).lemma_.lower() in _INTENT_HEADS:
        return True
    if token.head.dep_ == "prep" and token.head.lower_ in ("since", "before", "like"):
        return True
    for child in token.children:
        if _YEAR.match(child.text) or child.lower_ in _OTHER_INCIDENTS:
            return True
        if child.dep_ == "neg" or child.lower_ == "no":
            return True
    return False


def _possessive_day(token: Token) -> bool:
    """'Sunday's assault', 'yesterday's bombing', 'Monday night's attack'."""
    for child in token.children:
        if child.dep_ != "poss":
            continue
        words = [w for w in child.subtree if w.dep_ != "case"]
        if any(_WEEKDAY.match(w.text) for w in words) or child.ent_type_ in ("DATE", "TIME"):
            return True
    return False


def _harm_clause(token: Token) -> bool:
    """'the attack which killed a contractor', 'a bombing that wounded 12'."""
    return any(
        c.dep_ in ("relcl", "acl")
        and c.lemma_.lower() in _HARM_VERBS
        and c.tag_ in ("VBD", "VBN")
        and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children)
        for c in token.children
    )


def _toll_from(token: Token) -> bool:
    """'the death toll from the assault', 'the toll in the bombing'."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in ("from", "in", "of")
        and prep.head.lemma_.lower() == "toll"
    )


def _own_place(token: Token) -> bool:
    """'the abduction of a priest in Kaduna', 'the bombing of the bus station in Kano': a
    definite, singular noun with a place named in its own phrase."""
    if token.tag_ != "NN":
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children):
        return False
    return any(
        w.ent_type_ in _PLACE_LABELS
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "of", "outside")
        for w in c.subtree
    )


# The nouns of a place that can change hands (``lexicon/event_cue_parts.tsv``).
_PLACE_NOUN = re.compile(
    next(r["pattern"] for r in lexicon.table("event_cue_parts") if r["name"] == "place_nouns")
)


def _objects(token: Token) -> list[Token]:
    """What a verb took: its object, the subject of its passive, the noun it misparses as
    modifying ("seized control": the small model reads "seized" as an adjective)."""
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("amod", "acl") and token.head.pos_ == "NOUN":
        taken.append(token.head)
    return taken


def _of_object(noun: Token) -> Token | None:
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "over")), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None


def takes_power(token: Token) -> bool:
    """'seized control of the country', 'took power', 'seized power in a coup'."""
    if token.lemma_.lower() not in _SEIZING_POWER:
        return False
    for taken in _objects(token):
        if taken.lower_ == "power":
            return True
        target = _of_object(taken) if taken.lower_ == "control" else None
        if target is not None and target.lower_ in _STATE_NOUNS:
            return True
    return False


def takes_place(token: Token) -> bool:
    """'took a hill', 'cleared the village', 'took control of Sirte': a place as object."""
    for taken in _objects(token):
        if taken.lower_ == "control" and _of_object(taken) is not None:
            return True
        if _is_place(taken):
            return True
    return False


def _is_place(noun: Token) -> bool:
    return noun.ent_type_ in _PLACE_LABELS or bool(_PLACE_NOUN.fullmatch(noun.lower_))


def in_control(token: Token) -> bool:
    """'forces are in full control of the town': the noun "control" held over a place."""
    if token.lower_ != "control" or token.head.lower_ != "in":
        return False
    target = _of_object(token)
    return target is not None and (_is_place(target) or target.lower_ in _STATE_NOUNS)


def plants_bomb(token: Token) -> bool:
    """'planted a bomb', 'the bombs placed in 5 gas stations', 'a device was placed'."""
    return token.pos_ == "VERB" and any(t.lower_ in _EXPLOSIVES for t in _objects(token))


# Who a place falls to: armed people (``lexicon/force_words.txt``) or a named group.
_FORCES = lexicon.words("force_words") | frozenset({"hands", "hand", "control"})


def falls_to(token: Token) -> bool:
    """'the town of Palmyra fell to Islamic State militants', 'Kobani fell into the hands
    of the militants': a place as subject, armed people as what it fell to (never a
    number: 'the toll fell to 15')."""
    if token.lemma_.lower() != "fall" or token.pos_ != "VERB":
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not _is_place(subject):
        return False
    return any(
        taker.dep_ == "pobj"
        and taker.pos_ != "NUM"
        and (taker.lower_ in _FORCES or taker.ent_type_ in ("ORG", "NORP"))
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into")
        for taker in prep.children
    )
