"""Table definitions (SQLAlchemy Core), portable between SQLite and PostgreSQL.

``documents`` keeps each full record as JSON, so nothing extracted is ever lost;
``events`` flattens the fields people filter on; ``rejections`` keeps every
document that could not be processed, with its stage and code.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

migrations = Table(
    "sitroom_migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cleaned text
    Column("path", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("format", String(16), nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("text", Text, nullable=False),
    Column("record_json", Text, nullable=False),
    Column("pipeline", String(40), nullable=False),
    Column("ingested_at", String(40), nullable=False),
    # Why triage left the document unparsed; NULL when processed in full
    # (migration 002_documents_triage).
    Column("triage", Text),
    # Extra columns (added by later migrations, so they come after the first ones).
    # The record, text included, as zlib-compressed JSON (store/packing.py); text and
    # record_json are then empty. Rows from before keep them and have no record_z.
    Column("record_z", LargeBinary),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("location", Text),
    Column("admin1", Text),
    Column("country", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("time_precision", Integer),
    Column("date_text", Text),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("certainty", String(20), nullable=False),
    Column("aggregate", Integer, nullable=False, default=0),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
    Column("notes", Text),
    Column("cluster_id", Integer),
    Column("event_json", Text, nullable=False),
    # confirmed | corrected | rejected once a person reviewed the event (migration 015c).
    Column("review_status", String(20)),
    # Extra columns (added by later migrations, so they come after the first ones).
    Column("merge_reason", Text),  # why dedupe put this event in its cluster; NULL: founder
    UniqueConstraint("document_id", "ordinal", name="uq_events_document_ordinal"),
)
Index("ix_events_date", events.c.date_start)
Index("ix_events_cluster", events.c.cluster_id)
# Every filter of EventQuery has an index. The text filters match case-insensitively
# on lower(column), so the indexes are on that expression (both SQLite and
# PostgreSQL use them), with date_start second to serve the newest-first order.
Index("ix_events_country_ci", func.lower(events.c.country), events.c.date_start)
Index("ix_events_type_ci", func.lower(events.c.event_type), events.c.date_start)
Index("ix_events_sub_type_ci", func.lower(events.c.sub_event_type), events.c.date_start)
Index("ix_events_date_end", events.c.date_end)
SEARCH_INDEXES = (
    "ix_events_country_ci",
    "ix_events_type_ci",
    "ix_events_sub_type_ci",
    "ix_events_date_end",
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("stage", String(20), nullable=False),
    Column("code", String(10), nullable=False),
    Column("detail", Text, nullable=False),
    Column("first_seen", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    Column("times_seen", Integer, nullable=False, default=1),
    UniqueConstraint("path", "stage", "code", name="uq_rejections_path_stage_code"),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_type", String(60), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("location", Text),
    Column("country", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("n_reports", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("method", String(40), nullable=False),
)

# Each event's attributed sources with their type (person, government, media, …), read
# from its document's attributions; filled by ``sitroom.store.sources.sync``.
event_sources = Table(
    "event_sources",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text),
    Column("source_type", String(20), nullable=False),
)
Index("ix_event_sources_event", event_sources.c.event_id)
Index("ix_event_sources_type", event_sources.c.source_type, event_sources.c.event_id)

# Reviewers who may write (``sitroom user add``); only a hash of each token is kept.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("token_hash", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Human decisions on events, keyed by (document, ordinal) so they outlive event ids:
# the reviewed value wins over the machine's, and a changed machine value is flagged.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("field", String(40), nullable=False),
    Column("human_value", Text),
    Column("machine_value", Text),
    Column("reviewer", String(80), nullable=False),
    Column("at", String(40), nullable=False),
    Column("flag", Text),
    UniqueConstraint("document_id", "ordinal", "field", name="uq_reviews_event_field"),
)

# Every change a reviewer made: who, when, which field, before, after, why.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("who", String(80), nullable=False),
    Column("action", String(20), nullable=False),
    Column("event_id", Integer),
    Column("document_id", String(64)),
    Column("ordinal", Integer),
    Column("cluster_id", Integer),
    Column("field", String(40)),
    Column("before", Text),
    Column("after", Text),
    Column("comment", Text),
)
Index("ix_audit_event", audit.c.document_id, audit.c.ordinal)

# Dedupe's blocking index (sitroom/dedupe/blocks.py): each clustered event filed under
# a few (sub-event type, place) keys with its day range, so a new event finds its
# candidates by an index range scan instead of reading every stored event.
dedupe_blocks = Table(
    "dedupe_blocks",
    metadata,
    Column("block", BigInteger, nullable=False),
    Column("day", Integer, nullable=False),  # first day, proleptic ordinal
    Column("day_end", Integer, nullable=False),
    Column("cluster_id", Integer, nullable=False),
    Column("event_id", Integer, ForeignKey("events.id"), nullable=False),
)
Index("ix_dedupe_blocks_block_day", dedupe_blocks.c.block, dedupe_blocks.c.day)
