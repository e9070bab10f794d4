"""Report-level readings of single drafts: background (``background``), the
lines of a strike release (``releases``) and lists of dated items
(``dated_items``); ``assemble`` decides with them."""

from __future__ import annotations

from sitroom.extract.events.report.background import is_background
from sitroom.extract.events.report.dated_items import dated_items
from sitroom.extract.events.report.releases import (
    country_wide,
    is_release_line,
    line_place,
    listed_strike,
    release_force,
)
from sitroom.extract.events.report.stated import stated_day

__all__ = [
    "country_wide",
    "dated_items",
    "is_background",
    "is_release_line",
    "line_place",
    "listed_strike",
    "release_force",
    "stated_day",
]
