"""Reported content the parse cut short: parts it hung on the cue verb.

``content_of`` reads the content off the cue verb's complement, so what the
parser attached to the verb itself after that complement is lost, though it
continues what is reported.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from sitroom.extract.speech.content.span import CUE_VERBS, cue_lemma, trimmed
from sitroom.extract.speech.content.starts import with_start_fixed
from sitroom.extract.speech.parse_tree import has_double_marks, reaches

_VERBS = frozenset({"VERB", "AUX"})


def extended(content: tuple[int, int], verb: Token, source: Token, sent: Span) -> tuple[int, int]:
    """``content`` of the cue ``verb`` with the parts below run on to it."""
    content = with_conjoined(content, verb, sent)
    content = with_trailing_clause(content, verb, sent)
    content = with_colon_elaboration(content, verb, sent)
    content = with_start_fixed(content, verb, source, sent)
    return with_tail_after_cue(content, verb, source, sent)


def with_conjoined(content: tuple[int, int], verb: Token, sent: Span) -> tuple[int, int]:
    """``content`` run on over a conjunct that is not a verb which the parse hung on the
    cue verb: "promised not just a few reforms, but a new deal", "wants to win — and the
    nomination as well". PolNeAR's content keeps the conjunct. A verb conjunct ("said A
    and left") is mostly the speaker's next act, so it stays out (taking verb conjuncts
    too: train [0:600] 0.6179; only those with a subject of their own: 0.6193).
    """
    end = content[1]
    if end <= verb.idx:
        return content  # "…, X said": the content is before the cue
    after = [c for c in verb.children if c.idx >= end and sent.start <= c.i < sent.end]
    conj = next((c for c in after if c.dep_ == "conj"), None)
    if conj is None or conj.pos_ in _VERBS or cue_lemma(conj) in CUE_VERBS:
        return content
    last = max(t.i for t in conj.subtree if t.i < sent.end)
    tokens = [t for t in sent if t.i <= last]
    return _run_on_to(content, tokens)


def with_tail_after_cue(
    content: tuple[int, int], verb: Token, source: Token, sent: Span
) -> tuple[int, int]:
    """``content`` before a cue in mid-sentence, run on over what follows it: "The plan
    would pass, she said, because the votes are there." The parse hangs the rest on the
    cue verb, so it was left out; PolNeAR's content keeps it. Only for "X said" (not
    "said X"), with a comma after the cue, a rest that hangs on the cue verb, and no
    double quote marks in the sentence (a marked quote is read as direct speech: with
    them speaker accuracy fell). "said X" too lowered train [0:600]).
    """
    start, end = content
    if end > verb.idx or source.i > verb.i:
        return content
    after_cue = max(verb.i, max(t.i for t in source.subtree)) + 1
    if after_cue >= sent.end or sent.doc[after_cue].text != ",":
        return content
    if has_double_marks(sent):
        return content
    tail = [t for t in sent if t.i > after_cue]
    if not all(reaches(t, verb, sent) for t in tail):
        return content
    before = [t for t in sent if start <= t.idx < end]
    found = trimmed(before + tail, sent)
    return (start, found[1]) if found is not None and found[1] > end else content


def with_trailing_clause(content: tuple[int, int], verb: Token, sent: Span) -> tuple[int, int]:
    """``content`` after the cue run on over a clause that the parse hung on the cue verb
    right after it, with no comma between: "vowed to cut the tax unless the council
    acts", "hopes to win while spending little". PolNeAR's content keeps the condition.
    """
    start, end = content
    if start <= verb.idx:
        return content
    after = [c for c in verb.children if c.idx >= end and sent.start <= c.i < sent.end]
    clause = next((c for c in after if c.dep_ == "advcl"), None)
    if clause is None or cue_lemma(clause) in CUE_VERBS:
        return content
    first = min(t.i for t in clause.subtree)
    if sent.doc[first - 1].text == ",":
        return content
    last = max(t.i for t in clause.subtree if t.i < sent.end)
    before = [t for t in sent if start <= t.idx < end]
    found = trimmed(before + [t for t in sent if end <= t.idx and t.i <= last], sent)
    return (start, found[1]) if found is not None and found[1] > end else content


def with_colon_elaboration(content: tuple[int, int], verb: Token, sent: Span) -> tuple[int, int]:
    """``content`` after the cue that stops at a colon, run on over what the colon opens,
    to the end of its sentence and never past the paragraph: "warned that costs will
    rise for one reason: the tariffs start in May." PolNeAR's content keeps the
    elaboration.
    """
    start, end = content
    if start <= verb.idx:
        return content
    doc = sent.doc
    colon = next((t for t in doc[sent.start : sent.end] if t.idx >= end), None)
    if colon is None or colon.text != ":" or colon.i + 1 >= len(doc):
        return content
    # spaCy may end the sentence at the colon: read on to the end of the next.
    tokens = []
    for token in doc[colon.i + 1 : doc[colon.i + 1].sent.end]:
        if "\n" in token.text:
            break
        tokens.append(token)
    return _run_on_to(content, tokens)


def _run_on_to(content: tuple[int, int], tokens: list[Token]) -> tuple[int, int]:
    """``content`` run on to the last word of ``tokens`` (never shortened)."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return content
    new_end = words[-1].idx + len(words[-1])
    return (content[0], new_end) if new_end > content[1] else content
