"""The reads a brief needs, as SQLAlchemy Core over the store's tables (SQLite or PostgreSQL).

An event belongs to a period by its start date, so the period and the previous one
never count one event twice. Aggregate claims (cumulative tolls) are never counted
as incidents; they are counted apart, for the caveats.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from sitroom.report.figures import Period, ReportFilters
from sitroom.store import Store, packing, schema

EVENTS = schema.events
DOCUMENTS = schema.documents
# SQLite allows 999 bound parameters per statement in older builds; stay well below.
IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    document_id: str
    cluster_id: int | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    date_start: str
    date_end: str | None
    fatalities_low: int | None
    fatalities_high: int | None
    certainty: str
    notes: str | None


_ROW_COLUMNS = tuple(EVENTS.c[f.name] for f in fields(EventRow))


def _scoped(stmt: Select[Any], filters: ReportFilters) -> Select[Any]:
    """The filters other than the dates."""
    if filters.country:
        stmt = stmt.where(func.lower(EVENTS.c.country) == filters.country.lower())
    if filters.admin1:
        stmt = stmt.where(func.lower(EVENTS.c.admin1) == filters.admin1.lower())
    if filters.actor:
        pattern = f"%{filters.actor.lower()}%"
        stmt = stmt.where(
            func.lower(EVENTS.c.actor1).like(pattern) | func.lower(EVENTS.c.actor2).like(pattern)
        )
    if filters.event_type:
        wanted = filters.event_type.lower()
        stmt = stmt.where(
            (func.lower(EVENTS.c.event_type) == wanted)
            | (func.lower(EVENTS.c.sub_event_type) == wanted)
        )
    return stmt


def _in_period(stmt: Select[Any], period: Period) -> Select[Any]:
    return stmt.where(
        EVENTS.c.date_start >= period.start.isoformat(),
        EVENTS.c.date_start <= period.end.isoformat(),
    )


def event_rows(store: Store, filters: ReportFilters, period: Period) -> list[EventRow]:
    """Every dated, non-aggregate event of the period that the filters keep."""
    stmt = _in_period(_scoped(select(*_ROW_COLUMNS), filters), period).where(
        EVENTS.c.aggregate == 0
    )
    with store.engine.connect() as conn:
        return [EventRow(*row) for row in conn.execute(stmt.order_by(EVENTS.c.id))]


def date_span(store: Store, filters: ReportFilters) -> tuple[date, date] | None:
    """First and last start date of the events the filters keep (None when there are none)."""
    stmt = _scoped(
        select(func.min(EVENTS.c.date_start), func.max(EVENTS.c.date_start)), filters
    ).where(EVENTS.c.aggregate == 0)
    with store.engine.connect() as conn:
        first, last = conn.execute(stmt).one()
    if not first or not last:
        return None
    return date.fromisoformat(first), date.fromisoformat(last)


def undated_count(store: Store, filters: ReportFilters) -> int:
    stmt = _scoped(select(func.count()).select_from(EVENTS), filters).where(
        EVENTS.c.date_start.is_(None), EVENTS.c.aggregate == 0
    )
    with store.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def aggregate_count(store: Store, filters: ReportFilters, period: Period) -> int:
    stmt = _in_period(_scoped(select(func.count()).select_from(EVENTS), filters), period).where(
        EVENTS.c.aggregate == 1
    )
    with store.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def publishing_days(store: Store, period: Period) -> set[str]:
    """Days of the period on which any stored document was published."""
    stmt = select(DOCUMENTS.c.published).distinct().where(
        DOCUMENTS.c.published >= period.start.isoformat(),
        DOCUMENTS.c.published <= period.end.isoformat(),
    )
    with store.engine.connect() as conn:
        return {str(row[0]) for row in conn.execute(stmt)}


def documents_of(store: Store, document_ids: Iterable[str]) -> list[dict[str, Any]]:
    """id, outlet and published date of each document."""
    ids = sorted(set(document_ids))
    found: list[dict[str, Any]] = []
    columns = (DOCUMENTS.c.id, DOCUMENTS.c.outlet, DOCUMENTS.c.published)
    with store.engine.connect() as conn:
        for chunk in _chunks(ids):
            stmt = select(*columns).where(DOCUMENTS.c.id.in_(chunk))
            found.extend(dict(row._mapping) for row in conn.execute(stmt))
    return found


@dataclass(frozen=True, slots=True)
class EventDetail:
    """What a listed report shows beyond its row: its document and its stored JSON."""

    event: dict[str, Any]
    evidence_text: str | None
    outlet: str | None
    title: str | None
    url: str | None
    path: str
    published: str | None
    attributions: tuple[dict[str, Any], ...]


def event_details(store: Store, event_ids: Sequence[int]) -> dict[int, EventDetail]:
    """Details of a few events (the ones a brief lists), with their documents' attributions."""
    columns = (
        EVENTS.c.id,
        EVENTS.c.document_id,
        EVENTS.c.event_json,
        EVENTS.c.evidence_text,
        DOCUMENTS.c.outlet,
        DOCUMENTS.c.title,
        DOCUMENTS.c.url,
        DOCUMENTS.c.path,
        DOCUMENTS.c.published,
    )
    details: dict[int, EventDetail] = {}
    attributions: dict[str, tuple[dict[str, Any], ...]] = {}  # by document id
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(set(event_ids))):
            stmt = (
                select(*columns)
                .join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id)
                .where(EVENTS.c.id.in_(chunk))
            )
            rows = conn.execute(stmt).fetchall()
            new = {str(row.document_id) for row in rows} - set(attributions)
            for document, record in packing.load(conn, new).items():
                attributions[document] = tuple(record.get("attributions") or ())
            for row in rows:
                document = str(row.document_id)
                details[int(row.id)] = EventDetail(
                    event=json.loads(row.event_json),
                    evidence_text=row.evidence_text,
                    outlet=row.outlet,
                    title=row.title,
                    url=row.url,
                    path=row.path,
                    published=row.published,
                    attributions=attributions.get(document, ()),
                )
    return details


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]
