"""In-process gazetteer over the cached SQLite index.

``get_gazetteer()`` opens the index (building it first if this data version has
none cached: ~30 s once), then serves lookups by folded name. Countries and
admin1 regions are held in memory (a few thousand rows); other places are
read per looked-up name and memoised.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitroom.resolve.geo import store
from sitroom.resolve.geo.normalize import fold
from sitroom.resolve.geo.place import GazPlace

log = logging.getLogger(__name__)

_COLUMNS = (
    "p.id, p.name, p.kind, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.population, p.geonameid,"
    " p.capital"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer place a name may refer to; ``main`` if it is a preferred/our alias name."""

    place: GazPlace
    main: bool


class Gazetteer:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.kind IN ('country', 'admin1')"
        ).fetchall()
        places = [store.row_to_place(r) for r in rows]
        self._countries = {p.cc: p for p in places if p.kind == "country"}
        self._admin1 = {(p.cc, p.admin1): p for p in places if p.kind == "admin1"}

    @classmethod
    def from_rows(
        cls, places: Iterable[GazPlace], names: Iterable[tuple[str, int, bool]]
    ) -> Gazetteer:
        """An in-memory gazetteer, for tests and small custom gazetteers."""
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        store.fill(conn, places, names)
        return cls(conn)

    @classmethod
    def from_places(cls, entries: Iterable[tuple[GazPlace, Iterable[str]]]) -> Gazetteer:
        """An in-memory gazetteer from places and their names, indexed as the real
        build indexes them (same keys, variants and alias table)."""
        from sitroom.resolve.geo.build import NameBuilder, attach_aliases

        builder = NameBuilder()
        for place, names in entries:
            builder.add(place, names)
        attach_aliases(builder)
        return cls.from_rows(builder.places, ((k, i, m) for (k, i), m in builder.names.items()))

    @classmethod
    def open(cls, path: Path | str) -> Gazetteer:
        return cls(store.open_index(path))

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Every place whose name or alternate name folds to the same key as ``text``."""
        return self.lookup_key(fold(text))

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        found = self._cache.get(key)
        if found is not None:
            return found
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_COLUMNS}, n.main FROM names n JOIN places p ON p.id = n.place"
                " WHERE n.key = ?",
                (key,),
            ).fetchall()
        found = tuple(Candidate(store.row_to_place(r[:-1]), bool(r[-1])) for r in rows)
        if len(self._cache) < 200_000:
            self._cache[key] = found
        return found

    def country(self, cc: str) -> GazPlace | None:
        return self._countries.get(cc)

    def admin1(self, cc: str, code: str | None) -> GazPlace | None:
        return self._admin1.get((cc, code)) if code is not None else None

    def countries(self) -> tuple[GazPlace, ...]:
        return tuple(self._countries.values())

    def size(self) -> tuple[int, int]:
        """(places, name keys) in the index."""
        with self._lock:
            places = self._conn.execute("SELECT count(*) FROM places").fetchone()[0]
            names = self._conn.execute("SELECT count(*) FROM names").fetchone()[0]
        return int(places), int(names)


def build_index(path: Path | str | None = None) -> Path:
    """Build the index from the installed package data and write it (atomic rename)."""
    from sitroom.resolve.geo.build import build

    target = Path(path) if path is not None else store.index_path()
    result = build()
    if result.missing_alias_targets:
        log.warning(
            "alias targets not in the gazetteer: %s", ", ".join(result.missing_alias_targets)
        )
    store.write_index(target, result.places, ((k, i, m) for (k, i), m in result.names.items()))
    return target


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, building and caching the index at first use."""
    path = store.index_path()
    if not path.exists():
        log.info("building gazetteer index at %s", path)
        build_index(path)
        # Indexes of older data or code versions are never read again.
        for stale in path.parent.glob("gazetteer-v*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    return Gazetteer.open(path)
