"""Strike releases: a summary sentence, then one "Near X, ..." line per place.

Military releases (CENTCOM, Operation Inherent Resolve) open with a summary
("the coalition said it had conducted seven strikes against the group in Iraq
and Syria between Nov. 1 and Nov. 3") and list the strikes one place per line
("Near Mosul, three strikes destroyed an ISIS tunnel entrance ..."). ACLED
codes each line, one event per place and day with the totals, and never the
summary, which would count every strike twice. The lines name no actor: the
force that issued the release carried them out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitroom.extract.events.draft import Draft
from sitroom.resolve.actors import is_country_name, normalize_actor

# "Near Mosul, ...", "- Near Hit, ...", "-- Near Raqqa, ..." (as the fatality totals read it).
_LINE = re.compile(r"\s*[-–—•*]*\s*Near\s")
# Releases that write one sentence per place and day instead of "Near X," lines.
# Release wording only ("conducted eight strikes consisting of 13 engagements against
# ISIS targets near Abu Kamal"): news copy about "air strikes near Idlib" is no list.
_STRIKES_NEAR = re.compile(
    r"\bconducted (?:a|an|\w+) (?:air ?)?strikes?\b[^.;]{0,120}?\bnear [A-Z]"
)


def is_release_line(sentence: Span) -> bool:
    return bool(_LINE.match(sentence.text))


def listed_strike(sentence: Span) -> bool:
    """A "Near X, ..." line, or a release sentence of strikes "against ISIS targets near X"."""
    return is_release_line(sentence) or _STRIKES_NEAR.search(sentence.text) is not None


def country_wide(draft: Draft) -> bool:
    """'Coalition forces continued to attack ISIL in Syria and Iraq': a summary, no place."""
    return draft.place is None or is_country_name(draft.place)


def release_force(sentence: Span) -> str | None:
    """The named force that speaks in the summary ("The US-led coalition ... said")."""
    for token in sentence:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ == "PRP":
            continue
        phrase = sentence.doc[token.left_edge.i : token.i + 1].text
        actor = normalize_actor(phrase)
        if actor.alias is not None and actor.inter is not None:
            return phrase
    return None
