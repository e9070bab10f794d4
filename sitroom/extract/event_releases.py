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
from dataclasses import replace

from spacy.tokens import Span

from sitroom.extract.event_context import Draft
from sitroom.resolve.actors import is_country_name, normalize_actor

# "Near Mosul, ...", "- Near Hit, ...", "-- Near Raqqa, ..." (as the fatality totals read it).
_LINE = re.compile(r"\s*[-–—•*]*\s*Near\s")
# Releases that write one sentence per place and day instead of "Near X," lines.
# Release wording only ("conducted eight strikes consisting of 13 engagements against
# ISIS targets near Abu Kamal"): news copy about "air strikes near Idlib" is no list.
_STRIKES_NEAR = re.compile(
    r"\bconducted (?:a|an|\w+) (?:air ?)?strikes?\b[^.;]{0,120}?\bnear [A-Z]"
)
_STRIKES = re.compile(r"\b(?:air ?)?strikes\b", re.IGNORECASE)
# A listed strike that hit a weapons cache, a vehicle or a fighting position is
# still an air strike (ACLED codes the strike, not what it destroyed).
_STRIKE_LEMMAS = frozenset({"strike", "airstrike"})
# Fewer lines than this are not a list.
_MIN_LINES = 2


def is_release_line(sentence: Span) -> bool:
    return bool(_LINE.match(sentence.text))


def fold_release(drafts: list[Draft]) -> list[Draft]:
    """Drop a release's summary; its lines take its force as actor1 and the strike code."""
    listed = [_listed_strike(d.sentence) for d in drafts]
    if sum(listed) < _MIN_LINES:
        return drafts
    # A release may list its strikes in sections ("Strikes in Syria", "Strikes in
    # Iraq"), each under its own summary: any summary before a listed line goes.
    last = max(d.sentence.start_char for d, line in zip(drafts, listed, strict=True) if line)
    summary = [
        not line
        and (
            (d.sentence.start_char < last and _STRIKES.search(d.sentence.text) is not None)
            or _country_wide(d)  # "the operation to destroy ISIS in Iraq and Syria"
        )
        for d, line in zip(drafts, listed, strict=True)
    ]
    force = next(
        (
            a
            for d, dropped in zip(drafts, summary, strict=True)
            if dropped and (a := _force(d.sentence)) is not None
        ),
        None,
    )
    out = []
    for draft, line, dropped in zip(drafts, listed, summary, strict=True):
        if dropped:
            continue
        if line:
            if draft.actor1_text is None and force is not None:
                draft = replace(draft, actor1_text=force)
            if draft.trigger.lemma_.lower() in _STRIKE_LEMMAS:
                draft = replace(draft, code="AIR_STRIKE")
        out.append(draft)
    return out


def _listed_strike(sentence: Span) -> bool:
    """A "Near X, ..." line, or a release sentence of strikes "against ISIS targets near X"."""
    return is_release_line(sentence) or _STRIKES_NEAR.search(sentence.text) is not None


def _country_wide(draft: Draft) -> bool:
    """'Coalition forces continued to attack ISIL in Syria and Iraq': a summary, no place."""
    return draft.place is None or is_country_name(draft.place)


def _force(sentence: Span) -> str | None:
    """The named force that speaks in the summary ("The US-led coalition ... said")."""
    for token in sentence:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ == "PRP":
            continue
        phrase = sentence.doc[token.left_edge.i : token.i + 1].text
        actor = normalize_actor(phrase)
        if actor.alias is not None and actor.inter is not None:
            return phrase
    return None
