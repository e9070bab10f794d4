"""Counts in conflict reports (``counts``) and the killed and wounded of a sentence
(``numbers.casualties``), for both ``extract`` and ``resolve``."""

from __future__ import annotations

from sitroom.numbers.casualties import Casualties, casualties
from sitroom.numbers.counts import NUMBER_WORDS, Count, iter_counts, parse_count

__all__ = ["NUMBER_WORDS", "Casualties", "Count", "casualties", "iter_counts", "parse_count"]
