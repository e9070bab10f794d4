"""Where reported content ends when a quote runs on past its cue sentence.

Some wires and newspapers mark quotes with two apostrophes (''…'') rather than double
quote marks. Those are not direct quotes to ``marks`` (an apostrophe pair is too often
something else), so "''It is not reform,'' said X. ''It is tinkering.''" reaches the
attribution rules as "…, X said" with the first sentence as its content. PolNeAR
annotates the whole paragraph as one attribution: the quote keeps going after the cue
sentence. ``run_on`` extends such content over the quote's next part.

``partly_quoted`` tells reported content with a short marked quote in it,
which is reported speech as well as holding a direct quote.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitroom.nlp.text import doc_text

# Two apostrophes (or the backtick pair some feeds use) open such a quote.
_OPENERS = ("''", "``")
_PAIR = re.compile("''|``")
_EDGE = " \t\n,;:.'\"‘’“”"


# The cue between two parts of a quote ("'', said Ana Ruiz, a local official. ''"), in
# characters: a name with a long apposition fits; longer gaps hold other text, and the quote
# has ended. Set by reading train samples, not tuned, at first 160; raised to 250 for the
# long appositions of NYT cues ("'', said Ana Ruiz, a former adviser to two governors who
# has since advised the campaign on trade and on the budget. ''"); 220, 300 and 400
# read the same.
MAX_CUE_GAP = 250


def _open_at_end(text: str, start: int, end: int) -> bool:
    """Whether the content ends where a pair quote closes: it opens with the
    pair, or holds one opening pair ("Sooner or later, ''I think …'', he said")."""
    inside = text[start:end].count("''") + text[start:end].count("``")
    opens = text[max(0, start - 2) : start] in _OPENERS
    return (opens and inside == 0) or (not opens and inside == 1)


def within_pair(content: tuple[int, int], text: str, cue_at: int) -> tuple[int, int]:
    """``content`` widened to the apostrophe-pair quote it lies in: the parse splits "''It
    was fair. It was also late,'' she said" or stops at an "and", but PolNeAR's content
    is everything between the pairs. Only within one paragraph, and never for content
    that crosses a closing pair.
    """
    start, end = content
    para = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    marks = [m.start() for m in _PAIR.finditer(text, para, para_end)]
    before = [m for m in marks if m + 2 <= start]
    if len(before) % 2 == 0:
        return content
    close = next((m for m in marks if m >= start), None)
    if close is None or close < end - 2 or before[-1] < cue_at < close:
        return content
    new_start, new_end = before[-1] + 2, close
    while new_end > new_start and text[new_end - 1] in _EDGE:
        new_end -= 1
    while new_start < new_end and text[new_start] in _EDGE:
        new_start += 1
    return (new_start, new_end) if new_end > new_start else content


# A sentence that starts inside the gap ("… said in a briefing. But he added, ''…") holds a
# cue of its own for the next part. A lowercase word before the stop keeps "Mr. Ortiz" from
# reading as a sentence end.
_NEW_SENTENCE = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")


def run_on(content: tuple[int, int], sent: Span) -> tuple[int, int]:
    """``content`` extended over the next part of its apostrophe-pair quote:
    "''This is not a truce,'' said Ana Ruiz. ''It is a pause.''" gives "This is
    not a truce … It is a pause". The next part must open right after the cue
    ("…,'' he said. ''…" or "…,'' he said, ''and …"); plain reported speech
    never runs on.
    """
    text = doc_text(sent.doc)
    start, end = content
    after = end
    while after < len(text) and text[after] in ",.;:!? ":
        after += 1
    if not text.startswith(_OPENERS, after) or not _open_at_end(text, start, end):
        return content
    # The next opening pair, after the cue ("'' said Ana Ruiz, an official. ''").
    nxt = min((i for i in (text.find(m, after + 2) for m in _OPENERS) if i >= 0), default=-1)
    gap = text[after + 2 : nxt]
    ends_cue = gap.rstrip().endswith((".", ",")) and not _NEW_SENTENCE.search(gap)
    if nxt < 0 or len(gap) > MAX_CUE_GAP or "\n" in gap or not ends_cue:
        return content
    close = min((i for i in (text.find(m, nxt + 2) for m in _OPENERS) if i >= 0), default=-1)
    para_end = text.find("\n", nxt)
    if close < 0 or (0 <= para_end < close):
        return content
    new_end = close
    while new_end > end and text[new_end - 1] in _EDGE:
        new_end -= 1
    return (start, new_end) if new_end > end else content


# Double quote marks (as marks reads them).
_MARKS = '"“”'
# PolNeAR counts an attribution as direct when its quoted words are at least
# half of its content (the eval's ``_direct_part`` follows it); below that the
# whole content is reported speech with a quoted phrase in it.
DIRECT_SHARE = 0.5


def partly_quoted(text: str, content: tuple[int, int]) -> bool:
    """Whether reported content holds a short marked quote ("Trump said the judge's “mind
    is shot”"): its cue then cues the direct quote and the reported content both, and
    the content is kept as reported speech too.
    """
    share = quoted_share(text, content)
    return share is not None and share < DIRECT_SHARE


def mostly_quoted(text: str, content: tuple[int, int]) -> bool:
    """Whether reported content is at least half quoted words ("said the plan was “a
    disaster from start to finish”"): PolNeAR counts such an attribution as direct, so
    it is no reported speech, whether or not a direct quote is given for it. Such
    content was right 15 times in 128 on train [0:600].
    """
    share = quoted_share(text, content)
    return share is not None and share >= DIRECT_SHARE


def quoted_share(text: str, content: tuple[int, int]) -> float | None:
    """Share of ``content`` (in characters) inside its outermost quote marks, if
    it holds a marked quote; read as PolNeAR's direct-quote test reads it."""
    start, end = _with_edge_marks(text, *content)
    marks = [i for i in range(start, end) if text[i] in _MARKS]
    if len(marks) < 2 or content[1] <= content[0]:
        return None
    # The quoted words without their edge punctuation.
    inner = text[marks[0] + 1 : marks[-1]].strip(_EDGE)
    return len(inner) / (content[1] - content[0])


# What may stand between trimmed content and a mark it drops ("“leaning north.”").
_STOPS = ".,;:!? "


def _with_edge_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` widened over the quote marks that trimming took off.

    Content spans are trimmed of edge marks, so "said he was “leaning north.”"
    ends at "north" and shows one mark only; PolNeAR's content keeps both.
    """
    while start > 0 and text[start - 1] in _MARKS:
        start -= 1
    # With its marks paired the content is closed; a mark after it opens the next quote
    # ("said her aim is to “trust but check” that … . “We will …”"), and reading it as a
    # closing one made such content look mostly quoted, so it was dropped.
    if sum(1 for i in range(start, end) if text[i] in _MARKS) % 2 == 0:
        return start, end
    after = end
    while after < len(text) and after - end < 3 and text[after] in _STOPS:
        after += 1
    while after < len(text) and text[after] in _MARKS:
        after += 1
        end = after
    return start, end
