"""Response headers and the Host allow-list, as one ASGI middleware.

The Host check stops DNS rebinding: a page on another site that resolves its own
name to 127.0.0.1 still sends its own name as Host, and is refused. The headers
forbid inline script (CSP), MIME sniffing, framing and leaking URLs as referrers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1")


def content_security_policy(tile_origin: str | None = None) -> str:
    images = "'self' data:" + (f" {tile_origin}" if tile_origin else "")
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


def host_name(header: str) -> str:
    """The name in a Host header, without its port (IPv6 literals keep no brackets)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    def __init__(
        self, app: ASGIApp, *, allowed_hosts: Iterable[str], tile_origin: str | None = None
    ) -> None:
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed_hosts}
        self.headers = [
            (b"content-security-policy", content_security_policy(tile_origin).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if "*" not in self.allowed and host_name(host) not in self.allowed:
            await _refuse(with_headers, 400, f"host {host[:80]!r} is not allowed")
            return
        await self.app(scope, receive, with_headers)


async def _refuse(send: Any, status: int, message: str) -> None:
    body = json.dumps({"ok": False, "status": status, "error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
