"""Furniture inside a line that stays: a release number before the first sentence, a
"Read More»" link after the last, republication notices opening a flattened scrape.

The rules are the ``prefix``, ``suffix`` and ``sentence`` rows of ``furniture.tsv``.
Only the matched piece leaves; the rest of the line is the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.clean.patterns import MAX_SUFFIX_CHARS, rules
from sitroom.records import Removed

# Pieces taken from one line at most: a notice, a licence line and a release
# number can open the same flattened paragraph; a loop of more is a bad rule.
MAX_PIECES = 6


@dataclass(frozen=True, slots=True)
class Pieces:
    line: str
    removed: tuple[Removed, ...]
    notice: bool  # a sentence rule fired: the line opened with a republication notice


def strip_pieces(line: str) -> Pieces:
    """``line`` without its leading notices and release labels and its trailing links."""
    removed: list[Removed] = []
    notice = False
    for _ in range(MAX_PIECES):
        for rule in (*rules("sentence"), *rules("prefix")):
            match = rule.regex.match(line)
            if match and match.end() < len(line.rstrip()):
                removed.append(Removed(rule.kind, match.group(0).strip(), rule.reason))
                line = line[match.end() :].lstrip()
                notice = notice or rule.scope == "sentence"
                break
        else:
            break
    for rule in rules("suffix"):
        offset = max(0, len(line) - MAX_SUFFIX_CHARS)
        match = rule.regex.search(line, offset)
        if match and match.start() > 0:
            removed.append(Removed(rule.kind, match.group(0).strip(), rule.reason))
            line = line[: match.start()].rstrip()
    return Pieces(line, tuple(removed), notice)
