"""Who may write: tokens from ``--token-file`` (kept as SHA-256 hashes in memory) or
users from ``sitroom user add`` (PBKDF2 hashes in the database).

Browsers log in once with a token and get a session cookie (HttpOnly,
SameSite=Strict); every form carries the session's CSRF token. Scripts send
``Authorization: Bearer <token>`` instead. Failed attempts are logged and limited
per client address.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request

from sitroom.review.users import user_for_token
from sitroom.store import Store

log = logging.getLogger("sitroom.serve.auth")

COOKIE = "sitroom_session"
SESSION_SECONDS = 8 * 3600
# Five wrong tokens a minute per address is ample for a person mistyping and useless
# for guessing 256-bit tokens.
MAX_FAILURES = 5
WINDOW_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Session:
    name: str
    csrf: str
    expires: float


class TooManyFailures(PermissionError):
    """Too many failed attempts from one address (429)."""


class Unauthorized(PermissionError):
    """No valid token or session (401), or a form without its CSRF token (403)."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


def read_token_file(path: str | Path) -> dict[str, str]:
    """``name:token`` or ``token`` per line (# comments); returns sha256(token) -> name."""
    hashes: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, token = line.rpartition(":")
        if len(token) < 16:
            raise ValueError(f"{path}: tokens must be at least 16 characters")
        hashes[hashlib.sha256(token.encode()).hexdigest()] = name or "token-file"
    return hashes


class Auth:
    def __init__(self, store: Store, token_hashes: dict[str, str] | None = None) -> None:
        self.store = store
        self.token_hashes = dict(token_hashes or {})
        self.sessions: dict[str, Session] = {}
        self.failures: dict[str, deque[float]] = {}

    def _client(self, request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def _check_rate(self, request: Request) -> None:
        recent = self.failures.get(self._client(request))
        now = time.monotonic()
        while recent and now - recent[0] > WINDOW_SECONDS:
            recent.popleft()
        if recent is not None and len(recent) >= MAX_FAILURES:
            raise TooManyFailures("too many failed attempts; wait a minute")

    def _failed(self, request: Request, why: str) -> None:
        client = self._client(request)
        self.failures.setdefault(client, deque()).append(time.monotonic())
        log.warning("failed auth from %s on %s: %s", client, request.url.path, why)

    def check_token(self, request: Request, token: str) -> str:
        """The reviewer a token belongs to; logs, counts and refuses a wrong one."""
        self._check_rate(request)
        digest = hashlib.sha256(token.encode()).hexdigest()
        name = next(
            (n for h, n in self.token_hashes.items() if hmac.compare_digest(h, digest)), None
        )
        if name is None and token.startswith("sr1."):
            name = user_for_token(self.store, token)
        if name is None:
            self._failed(request, "wrong token")
            raise Unauthorized("wrong token")
        return name

    def login(self, request: Request, token: str) -> tuple[str, Session]:
        name = self.check_token(request, token)
        session_id = secrets.token_urlsafe(32)
        session = Session(name, secrets.token_urlsafe(32), time.time() + SESSION_SECONDS)
        self.sessions[session_id] = session
        return session_id, session

    def logout(self, request: Request) -> None:
        self.sessions.pop(request.cookies.get(COOKIE, ""), None)

    def session(self, request: Request) -> Session | None:
        found = self.sessions.get(request.cookies.get(COOKIE, ""))
        if found is None or found.expires < time.time():
            return None
        return found

    def writer(self, request: Request, form: dict[str, str]) -> str:
        """The reviewer making this write: by bearer token, or by session plus CSRF token."""
        header = request.headers.get("authorization", "")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token:
                self._failed(request, "malformed authorization header")
                raise Unauthorized("use Authorization: Bearer <token>")
            return self.check_token(request, token.strip())
        self._check_rate(request)
        session = self.session(request)
        if session is None:
            self._failed(request, "no session")
            raise Unauthorized("log in with a reviewer token to make changes")
        if not hmac.compare_digest(form.get("csrf", ""), session.csrf):
            self._failed(request, "missing or wrong CSRF token")
            raise Unauthorized("the form's CSRF token is missing or wrong", status=403)
        return session.name
