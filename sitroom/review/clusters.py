"""Merging and splitting dedupe clusters by hand, kept across reclustering.

A merge records, for each moved event, the event it was merged with ("together");
a split records that an event stands alone ("apart"). ``reapply_clusters`` replays
both after ``recluster`` renumbers the clusters.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, func, select, update

from sitroom.review.decisions import ReviewError, _keep, log
from sitroom.store import Store, schema

EVENTS, CLUSTERS = schema.events, schema.clusters
HUMAN_METHOD = "reviewed"


def _members(conn: Connection, cluster_id: int) -> list[Any]:
    stmt = select(EVENTS).where(EVENTS.c.cluster_id == cluster_id).order_by(EVENTS.c.id)
    return list(conn.execute(stmt))


def refresh(conn: Connection, cluster_id: int) -> None:
    """Recompute a cluster's summary row from its members (delete it when empty)."""
    members = _members(conn, cluster_id)
    if not members:
        conn.execute(CLUSTERS.delete().where(CLUSTERS.c.id == cluster_id))
        return
    located = [m for m in members if m.latitude is not None]
    head = located[0] if located else members[0]
    starts = [m.date_start for m in members if m.date_start]
    ends = [m.date_end or m.date_start for m in members if m.date_end or m.date_start]
    lows = [m.fatalities_low for m in members if m.fatalities_low is not None]
    highs = [m.fatalities_high for m in members if m.fatalities_high is not None]
    sources = {s for m in members for s in json.loads(m.event_json).get("sources") or []}
    documents = {m.document_id for m in members}
    values = {
        "event_type": head.event_type,
        "sub_event_type": head.sub_event_type,
        "location": head.location,
        "country": head.country,
        "latitude": head.latitude,
        "longitude": head.longitude,
        "date_start": max(starts) if starts else None,
        "date_end": min(ends) if ends else None,
        "fatalities_low": min(lows) if lows else None,
        "fatalities_high": max(highs) if highs else None,
        "n_reports": len(documents),
        "n_sources": len(sources | documents),
        "method": HUMAN_METHOD,
    }
    if conn.execute(select(CLUSTERS.c.id).where(CLUSTERS.c.id == cluster_id)).first():
        conn.execute(update(CLUSTERS).where(CLUSTERS.c.id == cluster_id).values(**values))
    else:
        conn.execute(CLUSTERS.insert().values(id=cluster_id, **values))


def _exists(conn: Connection, cluster_id: int) -> None:
    if not conn.execute(select(CLUSTERS.c.id).where(CLUSTERS.c.id == cluster_id)).first():
        raise ReviewError(f"no cluster with id {cluster_id}")


def merge_clusters(
    store: Store, *, into: int, other: int, who: str, comment: str = ""
) -> list[dict[str, Any]]:
    """Move every report of cluster ``other`` into cluster ``into``."""
    if into == other:
        raise ReviewError("a cluster cannot be merged with itself")
    written = []
    with store.engine.begin() as conn:
        _exists(conn, into)
        _exists(conn, other)
        anchor = _members(conn, into)[0]
        for row in _members(conn, other):
            _keep(conn, row, "together", [anchor.document_id, anchor.ordinal], None, who)
            conn.execute(update(EVENTS).where(EVENTS.c.id == row.id).values(cluster_id=into))
            written.append(
                log(
                    conn,
                    row,
                    who,
                    "merge",
                    cluster_id=into,
                    field="cluster",
                    before=str(other),
                    after=str(into),
                    comment=comment,
                )
            )
        refresh(conn, into)
        refresh(conn, other)
    return written


def split_event(store: Store, *, event_id: int, who: str, comment: str = "") -> dict[str, Any]:
    """Take one report out of its cluster into a cluster of its own."""
    with store.engine.begin() as conn:
        row = conn.execute(select(EVENTS).where(EVENTS.c.id == event_id)).first()
        if row is None:
            raise ReviewError(f"no event with id {event_id}")
        if row.cluster_id is None or len(_members(conn, row.cluster_id)) < 2:
            raise ReviewError("the event is alone in its cluster already")
        new = _split(conn, row)
        _keep(conn, row, "apart", True, None, who)
        return log(
            conn,
            row,
            who,
            "split",
            cluster_id=new,
            field="cluster",
            before=str(row.cluster_id),
            after=str(new),
            comment=comment,
        )


def _split(conn: Connection, row: Any) -> int:
    new = int(conn.execute(select(func.coalesce(func.max(CLUSTERS.c.id), 0))).scalar_one()) + 1
    conn.execute(update(EVENTS).where(EVENTS.c.id == row.id).values(cluster_id=new))
    refresh(conn, new)
    refresh(conn, row.cluster_id)
    return int(new)


def reapply_clusters(store: Store) -> None:
    reviews = schema.reviews
    with store.engine.begin() as conn:
        decisions = conn.execute(
            select(reviews).where(reviews.c.field.in_(("together", "apart"))).order_by(reviews.c.id)
        ).fetchall()
        for decision in decisions:
            row = conn.execute(
                select(EVENTS).where(
                    EVENTS.c.document_id == decision.document_id,
                    EVENTS.c.ordinal == decision.ordinal,
                )
            ).first()
            if row is None:
                continue
            if decision.field == "apart":
                if row.cluster_id is not None and len(_members(conn, row.cluster_id)) > 1:
                    _split(conn, row)
                continue
            document_id, ordinal = json.loads(decision.human_value)
            anchor = conn.execute(
                select(EVENTS.c.cluster_id).where(
                    EVENTS.c.document_id == document_id, EVENTS.c.ordinal == ordinal
                )
            ).scalar_one_or_none()
            if anchor is not None and anchor != row.cluster_id:
                old = row.cluster_id
                conn.execute(update(EVENTS).where(EVENTS.c.id == row.id).values(cluster_id=anchor))
                refresh(conn, anchor)
                if old is not None:
                    refresh(conn, old)
