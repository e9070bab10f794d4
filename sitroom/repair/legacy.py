"""UTF-8 read as the DOS (cp437) or old Mac (MacRoman) code page, which ftfy leaves.

``┬┐que`` is ``¿que`` and ``pi√π`` is ``più``: the two bytes of a Latin-1
letter (C2 xx or C3 xx) shown as cp437 box drawing or MacRoman maths signs.
ftfy knows both code pages but its badness score does not fire on such short
runs (both are among its known failures). A pair is decoded only when its
first character is the lead byte in that code page (``┬ ├`` or ``¬ √``), the
second a continuation byte, the pair touches a letter (it sits in a word),
no other symbol shares its word, and the result is one Latin-1 letter or
inverted mark, so box drawing in a table or ``√π`` in a formula are left alone.
"""

from __future__ import annotations

import re

_CODEPAGES = ("cp437", "mac_roman")


def _continuations(codepage: str) -> str:
    return "".join(bytes([byte]).decode(codepage) for byte in range(0x80, 0xC0))


def _leads(codepage: str) -> str:
    return "".join(bytes([byte]).decode(codepage) for byte in (0xC2, 0xC3))


_PAIR_RES = tuple(
    (
        codepage,
        re.compile(
            f"(?<=[^\\W\\d_])[{re.escape(_leads(codepage))}][{re.escape(_continuations(codepage))}]"
            f"|[{re.escape(_leads(codepage))}][{re.escape(_continuations(codepage))}](?=[^\\W\\d_])"
        ),
    )
    for codepage in _CODEPAGES
)


def _decode(pair: str, codepage: str) -> str:
    try:
        char = pair.encode(codepage).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return pair
    # A Latin-1 letter or ¡ ¿: anything else (a symbol, a control) is not a word's.
    return char if char.isalpha() or char in "¡¿" else pair


def _alone_in_word(text: str, start: int, end: int) -> bool:
    """The rest of the word around ``text[start:end]`` is letters, digits and ASCII.

    Box-drawing art (``├┤a┼┐a``, one of ftfy's negative cases) has more such
    characters in the same word; a word with one damaged letter has none.
    """
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    rest = text[left:start] + text[end:right]
    return all(char.isalnum() or char.isascii() for char in rest)


def fix_legacy_codepages(text: str) -> tuple[str, int]:
    """``text`` with cp437 or MacRoman pairs inside words decoded, and how many were."""
    count = 0
    for codepage, pattern in _PAIR_RES:
        if pattern.search(text) is None:
            continue

        def decode(match: re.Match[str], codepage: str = codepage, text: str = text) -> str:
            nonlocal count
            if not _alone_in_word(text, match.start(), match.end()):
                return match.group()
            fixed = _decode(match.group(), codepage)
            count += fixed != match.group()
            return fixed

        text = pattern.sub(decode, text)
    return text, count
