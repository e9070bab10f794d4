"""Date resolution against a publication date (published Sunday 2015-03-08)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.resolve.dates import DateRange, resolve_date

PUB = date(2015, 3, 8)  # a Sunday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Sunday", date(2015, 3, 8), date(2015, 3, 8), 1),  # wire style: the publication day
        ("on Thursday", date(2015, 3, 5), date(2015, 3, 5), 1),
        ("last Thursday", date(2015, 3, 5), date(2015, 3, 5), 1),
        ("Saturday night", date(2015, 3, 7), date(2015, 3, 7), 1),
        ("last week", date(2015, 2, 23), date(2015, 3, 1), 2),
        ("last month", date(2015, 2, 1), date(2015, 2, 28), 3),
        ("in January", date(2015, 1, 1), date(2015, 1, 31), 3),
        ("in March", date(2015, 3, 1), date(2015, 3, 8), 3),
        ("in November", date(2014, 11, 1), date(2014, 11, 30), 3),
        ("this year", date(2015, 1, 1), date(2015, 3, 8), 3),
        ("overnight", date(2015, 3, 7), date(2015, 3, 8), 1),
        ("in recent weeks", date(2015, 2, 8), date(2015, 3, 8), 3),
        ("earlier this month", date(2015, 3, 1), date(2015, 3, 8), 3),
        ("last summer", date(2014, 6, 1), date(2014, 8, 31), 3),
        ("yesterday", date(2015, 3, 7), date(2015, 3, 7), 1),
        ("three days ago", date(2015, 3, 5), date(2015, 3, 5), 1),
        ("December 13", date(2014, 12, 13), date(2014, 12, 13), 1),
        ("9 May 2020", date(2020, 5, 9), date(2020, 5, 9), 1),
        ("On 21 March 2020", date(2020, 3, 21), date(2020, 3, 21), 1),
        ("May 9, 2020", date(2020, 5, 9), date(2020, 5, 9), 1),
    ],
)
def test_resolve(text: str, start: date, end: date, precision: int) -> None:
    resolved = resolve_date(text, published=PUB)
    assert resolved == DateRange(start, end, precision, text)


def test_without_published_keeps_text_and_guesses_nothing() -> None:
    assert resolve_date("last week", published=None) == DateRange(None, None, None, "last week")
    assert resolve_date("Sunday", published=None) == DateRange(None, None, None, "Sunday")


def test_absolute_dates_need_no_published() -> None:
    resolved = resolve_date("9 May 2020", published=None)
    assert resolved is not None and resolved.date_start == date(2020, 5, 9)


def test_a_day_after_counts_from_the_anchor() -> None:
    anchor = resolve_date("Thursday", published=PUB)
    resolved = resolve_date("a day after", published=PUB, anchor=anchor)
    assert resolved is not None and resolved.date_start == date(2015, 3, 6)
    unanchored = resolve_date("a day after", published=PUB)
    assert unanchored is not None and unanchored.date_start is None


@pytest.mark.parametrize("text", ["the fighters", "between 30 and 40", "15-year-old"])
def test_not_a_date(text: str) -> None:
    resolved = resolve_date(text, published=PUB)
    assert resolved is None or resolved.date_start is None


def test_us_style_ranges_of_strike_releases() -> None:
    got = resolve_date("between Nov. 1 and Nov. 3, 2024", published=None)
    assert got is not None
    assert (got.date_start, got.date_end, got.time_precision) == (
        date(2024, 11, 1),
        date(2024, 11, 3),
        2,
    )
    short = resolve_date("Nov. 1-3, 2024", published=None)
    assert short is not None and short.date_end == date(2024, 11, 3)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # Published Tuesday 4 June 2024: the weekend just past.
        ("at the weekend", date(2024, 6, 4), date(2024, 6, 1), date(2024, 6, 2)),
        ("over the weekend", date(2024, 6, 4), date(2024, 6, 1), date(2024, 6, 2)),
        ("last weekend", date(2024, 6, 4), date(2024, 6, 1), date(2024, 6, 2)),
        # Published on the Saturday itself: "this weekend" is that day so far,
        # "last weekend" is the one before.
        ("this weekend", date(2024, 6, 1), date(2024, 6, 1), date(2024, 6, 1)),
        ("last weekend", date(2024, 6, 1), date(2024, 5, 25), date(2024, 5, 26)),
    ],
)
def test_weekends(text: str, published: date, start: date, end: date) -> None:
    resolved = resolve_date(text, published=published)
    assert resolved == DateRange(start, end, 2, text)


def test_a_range_without_a_year_takes_the_latest_before_publication() -> None:
    published = date(2017, 12, 18)
    resolved = resolve_date("between Dec. 15-17", published=published)
    assert resolved == DateRange(date(2017, 12, 15), date(2017, 12, 17), 2, "between Dec. 15-17")
    # In a January release, "Dec. 30-31" is last year's.
    resolved = resolve_date("Dec. 30-31", published=date(2018, 1, 3))
    assert resolved is not None and resolved.date_start == date(2017, 12, 30)
