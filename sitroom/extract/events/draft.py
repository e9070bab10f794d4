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
    # No place or date in the trigger's clause: the unit only tells more of an incident
    # told elsewhere ("this airstrike killed three militants"); assembly joins it to one
    # or drops it.
    bare: bool = False
    # The unit points back at an incident already told ("the attack", "those attacks",
    # "this airstrike", "among the four killed", "there were no casualties").
    points_back: bool = False
    # A toll with no event word of its own ("There were no casualties reported",
    # "Among the four killed were police officers"): only the figure counts.
    toll_only: bool = False


def dated(draft: Draft) -> bool:
    return draft.when is not None and draft.when.date_start is not None
