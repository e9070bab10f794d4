"""Shared helpers of the attribution tests: reported quotes of a text we write."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.quotes import extract_quotes
from sitroom.records import Quote


def indirect_quotes(nlp: Language, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]


def contents(nlp: Language, text: str, cue: str | None = None) -> list[str]:
    """Reported contents (of one cue word, if given), checked against their offsets."""
    found = [q for q in indirect_quotes(nlp, text) if cue is None or q.cue == cue]
    for quote in found:
        assert quote.text == text[quote.start : quote.end]
    return [q.text for q in found]


def one_content(nlp: Language, text: str, cue: str) -> str:
    """The one reported content of ``cue``; fails with every quote found otherwise."""
    found = contents(nlp, text, cue)
    assert len(found) == 1, [(q.cue, q.text) for q in extract_quotes(nlp(text))]
    return found[0]


def at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)
