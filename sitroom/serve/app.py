"""The JSON API and the dashboard (FastAPI). Every page has a JSON twin at the same
path with ``.json`` appended, and every error, HTML or JSON, has one shape:
``{"ok": false, "status": <code>, "error": "<message>"}``.

Database work runs in the thread pool, never on the event loop, so one slow
query does not stall other requests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom.colours import colours_json
from sitroom.review import ReviewError
from sitroom.serve import drill, exports, params, review_routes, views
from sitroom.serve.auth import Auth, TooManyFailures, Unauthorized
from sitroom.serve.security import DEFAULT_HOSTS, Guard
from sitroom.store import Store, filters
from sitroom.store.facets import FacetCounter
from sitroom.store.sources import sync_quietly as sync_sources

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)
LIST_SIZE = 100


def safe_url(value: Any) -> str | None:
    """The URL when it is http(s), else None: only these become links."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in {"http", "https"} else None


TEMPLATES.filters["safe_url"] = safe_url


def _error(status: int, message: str, *, html: bool) -> Response:
    body = {"ok": False, "status": status, "error": message}
    if html:
        page = TEMPLATES.get_template("error.html").render(data=body, title=f"Error {status}")
        return HTMLResponse(page, status_code=status)
    return JSONResponse(body, status_code=status)


def _wants_html(request: Request) -> bool:
    if request.method != "GET":
        # A browser's form post gets a page; a script (bearer token, JSON) gets JSON.
        accept = request.headers.get("accept", "")
        return "text/html" in accept and "authorization" not in request.headers
    path = request.url.path
    return not (
        path.endswith((".json", ".csv", ".geojson", ".jsonl"))
        or path.startswith(("/api/", "/static/"))
    )


def create_app(
    db: str | Path | Store = "sitroom.db",
    *,
    allowed_hosts: Iterable[str] = DEFAULT_HOSTS,
    tile_url: str | None = None,
    token_hashes: dict[str, str] | None = None,
) -> FastAPI:
    """The app over ``db``; ``token_hashes`` (sha256 of token -> reviewer, from
    ``auth.read_token_file``) add to the reviewers made with ``sitroom user add``."""
    store = db if isinstance(db, Store) else Store(db)
    auth = Auth(store, token_hashes)
    counter = FacetCounter(store)
    sync_sources(store.engine)  # ahead of the first request, which would wait for it
    app = FastAPI(
        title="sitroom",
        summary="Conflict events with their evidence.",
        docs_url=None,
        redoc_url=None,
    )
    tile_origin = None
    if tile_url:
        parts = urlsplit(tile_url)
        tile_origin = f"{parts.scheme}://{parts.netloc}"
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, tile_origin=tile_origin)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(exc.status_code, str(exc.detail), html=_wants_html(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(400, f"{where}: {first['msg']}", html=_wants_html(request))

    @app.exception_handler(params.BadRequest)
    async def bad_request(request: Request, exc: params.BadRequest) -> Response:
        return _error(400, str(exc), html=_wants_html(request))

    @app.exception_handler(ReviewError)
    async def review_refused(request: Request, exc: ReviewError) -> Response:
        return _error(400, str(exc), html=_wants_html(request))

    @app.exception_handler(Unauthorized)
    async def unauthorized(request: Request, exc: Unauthorized) -> Response:
        return _error(exc.status, str(exc), html=_wants_html(request))

    @app.exception_handler(TooManyFailures)
    async def too_many(request: Request, exc: TooManyFailures) -> Response:
        return _error(429, str(exc), html=_wants_html(request))

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound) -> Response:
        return _error(404, str(exc), html=_wants_html(request))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("request failed: %s", request.url.path)
        return _error(500, "internal error", html=_wants_html(request))

    def render(
        template: str, data: dict[str, Any], title: str, request: Request, **extra: Any
    ) -> str:
        """A page; templates see the reviewer's session (for its forms' CSRF token) or None."""
        return TEMPLATES.get_template(template).render(
            data=data,
            title=title,
            tile_url=tile_url or "",
            type_colours=colours_json(),
            session=auth.session(request),
            request_path=request.url.path,
            **extra,
        )

    def page(
        path: str, template: str, title: Callable[[dict[str, Any]], str]
    ) -> Callable[[Callable[[Request], dict[str, Any]]], Callable[[Request], dict[str, Any]]]:
        """Register ``path`` (HTML) and ``path.json`` (its twin) for one data function."""

        def register(data_fn: Callable[[Request], dict[str, Any]]) -> Callable[..., Any]:
            async def as_json(request: Request) -> Response:
                data = await run_in_threadpool(data_fn, request)
                return JSONResponse({"ok": True, **data})

            async def as_html(request: Request) -> Response:
                data = await run_in_threadpool(data_fn, request)
                json_url = f"{request.url.path.rstrip('/') or '/index'}.json"
                if request.url.query:
                    json_url += f"?{request.url.query}"
                return HTMLResponse(render(template, data, title(data), request, json_url=json_url))

            json_path = "/index.json" if path == "/" else f"{path}.json"
            extra = {"parameters": query_docs} if path == "/" else None
            app.add_api_route(json_path, as_json, methods=["GET"], openapi_extra=extra)
            app.add_api_route(
                path, as_html, methods=["GET"], response_class=HTMLResponse, openapi_extra=extra
            )
            return data_fn

        return register

    query_docs = params.openapi_parameters()

    def path_param(request: Request, name: str) -> str:
        return str(request.path_params[name]).removesuffix(".json")

    @page("/", "dashboard.html", lambda d: "sitroom")
    def dashboard(request: Request) -> dict[str, Any]:
        return views.dashboard(store, params.event_filter(request.query_params), counter)

    @page("/events/{event_id}", "event.html", lambda d: d["event"]["sub_event_type"])
    def event(request: Request) -> dict[str, Any]:
        params.single(request.query_params, ())
        return drill.event_page(store, params.event_id(path_param(request, "event_id")))

    @page("/clusters/{cluster_id}", "cluster.html", lambda d: f"cluster {d['cluster']['id']}")
    def cluster(request: Request) -> dict[str, Any]:
        params.single(request.query_params, ())
        number = params.integer(path_param(request, "cluster_id"), "cluster_id", 1, params.MAX_ID)
        return drill.cluster_page(store, number)

    @page("/documents", "documents.html", lambda d: "documents")
    def documents(request: Request) -> dict[str, Any]:
        raw = params.single(request.query_params, ("offset",))
        offset = params.integer(raw.get("offset", "0"), "offset", 0, params.MAX_OFFSET)
        return views.documents_page(store, limit=LIST_SIZE, offset=offset)

    @page(
        "/documents/{document_id}",
        "document.html",
        lambda d: d["record"].get("title") or "document",
    )
    def document(request: Request) -> dict[str, Any]:
        params.single(request.query_params, ())
        return drill.document_page(store, params.document_id(path_param(request, "document_id")))

    @page("/rejections", "rejections.html", lambda d: "rejections")
    def rejections(request: Request) -> dict[str, Any]:
        params.single(request.query_params, ())
        return views.rejections_page(store)

    @page("/clusters", "clusters.html", lambda d: "event clusters")
    def clusters(request: Request) -> dict[str, Any]:
        raw = params.single(request.query_params, ("offset",))
        offset = params.integer(raw.get("offset", "0"), "offset", 0, params.MAX_OFFSET)
        return views.clusters_page(store, limit=LIST_SIZE, offset=offset)

    def unpaged(request: Request) -> filters.EventFilter:
        f = params.event_filter(request.query_params, paged=False)
        if f.source_type:
            sync_sources(store.engine)  # events stored since the server started
        return f

    @app.get("/map.json", openapi_extra={"parameters": params.openapi_parameters(paged=False)})
    async def map_json(request: Request) -> Response:
        f = await run_in_threadpool(unpaged, request)
        return JSONResponse({"ok": True, **await run_in_threadpool(views.map_points, store, f)})

    @app.get("/timeline.json", openapi_extra={"parameters": params.openapi_parameters(paged=False)})
    async def timeline_json(request: Request) -> Response:
        f = await run_in_threadpool(unpaged, request)
        return JSONResponse({"ok": True, **await run_in_threadpool(views.timeline, store, f)})

    exports.register(app, store)
    review_routes.register(app, store, auth, render)

    @app.get("/docs", include_in_schema=False)
    async def api_docs(request: Request) -> Response:
        return HTMLResponse(render("docs.html", {}, "API", request))

    # Plain API routes for scripts, mirroring the page twins.
    @app.get("/api/events", openapi_extra={"parameters": query_docs})
    async def api_events(request: Request) -> Response:
        f = params.event_filter(request.query_params, limit=params.MAX_LIMIT)
        if f.source_type:
            await run_in_threadpool(sync_sources, store.engine)
        rows, total = await run_in_threadpool(
            lambda: (filters.rows(store, f), filters.total(store, f))
        )
        events = [views.event_summary(r) for r in rows]
        return JSONResponse({"ok": True, "total": total, "events": events})

    @app.get("/api/stats")
    async def api_stats() -> Response:
        return JSONResponse({"ok": True, "counts": await run_in_threadpool(store.counts)})

    return app
