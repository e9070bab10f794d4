"""The store stage: SQLite by default, PostgreSQL for teams (any SQLAlchemy URL)."""

from sitroom.store.db import EVENT_ROW_COLUMNS, EventQuery, Store, database_url

__all__ = ["EVENT_ROW_COLUMNS", "EventQuery", "Store", "database_url"]
