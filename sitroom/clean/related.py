"""Related headlines: the run of other stories' titles that pages append to a report.

A headline is short, has no sentence-final period and starts with a capital;
a body paragraph is long and ends with a period. The run is only taken from
the end of the text (or after a "Related" heading), and only when it is
clearly a run: three or more headlines, or one after a credit line or heading.
A final list introduced by a colon is the report's own list and is kept.
"""

from __future__ import annotations

import re

# Longest related headline: headlines run 40-110 characters (the seed's are
# 46-84); 160 leaves room for long ones while a body paragraph of one sentence
# is rarely under that *and* without a final period.
MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 25
# Without a credit line or a heading before it, a run needs three headlines:
# a subheading plus a cut-off last paragraph (../shared/corpus 016 is
# truncated mid-sentence) make two short lines without a period.
MIN_BARE_RUN = 3

RELATED_HEADING_RE = re.compile(
    r"^(?:related(?: (?:stories|articles|coverage|content|links|news|reading|posts))?|"
    r"you (?:may|might) (?:also )?like|more (?:from|on) .{1,40}|more stories|more news|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|latest news|"
    r"editor'?s picks|what to read next|recommended(?: for you)?|in other news|"
    r"further reading)\s*[:.»›]?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", ":", ";", ",", ".”", '."', ".’", ".)")
_LIST_MARK_RE = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")
# Lines of a schedule or fact box, not headlines: a leading date or number,
# venue "@" or column "|" separators.
_NOT_TITLE_RE = re.compile(
    r"^(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|[@|]",
    re.IGNORECASE,
)
# A bare run's headlines are sentences of news (verb and all), not labels.
MIN_BARE_HEADLINE_WORDS = 4


def is_related_heading(line: str) -> bool:
    return RELATED_HEADING_RE.match(line.strip()) is not None


def is_headline(line: str) -> bool:
    """Short, title-like and without a sentence-final period."""
    text = line.strip()
    if not text or len(text) > MAX_HEADLINE_CHARS or text.endswith(_SENTENCE_END):
        return False
    words = text.split()
    if len(words) < 3 or len(words) > MAX_HEADLINE_WORDS:
        return False
    first = text.lstrip("‘“\"'")[:1]
    return first.isupper() or first.isdigit()


def related_tail(lines: list[str], *, after_credit: bool) -> int:
    """How many of the final non-blank ``lines`` form a related-headlines run (0 if none)."""
    run = 0
    for line in reversed(lines):
        if not is_headline(line):
            break
        run += 1
    if run == 0:
        return 0
    if run == len(lines):
        return 0  # nothing but short lines: not a report with a tail
    before = lines[-run - 1].strip()
    if before.endswith(":"):
        return 0
    if after_credit or is_related_heading(before):
        return run
    tail = lines[-run:]
    if run >= MIN_BARE_RUN and all(_is_bare_headline(line) for line in tail):
        return run
    return 0


def _is_bare_headline(line: str) -> bool:
    text = line.strip()
    return (
        len(text.split()) >= MIN_BARE_HEADLINE_WORDS
        and _LIST_MARK_RE.match(text) is None
        and _NOT_TITLE_RE.search(text) is None
    )
