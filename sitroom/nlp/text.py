"""The text of a parsed document, built once.

spaCy's ``Doc.text`` joins every token again on each access, so code that reads
a few characters around each entity or cue pays for the whole document each
time. ``doc_text`` keeps the string in ``doc.user_data`` after the first call.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "sitroom.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


__all__ = ["doc_text"]
