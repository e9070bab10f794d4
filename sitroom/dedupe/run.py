"""Dedupe over the store, incrementally: only events not yet clustered are linked.

Each batch of new events (in id order) asks the store for the clusters filed under
its blocks, loads just those clusters, links the new events in memory
(``link.Linker``) and writes back, in one transaction, the new events' cluster and
reason, their block rows and the rows of the clusters they touched. The cost of a
batch grows with the batch and the crowding of its blocks, not with the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.dedupe import blocks
from sitroom.dedupe.cluster import StoredEvent
from sitroom.dedupe.link import Linker
from sitroom.store import Store, clustering
from sitroom.store.locks import exclusive

# New events linked per transaction. A batch holds about 4 KB per event at its peak
# (tracemalloc: 81 MiB for 20,000), which an ingest adds to the parser's memory, so a
# 10,000-line ingest (~20,000 events) grew past a 1,000-line one by the whole batch.
# At 5,000 the per-batch queries still cost nothing measurable: a full rebuild of
# 60,000 synthetic events (benchmarks/dedupe_growth.py's store) took 6.4 s CPU in
# batches of 5,000, 6.6-7.0 s in batches of 20,000, with the same clusters.
BATCH_EVENTS = 5_000


@dataclass(slots=True)
class DedupeSummary:
    linked: int = 0  # new events given a cluster
    merged: int = 0  # of which joined an existing cluster
    clusters_written: int = 0


def dedupe_pending(store: Store, *, batch: int = BATCH_EVENTS) -> DedupeSummary:
    """Link every stored event that has no cluster yet; returns what was done.

    Each batch reads the pending events and their candidate clusters and writes the
    links under a store-wide lock, so of two ingests ending together neither links
    the same events twice or writes clusters from a read older than the other's.
    """
    summary = DedupeSummary()
    while True:
        with exclusive(store.engine, "dedupe"), store.engine.begin() as conn:
            # Each row's JSON is dropped once its event is built: a batch holds
            # events, not dicts (the dicts were a third of a batch's memory).
            new = [
                StoredEvent.from_json(i, d, data)
                for i, d, _, data in clustering.pending(conn, batch)
            ]
            if not new:
                return summary
            queries = {
                (key, window.lo, window.hi)
                for event in new
                if (window := blocks.window(event)) is not None
                for key in blocks.query_keys(event)
            }
            linker = Linker()
            near = clustering.candidate_clusters(conn, queries, blocks.MAX_SPAN_DAYS)
            for i, d, cid, data in clustering.members(conn, near):
                linker.load(cid, StoredEvent.from_json(i, d, data))  # type: ignore[arg-type]
            assignments = [linker.add(event) for event in new]
            placed = {a.event_id: a.cluster_id for a in assignments}
            clustering.write(
                conn,
                assignments=[(a.cluster_id, a.reason, a.event_id) for a in assignments],
                blocks=[
                    (key, span[0], span[1], placed[event.id], event.id)
                    for event in new
                    if (span := blocks.days(event)) is not None
                    for key in blocks.file_keys(event)
                ],
                clusters=[c.summary() for c in linker.clusters(linker.touched)],
            )
        summary.linked += len(assignments)
        summary.merged += sum(1 for a in assignments if a.reason is not None)
        summary.clusters_written += len(linker.touched)


def recluster(store: Store) -> int:
    """Cluster every stored event again from scratch; returns the cluster count."""
    with exclusive(store.engine, "dedupe"), store.engine.begin() as conn:
        clustering.reset(conn)
    dedupe_pending(store)
    with store.engine.connect() as conn:
        return clustering.count(conn)


def cluster_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return clustering.count(conn)
