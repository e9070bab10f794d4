"""Named, transactional migrations, recorded in ``sitroom_migrations`` (as sqlite-utils does).

Each migration runs inside one transaction together with the row that records
it, so a database is never left half-migrated. New migrations are appended;
applied ones are never edited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from sitroom.store import schema
from sitroom.store.locks import exclusive


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _m001_initial(conn: Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[schema.documents, schema.events, schema.rejections, schema.clusters],
    )


MIGRATIONS: tuple[Migration, ...] = (Migration("001_initial", _m001_initial),)


def applied(engine: Engine) -> list[str]:
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with engine.connect() as conn:
        return [row[0] for row in conn.execute(select(schema.migrations.c.name))]


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration in order; return the names applied now.

    Several processes may open one new store at once (two ingests); the one that
    takes the lock applies what is pending, the others then find nothing to do.
    """
    if {m.name for m in MIGRATIONS} <= set(applied(engine)):
        return []
    with exclusive(engine, "migrate"):
        return _migrate_locked(engine)


def _migrate_locked(engine: Engine) -> list[str]:
    schema.metadata.create_all(engine, tables=[schema.migrations])
    done = set(applied(engine))
    ran: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        with engine.begin() as conn:
            migration.apply(conn)
            conn.execute(
                schema.migrations.insert().values(
                    name=migration.name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        ran.append(migration.name)
    return ran
