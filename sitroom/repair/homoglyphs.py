"""Cyrillic and Greek look-alike letters mixed into Latin words (``Yоur`` with a Cyrillic о).

Some sites scramble boilerplate this way against scrapers; it defeats every
word match downstream (the cleaner's rules, the parser's entities). A word
is rewritten only when it mixes Latin letters with look-alikes and every
non-Latin letter in it has a Latin twin, so Russian, Greek or Serbian words
(no Latin letters in them) are never touched. And it is done only on a line
where at least three words are mixed: scrambling is applied to whole
sentences, while a single look-alike may be deliberate (a stylised name such
as ``SENSЕ``, one of ftfy's negative cases).
"""

from __future__ import annotations

import re

# Cyrillic and Greek letters drawn identically to a Latin letter in common fonts.
_TWINS = str.maketrans(
    {
        "а": "a", "в": "B", "е": "e", "к": "k", "м": "M", "н": "H", "о": "o", "р": "p",
        "с": "c", "т": "T", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d",
        "ӏ": "l", "ɡ": "g",
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
    }
)  # fmt: skip
_TWIN_CHARS = "".join(chr(code) for code in _TWINS)
_TWIN_RE = re.compile(f"[{_TWIN_CHARS}]")
_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile("[A-Za-z]")
_OTHER_RE = re.compile(f"[^A-Za-z{_TWIN_CHARS}]")
# Mixed words a line needs before it is read as scrambled (see above); the
# scrambled promo in trafilatura-eval-subset (breakingbelizenews) has 20+.
MIN_MIXED_WORDS = 3


def _is_mixed(word: str) -> bool:
    return (
        _LATIN_RE.search(word) is not None
        and _OTHER_RE.search(word) is None
        and any(char in _TWIN_CHARS for char in word)
    )


def _fix_line(line: str) -> tuple[str, int]:
    mixed = sum(1 for word in _WORD_RE.findall(line) if _is_mixed(word))
    if mixed < MIN_MIXED_WORDS:
        return line, 0
    # In a scrambled line, words made only of look-alikes (іѕ) are scrambled too.
    fixed = _WORD_RE.sub(
        lambda match: (
            match.group().translate(_TWINS)
            if _OTHER_RE.search(match.group()) is None
            else match.group()
        ),
        line,
    )
    return fixed, mixed


def fix_homoglyphs(text: str) -> tuple[str, int]:
    """``text`` with scrambled lines' mixed-script words made Latin, and how many words changed."""
    if _TWIN_RE.search(text) is None:
        return text, 0
    lines: list[str] = []
    changed = 0
    for line in text.split("\n"):
        fixed, count = _fix_line(line)
        lines.append(fixed)
        changed += count
    return "\n".join(lines), changed
