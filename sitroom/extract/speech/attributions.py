"""Attributions: for every claim sentence, who is its source and how sure the text is.

``extract_attributions(doc, quotes)`` turns each attributed quote (direct or
reported) into an ``Attribution`` whose ``claim_start``/``claim_end`` is the
span of the whole sentence(s) holding the quoted or reported content. The
events stage takes the sources and certainty of an event from the attributions
whose claim span covers its evidence sentence; ``certainty_of`` maps a hedge
onto ``records.CERTAINTIES``.

The hedge is read from the claim sentence (strongest first, see
``words.HEDGES``) and from a short sentence right after it that only
qualifies it ("The claim could not be independently verified.").

Reported content cued by a stance verb (``words.STANCE_VERBS``:
"wants", "endorsed") or a preposition noun ("his call for …",
``cues.nominal``) stays a Quote but gives no Attribution: it states a
position, not a claim whose source an analyst needs.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from sitroom.extract.speech.cues import PREP_NOUNS, STANCE_CONSTRUCTIONS, sentences
from sitroom.extract.speech.speakers import SourceMention, classify, mention_of
from sitroom.extract.speech.words import HEDGE_CERTAINTY, HEDGES, STANCE_VERBS
from sitroom.nlp.text import doc_ents, doc_text
from sitroom.records import Attribution, Quote

# A following sentence counts as a qualifier of the claim before it only when
# it is this short (in tokens) and in the same paragraph: "The claim could not
# be independently verified." is 7 tokens; longer ones make claims of their own.
MAX_QUALIFIER_TOKENS = 15
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "him", "her", "them", "i", "we", "his", "their", "its"}
)


def hedge_of(text: str) -> str | None:
    """The strongest hedge in ``text`` (None when the text is not hedged)."""
    for name, pattern in HEDGES:
        if pattern.search(text):
            return name
    return None


_RANK = {name: rank for rank, (name, _) in enumerate(HEDGES)}


def _strongest(*hedges: str | None) -> str | None:
    found = [h for h in hedges if h is not None]
    return min(found, key=_RANK.__getitem__) if found else None


def certainty_of(hedge: str | None) -> str:
    """The event certainty (reported|claimed|unconfirmed) a hedge implies."""
    return HEDGE_CERTAINTY.get(hedge, "reported") if hedge else "reported"


def _claim_span(sents: list[Span], starts: list[int], start: int, end: int) -> tuple[int, int]:
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, max(end - 1, start)) - 1, 0)
    text = doc_text(sents[0].doc)
    s, e = sents[first].start_char, sents[last].end_char
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _qualifier(sents: list[Span], starts: list[int], claim_end: int) -> str | None:
    index = bisect_right(starts, claim_end)
    if index >= len(sents):
        return None
    nxt = sents[index]
    text = doc_text(nxt.doc)
    if "\n" in text[claim_end : nxt.start_char] or len(nxt) > MAX_QUALIFIER_TOKENS:
        return None
    hedge = hedge_of(nxt.text)
    return hedge if hedge == "unconfirmed" else None


def _kinds(doc: Doc, quotes: tuple[Quote, ...]) -> dict[str, tuple[str, bool]]:
    """Source type and anonymity per speaker name, from a mention that is not a pronoun."""
    kinds: dict[str, tuple[str, bool]] = {}
    for quote in quotes:
        if quote.speaker is None or quote.speaker in kinds or quote.speaker_start is None:
            continue
        if (quote.speaker_mention or "").lower() in _PRONOUNS:
            continue
        span = doc.char_span(
            quote.speaker_start, quote.speaker_end or quote.speaker_start, alignment_mode="expand"
        )
        if span is None or len(span) == 0:
            continue
        mention: SourceMention = mention_of(span.root)
        kinds[quote.speaker] = classify(doc, mention)
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON":
            kinds.setdefault(ent.text, ("person", False))
    return kinds


def _is_stance(doc: Doc, quote: Quote, claim_start: int, claim_end: int) -> bool:
    """Whether reported content hangs on a stance verb ("wants", "endorsed") or
    a preposition noun ("his call for", ``cues.nominal``).

    ``Quote.cue`` keeps only the verb's text, so its lemma is read off the claim
    sentence's tokens of that text.
    """
    if quote.kind != "indirect" or not quote.cue:
        return False
    span = doc.char_span(claim_start, claim_end, alignment_mode="expand")
    return span is not None and any(
        t.text == quote.cue
        and (
            t.lemma_.lower() in STANCE_VERBS
            or t.lemma_.lower() in STANCE_CONSTRUCTIONS
            or (t.pos_ == "NOUN" and t.lemma_.lower() in PREP_NOUNS)
        )
        for t in span
    )


def extract_attributions(doc: Doc, quotes: tuple[Quote, ...]) -> tuple[Attribution, ...]:
    """One attribution per attributed quote, with its claim sentence span and hedge."""
    sents = sentences(doc)
    starts = [s.start_char for s in sents]
    kinds = _kinds(doc, quotes)
    seen: set[tuple[str, int, int]] = set()
    out: list[Attribution] = []
    for quote in quotes:
        if quote.speaker is None:
            continue
        claim_start, claim_end = _claim_span(sents, starts, quote.start, quote.end)
        if _is_stance(doc, quote, claim_start, claim_end):
            # A stated position ("X supports Y") is not a claim with a source.
            continue
        key = (quote.speaker, claim_start, claim_end)
        if key in seen:
            continue
        seen.add(key)
        source_type, anonymous = kinds.get(quote.speaker, ("unknown", quote.anonymous))
        anonymous = anonymous or quote.anonymous
        if anonymous and source_type == "unknown":
            source_type = "anonymous"
        claim = doc_text(doc)[claim_start:claim_end]
        hedge = _strongest(hedge_of(claim), _qualifier(sents, starts, claim_end))
        out.append(
            Attribution(
                source=quote.speaker,
                source_type=source_type,
                anonymous=anonymous,
                claim_start=claim_start,
                claim_end=claim_end,
                hedge=hedge,
                cue=quote.cue,
                source_start=quote.speaker_start,
                source_end=quote.speaker_end,
            )
        )
    return tuple(out)
