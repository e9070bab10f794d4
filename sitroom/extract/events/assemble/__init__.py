"""Document-level event assembly: from one draft per unit to one group per incident.

``assemble(drafts, published)`` runs these decisions in order over the drafts of
a report; ``record.to_event`` then makes one ``Event`` of each group, taking each
argument from the sentence that states it (``dates.incident_when``, the first
place a sentence of the incident names, ``figures.group_fatalities``):

1. background out (``incidents.drop_background``; readings in ``report.background``);
2. dates carried to undated follow-ups (``dates.inherit_dates``; each day of a
   listed series is already its own draft, ``report.dated_items``);
3. strike releases: the summary goes, each "Near X" line stays its own event
   (``release.fold_release``);
4. incidents: which drafts report the same incident, including the sentences that
   only point back at one ("the attack", "this airstrike", "there were no
   casualties") (``incidents.merge``); an incident told only by bare sentences
   takes the day of the incident told nearest before it (``dates.date_bare``); the
   report's first incident, told without a place, takes the headline's
   (``headline``).
"""

from __future__ import annotations

from datetime import date

from sitroom.extract.events.assemble.dates import (
    date_bare,
    incident_when,
    inherit_dates,
)
from sitroom.extract.events.assemble.figures import further, group_fatalities
from sitroom.extract.events.assemble.incidents import drop_background, merge, same_incident
from sitroom.extract.events.assemble.release import fold_release
from sitroom.extract.events.draft import Draft
from sitroom.extract.events.headline import LazyHeadline


def assemble(
    drafts: list[Draft], published: date | None, headline: LazyHeadline | None = None
) -> list[list[Draft]]:
    """The report's incidents, in order: groups of drafts, one group per event."""
    kept = drop_background(drafts, published)
    return date_bare(merge(fold_release(inherit_dates(kept, published)), headline), published)


__all__ = [
    "assemble",
    "drop_background",
    "fold_release",
    "further",
    "group_fatalities",
    "incident_when",
    "inherit_dates",
    "same_incident",
]
