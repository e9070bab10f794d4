"""Find quoted stretches of text from quote marks alone (no model needed).

A ``MarkedSpan`` is the text between an opening and a closing double quote
mark. Rules, each from how news copy is set:

- Curly marks say which way they face; a straight ``"`` opens when no quote
  is open and closes otherwise.
- Single marks (``'`` ``‘`` ``’``) never open or close a span: in news copy
  they are apostrophes or the inner marks of a nested quote, and a nested
  quote belongs to the quote around it.
- A quote still open at the end of a paragraph continues when the next
  paragraph opens with a quote mark (the convention for a quote that runs
  over several paragraphs); otherwise it is dropped as unbalanced. Each
  paragraph of such a quote is its own span, with ``part`` counting from 0,
  so that offsets never take in a paragraph break and the marks around it.
- A curly opening mark while a quote is already open means the previous
  mark was never closed; the new mark starts a new span, unless no word
  follows it: then it is a closing mark typed the wrong way (``_facing``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
# Punctuation that sits inside the closing mark by convention but belongs to
# the attribution ("…external,” she said"), not to the speaker's words.
_TRAILING = ",;"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """Quoted words between marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int  # for a part that runs to its paragraph's end: the last character
    part: int = 0  # 0: the quote's first paragraph; 1, 2, …: paragraphs it runs on into

    @property
    def outer(self) -> tuple[int, int]:
        """The span including both marks."""
        return self.open_mark, self.close_mark + 1


_PARA = re.compile(r"[^\n]+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def _opens_paragraph(text: str, start: int, end: int) -> int | None:
    """Offset of the quote mark that opens this paragraph, if it opens with one."""
    segment = text[start:end]
    stripped = segment.lstrip()
    if stripped[:1] and (stripped[0] in OPENING or stripped[0] == STRAIGHT):
        return start + len(segment) - len(stripped)
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end


def _facing(text: str, i: int, p_end: int, is_open: bool) -> str:
    """The mark at ``i``, turned round when typed the wrong way.

    Copy often has "…,“ said X" or "”Foo": an opening mark with no word after
    it while a quote is open closes it, and a closing mark right before a word
    while none is open opens one.
    """
    ch = text[i]
    after = text[i + 1] if i + 1 < p_end else " "
    if ch in OPENING and is_open and not (after.isalnum() or after in "‘'([$"):
        return CLOSING[0]
    if ch in CLOSING and not is_open and after.isalnum():
        return OPENING[0]
    return ch


def find_marked_spans(text: str) -> tuple[MarkedSpan, ...]:
    """Every balanced double-quoted stretch of ``text``, in order."""
    spans: list[MarkedSpan] = []
    paras = _paragraphs(text)
    open_at: int | None = None  # offset of the opening mark of the current span
    part = 0
    for index, (p_start, p_end) in enumerate(paras):
        pos = p_start
        if open_at is not None:
            # Continuing from the previous paragraph: this one opens with a mark.
            open_at = _opens_paragraph(text, p_start, p_end)
            if open_at is not None:
                pos, part = open_at + 1, part + 1
        for i in range(pos, p_end):
            ch = _facing(text, i, p_end, open_at is not None)
            if ch in OPENING or (ch == STRAIGHT and open_at is None):
                open_at, part = i, 0
            elif (ch in CLOSING or ch == STRAIGHT) and open_at is not None:
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    spans.append(MarkedSpan(start, end, open_at, i, part))
                open_at = None
        if open_at is not None:
            nxt = paras[index + 1] if index + 1 < len(paras) else None
            if nxt is None or _opens_paragraph(text, *nxt) is None:
                open_at = None
            else:
                start, end = _trim(text, open_at + 1, p_end)
                if end > start:
                    spans.append(MarkedSpan(start, end, open_at, p_end - 1, part))
    return tuple(spans)


def quote_text(text: str, span: MarkedSpan) -> str:
    """The quoted words."""
    return text[span.start : span.end]
