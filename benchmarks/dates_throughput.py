"""Date resolution cost: ``resolve_date`` next to dateparser alone, in one run.

Resolves a fixed mix of expressions as they occur in reports (weekday names,
"last week", "in January", explicit dates, phrases dateparser misses) against one
publication date, many times, and prints expressions/s and µs per expression for
(a) ``sitroom.resolve.dates.resolve_date``, (b) ``dateparser.parse`` with
``languages=['en']`` and (c) ``dateparser.parse`` with language autodetection,
plus how many expressions each resolved. A benchmark, not a test.

    python benchmarks/dates_throughput.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, datetime

import dateparser

from sitroom.resolve.dates import resolve_date

PUBLISHED = date(2015, 3, 8)
EXPRESSIONS = (
    "Sunday",
    "on Thursday",
    "last week",
    "last month",
    "in January",
    "January",
    "this year",
    "overnight",
    "in recent weeks",
    "earlier this month",
    "last summer",
    "yesterday",
    "three days ago",
    "two weeks ago",
    "December 13",
    "9 May 2020",
    "21 March 2020",
    "May 9, 2020",
    "March 2020",
    "Saturday night",
    "last Thursday",
    "the past week",
    "15-year-old",
    "between 30 and 40",
)


def _ours(text: str) -> bool:
    resolved = resolve_date(text, published=PUBLISHED)
    return resolved is not None and resolved.date_start is not None


_BASE = datetime(PUBLISHED.year, PUBLISHED.month, PUBLISHED.day)


def _dateparser_en(text: str) -> bool:
    return dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": _BASE}) is not None


def _dateparser_auto(text: str) -> bool:
    return dateparser.parse(text, settings={"RELATIVE_BASE": _BASE}) is not None


def measure(fn: Callable[[str], bool], repeat: int) -> tuple[float, int]:
    """(seconds per expression, expressions resolved) over ``repeat`` passes."""
    for text in EXPRESSIONS:  # warm caches (dateparser loads its language data lazily)
        fn(text)
    start = time.perf_counter()
    resolved = 0
    for _ in range(repeat):
        resolved = sum(fn(text) for text in EXPRESSIONS)
    elapsed = time.perf_counter() - start
    return elapsed / (repeat * len(EXPRESSIONS)), resolved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    rows = (
        ("sitroom resolve_date", _ours),
        ("dateparser languages=['en']", _dateparser_en),
        ("dateparser autodetect", _dateparser_auto),
    )
    print(f"{len(EXPRESSIONS)} expressions x {args.repeat} passes, published {PUBLISHED}")
    for name, fn in rows:
        per, resolved = measure(fn, args.repeat)
        print(
            f"{name:30s} {1 / per:10.0f} expr/s {per * 1e6:9.1f} µs/expr "
            f"resolved {resolved}/{len(EXPRESSIONS)}"
        )


if __name__ == "__main__":
    main()
