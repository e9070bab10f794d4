"""Count mojibake: the marks UTF-8 leaves when it is decoded as Windows-1252 or Latin-1.

One counter serves the repair stage (``mojibake_fixed``), the tests and the
evaluation, so ours and every anchor are measured with the same ruler.

A *sequence* is one damaged character:

- a UTF-8 lead byte shown as a Latin-1 letter (``Ã``, ``â``, ``ð``) followed by
  exactly as many continuation bytes as it announces, each shown as the
  character Windows-1252 or Latin-1 gives to a byte 0x80-0xBF
  (``â€™`` for ’, ``Ã©`` for é);
- ``â€`` with its last byte lost (``operations.â€``);
- ``Â`` ending a lower-case word or standing alone (a no-break space whose
  second byte became a space);
- U+FFFD, the replacement character a lossy decoder leaves;
- a C1 control character (U+0080-U+009F), never intended in running text.
"""

from __future__ import annotations

import re

# Characters that a byte 0x80-0xBF becomes under Latin-1 (U+0080-U+00BF) or
# Windows-1252 (the 27 printable characters it puts at 0x80-0x9F).
CP1252_PUNCTUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
CONTINUATION = f"[\u0080-\u00bf{CP1252_PUNCTUATION}]"

# A letter that is not a digit or underscore, for "stand-alone" tests.
_LETTER = r"[^\W\d_]"

MOJIBAKE_RE = re.compile(
    "|".join(
        (
            f"[\u00f0-\u00f4]{CONTINUATION}{{3}}",  # 4-byte sequence
            f"[\u00e0-\u00ef]{CONTINUATION}{{2}}",  # 3-byte sequence
            "â€",  # 3-byte sequence whose last byte was lost
            f"[\u00c2-\u00df]{CONTINUATION}",  # 2-byte sequence
            # No-break space, second byte lost: Â not before a letter (Âge) and
            # not after a capital (an upper-case word may end in Â).
            f"(?<![A-Z\u00c0-\u00de])Â(?!{_LETTER})",
            "\ufffd",
            "[\u0080-\u009f]",
        )
    )
)


# Every sequence starts with one of these; text without any is skipped fast.
_START_RE = re.compile("[\u0080-\u009f\u00c2-\u00f4\ufffd]")


def count_mojibake(text: str, *, lost_bytes: bool = True) -> int:
    """Number of mojibake sequences in ``text`` (see the module docstring).

    ``lost_bytes=False`` leaves U+FFFD out: the mark of a byte lost before the text
    reached us. Repair may rightly write one where a damaged sequence held a ``?``
    for its lost byte, which reveals damage rather than adds it.
    """
    if not lost_bytes:
        text = text.replace("\ufffd", "")
    if _START_RE.search(text) is None:
        return 0
    return len(MOJIBAKE_RE.findall(text))


def has_mojibake(text: str) -> bool:
    return _START_RE.search(text) is not None and MOJIBAKE_RE.search(text) is not None
