"""Write routes: log in and out, review an event, merge clusters, split a report out,
and the reviewed events as regression cases. Reads stay open; every write needs a
reviewer (``auth.Auth.writer``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.concurrency import run_in_threadpool

from sitroom import review
from sitroom.serve import params
from sitroom.serve.auth import COOKIE, SESSION_SECONDS, Auth
from sitroom.store import Store

MAX_BODY = 64 * 1024


async def form_body(request: Request) -> dict[str, str]:
    """A urlencoded form, bounded in size, one value per name."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise params.BadRequest(f"the form is larger than {MAX_BODY} bytes")
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if body and kind != "application/x-www-form-urlencoded":
        raise params.BadRequest("send the form as application/x-www-form-urlencoded")
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
    except (UnicodeDecodeError, ValueError) as exc:
        raise params.BadRequest("the form is not valid urlencoded UTF-8") from exc
    out: dict[str, str] = {}
    for name, values in parsed.items():
        if len(values) > 1:
            raise params.BadRequest(f"{name[:40]} is given more than once")
        out[name] = values[0]
    return out


def safe_next(value: str | None) -> str:
    """A local path to return to after logging in (never another site)."""
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value[:500]
    return "/"


def _done(request: Request, location: str, payload: dict[str, Any]) -> Response:
    if request.headers.get("authorization"):
        return JSONResponse({"ok": True, **payload})
    return RedirectResponse(location, status_code=303)


def register(app: FastAPI, store: Store, auth: Auth, render: Callable[..., str]) -> None:
    @app.get("/login")
    async def login_page(request: Request) -> Response:
        raw = params.single(request.query_params, ("next",))
        next_path = safe_next(raw.get("next"))
        return HTMLResponse(render("login.html", {"next": next_path}, "log in", request))

    @app.post("/login")
    async def login(request: Request) -> Response:
        form = await form_body(request)
        token = form.get("token", "").strip()
        session_id, _ = await run_in_threadpool(auth.login, request, token)
        response = RedirectResponse(safe_next(form.get("next")), status_code=303)
        response.set_cookie(
            COOKIE, session_id, max_age=SESSION_SECONDS, httponly=True, samesite="strict"
        )
        return response

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        form = await form_body(request)
        auth.writer(request, form)
        auth.logout(request)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(COOKIE)
        return response

    @app.post("/events/{event_id}/review")
    async def review_event(request: Request, event_id: str) -> Response:
        number = params.event_id(event_id)
        form = await form_body(request)
        who = await run_in_threadpool(auth.writer, request, form)
        action = form.get("action", "")
        changes = (
            {k: v for k, v in form.items() if k in review.FIELDS} if action == "correct" else {}
        )
        rows = await run_in_threadpool(
            lambda: review.review_event(
                store,
                event_id=number,
                who=who,
                action=action,
                changes=changes,
                comment=form.get("comment", ""),
            )
        )
        return _done(request, f"/events/{number}#audit", {"audit": rows})

    @app.post("/events/{event_id}/split")
    async def split(request: Request, event_id: str) -> Response:
        number = params.event_id(event_id)
        form = await form_body(request)
        who = await run_in_threadpool(auth.writer, request, form)
        row = await run_in_threadpool(
            lambda: review.split_event(
                store, event_id=number, who=who, comment=form.get("comment", "")
            )
        )
        return _done(request, f"/clusters/{row['cluster_id']}", {"audit": [row]})

    @app.post("/clusters/{cluster_id}/merge")
    async def merge(request: Request, cluster_id: str) -> Response:
        into = params.integer(cluster_id, "cluster_id", 1, params.MAX_ID)
        form = await form_body(request)
        who = await run_in_threadpool(auth.writer, request, form)
        other = params.integer(form.get("other", ""), "other", 1, params.MAX_ID)
        rows = await run_in_threadpool(
            lambda: review.merge_clusters(
                store, into=into, other=other, who=who, comment=form.get("comment", "")
            )
        )
        return _done(request, f"/clusters/{into}", {"audit": rows})

    @app.get("/export/reviewed.jsonl")
    def reviewed(request: Request) -> StreamingResponse:
        params.single(request.query_params, ())

        def lines() -> Iterator[str]:
            for case in review.regression_cases(store):
                yield json.dumps(case, ensure_ascii=False) + "\n"

        return StreamingResponse(
            lines(),
            media_type="application/x-ndjson",
            headers={"content-disposition": 'attachment; filename="sitroom-reviewed.jsonl"'},
        )
