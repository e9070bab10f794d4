"""Cross-process locks for the few store steps that read and then write as a whole.

Inserting a document is atomic by itself (an insert-or-skip on its key). Two
steps are not: applying migrations (look at what is applied, then apply the
rest) and reclustering (read every event, then replace every cluster). When two
ingests run at once, each must do those steps alone, or one stacks a migration
on the other's or writes clusters from a stale read over fresher ones.

- SQLite file: an exclusive ``flock`` on ``<database>.lock`` beside the file
  (SQLite's own locks cover one transaction; these steps span several);
- PostgreSQL: a session advisory lock held on its own connection;
- SQLite in memory: one process only, nothing to lock.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text


def _key(name: str) -> int:
    # Advisory locks take a bigint; a CRC of the name is stable across processes.
    return zlib.crc32(f"sitroom:{name}".encode())


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Hold the store-wide lock ``name`` (e.g. ``migrate``, ``recluster``) for the block."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        database = url.database
        if not database or database == ":memory:":
            yield
            return
        lock_path = Path(f"{database}.lock")
        with lock_path.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _key(name)})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _key(name)})
            conn.commit()
