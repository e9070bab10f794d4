"""Which names the small NER model missed or mislabelled are places.

The text says so ("the town of Anéfis" tagged PERSON, "the nearby Gwoza
district", "Adamawa state", "the capital Bujumbura" tagged ORG, "in Dayr Az
Zawr Province and Raqqah" tagged PERSON), or the name is one the gazetteer
scan accepts on its own (a country, a province, a town of ≥ 50,000).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span

from sitroom.resolve.geo.cues import CITY_WORDS, REGION_WORDS, demonym_country, of_phrase
from sitroom.resolve.geo.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A place found only by the gazetteer scan must be this populous (or be a
# country/region): small-town names collide with surnames and common words.
# Chosen on LGL: lower values added more false names than found toponyms.
SCAN_MIN_POPULATION = 50_000

FEATURE_AFTER = re.compile(
    r"^\s+(?:" + "|".join(sorted((CITY_WORDS | REGION_WORDS) - {"capital", "state"})) + r")\b"
)
# "Adamawa state", "northern Shan state": lower-case "state" after a name the
# gazetteer has as a province (never "Islamic State").
STATE_AFTER = re.compile(r"^\s+state\b")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|at|(?:the|its|their)\s+capital,?)\s+$")
_REGION_TAIL = frozenset(["province", "governorate", "region", "oblast", "prefecture"])


def place_by_cue(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """An entity of another label that the text calls a place: "the town of
    Anéfis" (tagged PERSON), "Mali's Kidal region" (tagged NORP), "a market
    in Kherson" (tagged ORG) when the name is one the gazetteer scan accepts."""
    kind, _ = of_phrase(text[max(0, start - 80) : start])
    if kind is not None or FEATURE_AFTER.match(text[end : end + 20]):
        return True
    if STATE_AFTER.match(text[end : end + 10]):
        return names_kind(gazetteer, text[start:end], ("admin1",))
    return bool(_LOCATIVE_BEFORE.search(text[max(0, start - 20) : start])) and scan_accepts(
        gazetteer, text[start:end]
    )


def listed_after(
    gazetteer: Gazetteer, text: str, prev_end: int | None, start: int, end: int
) -> bool:
    """ "in Dayr Az Zawr Province and Raqqah" (Raqqah tagged PERSON): a name
    coordinated with the place just before it (ending at ``prev_end``), when
    the scan would accept it."""
    if prev_end is None:
        return False
    return text[prev_end:start] in (" and ", ", ", ", and ", " or ") and scan_accepts(
        gazetteer, text[start:end]
    )


def joined(gazetteer: Gazetteer, ents: Iterable[Span], text: str) -> list[Span]:
    """ "Dayr Az" + "Zawr Province" (both PERSON): one name the model cut in
    two, when the whole is a name the scan accepts."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == ent.label_
            and ent.label_ not in PLACE_LABELS
            and text[prev.end_char : ent.start_char] == " "
            and prev.sent == ent.sent
            and scan_accepts(gazetteer, text[prev.start_char : ent.end_char])
        ):
            out[-1] = prev.doc[prev.start : ent.end]
            out[-1].label_ = ent.label_
            continue
        out.append(ent)
    return out


def scan_accepts(gazetteer: Gazetteer, text: str) -> bool:
    """A name the scan takes on its own: a country, a province or a big town."""
    if demonym_country(text) is not None:
        return False
    head, _, last = text.rpartition(" ")
    if head and last.lower() in _REGION_TAIL:
        text = head  # "Dayr Az Zawr Province"
    for cand in gazetteer.lookup(text):
        if not cand.main:
            continue
        kind = cand.place.kind
        if kind in ("country", "admin1") or (
            kind == "city" and cand.place.population >= SCAN_MIN_POPULATION
        ):
            return True
    return False


def in_region(gazetteer: Gazetteer, text: str, regions: set[tuple[str, str | None]]) -> bool:
    """A town (any size) of one of ``regions`` ((country, admin1) pairs)."""
    if not regions or demonym_country(text) is not None:
        return False
    return any(
        c.main and c.place.kind == "city" and (c.place.cc, c.place.admin1) in regions
        for c in gazetteer.lookup(text)
    )


def names_kind(gazetteer: Gazetteer, text: str, kinds: tuple[str, ...]) -> bool:
    return any(c.main and c.place.kind in kinds for c in gazetteer.lookup(text))


def feature_named(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """ "the nearby Gwoza district", "Adamawa state": a name the text calls a
    place is taken whatever its population, when the gazetteer has it as one."""
    after = text[end : end + 20]
    if STATE_AFTER.match(after):
        return names_kind(gazetteer, text[start:end], ("admin1",))
    if FEATURE_AFTER.match(after) and demonym_country(text[start:end]) is None:
        return names_kind(gazetteer, text[start:end], ("admin1", "admin2", "city"))
    return False
