"""The store stage: SQLite by default, PostgreSQL for teams (any SQLAlchemy URL)."""

from sitroom.store.db import EventQuery, Store, database_url

__all__ = ["EventQuery", "Store", "database_url"]
