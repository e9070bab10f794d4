"""Whitespace: one space between words, no stray marks, paragraphs kept."""

from __future__ import annotations

import re

# Horizontal spaces of every kind (no-break, thin, em...), but not the
# ideographic space U+3000, which is part of CJK typography.
_SPACES_RE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]+")
_INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad]")
# trafilatura writes a one-cell table row as "| text |".
_TABLE_CELL_RE = re.compile(r"^\|\s*(?P<cell>[^|]+?)\s*\|?$")


def normalise_line(line: str) -> str:
    line = _INVISIBLE_RE.sub("", line)
    line = _SPACES_RE.sub(" ", line).strip()
    cell = _TABLE_CELL_RE.match(line)
    return cell.group("cell") if cell else line


def split_lines(text: str) -> list[str]:
    """Normalised lines of ``text``; blank lines (paragraph breaks) become ``""``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [normalise_line(line) for line in text.split("\n")]


def join_lines(lines: list[str]) -> str:
    """Lines back into text: one blank line between paragraphs, none at either end."""
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
