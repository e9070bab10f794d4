"""The store stage: SQLite by default, PostgreSQL for teams (any SQLAlchemy URL).

Names are loaded on first use, so ``sitroom.store.event_rows`` (what ``sitroom
events`` reads through) is importable without SQLAlchemy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitroom.store.db import EVENT_ROW_COLUMNS, Store, database_url
    from sitroom.store.event_rows import EventQuery

__all__ = ["EVENT_ROW_COLUMNS", "EventQuery", "Store", "database_url"]

_HOMES = {
    "EVENT_ROW_COLUMNS": "sitroom.store.db",
    "Store": "sitroom.store.db",
    "database_url": "sitroom.store.db",
    "EventQuery": "sitroom.store.event_rows",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'sitroom.store' has no attribute {name!r}")
