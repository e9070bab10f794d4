"""How a record is kept in ``documents``: once, as zlib-compressed JSON.

The whole record (its cleaned text included) is compressed into
``documents.record_z``; ``documents.text`` and ``documents.record_json`` stay empty
for such rows. Before, the text was stored twice (plain, and inside a plain JSON
copy of the record): 12.9 KB per IndiaPoliceEvents article of 2.15 KB raw. Keeping
the text plain beside a compressed rest was tried first (4.4 KB per article with
SQLite's page overhead, above twice the raw input); compressing the text with the
record it belongs to brings the row to about 2.3 KB. Rows written before keep their
plain ``record_json`` (and ``text``) and read as before.

``load`` is the one reader of those columns: code outside ``sitroom.store`` asks the
store for records (``Store.record`` / ``Store.records``) and never reads them itself.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from sitroom.store import schema

# zlib's default level: level 9 saved 0.1 % more on IndiaPoliceEvents records.
LEVEL = 6


def pack(data: dict[str, Any]) -> bytes:
    """The record (text included) as compressed JSON."""
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), LEVEL)


def unpack(text: str, record_json: str | None, record_z: bytes | None) -> dict[str, Any]:
    """The full record, from whichever way its row was written."""
    if record_z is not None:
        packed: dict[str, Any] = json.loads(zlib.decompress(record_z).decode("utf-8"))
        return packed
    data: dict[str, Any] = json.loads(record_json or "{}")
    data.setdefault("text", text)
    return data


# Ids per IN (...) list: well under SQLite's bound-parameter limit.
CHUNK = 500


def load(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored records of ``ids`` (missing ids are left out), by document id."""
    table = schema.documents
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        stmt = select(table.c.id, table.c.text, table.c.record_json, table.c.record_z).where(
            table.c.id.in_(chunk)
        )
        for document_id, text, record_json, record_z in conn.execute(stmt):
            found[str(document_id)] = unpack(text, record_json, record_z)
    return found
