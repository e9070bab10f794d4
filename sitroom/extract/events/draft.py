"""A draft: one unit's reading of an event, before the document-level decisions."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitroom.numbers import Casualties
from sitroom.resolve.dates import DateRange


@dataclass(frozen=True, slots=True)
class Draft:
    """One sentence's reading of an event, before the report-level rules."""

    code: str
    sentence: Span
    trigger: Token
    when: DateRange | None
    place: str | None
    actor1_text: str | None
    actor2_text: str | None
    deaths: Casualties
    aggregate: bool
    sources: tuple[str, ...]
    certainty: str
    own_place: bool = False  # the place is named in this sentence, not carried over
    generic: bool = False  # a present-tense statement ("are regularly abducted")
    # A line of a strike release ("Near X, two strikes ..."): its own place-day event,
    # never joined to another line or sentence.
    listed: bool = False


def dated(draft: Draft) -> bool:
    return draft.when is not None and draft.when.date_start is not None
