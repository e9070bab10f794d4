"""The step every type rule shares: lift one reading of an event above a rival.

The rules of ``order.RULES`` decide between two
readings the cue scores left close ("clash or shelling?", "protest or riot?").
Each decides by lifting the winner just above the rival's score.
"""

from __future__ import annotations

# Cue weights are whole numbers (``classify.cues``, ``classify.out_of_scope``), so half
# a point puts the winner ahead of the rival without overtaking a third reading
# that leads the rival by a whole cue. All resolvers were tuned with this margin
# on the CASE 2021 dev rows (index mod 10 in {0, 1, 2}).
OUTRANK_MARGIN = 0.5


def outrank(scores: dict[str, float], winner: str, rival: float) -> None:
    """Make ``winner`` score at least ``OUTRANK_MARGIN`` above ``rival``."""
    scores[winner] = max(scores.get(winner, 0.0), rival + OUTRANK_MARGIN)
