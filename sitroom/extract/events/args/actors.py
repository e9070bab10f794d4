"""Which noun phrases may be an event's actor1/actor2, and who the victims were.

ACLED actors are armed groups, state forces, protesters/rioters, civilians and
named organisations. A parse reads the subject or object of an event verb, and
that is often something else: the event itself ("Sunday's ambush", "The death
toll"), a weapon ("The device"), a place ("Qamishli", "the city"), a date
("Thursday"), a source ("officials", "Rights groups") or a physical target
("a market", "a bus"). ``is_actor`` keeps a head noun only when it names people
or a group (or matches the actor alias table); when the object of an attack is
a thing, ``victims`` reads the people it hit from the sentence instead.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from sitroom import lexicon
from sitroom.resolve.actors import is_country_name, normalize_actor

# Head nouns that name people or armed/organised groups: the civilian and force nouns
# of ``sitroom/lexicon`` and the others below. Written from the ACLED actor categories
# (inter codes 1-8), not from any benchmark's rows.
_PEOPLE = (
    frozenset(
        """
        armies force police gendarmes guards guard militia militias militiamen militant insurgent
        rebel fighter jihadist jihadists gunman attacker attackers assailant assailants
        bomber bombers terrorist terrorists extremists group groups faction factions
        movement unit units battalion brigade commander commandos aircraft warplane
        warplanes jet jets drone drones helicopter helicopters navy person persons man men
        worker workers relatives protester protesters demonstrator demonstrators crowd
        crowds mob mobs rioter rioters youths youth supporters activist activists member
        members suspect suspects kidnapper kidnappers bandit bandits pirates prisoners
        hostages detainees captives government authorities regime coalition guerrilla
        guerrillas paramilitary paramilitaries squad squads gang gangs gangsters cartel
        traffickers separatists loyalists vigilantes raiders hijackers sniper snipers
        marines personnel agents mercenaries hunters pastoralists tribesmen clansmen
        herdsmen peacekeepers staff employees allies
        """.split()
    )
    | lexicon.words("civilian_words")
    | lexicon.words("force_words")
)
# Groups that report or document violence; they are sources, never perpetrators.
_SOURCE_GROUP = re.compile(
    r"\b(?:rights|aid|humanitarian|monitoring|advocacy|relief|medical)\s+groups?\b", re.IGNORECASE
)
# Entity labels that can never be an actor on their own (places, times, amounts).
_NOT_ACTOR_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
# "killed four civilians", "wounding 12 shoppers": the people an attack on a thing hit.
_VICTIMS = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|hurt|abduct\w*|kidnapp\w*|carrying)\s+"
    r"(?:at least\s+|more than\s+|about\s+|nearly\s+|some\s+)?(?:[\w-]+\s+){0,2}?"
    r"(civilians|people|children|women|passengers|shoppers|worshippers|villagers|residents|"
    r"farmers|soldiers|troops|policemen|police officers)\b",
    re.IGNORECASE,
)


def is_people_word(word: str) -> bool:
    """Whether ``word`` (any case) is a noun for people or groups ("Gunmen", "troops")."""
    return word.lower() in _PEOPLE


def is_actor(token: Token) -> bool:
    """Whether ``token`` (the head of a noun phrase) can be an ACLED actor."""
    if token.tag_ in ("WDT", "WP", "PRP", "EX"):
        return False  # "which", "what", "it": the antecedent is not resolved here
    phrase = " ".join(t.text for t in token.subtree)
    if _SOURCE_GROUP.search(phrase):
        return False
    if token.ent_type_ == "GPE" and is_country_name(token.text):
        return False  # "rockets fired on Israel": the country is the place hit, not an actor
    if token.lower_ in ("group", "groups") and not _modified(token):
        return False  # "the group": an unresolved back-reference
    if normalize_actor(token.text).alias is not None or token.lower_ in _PEOPLE:
        # "its units", "its forces": an unresolved possessive; the owner is not known.
        owner = [c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"]
        return not (owner and normalize_actor(token.text).alias is None)
    if token.ent_type_ in _NOT_ACTOR_ENTS:
        return False
    if token.ent_type_ in ("ORG", "NORP", "PERSON"):
        return True
    return normalize_actor(phrase).alias is not None and token.pos_ == "PROPN"


def _modified(token: Token) -> bool:
    # "armed group", "the Islamic State group", "a group of gunmen", "a group made up of
    # Chechens" (not "the group in Iraq").
    return any(
        c.dep_ in ("compound", "amod", "nmod", "acl") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in token.children
    )


def victims(sentence: str) -> str | None:
    """The people an attack hit, as written ("civilians", "soldiers"), or None."""
    match = _VICTIMS.search(sentence)
    return match.group(1) if match else None


__all__ = ["is_actor", "is_people_word", "victims"]
