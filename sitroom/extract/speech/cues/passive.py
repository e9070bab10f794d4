"""Passive cues with no source: "The vote is expected to pass", "he is said to
have left", "the plan is seen as a gamble".

PolNeAR annotates such a passive as an attribution with no source: the cue is the
passive verb and the content the whole clause, subject included. The verbs were counted
on PolNeAR *train* [0:600] over passives with a subject and no "by" agent: with a
clause, "expect" heads a gold cue in 49 of 62, "say" in 6 of 8, "ask" in 8 of 12; with
"as"/"for", "know" 14 of 18, "view" 4 of 7, "see" 10 of 25 (kept where the Quotes they
add were right at least 40% of the time: "expect"/"say" 43 of 54, "know"/"see"/"view" 20
of 35, "ask" 5 of 9). With an agent ("was reported by X") the speech-verb rules name the
source.

Such a cue gives an indirect Quote with no speaker, hence never an
Attribution, and it never cues a direct quote.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content import cue_lemma, trimmed

PASSIVE_CUES = frozenset({"expect", "say", "know", "see", "view", "ask"})
_AS = frozenset({"know", "see", "view"})


def passive_content(verb: Token, sent: Span) -> tuple[int, int] | None:
    """The clause of a source-less passive cue ("X is expected to …"), else None."""
    if cue_lemma(verb) not in PASSIVE_CUES or verb.tag_ != "VBN":
        return None
    deps = {c.dep_ for c in verb.children if sent.start <= c.i < sent.end}
    as_prep = cue_lemma(verb) in _AS and any(
        c.dep_ == "prep" and c.lower_ in {"as", "for"} for c in verb.children
    )
    if "nsubjpass" not in deps or "agent" in deps or not (deps & {"xcomp", "ccomp"} or as_prep):
        return None
    tokens = [t for t in verb.subtree if t.dep_ not in {"cc", "punct"} or t.head.i != verb.i]
    return trimmed(tokens, sent)
