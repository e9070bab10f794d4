"""Strike releases (rule 3 of ``assemble``): a release's summary goes, its "Near X,
..." lines take the releasing force as actor1 and the air-strike code. Each line
stays its own event (``incidents.merge`` never joins two release lines)."""

from __future__ import annotations

import re
from dataclasses import replace

from sitroom.extract.events.draft import Draft
from sitroom.extract.events.report import country_wide, listed_strike, release_force

_STRIKES = re.compile(r"\b(?:air ?)?strikes\b", re.IGNORECASE)
# A listed strike that hit a weapons cache, a vehicle or a fighting position is
# still an air strike (ACLED codes the strike, not what it destroyed).
_STRIKE_LEMMAS = frozenset({"strike", "airstrike"})
# Fewer lines than this are not a list.
_MIN_LINES = 2


def fold_release(drafts: list[Draft]) -> list[Draft]:
    """Drop a release's summary; its lines take its force as actor1 and the strike code."""
    listed = [listed_strike(d.sentence) for d in drafts]
    if sum(listed) < _MIN_LINES and not any(d.listed for d in drafts):
        return drafts  # one "Near X, ..." line is a release; one sentence of news is not
    # A release may list its strikes in sections ("Strikes in Syria", "Strikes in
    # Iraq"), each under its own summary: any summary before a listed line goes.
    last = max(d.sentence.start_char for d, line in zip(drafts, listed, strict=True) if line)
    summary = [
        not line
        and (
            (d.sentence.start_char < last and _STRIKES.search(d.sentence.text) is not None)
            or country_wide(d)  # "the operation to destroy ISIS in Iraq and Syria"
        )
        for d, line in zip(drafts, listed, strict=True)
    ]
    force = next(
        (
            a
            for d, dropped in zip(drafts, summary, strict=True)
            if dropped and (a := release_force(d.sentence)) is not None
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
