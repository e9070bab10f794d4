"""Mostly-valid UTF-8 decoded line by line, touching only the bytes that fail.

A UTF-8 file with one stray byte is still a UTF-8 file. Decoding all of it in a
legacy code page because one byte fails (what a whole-file detector does) garbles
every correct character (``Al Ḥawījah`` → ``Al ḤawÄ«jah``); nothing downstream
can tell that damage from the text. Here valid UTF-8 is kept as it is and only
the failing bytes are read again (ftfy's and charset-normalizer's rule that a
decoder must never make text worse):

- a line whose only non-ASCII bytes are the failing ones is a pasted legacy line:
  it is read as Windows-1252 when that reads cleanly;
- otherwise each failing byte becomes its Windows-1252 letter or punctuation mark
  (a lone ``0xE9`` in ``Tin\\xe9 Hama`` is ``é``), or U+FFFD when it is neither.

Every byte read again is listed (line, column, byte, what it became), so a user
can see exactly what was guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

from sitroom.records import Replaced

LEGACY_LINE = "cp1252"
REPLACEMENT = "\ufffd"

# A file is "mostly UTF-8" when its valid multi-byte characters are at least this
# share of its failing bytes. Legacy text makes a valid UTF-8 sequence only by
# accident: measured 0 valid sequences against 17-159 failing bytes on news-style
# sentences in cp1251 (Russian, Ukrainian), cp1250 (Polish, Czech), cp1253 (Greek),
# cp1252 (French, German) and cp1256 (Arabic); damaged UTF-8 keeps nearly all of
# its characters. One in ten leaves a wide margin on both sides.
MIN_VALID_SHARE = 0.1

# Mess ratio a legacy line must stay under (charset-normalizer's own threshold).
MAX_MESS = 0.2

# Most byte reports kept per document; the count of all of them is kept too.
MAX_LISTED = 200

_ESCAPED = re.compile("[\udc80-\udcff]")
_NON_ASCII_VALID = re.compile("[^\x00-\x7f\udc80-\udcff]")
_PUNCTUATION = frozenset("’‘“”‚„–—…•€£°«»·§©®™")


@dataclass(frozen=True, slots=True)
class MixedDecode:
    text: str
    replaced: tuple[Replaced, ...]
    bytes_replaced: int


def escaped(data: bytes) -> str:
    """``data`` as UTF-8, each failing byte kept as a lone surrogate (PEP 383)."""
    return data.decode("utf-8", errors="surrogateescape")


def mostly_utf8(text: str) -> bool:
    """Whether surrogate-escaped ``text`` holds enough valid multi-byte UTF-8 to be UTF-8."""
    bad = len(_ESCAPED.findall(text))
    valid = len(_NON_ASCII_VALID.findall(text))
    return bad > 0 and valid > 0 and valid >= MIN_VALID_SHARE * bad


def _byte_reading(byte: int) -> tuple[str, str]:
    """What one failing byte becomes and how: its cp1252 letter or mark, else U+FFFD."""
    try:
        char = bytes([byte]).decode(LEGACY_LINE)
    except UnicodeDecodeError:
        return REPLACEMENT, "replacement"
    if char in _PUNCTUATION or unicodedata.category(char).startswith("L"):
        return char, LEGACY_LINE
    return REPLACEMENT, "replacement"


def _legacy_line(line: str) -> str | None:
    """The line read as cp1252 when it has no valid multi-byte UTF-8 and reads cleanly."""
    if _NON_ASCII_VALID.search(line):
        return None
    raw = line.encode("utf-8", errors="surrogateescape")
    try:
        text = raw.decode(LEGACY_LINE)
    except UnicodeDecodeError:
        return None
    return text if mess_ratio(text, maximum_threshold=1.0) < MAX_MESS else None


def decode_mixed(text: str) -> MixedDecode:
    """Surrogate-escaped ``text`` with each failing byte read again, line by line."""
    lines = text.split("\n")
    listed: list[Replaced] = []
    total = 0
    for number, line in enumerate(lines, start=1):
        if not _ESCAPED.search(line):
            continue
        legacy = _legacy_line(line)
        parts: list[str] = []
        last = 0
        column = 0
        for match in _ESCAPED.finditer(line):
            byte = ord(match.group()) - 0xDC00
            if legacy is not None:
                char, how = bytes([byte]).decode(LEGACY_LINE), LEGACY_LINE
            else:
                char, how = _byte_reading(byte)
            parts.append(line[last : match.start()])
            column += match.start() - last
            parts.append(char)
            total += 1
            if len(listed) < MAX_LISTED:
                listed.append(
                    Replaced(line=number, column=column, byte=f"0x{byte:02X}", text=char, how=how)
                )
            column += len(char)
            last = match.end()
        parts.append(line[last:])
        lines[number - 1] = "".join(parts)
    return MixedDecode(text="\n".join(lines), replaced=tuple(listed), bytes_replaced=total)
