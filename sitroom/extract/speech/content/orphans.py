"""Reported content of a speech verb that the parse left without one.

``content_of`` reads a cue's content off its complement; some cues have none
in the parse although the sentence says what was said:

- "…, saying in a post on Twitter: ''…''": the words after a colon that
  closes the cue phrase;
- "Instead, Ms. Ortiz told CNN, the plan would …" / "This includes two
  towns, the governor said Friday.": a cue set off by commas that the parse
  hung on the reported clause as a conjunct or complement; the content is
  the sentence around it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content.span import CUE_VERBS, cue_lemma, trimmed
from sitroom.extract.speech.parse_tree import reaches
from sitroom.extract.speech.words import NEEDS_CLAUSE, SPEECH_VERBS

_OPENERS = frozenset({",", "''", "”", '"', "’"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_VERBS = frozenset({"VERB", "AUX"})
_DIRECT_MARKS = frozenset({"“", '"'})


def orphan_content(verb: Token, lemma: str, sent: Span) -> tuple[int, int] | None:
    """Content of the speech verb ``verb`` read off the words around it.

    Verbs that need a clause ("point", "find", "continue") are left out of
    ``around_aside``: with them its added Quotes were mostly wrong ("Should they
    continue to …, there is …").
    """
    if lemma not in SPEECH_VERBS:
        return None
    found = after_colon(verb, sent)
    if not found and lemma not in NEEDS_CLAUSE:
        found = around_aside(verb, sent)
    return trimmed(found, sent) if found else None


def _has_object(verb: Token) -> bool:
    """Whether ``verb`` has a direct object that is not the listener of "tell"."""
    return verb.lemma_.lower() != "tell" and any(c.dep_ == "dobj" for c in verb.children)


def after_colon(verb: Token, sent: Span) -> list[Token] | None:
    """ "saying in a post on Twitter: ''…''": the rest of the sentence after
    a colon that ends the cue phrase."""
    if _has_object(verb) or verb.dep_ == "xcomp":
        return None  # "added a facet to his job: communicator": what follows names the object
    doc = verb.doc
    j = verb.i + 1
    while j < sent.end and not doc[j].is_punct and reaches(doc[j], verb, sent):
        j += 1
    if j >= sent.end or doc[j].text != ":":
        return None
    rest = list(doc[j + 1 : sent.end])
    if rest and rest[0].text in _DIRECT_MARKS:
        return None  # a direct quote, attributed with its marks
    return rest if any(t.is_alpha for t in rest) else None


def around_aside(verb: Token, sent: Span) -> list[Token] | None:
    """ "Instead, X told CNN, the plan would …", "…, X said Friday.": a cue
    with its own subject, set off by commas, that the parse hung on the
    reported clause; what it reports is the sentence without the cue phrase."""
    if verb.dep_ not in {"conj", "ccomp"} or not sent.start <= verb.head.i < sent.end:
        return None
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if _has_object(verb):
        return None  # "He added a note of caution, should …": the object is reported
    part = sorted(t.i for t in verb.subtree if sent.start <= t.i < sent.end)
    first, last = part[0], part[-1]
    if last - first + 1 != len(part):
        return None  # not one phrase
    doc = verb.doc
    if doc[first].dep_ == "aux" or any(
        t.pos_ == "VERB" and t.i != verb.i for t in doc[first : last + 1]
    ):
        return None  # "Should they continue …", "X responded by explaining …": no aside
    if first > sent.start and doc[first - 1].text not in _OPENERS:
        return None  # "…, but X did not say when": a clause of its own
    after = doc[last + 1] if last + 1 < sent.end else None
    if after is not None and not (after.is_punct or after.is_space):
        return None
    rest = [t for t in sent if not first <= t.i <= last]
    if any(t.pos_ in _VERBS and cue_lemma(t) in CUE_VERBS for t in rest):
        return None  # "X said A, Y added B": the other cue reports the clause
    return rest if any(t.is_alpha for t in rest) else None
