"""Who did it to whom: actor1 and actor2 of an event sentence, read from spaCy's parse.

The agent is the clause's subject, a "by" phrase, a "when" clause's attackers or
the nationality on the trigger ("Tuesday's Russian strike"); the target is the
object or the passive subject. "Between X and Y" names both. Only people and
groups are actors (``args.actors``); "the group" is the armed group named before
(``args.coref``). Places are read in ``args.places``, dates in ``args.when``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.events.args.actors import is_actor
from sitroom.extract.events.args.coref import back_reference
from sitroom.extract.events.args.places import PLACE_LABELS
from sitroom.extract.events.triggers import PROJECTILES
from sitroom.resolve.actors import is_country_name, normalize_actor

# Verbs whose country subject is that country's forces ("Turkey launched airstrikes").
_STRIKING_VERBS = frozenset(
    "carry launch conduct strike bomb shell attack fire hit target pound raid".split()
)
# Verbs of a "when" clause whose subject did the killing of the main clause.
_WHEN_ATTACK_VERBS = frozenset(
    "attack ambush storm raid shell bomb target fire open strike hit".split()
)
# A subject longer than this is a clause, not a group's name.
_MAX_MENTION_TOKENS = 16
# An acronym in brackets is a few tokens long: "(JNIM)", "(Ansar Allah)".
_MAX_BRACKET_TAIL = 4


def noun_phrase(token: Token) -> str:
    """The compact noun phrase of ``token``: its left modifiers and itself, plus an 'of' PP."""
    left = [
        t for t in token.lefts if t.dep_ in ("amod", "compound", "det", "nummod", "poss", "nmod")
    ]
    start = min([token.i, *(t.left_edge.i for t in left)])
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
        elif (
            child.dep_ == "acl"
            and token.lower_ in ("group", "groups")
            and child.right_edge.i - start < _MAX_MENTION_TOKENS
        ):
            # "a group made up mostly of Chechens": "a group" alone names nobody.
            end = max(end, child.right_edge.i + 1)
    return _balanced(token.doc[start:end])


def _balanced(phrase: Span) -> str:
    """The phrase with its bracket closed: "the Group for … Muslims (JNIM)", not "(JNIM"."""
    opened = [t for t in phrase if t.text == "("]
    if len(opened) <= sum(t.text == ")" for t in phrase):
        return phrase.text
    doc = phrase.doc
    for i in range(phrase.end, min(phrase.end + _MAX_BRACKET_TAIL, len(doc))):
        if doc[i].text == ")":
            return doc[phrase.start : i + 1].text
    return doc[phrase.start : opened[-1].i].text.rstrip()


def actors(trigger: Token, clause: Token) -> tuple[str | None, str | None]:
    """(actor1, actor2) as written: the agent and the target/opponent of the event."""
    agent: Token | None = None
    target: Token | None = None
    nation: Token | None = None
    for child in clause.children:
        if child.ent_type_ in PLACE_LABELS:
            if (
                child.dep_ == "nsubj"
                and is_country_name(child.text)
                and clause.lemma_.lower() in _STRIKING_VERBS
            ):
                nation = child  # "Israel carried out airstrikes": the country's forces
            continue  # "Near Kobani, an airstrike ...": a place parsed as subject
        if child.dep_ == "nsubj" and child != trigger and child.pos_ in ("NOUN", "PROPN", "PRON"):
            agent = child
        elif child.dep_ in ("dobj", "nsubjpass") and child != trigger:
            target = child
        elif child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), agent)
    if agent is None and clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        # "Taliban fighters fired into the air and beat women": a coordinated verb
        # shares the subject of the first.
        agent = next(
            (
                c
                for c in clause.head.children
                if c.dep_ == "nsubj" and c.ent_type_ not in PLACE_LABELS
            ),
            None,
        )
    if agent is None:
        agent = _when_agent(clause)
    if target is None and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        target = trigger.head  # "30 women seized by jihadists": the noun is what was done to
    between = _between(trigger) or _between(clause)
    if between is not None:
        return between
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "on", "against", "with"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            if child.lower_ == "by":
                agent = obj
            else:
                target = obj
        elif (
            child.dep_ in ("amod", "compound")
            and trigger.pos_ == "NOUN"
            and child.ent_type_ == "NORP"
        ):
            nation = child  # "Tuesday's Russian strike": the nation's forces struck
        elif (
            child.dep_ == "compound"
            and agent is None
            and trigger.lemma_.lower() not in PROJECTILES  # "Oniks missiles": a model name
            and (child.pos_ == "PROPN" or normalize_actor(child.text).alias is not None)
        ):
            agent = child
    # Events, weapons, places, dates and sources parse as subjects too; only
    # people and groups are actors (see ``args.actors``). "The group" and "the
    # militants" are the armed group the report named before (``args.coref``).
    agent_text = _as_actor(agent)
    target_text = _as_actor(target)
    if nation is not None and (agent is None or not _by_agent(trigger, agent)):
        # The trigger's own nationality outranks the clause's subject: in "militants
        # fired a rocket, drawing Israeli airstrikes", Israel struck.
        return nation.text, target_text
    return agent_text, target_text


def _as_actor(token: Token | None) -> str | None:
    if token is None:
        return None
    named = back_reference(token)
    if named is not None:
        return named
    return _actor_text(token) if is_actor(token) else None


def _by_agent(trigger: Token, agent: Token) -> bool:
    """Whether ``agent`` is the trigger's own "by" phrase ("an attack by Taliban fighters")."""
    return agent.head.lower_ == "by" and agent.head.head == trigger


def _actor_text(token: Token) -> str:
    """The noun phrase, or the whole mention when only that names a known group.

    "Fighters of the Group for the Support of Islam and Muslims (JNIM)" parses
    with the group's name hanging off "Fighters", outside the compact phrase.
    """
    phrase = noun_phrase(token)
    if normalize_actor(phrase).alias is not None:
        return phrase
    mention = token.doc[token.left_edge.i : token.right_edge.i + 1]
    if len(mention) <= _MAX_MENTION_TOKENS and normalize_actor(mention.text).alias is not None:
        return _balanced(mention)
    return phrase


def _when_clause(clause: Token) -> Token | None:
    """The attack verb of a "when" clause on a passive killing, if any."""
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return None
    for child in clause.children:
        if (
            child.dep_ == "advcl"
            and child.lemma_.lower() in _WHEN_ATTACK_VERBS
            and any(m.dep_ == "advmod" and m.lower_ == "when" for m in child.children)
        ):
            return child
    return None


def _when_agent(clause: Token) -> Token | None:
    """'Two soldiers were killed when militants attacked an army post': the attackers."""
    verb = _when_clause(clause)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    return None if subject is None or subject.pos_ == "PRON" else subject


def fought_back(clause: Token) -> str | None:
    """'A suspect was killed when he opened fire on the forces': the forces, who killed him.

    The dead man fired first, so ACLED codes an armed clash with the forces as actor1.
    """
    verb = _when_clause(clause)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in ("he", "she", "they"):
        return None
    for child in verb.children:
        opponent = child if child.dep_ == "dobj" and child.lemma_ != "fire" else None
        if child.dep_ == "prep" and child.lower_ in ("on", "at"):
            opponent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if opponent is not None and is_actor(opponent):
            return noun_phrase(opponent)
    return None


def _between(token: Token) -> tuple[str, str] | None:
    for node in token.subtree:
        if node.lower_ == "between" and node.dep_ == "prep":
            first = next((c for c in node.children if c.dep_ == "pobj"), None)
            if first is None:
                return None
            second = next((c for c in first.children if c.dep_ == "conj"), None)
            if second is None:
                return None
            if not (is_actor(first) and is_actor(second)):
                return None  # "between Qamishli and the village of Tell Hamis": places
            return noun_phrase(first), noun_phrase(second)
    return None
