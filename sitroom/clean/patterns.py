"""The furniture vocabulary (``furniture.tsv``), read once: line, prefix, suffix and sentence rules.

The data file's header documents its format. Every pattern is compiled
case-insensitively; ``{NAME}`` refers to an ``@NAME`` row defined above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitroom.records import REMOVED_KINDS

SCOPES = ("line", "prefix", "suffix", "sentence")
# Longest line a line rule can match: the longest rows allow about 450 characters
# (a copyright notice, an agency caption); a longer line is a paragraph of the
# report, and skipping it keeps clean linear on flattened scrapes.
MAX_FURNITURE_LINE = 600
# Longest piece a suffix rule takes ("… Read More»"): only the line's end is searched.
MAX_SUFFIX_CHARS = 80
_DEFINE_RE = re.compile(r"\{([A-Z][A-Z_]*)\}")


@dataclass(frozen=True, slots=True)
class Pattern:
    scope: str  # line | prefix | suffix | sentence
    kind: str  # a removed kind (records.REMOVED_KINDS)
    reason: str
    regex: re.Pattern[str]


def _expand(text: str, defines: dict[str, str]) -> str:
    return _DEFINE_RE.sub(lambda m: defines[m.group(1)], text)


def parse_table(text: str) -> tuple[dict[str, str], tuple[Pattern, ...]]:
    """The defines and the rules of a furniture table (see ``furniture.tsv``)."""
    defines: dict[str, str] = {}
    rules: list[Pattern] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if raw.startswith("@") and len(fields) == 2:
            defines[fields[0][1:]] = _expand(fields[1], defines)
            continue
        if len(fields) != 4 or fields[0] not in SCOPES or fields[1] not in REMOVED_KINDS:
            raise ValueError(f"furniture table line {number}: bad row {raw!r}")
        scope, kind, reason, pattern = fields
        body = _expand(pattern, defines)
        if scope == "line":
            body = rf"^(?:{body})$"
        elif scope == "prefix":
            body = rf"^(?:{body})"
        elif scope == "suffix":
            body = rf"(?:{body})$"
        else:
            # A sentence ends where the next one starts: a capital, digit or quote mark.
            body = rf"^(?:{body})(?=\s+[\"“‘(]?(?-i:[A-Z0-9])|\s*$)"
        rules.append(Pattern(scope, kind, reason, re.compile(body, re.IGNORECASE)))
    return defines, tuple(rules)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], tuple[Pattern, ...]]:
    text = resources.files("sitroom.clean").joinpath("furniture.tsv").read_text(encoding="utf-8")
    return parse_table(text)


@lru_cache(maxsize=len(SCOPES))
def rules(scope: str) -> tuple[Pattern, ...]:
    return tuple(rule for rule in _table()[1] if rule.scope == scope)


def define(name: str) -> str:
    """The regular expression ``@NAME`` stands for (e.g. ``DATE``)."""
    return _table()[0][name]


def match_line(line: str) -> Pattern | None:
    """The first line rule matching the whole of ``line``, or None."""
    if len(line) > MAX_FURNITURE_LINE:
        return None
    for rule in rules("line"):
        if rule.regex.match(line):
            return rule
    return None
