"""Datelines: ``BAGHDAD (Reuters) -``, ``ISTANBUL —``, ``MOSUL, Iraq (Sitroom Wire) —``.

A dateline opens the first paragraph of a wire story: the place in capitals,
optionally a country or state, optionally a date, optionally the agency in
brackets, then a dash. It is metadata, not a sentence of the report, so clean
takes it out of the body (recorded in ``removed`` as kind ``other``, reason
``dateline``) and returns it as ``dateline`` with the place as
``dateline_place``. The body then starts with the report's first word, and
every offset downstream indexes that body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The place in capitals: one to five words (``SOUTHWEST ASIA``, ``DEIR AL-ZOUR``).
_PLACE = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]*){0,4}"
# Then an optional region in title case (``, Iraq``, ``, N.Y.``), up to three words.
_REGION = r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
# An optional date (``, Oct. 23, 2015``; ``, March 3``).
_DATE = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
_DATELINE_RE = re.compile(
    rf"^(?P<dateline>(?P<place>{_PLACE}{_REGION}){_DATE}{_AGENCY})\s*(?P<dash>--|[-—–])\s+"
    # The report's first sentence starts with a capital, a digit or a quote mark.
    r"(?=[A-Z0-9\"“‘'])"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # the dateline as written, e.g. "BAGHDAD (Reuters)"
    place: str  # the place, capitals made title case, e.g. "Baghdad"
    removed: str  # what leaves the body, dash included: "BAGHDAD (Reuters) -"
    end: int  # where the body starts in the paragraph


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _place(raw: str) -> str:
    head, _, region = raw.partition(",")
    words = " ".join(_title(word) if word.isupper() else word for word in head.split())
    return f"{words}, {region.strip()}" if region.strip() else words


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens ``paragraph``, or None."""
    match = _DATELINE_RE.match(paragraph)
    if match is None:
        return None
    place = match.group("place")
    # At least one capitals word of 3+ letters: "A -" or "US -" are not places.
    if not any(len(word) >= 3 and word.isupper() for word in place.split(",")[0].split()):
        return None
    return Dateline(
        text=match.group("dateline").strip(),
        place=_place(place),
        removed=paragraph[: match.end()].strip(),
        end=match.end(),
    )
