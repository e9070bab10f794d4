"""The dead a report names instead of counting: "militants shot dead Ahmed Salah",
"accused of beating to death Maria Costa", "X and Y were assassinated". Each person
the parse names as the object of a verb of killing is one death (ACLED counts
reported deaths, and a named victim is one)."""

from __future__ import annotations

from spacy.tokens import Token

from sitroom import lexicon
from sitroom.nlp.text import doc_text
from sitroom.numbers import Count

# Verbs that kill by themselves, and those that kill only "to death" ("shoot": "dead").
_KILLING = lexicon.role_words("incident_words", "killing_verb")
_TO_DEATH = lexicon.role_words("incident_words", "to_death_verb")


def _kills(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _KILLING:
        return True
    if lemma in _TO_DEATH:
        return any(
            c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children)
            for c in verb.children
        )
    if lemma == "shoot":  # "shot dead X" (the small model may hang "dead" on X)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return any(c.lower_ == "dead" for w in (verb, *objects) for c in w.children)
    return False


def _named(noun: Token) -> list[Token]:
    """The people named by an object and its conjuncts ("Ahmed Salah and his brother Ali")."""
    heads = [noun, *noun.conjuncts]
    return [h for h in heads if _a_person(h)]


def _a_person(noun: Token) -> bool:
    """The noun or the name it is built of or set beside is a person ("Maria Alves
    Costa", where the model may tag only "Maria Alves"; "his brother Ali Salah")."""
    parts = [noun, *(c for c in noun.children if c.dep_ in ("compound", "appos"))]
    return any(p.ent_type_ == "PERSON" for p in parts)


def named_dead(trigger: Token, offset: int) -> Count | None:
    """One death per person named as killed by ``trigger``'s verb, or None; the count's
    offsets are into the text that starts at ``offset`` (the unit's, like its other counts)."""
    if trigger.pos_ != "VERB" or not _kills(trigger):
        return None
    people = [p for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") for p in _named(c)]
    if not people:
        return None
    first = min(p.left_edge.idx for p in people)
    last = max(p.right_edge.idx + len(p.right_edge) for p in people)
    n = len(people)
    return Count(n, n, n, doc_text(trigger.doc)[first:last], first - offset, last - offset)
