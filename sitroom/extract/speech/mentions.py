"""Source phrases: where a source is named, what kind of source it is.

``mention_of(token)`` cuts the source phrase out of spaCy's parse around the
head of a cue's subject (or the object of "according to" / the passive
"by"); its descriptive children become the role. ``classify`` says what kind
of source a mention names (``records.SOURCE_TYPES``) and whether it is
anonymous. ``speakers.SourceTracker`` resolves mentions to sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from sitroom.extract.speech.words import (
    ANONYMOUS_HEADS,
    GOVERNMENT_MODIFIERS,
    GOVERNMENT_WORDS,
    MEDIA_IF_NEWS,
    MEDIA_WORDS,
    NEWS_WORDS,
    NON_STATE_WORDS,
    ORGANIZATION_WORDS,
    ROLE_HEADS,
)
from sitroom.nlp.text import doc_ents

_DESCRIPTIVE = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis"})
NAMING = frozenset({"appos", "compound", "npadvmod", "nmod"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True, slots=True)
class SourceMention:
    """A source phrase: ``start``/``end`` is the mention, ``full_*`` the phrase with its role."""

    start: int
    end: int
    text: str
    head: int  # token index of the head
    full_start: int
    full_end: int
    role: str | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """The source a mention stands for."""

    name: str
    source_type: str  # one of records.SOURCE_TYPES
    anonymous: bool
    role: str | None = None


def _trim_punct(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens


def _span_text(doc: Doc, tokens: list[Token]) -> str | None:
    tokens = _trim_punct(tokens)
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def mention_of(head: Token, ents: Sequence[Span] | None = None) -> SourceMention:
    """The source phrase headed by ``head``; descriptive children become the role.

    ``ents`` is ``doc.ents`` when the caller has it (spaCy rebuilds it per access,
    as it does ``Doc.text``, so this works on tokens and spans only).
    """
    doc = head.doc
    known_ents: Sequence[Span] = doc_ents(doc) if ents is None else ents
    kept = [head]
    role_tokens: list[Token] = []
    for child in head.lefts:
        if child.dep_ in _DESCRIPTIVE:
            continue
        kept.extend(child.subtree)
    stopped = False
    for child in head.rights:
        if stopped or child.dep_ in _DESCRIPTIVE:
            stopped = True
            if child.dep_ in {"appos", "relcl", "acl"} and not role_tokens:
                role_tokens = list(child.subtree)
            continue
        kept.extend(child.subtree)
    first = min(t.i for t in kept)
    last = max(t.i for t in kept)
    # A named entity the parse cut in two ("Raqqa Is Being Slaughtered Silently")
    # is kept whole.
    for ent in known_ents:
        if ent.label_ in NAMED and ent.start <= last and ent.end > first:
            first, last = min(first, ent.start), max(last, ent.end - 1)
    # The parse may run over a paragraph break; a mention stays in its paragraph.
    for i in range(first, last + 1):
        if "\n" in doc[i].text:
            if i < head.i:
                first = i + 1
            elif i > head.i:
                last = i - 1
                break
    while first < last and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    full = list(head.subtree)
    span = doc[first : last + 1]
    return SourceMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        head=head.i,
        full_start=min(span.start_char, full[0].idx),
        full_end=max(span.end_char, full[-1].idx + len(full[-1])),
        role=_span_text(doc, role_tokens),
    )


def mention_tokens(doc: Doc, mention: SourceMention) -> list[Token]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return list(span) if span is not None else [doc[mention.head]]


def entities_in(ents: Sequence[Span], start: int, end: int) -> list[Span]:
    return [e for e in ents if e.label_ in NAMED and e.start_char < end and e.end_char > start]


def classify(
    doc: Doc, mention: SourceMention, ents: Sequence[Span] | None = None
) -> tuple[str, bool]:
    """``(source_type, anonymous)`` of a mention, from its entities and head word."""
    head = doc[mention.head]
    all_ents: Sequence[Span] = doc_ents(doc) if ents is None else ents
    words = {t.lower_ for t in mention_tokens(doc, mention)}
    # Only entities that are or name the head count: "attacks against Islamic
    # State targets" is not an organization.
    named = [
        e
        for e in entities_in(all_ents, mention.full_start, mention.full_end)
        if head in e or any(t.head.i == head.i and t.dep_ in NAMING for t in e)
    ]
    labels = {e.label_ for e in named}
    lemma = head.lemma_.lower()
    unnamed = not named and head.pos_ != "PROPN"
    # The head word says most ("Airwatch Network", "the aid agency"), then the
    # entity label, then the modifiers.
    if lemma in MEDIA_IF_NEWS and words & NEWS_WORDS:
        return "media", unnamed
    if lemma in MEDIA_WORDS:
        return "media", unnamed
    if lemma in ROLE_HEADS or head.lower_ in ROLE_HEADS:
        gov = bool(words & GOVERNMENT_MODIFIERS) or bool(labels & {"NORP", "GPE", "ORG"})
        if words & NON_STATE_WORDS:
            gov = False
        return ("government" if gov else "anonymous"), unnamed
    if lemma in GOVERNMENT_WORDS:
        return "government", unnamed
    if lemma in ORGANIZATION_WORDS:
        return "organization", False
    if "PERSON" in labels and head.ent_type_ == "PERSON":
        return "person", False
    if "ORG" in labels:
        if words & MEDIA_WORDS:
            return "media", False
        if words & GOVERNMENT_WORDS:
            return "government", False
        return "organization", False
    if "GPE" in labels and not labels & {"PERSON"}:
        return "government", False
    if lemma in ANONYMOUS_HEADS or head.lower_ in ANONYMOUS_HEADS or "NORP" in labels:
        return "anonymous", True
    if "PERSON" in labels or head.pos_ == "PROPN":
        return "person", False
    return "unknown", head.pos_ == "NOUN" and head.tag_ == "NNS"
