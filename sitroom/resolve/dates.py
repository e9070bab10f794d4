"""Resolve date expressions against a report's publication date.

``resolve_date("last week", published=date(2015, 3, 8))`` gives the calendar
week before the publication week, Monday to Sunday, with ACLED time precision
2. Our own rules handle the relative expressions reports use most and that
dateparser gets wrong or misses ("in recent weeks", "earlier this month",
"last summer", "in January" as a whole month); dateparser is the fallback
for the long tail. ``benchmarks/dates_throughput.py`` measures the cost.

Conventions (documented because reports are ambiguous):
- A weekday name means the most recent such day on or before publication,
  the publication day included: wire style (AP) names the day of the week even
  for events of the same day, so "Sunday" in a report published on Sunday is
  that Sunday. "last Sunday" is read the same way.
- "last week" is the calendar week (Mon–Sun) before the publication week.
- "in January" is the whole month (precision 3) of the most recent January not
  after publication; the range ends at publication if that month is the current one.
- "last summer" is the most recent June–August that ended before publication.
- "at the weekend" (also "last"/"this"/"over the") is the Saturday and Sunday
  of the publication day's weekend or the one just before it.
- Without a publication date nothing relative is resolved: the expression is kept
  in ``date_text`` and the dates stay None. Absolute dates ("9 May 2020") resolve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from sitroom.numbers import NUMBER_WORDS

DAY, WEEK, MONTH = 1, 2, 3

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RX = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
# The month names and abbreviations, for readers of dates in running text.
MONTH_PATTERN = _MONTH_RX
# Counts in relative dates ("three weeks ago", "a few days earlier"); vague words
# take 3, the smallest count that reads as "several".
_NUMBER_WORDS = {**NUMBER_WORDS, "few": 3, "several": 3}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


@dataclass(frozen=True, slots=True)
class DateRange:
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    date_text: str


_LEAD = re.compile(
    r"^(?:on|in|during|since|by|from|at|over|early|late|earlier|later|mid-?|the|one)\s+"
)
_FULL_DMY = re.compile(
    rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RX},?\s+(?P<year>\d{{4}})$"
)
_FULL_MDY = re.compile(rf"^{_MONTH_RX}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})$")
_MONTH_YEAR = re.compile(rf"^{_MONTH_RX},?\s+(?P<year>\d{{4}})$")
_DM = re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RX}$")
_MD = re.compile(rf"^{_MONTH_RX}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?$")
_MONTH_ONLY = re.compile(rf"^(?:early |late |mid-?)?{_MONTH_RX}$")
_WEEKDAY = re.compile(
    r"^(?:(?:last|this|past|on)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)
_AGO = re.compile(
    r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|few|several)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago$"
)
_LATER = re.compile(
    r"^(?:a|one|two|three|the)?\s*(?:day|days)\s+(?:after|later)|^the (?:next|following) day"
)
_SEASON = re.compile(r"^(?P<which>last|this|past)\s+(?P<season>spring|summer|autumn|fall|winter)$")

# Fixed relative phrases: a function of the publication date → (start, end, precision).
_FIXED: dict[str, tuple[int, int, int]] = {
    # offsets in days relative to publication: (start, end, precision)
    "today": (0, 0, DAY),
    "tonight": (0, 0, DAY),
    "this morning": (0, 0, DAY),
    "this afternoon": (0, 0, DAY),
    "this evening": (0, 0, DAY),
    "yesterday": (-1, -1, DAY),
    "last night": (-1, -1, DAY),
    "overnight": (-1, 0, DAY),
    "the day before yesterday": (-2, -2, DAY),
    "recent days": (-7, 0, WEEK),
    # "in the past 24 hours" (a toll's window): the day before publication and that day.
    "the past 24 hours": (-1, 0, WEEK),
    "past 24 hours": (-1, 0, WEEK),
    "the last 24 hours": (-1, 0, WEEK),
    "the past 48 hours": (-2, 0, WEEK),
    "the last 48 hours": (-2, 0, WEEK),
    "the past few days": (-7, 0, WEEK),
    "past few days": (-7, 0, WEEK),
    "the past week": (-7, 0, WEEK),
    "past week": (-7, 0, WEEK),
    "the last few days": (-7, 0, WEEK),
    # "recent weeks" reads as up to a month back: precision 3 (longer than a week).
    "recent weeks": (-28, 0, MONTH),
    "the past few weeks": (-28, 0, MONTH),
    "past few weeks": (-28, 0, MONTH),
    "the past month": (-30, 0, MONTH),
    "past month": (-30, 0, MONTH),
    "recent months": (-90, 0, MONTH),
    "the past few months": (-90, 0, MONTH),
}


def resolve_date(
    text: str, *, published: date | None, anchor: DateRange | None = None
) -> DateRange | None:
    """The date range ``text`` refers to, or None if ``text`` is no date expression.

    ``anchor`` is the date of the event that "a day after" counts from; without
    it (or without ``published`` for relative expressions) the dates stay None.
    """
    norm = _normalise(text)
    if not norm:
        return None
    absolute = _absolute(norm)
    if absolute is not None:
        return DateRange(absolute[0], absolute[1], absolute[2], text)
    if _LATER.match(norm):
        if anchor is None or anchor.date_start is None or anchor.date_end is None:
            return DateRange(None, None, None, text)
        step = timedelta(days=_later_days(norm))
        return DateRange(
            anchor.date_start + step, anchor.date_end + step, anchor.time_precision, text
        )
    if published is not None:
        yearless = _yearless_range(norm, published)
        if yearless is not None:
            return DateRange(yearless[0], yearless[1], yearless[2], text)
    if norm == "weekend" and not _THE_WEEKEND.search(text.lower()):
        return None  # "people enjoying their weekend" names no date
    if not _looks_relative(norm):
        return _fallback(text, published)
    if published is None:
        return DateRange(None, None, None, text)
    resolved = _relative(norm, published)
    if resolved is None:
        return _fallback(text, published)
    return DateRange(resolved[0], resolved[1], resolved[2], text)


def _normalise(text: str) -> str:
    norm = " ".join(text.lower().replace(",", " ").split())
    norm = (
        re.sub(r"\s+(?:night|morning|evening|afternoon)$", "", norm)
        if _WEEKDAY_END.search(norm)
        else norm
    )
    previous = None
    while previous != norm:
        previous = norm
        norm = _LEAD.sub("", norm)
    return norm.strip(" .")


_WEEKDAY_END = re.compile(r"day\s+(?:night|morning|evening|afternoon)$")
_RELATIVE_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|last|this|past|recent|ago|week|month|year|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|"
    r"morning|evening|afternoon|night|days|weekend)\b"
)


def _looks_relative(norm: str) -> bool:
    return bool(
        _RELATIVE_WORDS.search(norm)
        or _MONTH_ONLY.match(norm)
        or _DM.match(norm)
        or _MD.match(norm)
    )


Span = tuple[date, date, int]


_M1 = _MONTH_RX.replace("?P<month>", "?P<m1>")
_M2 = _MONTH_RX.replace("?P<month>", "?P<m2>")
# "between 26 April and 2 May 2020", "26-28 April 2020", "26 April - 2 May 2020"
_RANGE = re.compile(
    rf"^(?:between\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+{_M1})?\s*(?:-|–|and|to)\s*"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_M2},?\s+(?P<year>\d{{4}})$"
)
# US style, as in military strike releases: "between Nov. 1 and Nov. 3, 2024", "Nov. 1-3, 2024"
_RANGE_MDY = re.compile(
    rf"^(?:between\s+)?{_M1}\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|and|to)\s*"
    rf"(?:{_M2}\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<year>\d{{4}})$"
)
_WEEK_OF = re.compile(rf"^week of\s+(?P<day>\d{{1,2}})\s+{_MONTH_RX},?\s+(?P<year>\d{{4}})$")


def _range(norm: str) -> Span | None:
    match = _RANGE.match(norm) or _RANGE_MDY.match(norm)
    if match:
        year = int(match.group("year"))
        m2 = _MONTHS[match.group("m2") or match.group("m1")]
        m1 = _MONTHS[match.group("m1")] if match.group("m1") else m2
        start = _safe_date(year if m1 <= m2 else year - 1, m1, int(match.group("d1")))
        end = _safe_date(year, m2, int(match.group("d2")))
        if start is None or end is None or start > end:
            return None
        return start, end, WEEK if (end - start).days <= 7 else MONTH
    match = _WEEK_OF.match(norm)
    if match:
        year, month = int(match.group("year")), _MONTHS[match.group("month")]
        start = _safe_date(year, month, int(match.group("day")))
        return (start, start + timedelta(days=6), WEEK) if start else None
    return None


def _yearless_range(norm: str, pub: date) -> Span | None:
    """'between Dec. 15-17' in a release of 18 December: this year's, or last year's."""
    for year in (pub.year, pub.year - 1):
        found = _range(f"{norm} {year}")
        if found is not None and found[1] <= pub:
            return found
    return None


def _absolute(norm: str) -> Span | None:
    ranged = _range(norm)
    if ranged is not None:
        return ranged
    for rx in (_FULL_DMY, _FULL_MDY):
        match = rx.match(norm)
        if match:
            day = _safe_date(
                int(match.group("year")), _MONTHS[match.group("month")], int(match.group("day"))
            )
            return (day, day, DAY) if day else None
    match = _ISO.match(norm)
    if match:
        day = _safe_date(int(match.group("year")), int(match.group("m")), int(match.group("day")))
        return (day, day, DAY) if day else None
    match = _MONTH_YEAR.match(norm)
    if match:
        year, month = int(match.group("year")), _MONTHS[match.group("month")]
        return date(year, month, 1), _month_end(year, month), MONTH
    return None


def _relative(norm: str, pub: date) -> Span | None:
    if norm in _FIXED:
        start, end, precision = _FIXED[norm]
        return pub + timedelta(days=start), pub + timedelta(days=end), precision
    match = _WEEKDAY.match(norm)
    if match:
        back = (pub.weekday() - _WEEKDAYS[match.group("wd")]) % 7
        day = pub - timedelta(days=back)
        return day, day, DAY
    match = _DM.match(norm) or _MD.match(norm)
    if match:
        month, day_n = _MONTHS[match.group("month")], int(match.group("day"))
        found = _safe_date(pub.year, month, day_n)
        if found is not None and found > pub:
            found = _safe_date(pub.year - 1, month, day_n)
        return (found, found, DAY) if found else None
    match = _MONTH_ONLY.match(norm)
    if match:
        month = _MONTHS[match.group("month")]
        year = pub.year if month <= pub.month else pub.year - 1
        return date(year, month, 1), min(_month_end(year, month), pub), MONTH
    match = _AGO.match(norm)
    if match:
        return _ago(match, pub)
    match = _SEASON.match(norm)
    if match:
        return _season(match.group("which"), match.group("season"), pub)
    return _calendar(norm, pub)


_THE_WEEKEND = re.compile(r"\b(?:the|this|last|past)\s+weekend\b")
_WEEKENDS = frozenset({"weekend", "last weekend", "this weekend", "past weekend"})


def _calendar(norm: str, pub: date) -> Span | None:
    monday = pub - timedelta(days=pub.weekday())
    if norm == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1), WEEK
    if norm in ("this week", "week"):
        return monday, pub, WEEK
    if norm in _WEEKENDS:
        # The weekend now or just past: a report does not name a coming weekend
        # as the day of something that happened.
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if norm == "last weekend" and pub.weekday() >= 5:
            saturday -= timedelta(days=7)  # said on a weekend, "last weekend" is the one before
            return saturday, saturday + timedelta(days=1), WEEK
        return saturday, min(saturday + timedelta(days=1), pub), WEEK
    if norm == "last month":
        year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return date(year, month, 1), _month_end(year, month), MONTH
    if norm in ("this month", "month"):
        return date(pub.year, pub.month, 1), pub, MONTH
    if norm in ("this year", "year"):
        return date(pub.year, 1, 1), pub, MONTH
    if norm == "last year":
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), MONTH
    return None


def _ago(match: re.Match[str], pub: date) -> Span:
    raw = match.group("n")
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = match.group("unit").rstrip("s")
    if unit == "day":
        day = pub - timedelta(days=n)
        return day, day, DAY
    if unit == "week":
        centre = pub - timedelta(days=7 * n)
        return centre - timedelta(days=3), min(centre + timedelta(days=3), pub), WEEK
    if unit == "month":
        year, month = pub.year, pub.month - n
        while month < 1:
            year, month = year - 1, month + 12
        return date(year, month, 1), min(_month_end(year, month), pub), MONTH
    return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), MONTH


def _season(which: str, season: str, pub: date) -> Span:
    if season == "winter":
        # Winter spans the turn of the year: December to February.
        end_year = pub.year if pub.month >= 3 else pub.year - 1
        if which == "this" and pub.month in (12, 1, 2):
            end_year = pub.year + 1 if pub.month == 12 else pub.year
        start, end = date(end_year - 1, 12, 1), _month_end(end_year, 2)
        return start, min(end, pub), MONTH
    first, last = _SEASONS[season]
    year = pub.year
    if which == "this":
        return date(year, first, 1), min(_month_end(year, last), pub), MONTH
    if pub <= _month_end(year, last):
        year -= 1
    return date(year, first, 1), _month_end(year, last), MONTH


def _later_days(norm: str) -> int:
    match = re.match(r"^(?P<n>a|one|two|three)\s", norm)
    return _NUMBER_WORDS.get(match.group("n"), 1) if match else 1


# dateparser is slow (a locale search per call) and reports repeat their date phrases;
# with a base date it is a pure function of (text, base), so its answers are kept.
@lru_cache(maxsize=4096)
def _fallback(text: str, published: date | None) -> DateRange | None:
    """dateparser for the long tail; never without a base date (it would use today)."""
    if published is None or not _DATEISH.search(text) or _ORDINAL_DAY.search(text):
        return None
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    return DateRange(day, day, DAY, text)


# "for a second day", "the third straight day": a count of days, no calendar day
# (dateparser reads "a second day" as yesterday).
_ORDINAL_DAY = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th))\s+"
    r"(?:(?:straight|consecutive|successive)\s+)?(?:day|night)\b",
    re.IGNORECASE,
)


# dateparser reads "between 30 and 40" as 30 March 1940: only texts with a calendar
# word or a date-shaped number go to it.
_DATEISH = re.compile(
    rf"\b{_MONTH_RX}\b|\b\d{{1,2}}[/.-]\d{{1,2}}\b|\b(?:19|20)\d{{2}}\b|"
    r"\b(?:ago|yesterday|today|tomorrow|week|month|year|day|days|night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "31 February": no such day
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
