"""The ACLED sub-event type of a text: weighted cues, then the codebook rules.

``classify_string(text)`` scores the cues of ``cues`` (the table in
``sitroom/lexicon/event_cues.tsv``) and runs the rules of ``order.RULES`` over
the scores; ``classify_text(doc)`` gives ACLED's (event type, sub-event type).
The rules live in modules named for what they decide: ``weapons``, ``sides``,
``civilians``, ``crowds``, ``territory`` and ``out_of_scope``.

How the rules were chosen: each encodes one rule of the ACLED codebook that plain
word counts get wrong, was written from the codebook (several after class-level
error analysis of score-only confusions), and was checked on our own written
examples (``tests/data/event_types_own.jsonl``, tuning lines only) and on the
CASE 2021 task 2 development rows (index mod 10 in {0, 1, 2}); never on ACLED,
GTD or held-out rows. Thresholds carry a comment on how they were chosen.
"""

from __future__ import annotations

from sitroom.extract.events.classify.civilians import CIVILIAN_VICTIM
from sitroom.extract.events.classify.dominant import (
    MIN_CUE_SCORE,
    classify_string,
    classify_text,
)
from sitroom.extract.events.classify.killing import default_code
from sitroom.extract.events.classify.order import RULES

__all__ = [
    "CIVILIAN_VICTIM",
    "MIN_CUE_SCORE",
    "RULES",
    "classify_string",
    "classify_text",
    "default_code",
]
