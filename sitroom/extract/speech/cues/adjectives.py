"""Stance adjectives outside "X is …": "Republicans, concerned about the
party's image, …", "voters wary of change".

``cues.constructions.adjective_content`` reads a stance adjective only as the complement
of its subject's verb ("X is worried about …"). The parse also hangs it on the holder as
a modifier after it (``amod``) or on the clause as an aside (``advcl``/``appos``, whose
holder is the verb's subject); there only its preposition kinds of
``cues.constructions.ADJECTIVE_CUES`` count, not a clause. On PolNeAR *train* [0:600]
the Quotes they add were right 6 of 9.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content import trimmed
from sitroom.extract.speech.cues.constructions import ADJECTIVE_CUES, adjective_content

_HOLDER_POS = frozenset({"PRON", "PROPN", "NOUN"})


def _holder(adj: Token) -> Token | None:
    """Who the adjective says something about, for a modifier or an aside."""
    if adj.dep_ == "amod":
        # "the worried voters" names a kind of voter; only "voters worried about" holds a stance.
        return adj.head if adj.i > adj.head.i else None
    if adj.dep_ in {"advcl", "appos"}:
        return next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    return None


def stance_adjective(adj: Token, sent: Span) -> tuple[tuple[int, int], Token] | None:
    """Content and holder of a stance adjective, as a complement or a modifier."""
    found = adjective_content(adj, sent)
    if found is not None:
        return found
    kinds = ADJECTIVE_CUES.get(adj.lemma_.lower())
    holder = _holder(adj) if kinds else None
    if kinds is None or holder is None or holder.pos_ not in _HOLDER_POS:
        return None
    for prep in adj.children:
        if prep.dep_ == "prep" and prep.lower_ in kinds and sent.start <= prep.i < sent.end:
            topic = [t for c in prep.children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]
            content = trimmed(topic, sent)
            return (content, holder) if content is not None else None
    return None
