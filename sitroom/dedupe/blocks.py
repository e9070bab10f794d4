"""Blocking keys: which stored events a new event is compared with at all.

Two events can only be the same event (``cluster.is_same_event``) when they share
the sub-event type, their dates overlap and their places agree. Each stored event
is filed under a few integer block keys, each (sub-event type, place key), with its
day range; a new event asks for the keys its place could match and the days its
range could overlap. The keys over-approximate ``same_place`` (the exact test still
runs on every candidate), so blocking never loses a match, and the work per new
event depends on how many reports share its type, place and days, not on the size
of the store.

Place keys: the grid cell of the coordinates (and the cells a ``SAME_PLACE_KM``
circle can reach), each name skeleton (``place_key``), and the province for
province-level reports (ACLED precision 3), which match any report in that province.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache

from sitroom.dedupe.cluster import DATE_SLACK, REGION_PRECISION, SAME_PLACE_KM, StoredEvent

# Degrees per grid cell. 0.25° of latitude is 27.8 km, more than SAME_PLACE_KM, so a
# match is never more than one cell away north or south; east-west reach is widened
# by 1/cos(latitude) below.
CELL_DEG = 0.25
KM_PER_DEG = 111.32
# ACLED's coarsest time precision is the month (time_precision 3): a report dated to
# a longer range (a year, "since 2019") cannot be tied to another with any confidence,
# as an undated one cannot, so it is not filed under any block.
MAX_SPAN_DAYS = 31
SLACK_DAYS = DATE_SLACK.days


@dataclass(frozen=True, slots=True)
class Window:
    """Days (proleptic ordinals) a candidate's range must touch: start ≤ hi, end ≥ lo."""

    lo: int
    hi: int


@lru_cache(maxsize=1 << 18)
def _key(*parts: object) -> int:
    """A stable signed 64-bit key (fits SQLite INTEGER and PostgreSQL BIGINT)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def days(event: StoredEvent) -> tuple[int, int] | None:
    """The event's day range as ordinals, or None when it cannot be matched on dates."""
    if event.aggregate or not (event.date_start and event.date_end):
        return None
    start, end = event.date_start.toordinal(), event.date_end.toordinal()
    if end < start or end - start > MAX_SPAN_DAYS:
        return None
    return start, end


def window(event: StoredEvent) -> Window | None:
    span = days(event)
    if span is None:
        return None
    return Window(lo=span[0] - SLACK_DAYS, hi=span[1] + SLACK_DAYS)


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)


def _located(event: StoredEvent) -> bool:
    return event.latitude is not None and event.longitude is not None


def file_keys(event: StoredEvent) -> list[int]:
    """The keys an event is filed under in the store."""
    if days(event) is None:
        return []
    sub = event.sub_event_type
    keys = [_key(sub, "n", name) for name in sorted(event.place_keys)]
    if _located(event):
        keys.append(_key(sub, "c", *_cell(event.latitude, event.longitude)))  # type: ignore[arg-type]
    if event.admin1:
        keys.append(_key(sub, "a", event.country, event.admin1))
        if event.geo_precision == REGION_PRECISION:
            keys.append(_key(sub, "p", event.country, event.admin1))
    return keys


def query_keys(event: StoredEvent) -> list[int]:
    """The keys under which every event that could match ``event`` is filed."""
    if days(event) is None:
        return []
    sub = event.sub_event_type
    keys = [_key(sub, "n", name) for name in sorted(event.place_keys)]
    if _located(event):
        lat, lon = event.latitude, event.longitude
        # The cells the SAME_PLACE_KM circle's bounding box covers (2-6 of them).
        dlat = SAME_PLACE_KM / KM_PER_DEG
        dlon = dlat / max(math.cos(math.radians(lat)), 0.05)  # type: ignore[arg-type]
        low, high = _cell(lat - dlat, lon - dlon), _cell(lat + dlat, lon + dlon)  # type: ignore[operator]
        keys.extend(
            _key(sub, "c", r, c)
            for r in range(low[0], high[0] + 1)
            for c in range(low[1], high[1] + 1)
        )
    if event.admin1:
        # A province-level report matches every report in its province, and a
        # town-level one every province-level report of its province.
        keys.append(_key(sub, "p", event.country, event.admin1))
        if event.geo_precision == REGION_PRECISION:
            keys.append(_key(sub, "a", event.country, event.admin1))
    return keys


def may_overlap(window_: Window, start: int, end: int) -> bool:
    return start <= window_.hi and end >= window_.lo
