"""Named non-state armed groups as one regex alternation, for the rules that ask who acts.

The names are the rows of ``sitroom/lexicon/armed_groups.tsv`` whose inter code is
a rebel group or a militia: the table actor normalisation reads, so a group the
actor normaliser knows is one the classifier knows.
"""

from __future__ import annotations

from sitroom import lexicon

_NON_STATE_INTER = frozenset({"rebel", "political_militia", "identity_militia"})

# Each row's pattern in its own group; usable inside ``\b(?:...|NAMED_GROUPS|...)\b``.
NAMED_GROUPS = "|".join(
    f"(?:{row['pattern']})"
    for row in lexicon.table("armed_groups")
    if row["inter"] in _NON_STATE_INTER
)

__all__ = ["NAMED_GROUPS"]
