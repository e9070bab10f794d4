"""How a record is kept in ``documents``: once, as zlib-compressed JSON.

The whole record (its cleaned text included) is compressed into
``documents.record_z``; ``documents.text`` and ``documents.record_json`` stay empty
for such rows. Before, the text was stored twice (plain, and inside a plain JSON
copy of the record): 12.9 KB per IndiaPoliceEvents article of 2.15 KB raw. Keeping
the text plain beside a compressed rest was tried first (4.4 KB per article with
SQLite's page overhead, above twice the raw input); compressing the text with the
record it belongs to brings the row to about 2.3 KB. Rows written before keep their
plain ``record_json`` (and ``text``) and read as before.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

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
