"""Lists of dated items: one sentence that gives each of several strikes its own day.

Releases summarise a period by listing its days ("These include air strikes May
25, two airstrikes June 23 and 30, and one Aug. 14"; "raids on 3 and 9 March and
on 12 April"). ACLED codes one event per day, each with its own date; read as
one sentence, every item would take the first date.

A list is two or more days written month-and-day (either order, a month
shared by the days joined to it: "June 23 and 30"), joined only by list words:
commas, "and", counts and nouns ("two airstrikes", "and one", "and on"). A
range ("between June 9 and June 11", "from May 1 to May 3", "June 9-11") is one
period, not a list, and so is "June 3 ... came after ... May 28" (a verb between).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from spacy.tokens import Span

from sitroom.resolve.dates import MONTH_PATTERN, DateRange, resolve_date

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
_DAYS = rf"(?P<days>{_DAY}(?:{_JOIN}{_DAY})*)"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
# "June 23 and 30, 2018" and "23 and 30 June 2018"; a bare day must not run into a year.
_MONTH_FIRST = re.compile(rf"\b{MONTH_PATTERN}\s+{_DAYS}\b{_YEAR}", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"\b{_DAYS}\s+(?:of\s+)?{MONTH_PATTERN}\b{_YEAR}", re.IGNORECASE)
_ONE_DAY = re.compile(r"\d{1,2}")
# Words before the first day that make two days a period's ends, not a list.
_RANGE_BEFORE = re.compile(r"\b(?:between|from|since)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Parts of speech a list joint may hold: "two airstrikes", "and one", "and on", "an".
_JOINT_POS = frozenset({"NUM", "NOUN", "DET", "ADP", "CCONJ", "PUNCT", "ADJ", "SPACE"})
# A joint longer than this is prose, not a list ("and a further two air strikes on").
_MAX_JOINT_TOKENS = 6
# A list reads no "to", "until", "through" between its days (those make a range).
_RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru", "-", "–", "—"})


@dataclass(frozen=True, slots=True)
class DatedItem:
    """One day of a list, and the stretch of the sentence that tells its item: from the
    end of the item before to the end of its own day ("two airstrikes June 23 and 30";
    both days of one item share it). Offsets index the document's text."""

    when: DateRange
    start: int
    end: int


def dated_items(sentence: Span, published: date | None) -> list[DatedItem]:
    """The days of a list of dated items in ``sentence``, in order; [] when it has none."""
    text = sentence.text
    found = sorted(
        [*_MONTH_FIRST.finditer(text), *_DAY_FIRST.finditer(text)], key=lambda m: m.start()
    )
    items: list[re.Match[str]] = []
    for match in found:
        if items and match.start() < items[-1].end():
            continue  # "12 April" read twice ("… 9 March and on 12 April")
        items.append(match)
    days = sum(len(_ONE_DAY.findall(m.group("days"))) for m in items)
    if days < 2 or _RANGE_BEFORE.search(text[: items[0].start()]):
        return []
    if not all(_joint(sentence, a.end(), b.start()) for a, b in pairwise(items)):
        return []
    out: list[DatedItem] = []
    previous = 0
    for match in items:
        year = f" {match.group('year')}" if match.group("year") else ""
        lo = previous + len(text[previous:]) - len(text[previous:].lstrip(" ,;"))
        for day in _ONE_DAY.findall(match.group("days")):
            when = resolve_date(f"{match.group('month')} {day}{year}", published=published)
            if when is None or when.time_precision != 1:
                return []
            out.append(DatedItem(when, sentence.start_char + lo, sentence.start_char + match.end()))
        previous = match.end()
    return out


def _joint(sentence: Span, lo: int, hi: int) -> bool:
    """Whether the text between two dated items only joins them ("two airstrikes", "and one")."""
    base = sentence.start_char
    between = sentence.doc.char_span(base + lo, base + hi, alignment_mode="contract")
    if between is None:
        return False  # two items back to back with no joint
    tokens = [t for t in between if not t.is_space]
    return (
        0 < len(tokens) <= _MAX_JOINT_TOKENS
        and any(t.text in (",", ";", "&") or t.lower_ == "and" for t in tokens)
        and all(t.pos_ in _JOINT_POS and t.lower_ not in _RANGE_WORDS for t in tokens)
    )


__all__ = ["DatedItem", "dated_items"]
