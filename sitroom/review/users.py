"""Reviewers and their tokens. A token is shown once, when it is made; the database
keeps only a salted PBKDF2 hash of it (the user's id in the token finds the row)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime

from sqlalchemy import select

from sitroom.store import Store, schema

# OWASP's 2023 minimum for PBKDF2-HMAC-SHA256 is 600k; tokens here are 256-bit random
# values, not passwords, so a slow hash only guards a stolen database, and 100k keeps
# one check near 50 ms on a small machine.
ITERATIONS = 100_000
NAME = re.compile(r"[A-Za-z0-9_.@-]{1,80}")
TOKEN = re.compile(r"sr1\.(\d{1,10})\.([A-Za-z0-9_-]{20,100})")


def _hash(secret: str, salt: str) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", secret.encode(), salt.encode(), ITERATIONS)
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest.hex()}"


def add_user(store: Store, name: str) -> str:
    """Create a reviewer; return the token (the only time it is ever available)."""
    if not NAME.fullmatch(name):
        raise ValueError("a user name is 1-80 letters, digits or _.@-")
    table = schema.users
    with store.engine.begin() as conn:
        if conn.execute(select(table.c.id).where(table.c.name == name)).first():
            raise ValueError(f"user {name!r} exists already")
        secret = secrets.token_urlsafe(32)
        inserted = conn.execute(
            table.insert().values(
                name=name,
                token_hash=_hash(secret, secrets.token_hex(16)),
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        ).inserted_primary_key
        assert inserted is not None
        user_id = inserted[0]
    return f"sr1.{user_id}.{secret}"


def user_for_token(store: Store, token: str) -> str | None:
    match = TOKEN.fullmatch(token)
    if not match:
        return None
    table = schema.users
    with store.engine.connect() as conn:
        row = conn.execute(
            select(table.c.name, table.c.token_hash).where(table.c.id == int(match[1]))
        ).first()
    if row is None:
        return None
    _, iterations, salt, _digest = row.token_hash.split("$")
    expected = row.token_hash
    if int(iterations) != ITERATIONS:
        digest = hashlib.pbkdf2_hmac("sha256", match[2].encode(), salt.encode(), int(iterations))
        given = f"pbkdf2_sha256${iterations}${salt}${digest.hex()}"
    else:
        given = _hash(match[2], salt)
    return str(row.name) if hmac.compare_digest(given, expected) else None


def user_names(store: Store) -> list[str]:
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(schema.users.c.name).order_by(schema.users.c.id))]
