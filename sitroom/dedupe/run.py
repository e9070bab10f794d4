"""Recompute clusters over every stored event, as one transaction."""

from __future__ import annotations

from sitroom.dedupe.cluster import StoredEvent, cluster_events, cluster_rows
from sitroom.store import Store


def recluster(store: Store) -> int:
    """Recompute the dedupe clusters over every stored event; returns the cluster count."""
    events = [StoredEvent.from_json(i, d, data) for i, d, data in store.iter_event_json()]
    clusters = cluster_events(events)
    rows, members = cluster_rows(clusters)
    store.replace_clusters(rows, members)
    return len(clusters)
