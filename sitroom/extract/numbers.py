"""Counts in conflict reports: numerals, number words, ranges and vague quantities.

``parse_count("between 30 and 40")`` → Count(low=30, best=35, high=40).
``casualties(sentence)`` finds the killed and wounded counts of one sentence.

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
    r"scholar|trader|shopkeeper|youth|teen|teenager|security|army|militia|Taliban)\b",
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


@dataclass(frozen=True, slots=True)
class Casualties:
    """Killed and wounded in one text; ``killed`` is None when no death count is given."""

    killed: Count | None
    wounded: int | None
    fatality_text: str | None


_DEATH = (
    r"(?:killed|dead|died|deaths?|fatalities|bodies|slain|executed|lost their lives|shot dead|"
    r"(?:beaten|burned|burnt|hacked|stabbed|stoned|lynched) to death|lynched)"
)
_WOUND = r"(?:wounded|injured|hurt|injuries|casualties)"
# Patterns of a count's immediate right (≤ 3 words) and left context. The windows
# are the usual English of casualty reporting (wire copy, ACLED/GTD style).
_RIGHT_NEAR = re.compile(
    rf"(?:\s+(?!and\b|or\b)[\w'-]+){{0,3}}?\s+(?P<w>{_DEATH}|{_WOUND})\b", re.IGNORECASE
)
_LEFT_DEATH = re.compile(
    r"(?:\bkill(?:ed|ing|s)?|\bclaim(?:ed|ing)? the lives of|"
    r"\bdeath toll(?: \w+){0,3}? (?:to|of|at)|"
    r"\bbodies of|\bexecut(?:ed|ing)|\bmassacr(?:ed|ing)|\bshot dead|\bbeheaded|\bslaughtered|"
    r"\bleft|\bleaving|\bkilling|\bto death)\s+(?:(?:the|all|another|a further|an estimated)\s+)?$",
    re.IGNORECASE,
)
# "The death toll from Friday night's bombing at a restaurant ... rose to twelve":
# the toll's noun may sit far left of its count (window: 160 characters, a long
# "from ..." phrase of wire copy).
_TOLL_LEFT = re.compile(
    r"\bdeath toll\b[^.;]{0,140}?\b(?:rose|risen|climbed|increased|jumped|reached|stood)"
    r"(?: to| at)?\s+(?:(?:at least|more than|about|nearly)\s+)?$",
    re.IGNORECASE,
)
_TOLL_WINDOW = 160
_LEFT_WOUND = re.compile(
    r"\b(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?:(?:the|all|another|a further)\s+)?$", re.IGNORECASE
)
# "N fatalities", "N deaths", "N dead": a restated total, not one more group of victims.
_TOTAL_AFTER = re.compile(r"\s+(?:fatalit(?:y|ies)|deaths?)\b", re.IGNORECASE)
_LEFT_SKIP = re.compile(r"\b(?:including|among them|of whom|of them|no)\s+$", re.IGNORECASE)
_RIGHT_FAR = re.compile(
    rf"\b(?:were|was|been|are|is|be)\s+(?:\w+\s+)?"
    rf"(?P<w>{_DEATH}|{_WOUND}|missing|abducted|kidnapped|arrested|detained)\b",
    re.IGNORECASE,
)
# "Three suicide bombers killed 19 people": a count followed by an active kill verb
# with its own object is the agent, not the dead.
_AGENT_OBJECT = re.compile(
    r"\s+(?:at least |more than |some |about )?(?:\d|an?\b|the\b|\w+ (?:people|civilians)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b)",
    re.IGNORECASE,
)
# Between two counts: the second is a further object of the same kill verb ("killed a
# commander and 4 of his bodyguards", "killing 3 civilians and 2 soldiers").
_AND_MORE = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+and\s+", re.IGNORECASE)
_JOINT = re.compile(r"\bkill(?:ed|ing)? (?:or|and) (?:wound|injur)", re.IGNORECASE)
_NONE = re.compile(
    r"\bno (?:one|fatalities|casualties|deaths)\b|\bnobody was (?:killed|hurt)", re.IGNORECASE
)
# How far right of a count its verb may sit (characters): "12 Taliban militants
# including 2 commanders were killed" needs ~60.
_FAR_CHARS = 90
_CLAUSE_END = re.compile(r"[;:]|\.\s")


def casualties(text: str) -> Casualties:
    """Deaths and wounded in one sentence (or short note); deaths are summed over phrases."""
    counts = [c for c in iter_counts(text) if not _LEFT_SKIP.search(text, 0, c.start)]
    killed: list[Count] = []
    wounded = 0
    for i, count in enumerate(counts):
        limit = counts[i + 1].start if i + 1 < len(counts) else len(text)
        stop = _CLAUSE_END.search(text, count.end)
        if stop:
            limit = min(limit, stop.start())
        role = _role(text, count, min(limit, count.end + _FAR_CHARS))
        if (
            role is None
            and killed
            and killed[-1] is counts[i - 1]
            and _AND_MORE.fullmatch(text, counts[i - 1].end, count.start)
        ):
            role = "killed"  # "killed a commander and 4 of his bodyguards": one more group
        if role == "killed":
            killed.append(count)
        elif role == "wounded" and count.low is not None:
            wounded += count.low
    if not killed:
        zero = _NONE.search(text)
        if zero and not _JOINT.search(text):
            return Casualties(Count(0, 0, 0, zero.group(0)), wounded or None, zero.group(0))
        return Casualties(None, wounded or None, None)
    totals = [c for c in killed if _TOTAL_AFTER.match(text, c.end)]
    groups = [c for c in killed if c not in totals]
    if totals and groups:
        summed = _sum(groups)
        biggest = max(totals, key=lambda c: c.low or 0)
        chosen = summed if (summed.low or 0) >= (biggest.low or 0) else biggest
        return Casualties(chosen, wounded or None, chosen.text)
    total = _sum(killed)
    return Casualties(total, wounded or None, "; ".join(c.text for c in killed))


def _role(text: str, count: Count, limit: int) -> str | None:
    near = _RIGHT_NEAR.match(text, count.end)
    if near and near.end() <= limit:
        if near.group("w").lower() in ("killed", "executed", "slain") and _AGENT_OBJECT.match(
            text, near.end()
        ):
            return None
        return _kind(near.group("w"), text, count)
    far = _RIGHT_FAR.search(text, count.end, limit)
    if far:
        return _kind(far.group("w"), text, count)
    before = text[max(0, count.start - 40) : count.start]
    if _LEFT_WOUND.search(before):
        return None if _JOINT.search(before) else "wounded"
    if _LEFT_DEATH.search(before):
        return None if _JOINT.search(before) else "killed"
    if _TOLL_LEFT.search(text[max(0, count.start - _TOLL_WINDOW) : count.start]):
        return "killed"
    return None


def _kind(word: str, text: str, count: Count) -> str | None:
    lowered = word.lower()
    if re.fullmatch(_WOUND, lowered):
        return "wounded" if lowered != "casualties" else None
    if re.fullmatch(_DEATH, lowered):
        window = text[count.end : count.end + 40]
        return None if _JOINT.search(window) else "killed"
    return None


def _sum(counts: list[Count]) -> Count:
    def add(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    return Count(
        add([c.low for c in counts]),
        add([c.best for c in counts]),
        add([c.high for c in counts]),
        "; ".join(c.text for c in counts),
        counts[0].start,
        counts[-1].end,
    )
