"""Downloads of any filtered view, streamed: ACLED-column CSV, GeoJSON and JSONL.

The same ``EventFilter`` as the page decides the rows, so the file holds exactly
what the page lists (all pages of it). Rows are read from the database in
batches as the response is written, in the thread pool.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response, StreamingResponse

from sitroom.export import acled_row, csv_header
from sitroom.serve import params
from sitroom.serve.views import BRIEF_PARAMS, event_summary, file_name
from sitroom.store import Store
from sitroom.store.filters import EventFilter, iter_rows
from sitroom.store.sources import sync_quietly


def _rows(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    for row in iter_rows(store, f):
        yield {**row, "path": file_name(row.get("path"))}


def csv_chunks(store: Store, f: EventFilter) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_header())
    writer.writeheader()
    for n, row in enumerate(_rows(store, f), 1):
        writer.writerow(acled_row(row))
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def geojson_chunks(store: Store, f: EventFilter) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for row in _rows(store, f):
        if row["latitude"] is None or row["longitude"] is None:
            continue
        properties = {
            k: v for k, v in event_summary(row).items() if k not in {"latitude", "longitude"}
        }
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": properties,
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


def jsonl_chunks(store: Store, f: EventFilter) -> Iterator[str]:
    for row in _rows(store, f):
        line = {**event_summary(row), "detail": json.loads(row["event_json"])}
        yield json.dumps(line, ensure_ascii=False) + "\n"


FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_chunks),
    "geojson": ("application/geo+json", geojson_chunks),
    "jsonl": ("application/x-ndjson", jsonl_chunks),
}


def _download(store: Store, suffix: str) -> Any:
    media_type, chunks = FORMATS[suffix]

    def download(request: Request) -> StreamingResponse:
        f = params.event_filter(request.query_params, paged=False)
        if f.source_type:
            sync_quietly(store.engine)  # events stored since the server started
        return StreamingResponse(
            chunks(store, f),
            media_type=media_type,
            headers={"content-disposition": f'attachment; filename="sitroom-events.{suffix}"'},
        )

    return download


BRIEF_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
}


def _brief(store: Store, suffix: str) -> Any:
    def brief(request: Request) -> Response:
        # Imported here: matplotlib and WeasyPrint load only when a brief is asked for.
        from sitroom.report import ReportFilters, render_brief

        params.event_filter(request.query_params, paged=False)  # 400 on a bad parameter
        wanted = {k: v for k, v in request.query_params.items() if k in BRIEF_PARAMS}
        body = render_brief(
            store,
            ReportFilters.from_query(wanted),
            suffix,
            link_base=str(request.base_url).rstrip("/"),
        )
        # A download, not a page: the brief carries its own inline CSS and images,
        # which the dashboard's CSP rightly refuses on its own pages.
        return Response(
            body,
            media_type=BRIEF_TYPES[suffix],
            headers={"content-disposition": f'attachment; filename="sitroom-brief.{suffix}"'},
        )

    return brief


def register(app: FastAPI, store: Store) -> None:
    for suffix in BRIEF_TYPES:
        app.add_api_route(
            f"/brief.{suffix}",
            _brief(store, suffix),
            methods=["GET"],
            openapi_extra={"parameters": params.openapi_parameters(paged=False)},
        )
    for suffix in FORMATS:
        app.add_api_route(
            f"/export.{suffix}",
            _download(store, suffix),
            methods=["GET"],
            openapi_extra={"parameters": params.openapi_parameters(paged=False)},
        )
