"""The one loader of ``cues.tsv``: the words triage scores and the cascade looks for.

Each line is ``kind <TAB> weight <TAB> pattern``; see the file's header for the kinds.
Patterns of words are anchored at a word start here, so the file stays readable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KINDS = ("event", "speech", "mark")


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    weight: int
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: tuple[Cue, ...]
    # One alternation of every event, speech and mark pattern: a sentence that
    # matches it is parsed by the cascade.
    any_cue: re.Pattern[str]

    def scored(self) -> tuple[Cue, ...]:
        """The event cues triage adds up (weight above zero)."""
        return tuple(c for c in self.cues if c.kind == "event" and c.weight > 0)


def _anchored(kind: str, pattern: str) -> str:
    return pattern if kind == "mark" else rf"(?<![\w-])(?:{pattern})"


def parse_lexicon(text: str) -> Lexicon:
    """Read the lines of a cue file; raises ValueError naming the bad line."""
    cues: list[Cue] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in KINDS or not parts[1].isdigit():
            raise ValueError(f"cues line {number}: expected kind<TAB>weight<TAB>pattern")
        kind, weight, pattern = parts
        cues.append(Cue(kind, int(weight), re.compile(_anchored(kind, pattern))))
    any_cue = re.compile("|".join(c.pattern.pattern for c in cues))
    return Lexicon(tuple(cues), any_cue)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged ``cues.tsv``, read once per process."""
    text = resources.files("sitroom.triage").joinpath("cues.tsv").read_text(encoding="utf-8")
    return parse_lexicon(text)
