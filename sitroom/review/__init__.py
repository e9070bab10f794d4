"""Human review of events with an audit trail: confirm, correct or reject an event, merge
or split clusters, fix a place. Decisions outlive re-processing (``reapply``)."""

from sitroom.review.clusters import merge_clusters, split_event
from sitroom.review.decisions import (
    FIELDS,
    ReviewError,
    audit_rows,
    reapply,
    regression_cases,
    review_event,
)

__all__ = [
    "FIELDS",
    "ReviewError",
    "audit_rows",
    "merge_clusters",
    "reapply",
    "regression_cases",
    "review_event",
    "split_event",
]
