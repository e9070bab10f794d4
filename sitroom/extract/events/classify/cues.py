"""Weighted lexical cues for ACLED sub-event types, and the scorer over a text.

Each cue is a regular expression over lower-cased text with a weight, a row of
``sitroom/lexicon/event_cues.tsv``; the file says, section by section, how the
cues were written and checked (the ACLED codebook, CASE 2021 task 2 development
rows, our own written examples; never ACLED or GTD rows).

Weights: 3 = the word names the sub-event ("airstrike", "suicide bomber"),
2 = strong but shared evidence ("shelling", "seized"), 1 = weak context.
Earlier sentences weigh more (the lead of a report names its main event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom import lexicon
from sitroom.extract.events.classify.groups import NAMED_GROUPS


@dataclass(frozen=True, slots=True)
class EventCue:
    code: str
    pattern: re.Pattern[str]
    weight: float


def _load_cues() -> tuple[EventCue, ...]:
    parts = {row["name"]: row["pattern"] for row in lexicon.table("event_cue_parts")}
    parts["named_groups"] = NAMED_GROUPS  # the non-state rows of armed_groups.tsv
    return tuple(
        EventCue(
            row["code"], re.compile(lexicon.expand(row["pattern"], parts)), float(row["weight"])
        )
        for row in lexicon.table("event_cues")
    )


# The cue table is data: ``sitroom/lexicon/event_cues.tsv`` (code, weight, pattern, why).
CUES: tuple[EventCue, ...] = _load_cues()

# A sentence holds few of the cues: one search of an alternation of a block of cues
# rules the whole block out (an alternation matches somewhere exactly when one of its
# cues does), and only a block that matches is scanned cue by cue. 8 per block was
# the fastest of 4/8/16/32 on the sentences of the 38 corpus reports (about half the
# time of one search per cue).
_BLOCK = 8


def _blocks(cues: tuple[EventCue, ...]) -> tuple[tuple[re.Pattern[str], tuple[EventCue, ...]], ...]:
    groups = [cues[i : i + _BLOCK] for i in range(0, len(cues), _BLOCK)]
    return tuple(
        (re.compile("|".join(f"(?:{c.pattern.pattern})" for c in group)), group) for group in groups
    )


_CUE_BLOCKS = _blocks(CUES)

# A cue in the first sentence counts this many times more than one later on.
# Tuned on CASE dev rows: 1.5 beat 1.0 and 2.0 by one to two points of weighted F1.
LEAD_WEIGHT = 1.5
# A cue repeated in one text counts at most this often (a long report repeats its
# words); background topics outside ACLED count once. Chosen by hand, checked on CASE dev.
_MAX_REPEATS = 3
_OUT_OF_SCOPE = frozenset(
    {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB", "_EPIDEMIC"}
)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# "No group claimed responsibility": a denial of a claim is not a claim.
_NO_CLAIM = re.compile(r"\bno (?:group|one|organization|party)\b[^.]{0,30}$")
# "...; the group later claimed responsibility": a claim added after the attack is told is
# a footnote to it (ACLED codes the attack), even inside the lead sentence.
_AFTERWORD = re.compile(r"(?:;|\blater\b|\bsubsequently\b)[^.;]{0,40}$")


def _attribution_is_topic(lowered: str, start: int, lead_chars: int | None) -> bool:
    """A claim of responsibility is the event only in the lead ("IS claims the bombing");
    later it is a footnote to the attack the report is about."""
    if _NO_CLAIM.search(lowered, 0, start) or _AFTERWORD.search(lowered, 0, start):
        return False
    return lead_chars is None or start < lead_chars


def score_text(text: str, *, lead_chars: int | None = None) -> dict[str, float]:
    """Cue score per sub-event code over ``text``; matches before ``lead_chars`` weigh more."""
    lowered = text.lower()
    if lead_chars is None:
        first_stop = _SENTENCE_END.search(lowered)
        lead_chars = first_stop.end() if first_stop else None
    scores: dict[str, float] = {}
    for block, group in _CUE_BLOCKS:
        if block.search(lowered) is None:
            continue
        _score_block(group, lowered, lead_chars, scores)
    return scores


def _score_block(
    group: tuple[EventCue, ...], lowered: str, lead_chars: int | None, scores: dict[str, float]
) -> None:
    for cue in group:
        cap = 1 if cue.code in _OUT_OF_SCOPE else _MAX_REPEATS
        for i, match in enumerate(cue.pattern.finditer(lowered)):
            if i >= cap:
                break
            if cue.code == "ATTRIB" and not _attribution_is_topic(
                lowered, match.start(), lead_chars
            ):
                continue
            factor = LEAD_WEIGHT if lead_chars is not None and match.start() < lead_chars else 1.0
            scores[cue.code] = scores.get(cue.code, 0.0) + cue.weight * factor
