"""Codebook rules for strategic developments that plain cue counts get wrong.

**Agreement** needs two parties: a ceasefire one side declares on its own ("a
unilateral ceasefire", "the Taliban announced a ceasefire") is a Change to
group/activity.

Written from the ACLED codebook's definitions and checked on our own written
examples (tests/data/event_types_own.jsonl, tuning lines) and the CASE 2021
development rows, never on ACLED, GTD or held-out rows. A rule that state forces'
bases are a Change to group/activity rather than a base established was tried and
dropped: CASE dev and our own lines code the Turkish army's observation posts and
the US military's new bases as bases established.
"""

from __future__ import annotations

import re

from sitroom.extract.event_scores import outrank

_ONE_SIDED_TRUCE = re.compile(
    r"\bunilateral(?:ly)?\b"
    r"|\b(?:declared|announced|extended|called)\s(?:a\s|an\s|its\s)?(?:[\w-]+\s)?cease-?fire"
)
# A second party or a signing makes it an agreement after all.
_TWO_PARTIES = re.compile(
    r"\b(?:with|between|agreed|signed|talks|negotiat\w*|mediat\w*|deal|accord)\b"
)


def resolve_one_sided_truce(scores: dict[str, float], lowered: str) -> None:
    """A ceasefire one side declares alone is a Change to group/activity, not an Agreement."""
    agreement = scores.get("AGREEMENT", 0.0)
    truce = _ONE_SIDED_TRUCE.search(lowered)
    if not agreement or truce is None:
        return
    if "unilateral" not in truce.group(0) and _TWO_PARTIES.search(lowered):
        return
    outrank(scores, "CHANGE_TO_GROUP_ACT", agreement)


__all__ = ["resolve_one_sided_truce"]
