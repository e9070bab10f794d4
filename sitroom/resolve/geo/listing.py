"""Lists of places: items that are siblings, never containers of one another.

Strike releases and situation reports list one place per line ("* Near
Bayji, one strike ...", "-- Near Kisik, a strike ..."), grouped under a
section that names the country ("Iraq", "Strikes in Iraq", "... conducted
five strikes in Iraq:"). Each item is its own place: when an item's place is
not in the gazetteer, the town of the line above is a sibling, not the place
that contains it. The item keeps its own text and goes to what its section
names (the country, at ACLED precision 3) instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.resolve.geo.place import GazPlace, Place
from sitroom.resolve.geo.toponyms import Mention

# A line's lead: a bullet ("*", "-", "--", "•", "1.", "2)") and/or a release's
# "Near X," opening. Lines that share a lead form a list.
_LEAD = re.compile(
    r"^[ \t]*(?P<bullet>[-–—•*▪]+|\d{1,2}[.)])?[ \t]*(?P<near>Near\s+[A-Z][^,\n]{0,60},)?"
)
# Fewer items than this are not a list.
MIN_ITEMS = 2
# How far back (characters) a list's section heading or lead-in may be.
SECTION_CHARS = 1500


@dataclass(frozen=True, slots=True)
class Listing:
    """The item lines of a text's lists, as (start, end) character spans."""

    items: tuple[tuple[int, int], ...]

    def item_at(self, pos: int) -> tuple[int, int] | None:
        for start, end in self.items:
            if start <= pos < end:
                return start, end
        return None

    def in_item(self, pos: int) -> bool:
        return self.item_at(pos) is not None


def _lead(line: str) -> str | None:
    m = _LEAD.match(line)
    if m is None or not (m.group("bullet") or m.group("near")):
        return None
    rest = line[m.end() :].strip()
    if not rest and not m.group("near"):
        return None  # a bare bullet or a rule
    return (m.group("bullet") or "") + ("Near" if m.group("near") else "")


def find_listing(text: str) -> Listing:
    """Every line that shares its lead with another line of the text."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lead = _lead(line)
        if lead is not None:
            lines.append((pos, pos + len(line), lead))
        pos += len(line) + 1
    counts = Counter(lead for _, _, lead in lines)
    return Listing(tuple((s, e) for s, e, lead in lines if counts[lead] >= MIN_ITEMS))


def section_country(
    text: str,
    listing: Listing,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    at: int,
) -> GazPlace | None:
    """The country the section of the item at ``at`` names: the nearest line
    before it that is not an item and names exactly one country."""
    item = listing.item_at(at)
    if item is None:
        return None
    line_end = item[0]
    floor = max(0, item[0] - SECTION_CHARS)
    while line_end > floor:
        line_start = text.rfind("\n", 0, line_end - 1) + 1
        if not listing.in_item(line_start):
            named = {
                p.place.cc: p.place
                for m, p in zip(mentions, places, strict=True)
                if line_start <= m.start < line_end
                and p.place is not None
                and p.place.kind == "country"
                and not m.modifier
            }
            if len(named) == 1:
                return next(iter(named.values()))
        line_end = line_start
    return None
