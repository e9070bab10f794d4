"""Recompute clusters over every stored event, as one transaction."""

from __future__ import annotations

from sitroom.dedupe.cluster import StoredEvent, cluster_events, cluster_rows
from sitroom.store import Store
from sitroom.store.locks import exclusive


def recluster(store: Store) -> int:
    """Recompute the dedupe clusters over every stored event; returns the cluster count.

    The read and the write happen under a store-wide lock, so of two ingests ending
    together neither writes clusters from a read older than the other's. Events go
    in by document and then by id (their order in the document), so the clusters do
    not depend on which of several concurrent ingests stored a document first.
    """
    with exclusive(store.engine, "recluster"):
        events = sorted(
            (StoredEvent.from_json(i, d, data) for i, d, data in store.iter_event_json()),
            key=lambda event: (event.document_id, event.id),
        )
        clusters = cluster_events(events)
        rows, members = cluster_rows(clusters)
        store.replace_clusters(rows, members)
    return len(clusters)
