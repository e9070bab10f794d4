"""Incremental linkage: each new event joins the one cluster it matches wholly, or founds one.

A new event is compared only with the events filed under its blocks
(``blocks.query_keys``), and joins a cluster only when it matches *every* member
(complete linkage): the same sub-event type, overlapping dates and the same place
as each of them, and no member from its own report. Single linkage (union-find
over matching pairs) chains: on a front line shelled every day, town A matches B
and B matches C 20 km further on, until one "event" covers a province; complete
linkage keeps a cluster's members within ``SAME_PLACE_KM`` of each other. Among
clusters that qualify, the nearest (largest distance to a member, smallest first)
wins, then the oldest.

A cluster is named by the id of the event that founded it, so ids are stable as
the store grows and the clusters a batch does not touch are never rewritten.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitroom.dedupe import blocks
from sitroom.dedupe.cluster import (
    REGION_PRECISION,
    Cluster,
    StoredEvent,
    apart_km,
    is_same_event,
)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one new event went, and why (None for the founder of a cluster)."""

    event_id: int
    cluster_id: int
    reason: str | None


@dataclass(slots=True)
class Linker:
    """Clusters held in memory, with a block index over their members."""

    members: dict[int, list[StoredEvent]] = field(default_factory=dict)
    index: dict[int, list[tuple[int, int, int]]] = field(default_factory=lambda: defaultdict(list))
    touched: set[int] = field(default_factory=set)

    def load(self, cluster_id: int, event: StoredEvent) -> None:
        """Add an already clustered event (from the store) without touching its cluster."""
        self.members.setdefault(cluster_id, []).append(event)
        self._file(cluster_id, event)

    def _file(self, cluster_id: int, event: StoredEvent) -> None:
        span = blocks.days(event)
        if span is None:
            return
        for key in blocks.file_keys(event):
            self.index[key].append((span[0], span[1], cluster_id))

    def candidates(self, event: StoredEvent, keys: list[int] | None = None) -> set[int]:
        window = blocks.window(event)
        if window is None:
            return set()
        found: set[int] = set()
        for key in blocks.query_keys(event) if keys is None else keys:
            found.update(
                cluster_id
                for start, end, cluster_id in self.index.get(key, ())
                if blocks.may_overlap(window, start, end)
            )
        return found

    def add(self, event: StoredEvent, keys: list[int] | None = None) -> Assignment:
        """Link one new event (``keys``: its ``blocks.query_keys`` if already computed).

        Events must come in id order.
        """
        best: tuple[float, int] | None = None
        for cluster_id in self.candidates(event, keys):
            distance = _complete_link(event, self.members[cluster_id])
            if distance is not None and (best is None or (distance, cluster_id) < best):
                best = (distance, cluster_id)
        if best is None:
            cluster_id, reason = event.id, None
        else:
            cluster_id = best[1]
            reason = _reason(event, self.members[cluster_id], best[0])
        self.members.setdefault(cluster_id, []).append(event)
        self._file(cluster_id, event)
        self.touched.add(cluster_id)
        return Assignment(event_id=event.id, cluster_id=cluster_id, reason=reason)

    def clusters(self, ids: Iterable[int]) -> list[Cluster]:
        return [Cluster(id=cid, members=tuple(self.members[cid])) for cid in sorted(ids)]


def _complete_link(event: StoredEvent, members: list[StoredEvent]) -> float | None:
    """The farthest member's distance when ``event`` matches every member, else None."""
    farthest = 0.0
    for member in members:
        if not is_same_event(event, member):
            return None
        farthest = max(farthest, apart_km(event, member))
    return farthest


def _reason(event: StoredEvent, members: list[StoredEvent], farthest: float) -> str:
    if any(REGION_PRECISION in (event.geo_precision, m.geo_precision) for m in members):
        place = f"same province ({event.admin1})"
    elif math.isinf(farthest):
        place = "same province"
    elif farthest == 0.0:
        place = "same place name"
    else:
        place = f"within {farthest:.1f} km of every report"
    return (
        f"{event.sub_event_type}; dates overlap and {place}; "
        f"matches all {len(members)} earlier report(s)"
    )


def cluster_events(events: Iterable[StoredEvent]) -> list[Cluster]:
    """Cluster events in memory (id order); every event lands in exactly one cluster."""
    linker = Linker()
    for event in sorted(events, key=lambda e: e.id):
        linker.add(event)
    return linker.clusters(linker.members)
