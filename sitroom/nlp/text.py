"""The text and the entities of a parsed document, built once.

spaCy's ``Doc.text`` joins every token again on each access, and ``Doc.ents`` (so
``Span.ents`` too) builds a new ``Span`` for every entity of the document on each
access; code that reads a few characters or the entities around each cue pays for
the whole document each time. ``doc_text`` and ``doc_ents`` keep them in
``doc.user_data`` after the first call: read them once the document's annotation is
final (after the pipeline; extraction never sets entities).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT_KEY = "sitroom.text"
_ENTS_KEY = "sitroom.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document."""
    cached = doc.user_data.get(_ENTS_KEY)
    if not isinstance(cached, tuple):
        cached = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return cached


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``) from the cached ``doc_ents``,
    selected as spaCy selects them."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


__all__ = ["doc_ents", "doc_text", "span_ents"]
