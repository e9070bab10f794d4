"""Demonstrations told by what a crowd does, and police action against a crowd.

A report rarely says "a protest took place". It says what the crowd did:
"Protesters gathered again on the streets of Kisumu", "Thousands of people filled
the main square", "students have camped outside the ministry for a week",
"thousands took to the streets"; and what the police did to it: "police cracked
down on crowds protesting the vote", "dispersed the demonstrators". The verbs mean
many other things ("the army massed troops", "people gathered to hear the imam"), so
a verb of gathering is a demonstration only in a public place, or with a crowd as
its subject and a word of protest in its sentence, never with armed forces as its
subject; a crackdown only with a crowd as its object. "Strike" is a stoppage of
work, a protest, when the words around it say so ("a nationwide strike", "went on
strike", "called a strike").
"""

from __future__ import annotations

from spacy.tokens import Token

from sitroom import lexicon

_GATHERERS = lexicon.role_words("incident_words", "gatherer")
_GATHERING_VERBS = lexicon.role_words("incident_words", "gathering_verb")
_PUBLIC_PLACES = lexicon.role_words("incident_words", "public_place")
_CRACKDOWN = lexicon.role_words("incident_words", "crackdown")
_LABOUR_STRIKE = lexicon.role_words("incident_words", "labour_strike")
_PROTEST_WORDS = lexicon.role_words("incident_words", "protest_word")
_STRIKE_CALLS = lexicon.role_words("incident_words", "strike_call")
_FORCES = lexicon.words("force_words") | frozenset({"police", "policeman", "policemen"})
_CROWD_ACTS = lexicon.role_words("incident_words", "crowd_act")
_WHERE = frozenset({"in", "on", "at", "outside", "near", "around", "to", "into", "through"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _has_crowd(phrase: Token) -> bool:
    """'Protesters', 'Thousands of people', 'people protesting the fuel prices'."""
    return any(
        _lemma(w) in _GATHERERS or (w.pos_ == "VERB" and _lemma(w) in _CROWD_ACTS)
        for w in phrase.subtree
    )


def _armed(phrase: Token) -> bool:
    return _lemma(phrase) in _FORCES or phrase.lower_ in _FORCES


def _in_public(verb: Token) -> bool:
    """'filled the main square', 'camped outside the ministry', 'outside parliament'."""
    for child in verb.children:
        if child.dep_ == "dobj" and _lemma(child) in _PUBLIC_PLACES:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in _WHERE
            and any(_lemma(w) in _PUBLIC_PLACES for w in child.subtree if w.pos_ == "NOUN")
        ):
            return True
    return False


def crowd_gathers(token: Token) -> bool:
    """A verb of gathering done by a crowd or in a public place, not by armed forces."""
    if token.pos_ != "VERB" or _lemma(token) not in _GATHERING_VERBS:
        return False
    subjects = _subjects(token)
    if any(_armed(s) for s in subjects):
        return False
    if _in_public(token):
        return True
    protest = any(_lemma(w) in _PROTEST_WORDS for w in token.sent)
    return protest and any(_has_crowd(s) for s in subjects)


def takes_to_streets(token: Token) -> bool:
    """'thousands took to the streets'."""
    return (
        token.pos_ == "VERB"
        and _lemma(token) == "take"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "to"
            and any(_lemma(p) in ("street", "streets") for p in c.children)
            for c in token.children
        )
    )


def cracks_down(token: Token) -> bool:
    """'police cracked down on crowds protesting', 'a crackdown on protesters',
    'dispersed the demonstrators': police action with a crowd as its object."""
    lemma = _lemma(token)
    if lemma not in _CRACKDOWN:
        return False
    if lemma == "crack" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return False
    targets = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(_has_crowd(t) for t in targets)


def labour_strike(token: Token) -> bool:
    """'a nationwide strike', 'a hunger strike', 'went on strike': work stopped in protest."""
    if _lemma(token) != "strike" or token.pos_ != "NOUN":
        return False
    words = (c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "poss"))
    if any(w in _LABOUR_STRIKE for w in words):
        return True
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass") and _lemma(head) in _STRIKE_CALLS:
        return True  # "called a strike", "the strike was observed"
    if any(c.dep_ in ("acl", "amod") and _lemma(c) in _STRIKE_CALLS for c in token.children):
        return True  # "the bar association sponsored strike"
    return (
        token.dep_ == "pobj" and head.lower_ == "on" and _lemma(head.head) in ("go", "be", "remain")
    )
