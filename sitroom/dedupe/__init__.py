"""The dedupe stage: reports of one event, from many documents, merged; every source kept."""

from sitroom.dedupe.cluster import Cluster, StoredEvent, cluster_events, cluster_rows
from sitroom.dedupe.run import recluster

__all__ = ["Cluster", "StoredEvent", "cluster_events", "cluster_rows", "recluster"]
