"""Page data for the lists. Each function returns the JSON twin of one dashboard page;
the HTML page renders exactly this data, so what a person sees and what a script
reads agree.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, select

from sitroom.serve.params import filter_query
from sitroom.store import Store, filters, schema
from sitroom.store.facets import FacetCounter
from sitroom.store.filters import EventFilter

# Timeline bins: days up to three months, weeks up to two years, months beyond
# (keeps the bar count between about 15 and 120 for any range people look at).
DAY_RANGE = 92
WEEK_RANGE = 731


class NotFound(LookupError):
    """The requested row does not exist (rendered as the one error shape, 404)."""


def event_summary(row: dict[str, Any]) -> dict[str, Any]:
    summary = {k: v for k, v in row.items() if k not in {"event_json", "path"}}
    summary["aggregate"] = bool(summary.get("aggregate"))
    return summary


def _link(path: str, query: dict[str, Any]) -> str:
    return f"{path}?{urlencode(query)}" if query else path


# The dashboard filters a situation brief can apply (``ReportFilters.from_query``); the
# others (text search, certainty, fatalities, sources) narrow a list, not a brief.
BRIEF_PARAMS = ("country", "admin1", "actor", "type", "since", "until")


def brief_links(query: dict[str, Any]) -> dict[str, str]:
    """Links to the brief of the current view, in each format (``/brief.html`` ...)."""
    kept = {k: v for k, v in query.items() if k in BRIEF_PARAMS}
    return {f"brief_{fmt}": _link(f"/brief.{fmt}", kept) for fmt in ("html", "pdf", "md")}


def dashboard(store: Store, f: EventFilter, counter: FacetCounter) -> dict[str, Any]:
    facet_counts, total = counter.counts(f)
    rows = filters.rows(store, f)
    query = filter_query(f)
    paging: dict[str, Any] = {**query, **({"sort": f.sort} if f.sort != "-date" else {})}
    if f.limit != 50:
        paging["limit"] = f.limit
    links: dict[str, str | None] = {
        "prev": _link("/", {**paging, "offset": max(0, f.offset - f.limit)})
        if f.offset > 0
        else None,
        "next": _link("/", {**paging, "offset": f.offset + f.limit})
        if f.offset + f.limit < total
        else None,
        "csv": _link("/export.csv", {**query, "sort": f.sort}),
        "geojson": _link("/export.geojson", {**query, "sort": f.sort}),
        "jsonl": _link("/export.jsonl", {**query, "sort": f.sort}),
        "map": _link("/map.json", query),
        "timeline": _link("/timeline.json", query),
        **brief_links(query),
    }
    return {
        "counts": store.counts(),
        "filters": query,
        "sort": f.sort,
        "limit": f.limit,
        "offset": f.offset,
        "total": total,
        "events": [event_summary(r) for r in rows],
        "facets": {
            name: [{**v, "link": _link("/", {**query, name: v["value"]})} for v in values]
            for name, values in facet_counts.items()
        },
        "links": links,
        "sort_links": {
            key: _link("/", {**query, "sort": key if f.sort == f"-{key}" else f"-{key}"})
            for key in filters.SORT_COLUMNS
        },
    }


def _bin_start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next_bin(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def timeline(store: Store, f: EventFilter) -> dict[str, Any]:
    """Counts on a true date axis: every bin from the first to the last date, empty ones too."""
    counts = []
    for day_text, kind, n in filters.day_counts(store, f):
        try:
            counts.append((date.fromisoformat(day_text), kind, n))
        except ValueError:
            continue
    if not counts:
        return {"unit": "day", "types": [], "bins": [], "filters": filter_query(f)}
    first, last = min(c[0] for c in counts), max(c[0] for c in counts)
    span = (last - first).days
    unit = "day" if span <= DAY_RANGE else "week" if span <= WEEK_RANGE else "month"
    types = sorted({c[1] for c in counts})
    bins: dict[date, dict[str, int]] = {}
    start = _bin_start(first, unit)
    while start <= last:
        bins[start] = {}
        start = _next_bin(start, unit)
    for day, kind, n in counts:
        slot = bins[_bin_start(day, unit)]
        slot[kind] = slot.get(kind, 0) + n
    return {
        "unit": unit,
        "types": types,
        "bins": [
            {
                "start": s.isoformat(),
                "end": (_next_bin(s, unit) - timedelta(days=1)).isoformat(),
                "counts": c,
            }
            for s, c in bins.items()
        ],
        "filters": filter_query(f),
    }


def map_points(store: Store, f: EventFilter) -> dict[str, Any]:
    return {"points": filters.places(store, f), "filters": filter_query(f)}


def documents_page(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    docs = [
        {k: v for k, v in d.items() if k != "path"}
        for d in store.documents(limit=limit, offset=offset)
    ]
    total = store.counts()["documents"]
    return {
        "documents": docs,
        "limit": limit,
        "offset": offset,
        "total": total,
        "next": f"/documents?offset={offset + limit}" if offset + limit < total else None,
    }


def rejections_page(store: Store) -> dict[str, Any]:
    rows = store.rejections()
    by_code: dict[str, int] = {}
    for r in rows:
        key = f"{r['stage']}/{r['code']}"
        by_code[key] = by_code.get(key, 0) + 1
    return {
        # The file name says which input failed; the server's directories stay private.
        "rejections": [{**r, "path": file_name(r["path"])} for r in rows],
        "by_code": dict(sorted(by_code.items(), key=lambda kv: -kv[1])),
    }


def clusters_page(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    table = schema.clusters
    stmt = (
        select(table)
        .order_by(table.c.date_start.desc().nulls_last(), table.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        total = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return {
        "clusters": rows,
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": f"/clusters?offset={offset + limit}" if offset + limit < total else None,
    }


def file_name(path: str | None) -> str | None:
    """The last part of a local path or URL-like path, never its directories."""
    if not path:
        return path
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
