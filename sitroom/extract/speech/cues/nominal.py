"""Nominal cues with a preposition: "his call for a ceasefire", "X raised
questions about the deal", "the mayor's criticism of the curfew".

PolNeAR annotates these nouns as attribution cues, with the holder (a possessor, or the
subject of the verb the noun is the object of) as source and the preposition's object as
content. The nouns were read off the missed gold cues ending in a preposition on PolNeAR
*train* [0:400] (each seen at least twice there as "noun + preposition").

They state a position or a topic more often than a claim of fact, so, like
stance verbs, they give indirect Quotes but never an Attribution (see
``attributions._is_stance``): an event never turns "claimed" on one of them.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from sitroom.extract.speech.content import trimmed
from sitroom.extract.speech.cues.find import Cue

# noun lemma -> the prepositions that introduce what it is about.
PREP_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(preps.split("/"))
    for noun, preps in (
        ("support", "for/of"),
        ("question", "about/over"),
        ("attack", "on/against"),
        ("criticism", "of/over/on"),
        ("endorsement", "of"),
        ("call", "for"),
        ("mention", "of"),
        ("comment", "on/about"),
        ("concern", "about/over"),
        ("passion", "for"),
        ("defense", "of"),
        ("defence", "of"),
        ("embrace", "of"),
        ("rejection", "of"),
        ("condemnation", "of"),
        ("praise", "for"),
        ("opposition", "to"),
        ("demand", "for"),
        ("tribute", "to"),
        ("complaint", "about"),
        ("supporter", "of"),
        ("view", "of/on"),
        ("announcement", "of"),
        ("assessment", "of"),
        ("case", "for"),
        ("attention", "to"),
        ("warning", "about/of/against"),
        ("plea", "for"),
        ("appeal", "for"),
        # Nouns with at least 3 gold cues at a rate of 0.25 over "noun + preposition" on
        # train [0:600], kept when at least 40% of the Quotes they add there were right
        # ("position on" 4 of 10, "response to" 1 of 8, "backing of" 0 of 4 fell below;
        # "campaign against" is a military one in conflict reports).
        ("doubt", "about"),
        ("message", "of/about"),
        ("talk", "about"),
        ("word", "about"),
        ("reference", "to"),
        ("consensus", "on"),
        ("opinion", "of"),
        ("interest", "in"),
        # The same bar over the missed gold cues ending in a preposition on train [0:600]: 3
        # of 5 and 3 of 3 added right ("position on" 3 of 10, "stance on" 0 of 8, "appeal
        # to" 1 of 6 not).
        ("critique", "of"),
        ("proponent", "of"),
    )
}


# "X won the support of the union": after "the", the object of "of" gives the support, it is
# not what X supports ("his support of the bill" is kept). Such cues were right 0 times in
# 10 on PolNeAR train [0:600].
GIVEN_BY_OF = frozenset({"support", "endorsement"})


def _given_by_object(noun: Token, prep: Token) -> bool:
    """ "the support of voters": the preposition's object holds the position."""
    return (
        noun.lemma_.lower() in GIVEN_BY_OF
        and prep.lower_ == "of"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        and not any(c.dep_ == "poss" for c in noun.children)
    )


def noun_holder(noun: Token, quoted: Callable[[int], bool]) -> Token | None:
    """Who holds the position: "his call", "Trump's attacks", or the subject of
    the verb the noun is the object of ("she raised questions about")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ in {"dobj", "attr"}:
        verb = noun.head
        for child in verb.children:
            if child.dep_ == "nsubj" and not quoted(child.idx):
                return child
    return None


def prep_noun_cues(sent: Span, index: int, quoted: Callable[[int], bool]) -> list[Cue]:
    """Cues of one sentence of the shape "holder … noun + preposition + topic"."""
    cues: list[Cue] = []
    for noun in sent:
        preps_ok = PREP_NOUNS.get(noun.lemma_.lower())
        if noun.pos_ != "NOUN" or preps_ok is None or quoted(noun.idx):
            continue
        prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in preps_ok), None)
        holder = noun_holder(noun, quoted) if prep is not None else None
        if prep is None or holder is None or not sent.start <= holder.i < sent.end:
            continue
        if _given_by_object(noun, prep):
            continue
        topic = [t for c in prep.children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]
        content = trimmed(topic, sent) if topic else None
        if content is None:
            continue
        cues.append(Cue.on(noun, source=holder, content=content, sentence=index, stance=True))
    return cues


# Studies that speak for themselves: "In a CNN poll released Monday, 50 percent chose …"
# (PolNeAR: source the poll, cue "in", content the clause). Read off the gold cue "in" among
# missed attributions on PolNeAR train [0:400]; "in a statement" is not here, its source is
# the speaker.
SURVEY_NOUNS = frozenset("poll survey study report analysis audit census".split())


def survey_cues(sent: Span, index: int, quoted: Callable[[int], bool]) -> list[Cue]:
    """ "In a … poll, CLAUSE" / "CLAUSE, in a … poll": the poll vouches for the clause."""
    cues: list[Cue] = []
    for prep in sent:
        if prep.lower_ != "in" or prep.dep_ != "prep" or quoted(prep.idx):
            continue
        head = prep.head
        poll = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if poll is None or poll.lemma_.lower() not in SURVEY_NOUNS or head.dep_ != "ROOT":
            continue
        phrase = {t.i for t in prep.subtree}
        # Only a phrase that opens or closes the sentence frames all of it.
        words = [t for t in sent if t.is_alpha]
        if not words or (min(phrase) > words[0].i and max(phrase) < words[-1].i):
            continue
        content = trimmed([t for t in sent if t.i not in phrase], sent)
        if content is None:
            continue
        cues.append(Cue.on(prep, source=poll, content=content, sentence=index, lemma="in"))
    return cues
