"""Small reads of spaCy's dependency tree that the attribution rules share."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

_DOUBLE_MARKS = '"“”'


def reaches(token: Token, verb: Token, sent: Span) -> bool:
    """Whether ``token`` reaches ``verb`` by its heads inside ``sent``."""
    while token.i != verb.i and token.head.i != token.i and sent.start <= token.head.i < sent.end:
        token = token.head
    return token.i == verb.i


def phrase_roots(tokens: Sequence[Token]) -> list[Token]:
    """The words of ``tokens`` whose head lies outside them (or that head themselves)."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def has_double_marks(sent: Span) -> bool:
    """Whether a double quote mark stands in ``sent`` (its quote is then read as direct)."""
    return any(mark in sent.text for mark in _DOUBLE_MARKS)
