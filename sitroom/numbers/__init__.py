"""Counts in conflict reports (``counts``) and the killed and wounded of a sentence
(``numbers.casualties``), for both ``extract`` and ``resolve``."""

from __future__ import annotations

from sitroom.numbers.casualties import Casualties, arrested, casualties
from sitroom.numbers.counts import NUMBER_WORDS, Count, iter_counts, parse_count

__all__ = [
    "NUMBER_WORDS",
    "Casualties",
    "Count",
    "arrested",
    "casualties",
    "iter_counts",
    "parse_count",
]
