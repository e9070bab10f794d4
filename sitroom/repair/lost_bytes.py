"""Smart quotes whose last UTF-8 byte was lost on the way through Windows-1252.

’ “ ” are E2 80 99 / 9C / 9D in UTF-8. Read as Windows-1252 they become
``â€™``, ``â€œ`` and ``â€`` plus byte 0x9D, which Windows-1252 leaves undefined,
so many pipelines drop it or turn it into U+FFFD. ftfy cannot tell which
character the two surviving bytes began: it leaves ``â€`` before a line end
(``operations.â€``), reads ``â€`` + space as E2 80 A0, a dagger (``State,†
he said``), and collapses ``â€`` + U+FFFD into a bare U+FFFD. So the byte is
put back *before* ftfy runs (:func:`restore_lossy_bytes`), and ftfy then
decodes the sequence with the rest of its run:

- ``â€`` + U+FFFD: the lost byte was one Windows-1252 leaves undefined (0x81,
  0x8D, 0x8F, 0x90, 0x9D), and of those only 0x9D makes a quote mark: ”.
  ``Â`` + U+FFFD is likewise C2 A0, a no-break space;
- a bare ``â€`` is decided from its context: before a word, after a space or
  an opening bracket, an opening quote, single when the next closing mark on
  the line is ’ (``â€caliphateâ€™``), else double; inside a word
  (``donâ€t``) an apostrophe; anywhere else (``operations.â€``) a closing
  double quote, the 0x9D case and by far the most common.

:func:`fix_lost_final_byte` applies the same reading after ftfy, to any bare
``â€`` its decoding left behind.
"""

from __future__ import annotations

import re

from sitroom.repair.markers import CP1252_PUNCTUATION

# The quote marks that may close a quotation opened by a repaired mark.
_CLOSERS = "”\ufffd"
# How far (characters) to look for the closing mark that decides ‘ or “: a
# scare-quoted phrase closes within its sentence, and 200 characters is about
# two lines of prose; a mark further away belongs to another quotation.
_PAIR_WINDOW = 200

# Not after a character that is itself part of a mojibake run (Latin-1
# supplement or Windows-1252 punctuation): inside doubly encoded text
# (``Ã¢â€�â€™``) the bytes belong to another layer and nothing can be decided.
_NOT_IN_RUN = f"(?<![\u0080-\u00ff{CP1252_PUNCTUATION}])"
# Only before ASCII (or the end): any other character may be the third byte as
# another code page shows it (``â€ś`` is “ read as Windows-1250).
_LOST_RE = re.compile(f"{_NOT_IN_RUN}â€(?=[\\x00-\\x7f]|$)")
# Before ftfy, a "?" after ``â€`` is left to ftfy: it reads ``â€?`` as a lossy
# encoder's question mark and keeps U+FFFD, and a real "?" may follow a quote.
_LOST_BEFORE_FTFY_RE = re.compile(f"{_NOT_IN_RUN}â€(?=[\\x00-\\x3e\\x40-\\x7f]|$)")
# Each quote mark as ftfy expects to see it: its UTF-8 bytes read as Windows-1252.
_AS_MOJIBAKE = {"”": "â€\x9d", "“": "â€œ", "‘": "â€˜", "’": "â€™"}
# Lossy sequence → the same sequence with its lost byte restored (as the
# character Latin-1 gives that byte, which ftfy's sloppy decoders accept).
_LOSSY_RE = re.compile(f"{_NOT_IN_RUN}(â€|Â)\ufffd")
_RESTORED = {"â€": "â€\x9d", "Â": "Â\xa0"}
_OPEN_BEFORE = " \t\n\xa0([{-–—/"


def _quote_for(text: str, start: int, end: int) -> str:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in _OPEN_BEFORE and after.isalnum():
        rest = text[end : end + _PAIR_WINDOW].split("\n", 1)[0]
        for k, char in enumerate(rest):
            # The closing mark may itself still be mojibake (before ftfy runs).
            # ’ before a letter is an apostrophe (group’s), not a closing quote.
            if char == "’" and not rest[k + 1 : k + 2].isalpha():
                return "‘"
            if rest.startswith("â€™", k) and not rest[k + 3 : k + 4].isalpha():
                return "‘"
            if char in _CLOSERS or rest.startswith("â€", k):
                return "“"
        return "“"
    if before.isalpha() and after.isalpha():
        return "’"
    return "”"


def _replace(text: str, pattern: re.Pattern[str], *, as_mojibake: bool = False) -> tuple[str, int]:
    parts: list[str] = []
    last = 0
    count = 0
    for match in pattern.finditer(text):
        parts.append(text[last : match.start()])
        quote = _quote_for(text, match.start(), match.end())
        parts.append(_AS_MOJIBAKE[quote] if as_mojibake else quote)
        last = match.end()
        count += 1
    if not count:
        return text, 0
    parts.append(text[last:])
    return "".join(parts), count


def restore_lossy_bytes(text: str) -> tuple[str, int]:
    """Before ftfy: put back the byte a lossy decoder replaced with U+FFFD or dropped.

    Without this ftfy reads ``â€`` + space as E2 80 A0, a dagger (``State,† he
    said``), and ``â€`` + U+FFFD as an anonymous U+FFFD.
    """
    count = 0
    if "\ufffd" in text:
        text, count = _LOSSY_RE.subn(lambda match: _RESTORED[match.group(1)], text)
    if "â€" in text:
        text, more = _replace(text, _LOST_BEFORE_FTFY_RE, as_mojibake=True)
        count += more
    return text, count


def fix_lost_final_byte(text: str) -> tuple[str, int]:
    """After ftfy: ``text`` with each bare ``â€`` made the quote mark it began."""
    if "â€" not in text:
        return text, 0
    return _replace(text, _LOST_RE)
