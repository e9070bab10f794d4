"""The JSON API and the dashboard (FastAPI). Every page has a JSON twin at the same
path with ``.json`` appended, and every error, HTML or JSON, has one shape:
``{"ok": false, "status": <code>, "error": "<message>"}``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom.serve import views
from sitroom.serve.svg import map_svg, timeline_svg
from sitroom.store import EventQuery, Store

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)
TEMPLATES.globals.update(map_svg=map_svg, timeline_svg=timeline_svg)

PAGE_SIZE = 100


def _error(status: int, message: str, *, html: bool) -> Response:
    body = {"ok": False, "status": status, "error": message}
    if html:
        page = TEMPLATES.get_template("error.html").render(data=body, title=f"Error {status}")
        return HTMLResponse(page, status_code=status)
    return JSONResponse(body, status_code=status)


def _wants_html(request: Request) -> bool:
    return not request.url.path.endswith(".json") and not request.url.path.startswith("/api/")


def create_app(db: str | Path | Store = "sitroom.db") -> FastAPI:
    store = db if isinstance(db, Store) else Store(db)
    app = FastAPI(title="sitroom", summary="Conflict events with their evidence.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(exc.status_code, str(exc.detail), html=_wants_html(request))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(400, f"{where}: {first['msg']}", html=_wants_html(request))

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound) -> Response:
        return _error(404, str(exc), html=_wants_html(request))

    def page(
        path: str, template: str, title: Callable[[dict[str, Any]], str]
    ) -> Callable[[Callable[..., dict[str, Any]]], Callable[..., dict[str, Any]]]:
        """Register ``path`` (HTML) and ``path.json`` (its twin) for one data function."""

        def register(data_fn: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
            accepted = set(inspect.signature(data_fn).parameters)

            async def as_json(request: Request) -> Response:
                data = data_fn(**_params(request, accepted))
                return JSONResponse({"ok": True, **data})

            async def as_html(request: Request) -> Response:
                data = data_fn(**_params(request, accepted))
                json_url = f"{request.url.path.rstrip('/') or '/index'}.json"
                if request.url.query:
                    json_url += f"?{request.url.query}"
                html = TEMPLATES.get_template(template).render(
                    data=data, title=title(data), json_url=json_url
                )
                return HTMLResponse(html)

            json_path = "/index.json" if path == "/" else f"{path}.json"
            app.add_api_route(json_path, as_json, methods=["GET"])
            app.add_api_route(path, as_html, methods=["GET"], response_class=HTMLResponse)
            return data_fn

        return register

    @page("/", "dashboard.html", lambda d: "sitroom")
    def dashboard(
        country: str | None = None,
        type: str | None = None,  # the public query parameter name
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, Any]:
        query = EventQuery(country=country, event_type=type, since=since, until=until)
        return views.dashboard(store, query)

    @page("/events/{event_id}", "event.html", lambda d: d["event"]["sub_event_type"])
    def event(event_id: str) -> dict[str, Any]:
        return views.event_page(store, _int(event_id, "event_id"))

    @page("/documents", "documents.html", lambda d: "documents")
    def documents(offset: str = "0") -> dict[str, Any]:
        return views.documents_page(store, limit=PAGE_SIZE, offset=_int(offset, "offset"))

    @page(
        "/documents/{document_id}",
        "document.html",
        lambda d: d["record"].get("title") or "document",
    )
    def document(document_id: str) -> dict[str, Any]:
        return views.document_page(store, document_id)

    @page("/rejections", "rejections.html", lambda d: "rejections")
    def rejections() -> dict[str, Any]:
        return views.rejections_page(store)

    @page("/clusters", "clusters.html", lambda d: "event clusters")
    def clusters() -> dict[str, Any]:
        return views.clusters_page(store)

    # Plain API routes for scripts, mirroring the page twins.
    @app.get("/api/events")
    def api_events(
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> dict[str, Any]:
        query = EventQuery(
            country=country, event_type=type, since=since, until=until, limit=limit, offset=offset
        )
        return {"ok": True, "events": store.events(query)}

    @app.get("/api/stats")
    def api_stats() -> dict[str, Any]:
        return {"ok": True, "counts": store.counts()}

    return app


def _params(request: Request, accepted: set[str]) -> dict[str, str]:
    """Query and path parameters the page accepts; unknown query keys are ignored."""
    params = {k: v for k, v in request.query_params.items() if k in accepted and v != ""}
    params.update({k: v.removesuffix(".json") for k, v in request.path_params.items()})
    return params


def _int(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise views.NotFound(f"{name} must be a whole number, not {value!r}") from exc
