"""Filtered, sorted, paged reads of events, with totals and facet counts.

One ``EventFilter`` drives the dashboard page, its JSON twin, the map, the
timeline and every export, so a filter means the same thing everywhere. Text
search uses SQLite FTS5 or PostgreSQL full-text search (``sitroom.store.search``)
behind the same ``q`` parameter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from sitroom.store import schema
from sitroom.store.search import matches

EVENTS = schema.events
DOCUMENTS = schema.documents

# Public sort keys and the column each orders by; ties always break on id so pages are stable.
SORT_COLUMNS: dict[str, Any] = {
    "date": EVENTS.c.date_start,
    "fatalities": func.coalesce(EVENTS.c.fatalities_best, EVENTS.c.fatalities_low),
    "country": EVENTS.c.country,
    "admin1": EVENTS.c.admin1,
    "location": EVENTS.c.location,
    "type": EVENTS.c.sub_event_type,
    "actor": EVENTS.c.actor1,
    "certainty": EVENTS.c.certainty,
    "id": EVENTS.c.id,
}

# Values listed per facet beside the filters.
FACET_SIZE = 12

# The columns of an event row (no raw JSON; pages drop the path, exports keep its name).
ROW_COLUMNS = (
    *(c for c in EVENTS.columns if c.name != "event_json"),
    DOCUMENTS.c.title,
    DOCUMENTS.c.path,
    DOCUMENTS.c.url,
    DOCUMENTS.c.outlet,
    DOCUMENTS.c.published,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    q: str | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None  # event_type or sub_event_type
    sub_type: str | None = None
    actor: str | None = None  # either side, substring
    since: str | None = None
    until: str | None = None
    certainty: str | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    source_type: str | None = None
    outlet: str | None = None
    cluster_id: int | None = None
    document_id: str | None = None
    sort: str = "-date"
    limit: int = 50
    offset: int = 0

    def active(self) -> dict[str, Any]:
        """The filters in force (not paging or sort), as public parameter names."""
        skip = {"sort", "limit", "offset"}
        return {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if name not in skip and getattr(self, name) is not None
        }


def conditions(f: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if f.q:
        where.append(matches(f.q, dialect))
    if f.country:
        where.append(func.lower(EVENTS.c.country) == f.country.lower())
    if f.admin1:
        where.append(func.lower(EVENTS.c.admin1) == f.admin1.lower())
    if f.type:
        wanted = f.type.lower()
        where.append(
            or_(
                func.lower(EVENTS.c.event_type) == wanted,
                func.lower(EVENTS.c.sub_event_type) == wanted,
            )
        )
    if f.sub_type:
        where.append(func.lower(EVENTS.c.sub_event_type) == f.sub_type.lower())
    if f.actor:
        where.append(
            or_(
                EVENTS.c.actor1.icontains(f.actor, autoescape=True),
                EVENTS.c.actor2.icontains(f.actor, autoescape=True),
            )
        )
    if f.since:
        where.append(func.coalesce(EVENTS.c.date_end, EVENTS.c.date_start) >= f.since)
    if f.until:
        where.append(EVENTS.c.date_start <= f.until)
    if f.certainty:
        where.append(EVENTS.c.certainty == f.certainty)
    deaths = func.coalesce(EVENTS.c.fatalities_best, EVENTS.c.fatalities_low)
    if f.fatalities_min is not None:
        where.append(deaths >= f.fatalities_min)
    if f.fatalities_max is not None:
        where.append(deaths <= f.fatalities_max)
    if f.source_type:
        typed = select(schema.event_sources.c.event_id).where(
            schema.event_sources.c.source_type == f.source_type
        )
        where.append(EVENTS.c.id.in_(typed))
    if f.outlet:
        where.append(func.lower(DOCUMENTS.c.outlet) == f.outlet.lower())
    if f.cluster_id is not None:
        where.append(EVENTS.c.cluster_id == f.cluster_id)
    if f.document_id:
        where.append(EVENTS.c.document_id == f.document_id)
    return where


def filtered_select(
    stmt: Select[Any], f: EventFilter, dialect: str, *, documents: bool = True
) -> Select[Any]:
    """``stmt`` over the filtered events; documents are joined only where a column or
    the outlet filter needs them (counting 50k events is several times faster without)."""
    if documents or f.outlet:
        stmt = stmt.select_from(EVENTS.join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id))
    else:
        stmt = stmt.select_from(EVENTS)
    where = conditions(f, dialect)
    return stmt.where(and_(*where)) if where else stmt


def _ordered(stmt: Select[Any], sort: str) -> Select[Any]:
    key = sort.removeprefix("-")
    column = SORT_COLUMNS[key]
    if sort.startswith("-"):
        return stmt.order_by(column.desc().nulls_last(), EVENTS.c.id.desc())
    return stmt.order_by(column.asc().nulls_last(), EVENTS.c.id)


def rows(store: Any, f: EventFilter) -> list[dict[str, Any]]:
    """One page of event rows: the page's ids first from the events alone (an index walk
    even deep into the list), then their rows with their documents."""
    dialect = store.engine.dialect.name
    ids_stmt = _ordered(filtered_select(select(EVENTS.c.id), f, dialect, documents=False), f.sort)
    ids_stmt = ids_stmt.limit(f.limit).offset(f.offset)
    with store.engine.connect() as conn:
        ids = [int(i) for i in conn.execute(ids_stmt).scalars()]
        if not ids:
            return []
        stmt = _ordered(
            select(*ROW_COLUMNS)
            .select_from(EVENTS.join(DOCUMENTS, DOCUMENTS.c.id == EVENTS.c.document_id))
            .where(EVENTS.c.id.in_(ids)),
            f.sort,
        )
        return [dict(row._mapping) for row in conn.execute(stmt)]


def total(store: Any, f: EventFilter) -> int:
    stmt = filtered_select(select(func.count()), f, store.engine.dialect.name, documents=False)
    with store.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def iter_rows(store: Any, f: EventFilter, *, with_json: bool = True) -> Iterator[dict[str, Any]]:
    """Every row matching the filter (no paging), streamed from the database."""
    columns = (*ROW_COLUMNS, EVENTS.c.event_json) if with_json else ROW_COLUMNS
    stmt = _ordered(filtered_select(select(*columns), f, store.engine.dialect.name), f.sort)
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=500).execute(stmt)
        for row in result:
            yield dict(row._mapping)


def day_counts(store: Any, f: EventFilter) -> list[tuple[str, str, int]]:
    """(date, event type, events) for the filtered events that have a date."""
    stmt = filtered_select(
        select(EVENTS.c.date_start, EVENTS.c.event_type, func.count()),
        f,
        store.engine.dialect.name,
        documents=False,
    )
    stmt = stmt.where(EVENTS.c.date_start.is_not(None)).group_by(
        EVENTS.c.date_start, EVENTS.c.event_type
    )
    with store.engine.connect() as conn:
        return [(str(d), str(t), int(n)) for d, t, n in conn.execute(stmt)]


def places(store: Any, f: EventFilter) -> list[dict[str, Any]]:
    """Geocoded events grouped by exact coordinates and type, for the map."""
    deaths = func.coalesce(EVENTS.c.fatalities_best, EVENTS.c.fatalities_low, 0)
    stmt = filtered_select(
        select(
            EVENTS.c.latitude,
            EVENTS.c.longitude,
            EVENTS.c.event_type,
            func.min(EVENTS.c.location).label("location"),
            func.count().label("events"),
            func.sum(deaths).label("fatalities"),
            func.min(EVENTS.c.id).label("first_id"),
        ),
        f,
        store.engine.dialect.name,
        documents=False,
    )
    stmt = stmt.where(EVENTS.c.latitude.is_not(None), EVENTS.c.longitude.is_not(None))
    stmt = stmt.group_by(EVENTS.c.latitude, EVENTS.c.longitude, EVENTS.c.event_type)
    with store.engine.connect() as conn:
        return [
            {
                "lat": float(r.latitude),
                "lon": float(r.longitude),
                "type": r.event_type,
                "location": r.location,
                "events": int(r.events),
                "fatalities": int(r.fatalities or 0),
                "first_id": int(r.first_id),
            }
            for r in conn.execute(stmt)
        ]
