"""Where reported content starts: words before the content the parse left out.

``content_of`` reads the content off the cue verb's complement, so it starts
after the cue and after the verb's other arguments. PolNeAR's content span
(the hull of its parts) starts earlier in three shapes:

- the cue opens a relative clause ("the tax the mayor said would rise"): the
  noun the clause hangs on is what the source talks about;
- "accused the mayor of fraud": the person blamed is part of the content;
- "urged the council to act": the object the clause is about too.

``with_start_fixed`` runs on the content of a speech verb, from
``content.extend.extended``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content.span import BLAME_VERBS
from sitroom.extract.speech.parse_tree import has_double_marks, phrase_roots

_RELATIVE_WORDS = frozenset({"who", "whom", "which", "that", "what", "whose"})
_PERSON_RELATIVES = frozenset({"who", "whom", "whose"})


def with_start_fixed(
    content: tuple[int, int], verb: Token, source: Token, sent: Span
) -> tuple[int, int]:
    """``content`` of the cue ``verb`` with its start moved to where it begins."""
    content = with_relative_head(content, verb, source, sent)
    content = with_blamed_object(content, verb, sent)
    return with_object_of_clause(content, verb, sent)


def with_relative_head(
    content: tuple[int, int], verb: Token, source: Token, sent: Span
) -> tuple[int, int]:
    """``content`` after a cue that opens a relative clause, started at the noun the clause
    hangs on: "the bridge the mayor says will close" gives "the bridge … will close".
    After a comma (", which she said was …") it starts at the relative word. Not where
    the noun fills no gap in the content: a time or place ("the day on which she said
    …", "where he says …"), a content that is the verb's noun object ("the day she
    railed against the judge"), or a person ("voters who say …"). In a sentence with
    quote marks the longer content changed which quotes are direct (speaker accuracy and
    direct overlap fell), so those are left alone.
    """
    start, end = content
    if start <= verb.idx or verb.dep_ != "relcl":
        return content
    noun = verb.head
    inside = [t for t in sent if start <= t.idx < end]
    if len(inside) == 1 and inside[0].pos_ in {"PRON", "DET"}:
        return content  # "the time he said that": a placeholder, nothing reported
    if has_double_marks(sent):
        return content  # a quote in the sentence is read as direct speech (``plan``)
    if _object_filled(inside):
        return content  # "the day she railed against the judge": no gap for the noun
    if noun.i >= verb.i or source.i <= noun.i or source.lower_ in _RELATIVE_WORDS:
        return content
    clause_start = verb.left_edge
    opening = sent.doc[clause_start.i : verb.i]
    if _adverbial_relative(verb) or any(t.lower_ in _PERSON_RELATIVES for t in opening):
        return content
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return content  # "more reason to consider …": an infinitive, no source's words
    if clause_start.i > sent.start and sent.doc[clause_start.i - 1].text == ",":
        first = clause_start
    else:
        first = noun.left_edge
    if first.i < sent.start or first.idx >= start:
        return content
    return (first.idx, end)


def _adverbial_relative(verb: Token) -> bool:
    """ "the day (on which / when) she said …": the noun is the time, place or
    occasion of the saying, not what was said."""
    before = [c for c in verb.children if c.i < verb.i]
    return any(c.tag_ == "WRB" or c.dep_ in {"prep", "npadvmod"} for c in before) or (
        verb.left_edge.dep_ == "prep"
    )


def _object_filled(inside: list[Token]) -> bool:
    """Whether the content is a noun object of the cue ("railed against the
    judge"), so that the noun the clause hangs on fills no gap in it."""
    return any(t.dep_ in {"dobj", "pobj", "pcomp", "dative"} for t in phrase_roots(inside))


def with_blamed_object(content: tuple[int, int], verb: Token, sent: Span) -> tuple[int, int]:
    """``content`` that is the reason after "of"/"for" ("accused the mayor of fraud"),
    started at the person blamed or praised: PolNeAR's content is "the mayor of fraud"
    (``content.span`` reads only the reason).
    """
    start, end = content
    if start <= verb.idx or verb.lemma_.lower() not in BLAME_VERBS:
        return content
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "for"}), None)
    if obj is None or prep is None or prep.i < obj.i or not start > obj.idx:
        return content
    if start > prep.idx + len(prep.text) + 1:
        return content
    first = obj.left_edge
    return (first.idx, end) if first.i >= sent.start else content


_LISTENER_VERBS = frozenset({"tell", "ask", "convince", "inform", "assure", "remind", "warn"})


def with_object_of_clause(content: tuple[int, int], verb: Token, sent: Span) -> tuple[int, int]:
    """``content`` that is a clause after the cue's object ("urged the council to act",
    "felt her speech was too long"), started at the object. Not for verbs whose object
    is the listener ("told reporters that …"), which PolNeAR leaves out.
    """
    start, end = content
    if start <= verb.idx or verb.lemma_.lower() in _LISTENER_VERBS:
        return content
    ids = [t for t in sent if start <= t.idx < end]
    roots = phrase_roots(ids)
    if len(roots) != 1 or roots[0].head.i != verb.i or roots[0].dep_ not in {"xcomp", "ccomp"}:
        return content
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < roots[0].i), None)
    if obj is None or obj.left_edge.idx >= start:
        return content
    between = sent.doc[obj.i + 1 : ids[0].i]
    if any(not t.is_punct and t.i not in {x.i for x in obj.subtree} for t in between):
        return content
    return (obj.left_edge.idx, end)
