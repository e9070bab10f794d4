"""Extract: quotes, attributions and events from a parsed report.

Two subpackages that never import each other: ``speech`` (quotes, speakers,
attributions) and ``events`` (triggers, arguments, types, document-level
assembly). Counts live in ``sitroom.numbers`` and vocabulary in
``sitroom.lexicon``, which ``resolve`` reads too.
"""

from __future__ import annotations

from sitroom.extract.events import (
    by_code,
    by_name,
    classify_text,
    extract_events,
    is_acled,
    stated_day,
)
from sitroom.extract.speech import extract_attributions, extract_quotes

# The three entry points, for the evaluation harness the short-text classifier and
# the ACLED taxonomy, and for the pipeline the day a report states (``stated_day``).
__all__ = [
    "by_code",
    "by_name",
    "classify_text",
    "extract_attributions",
    "extract_events",
    "extract_quotes",
    "is_acled",
    "stated_day",
]
