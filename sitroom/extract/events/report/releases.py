"""Strike releases: a summary sentence, then one "Near X, ..." line per place.

Military releases (CENTCOM, Operation Inherent Resolve) open with a summary
("the coalition said it had conducted seven strikes against the group in Iraq
and Syria between Nov. 1 and Nov. 3") and list the strikes one place per line
("Near Mosul, three strikes destroyed an ISIS tunnel entrance ..."). ACLED
codes each line, one event per place and day with the totals, and never the
summary, which would count every strike twice. The lines name no actor: the
force that issued the release carried them out.

A line's place is its layout's: the words between "Near" and the comma, however
small the place and whether or not the parser tags it ("Near Al Hawl, one strike
destroyed ..."). Each line is its own place-day event (``Draft.listed``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from sitroom.extract.events.draft import Draft
from sitroom.resolve.actors import is_country_name, normalize_actor

# "Near Mosul, ...", "- Near Hit, ...", "-- Near Raqqa, ..." (as the fatality totals read it).
_LINE = re.compile(r"\s*[-–—•*]*\s*Near\s")
# The place of a line: up to the first comma, a name (capitalised, or "al-"/"ad-"
# and the like before one); "Near the town of X" is prose and left to the parser.
_LINE_PLACE = re.compile(
    r"\s*[-–—•*]*\s*Near\s+(?P<place>(?:[a-z]{1,3}-)?[A-Z][^,;:\n]{0,60}?)\s*,"
)
# Releases that write one sentence per place and day instead of "Near X," lines.
# Release wording only ("conducted eight strikes consisting of 13 engagements against
# ISIS targets near Abu Kamal"): news copy about "air strikes near Idlib" is no list.
_STRIKES_NEAR = re.compile(
    r"\bconducted (?:a|an|\w+) (?:air ?)?strikes?\b[^.;]{0,120}?\bnear [A-Z]"
)


def is_release_line(sentence: Span) -> bool:
    return bool(_LINE.match(sentence.text))


def line_place(sentence: Span) -> Span | None:
    """The place a "Near X, ..." line names (X as written), or None."""
    match = _LINE_PLACE.match(sentence.text)
    if match is None:
        return None
    lo, hi = match.span("place")
    offset = sentence.start_char
    return sentence.doc.char_span(offset + lo, offset + hi, alignment_mode="expand")


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
