"""Whole-line furniture: the ``line`` rows of ``furniture.tsv`` (see :mod:`.patterns`).

Each rule matches a complete line (a paragraph, in most text) and names the
``Removed`` kind and a reason. A rule never removes part of a sentence: a
line that merely mentions "subscribe" or a URL inside prose is body text.
"""

from __future__ import annotations

from sitroom.clean.patterns import Pattern, match_line

# A URL line is only a candidate: clean keeps one that stands alone in the body.
URL_LIST_REASON = "URL reference list"


def classify_line(line: str) -> Pattern | None:
    """The first rule that matches the whole of ``line``, or None for body text."""
    text = line.strip()
    return match_line(text) if text else None
