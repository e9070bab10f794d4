"""The dedupe stage: reports of one event, from many documents, merged; every source kept."""

from sitroom.dedupe.cluster import Cluster, StoredEvent, cluster_rows
from sitroom.dedupe.link import cluster_events
from sitroom.dedupe.run import dedupe_pending, recluster

__all__ = [
    "Cluster",
    "StoredEvent",
    "cluster_events",
    "cluster_rows",
    "dedupe_pending",
    "recluster",
]
