"""Counts in conflict reports: numerals, number words, ranges and vague quantities.

``parse_count("between 30 and 40")`` → Count(low=30, best=35, high=40).
``casualties.casualties(sentence)`` finds the killed and wounded counts of one
sentence.

ACLED conventions followed here (ACLED codebook, "Fatalities"):
- the coded figure is the most conservative one reported, kept here as ``low``;
- vague plurals get fixed figures: "dozens" 12, "tens" 10, "hundreds" 100,
  "thousands" 1000; "several"/"many"/"scores" are not counted by ACLED as a
  number, so we keep them as ``None`` with the text (they appear in
  ``fatality_text``) — except that ACLED codes "several" as 3 when it must, which we
  do not guess;
- "at least N" and "more than N" give low = best = N (high unknown);
  "up to N" and "nearly/almost N" give high = N and low = best = N, because N is
  the only reported figure (ACLED would code N);
- ranges "between A and B", "A to B", "A-B" give low A, high B, best the midpoint.
Deaths only: wounded, abducted and arrested counts are returned separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a pair of": 2,
    "single": 1,
    "lone": 1,
}
# ACLED's fixed figures for vague plurals (codebook); "tens" is the Arabic-press idiom.
_VAGUE = {"dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "thousands": 1000}
_MULT = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_WORD = (
    r"(?:a dozen|a couple of|a pair of|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozen|an?|single|lone)"
)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD}(?:[- ]{_WORD})?(?: (?:hundred|thousand))?)"
_QUAL = (
    r"(?:at least|more than|over|some|about|around|approximately|nearly|almost|up to|as many as)"
)
COUNT_RE = re.compile(
    rf"\b(?:between (?P<a>{_NUM}) and (?P<b>{_NUM})"
    rf"|(?P<c>{_NUM}) (?:to|or) (?P<d>{_NUM})"
    rf"|(?P<e>\d+)-(?P<f>\d+)"
    rf"|(?:(?P<qual>{_QUAL}) )?(?P<n>{_NUM})"
    rf"|(?P<vague>dozens|tens|scores|hundreds|thousands))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int = 0
    end: int = 0


def word_to_int(text: str) -> int | None:
    """``"twenty-five"`` → 25, ``"1,200"`` → 1200, ``"two hundred"`` → 200; None if not a number."""
    raw = text.lower().replace(",", "").strip()
    if raw.isdigit():
        return int(raw)
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    total = 0
    for part in re.split(r"[- ]", raw):
        if part in _MULT:
            total = max(total, 1) * _MULT[part]
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        elif part:
            return None
    return total or None


def _count_from(match: re.Match[str], offset: int = 0) -> Count | None:
    text = match.group(0)
    start, end = match.start() + offset, match.end() + offset
    pairs = (("a", "b"), ("c", "d"), ("e", "f"))
    for lo_key, hi_key in pairs:
        if match.group(lo_key):
            lo, hi = word_to_int(match.group(lo_key)), word_to_int(match.group(hi_key))
            if lo is None or hi is None or lo > hi:
                return None
            return Count(lo, (lo + hi) // 2, hi, text, start, end)
    if match.group("vague"):
        value = _VAGUE[match.group("vague").lower()]
        return Count(value, value, None, text, start, end)
    number = word_to_int(match.group("n"))
    if number is None:
        return None
    value = number
    qual = (match.group("qual") or "").lower()
    if qual in ("at least", "more than", "over"):
        return Count(value, value, None, text, start, end)
    if qual in ("up to", "as many as", "nearly", "almost"):
        return Count(value, value, value, text, start, end)
    return Count(value, value, value, text, start, end)


def parse_count(text: str) -> Count | None:
    """The first count in ``text`` ("at least 20", "dozens", "between 30 and 40"), or None."""
    match = COUNT_RE.search(text)
    return _count_from(match) if match else None


def iter_counts(text: str) -> list[Count]:
    """Every count in ``text`` with offsets; bare "a"/"an" only where a noun of people follows."""
    out: list[Count] = []
    for match in COUNT_RE.finditer(text):
        bare = match.group("n") and match.group("n").lower() in ("a", "an", "single", "lone")
        if bare and not _PERSON_AFTER.match(text, match.end()):
            continue
        if _YEAR_OR_UNIT.match(text, match.end()) or _is_year(match.group(0)):
            continue
        if _MONTH_AFTER.match(text, match.end()) or _MONTH_BEFORE.search(text, 0, match.start()):
            continue
        if match.start() > 0 and text[match.start() - 1] in "$£€":
            continue
        count = _count_from(match)
        if count is not None:
            out.append(count)
    return out


_PERSON_AFTER = re.compile(
    r" (?:\w+ ){0,2}?(?:civilian|soldier|man|woman|child|boy|girl|person|policeman|officer|"
    r"militant|fighter|member|commander|teacher|student|farmer|journalist|doctor|worker|"
    r"protester|rebel|insurgent|villager|resident|police|guard|leader|local|driver|elder|"
    r"scholar|trader|shopkeeper|youth|teen|teenager|security|army|militia|Taliban|pastor|"
    r"priest|imam|chief|official|politician|judge|lawyer|nurse|businessman|herder|"
    r"shepherd|fisherman|miner|pilgrim|refugee|suspect|gunman|bandit|attacker|contractor)\b",
    re.IGNORECASE,
)
_YEAR_OR_UNIT = re.compile(
    r"(?:\s?(?:%|km|kilomet|kg|mm|miles?|meters?|metres?|years? old|-year-old|hours?|days?|"
    r"weeks?|months?|years?|a\.m\.|p\.m\.|am\b|pm\b|th\b|st\b|nd\b|rd\b|gallons?|tons?|\$))",
    re.IGNORECASE,
)


_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_AFTER = re.compile(rf"\s+{_MONTHS}\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.IGNORECASE)


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100
