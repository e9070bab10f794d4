"""What a report's headline says happened, and where.

A headline is the document's title, never an event sentence: it carries no evidence
of its own. But short reports and fragments often tell their incident in the
headline only ("Twin bombings hit market in Tal Bira") and then go on with
sentences that point back at it without a place ("The attacks occurred near the
main checkpoint at dawn."). ``read_headline`` reads the headline's act
and first place; assembly gives them to the report's first incident when the body
names no place for it (``assemble.incidents``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from sitroom.extract.events.args import place_ents
from sitroom.extract.events.classify import MIN_CUE_SCORE, classify_string, default_code
from sitroom.extract.events.taxonomy import by_code, is_acled
from sitroom.extract.events.triggers import find_triggers

_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class Headline:
    """The act a headline names (a CASE sub-event code) and its first place, if any."""

    code: str
    place: str | None


def read_headline(doc: Doc | None) -> Headline | None:
    """The violent act and place of a parsed headline, or None if it names no such act."""
    if doc is None or len(doc) == 0:
        return None
    triggers = find_triggers(doc[:])
    if not triggers:
        return None
    code, score = classify_string(doc.text)
    if not is_acled(code) or score < MIN_CUE_SCORE:
        code = default_code(triggers[0][1], doc.text)
    if code != "KILL" and by_code(code).event_type not in _VIOLENT_TYPES:
        return None
    places = place_ents(doc[:])
    return Headline(code, places[0].text if places else None)


class LazyHeadline:
    """A headline read only when assembly asks for it: most reports place their incidents
    themselves, so the title is parsed (``parse``) for a few of them only."""

    def __init__(self, parse: Callable[[], Doc | None]) -> None:
        self._parse = parse
        self._read = False
        self._headline: Headline | None = None

    def get(self) -> Headline | None:
        if not self._read:
            self._headline = read_headline(self._parse())
            self._read = True
        return self._headline


def lazy_headline(headline: Doc | Callable[[], Doc | None] | None) -> LazyHeadline:
    """A parsed title, or a function that parses it, as a ``LazyHeadline``."""
    if headline is None or isinstance(headline, Doc):
        return LazyHeadline(lambda: headline)
    return LazyHeadline(headline)
