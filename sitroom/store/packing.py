"""How a record is kept in ``documents``: once, as zlib-compressed JSON.

The record (its cleaned text included) is compressed into ``documents.record_z``;
``documents.text`` and ``documents.record_json`` stay empty for such rows. Before,
the text was stored twice (plain, and inside a plain JSON copy of the record): 12.9
KB per IndiaPoliceEvents article of 2.15 KB raw. Keeping the text plain beside a
compressed rest was tried first (4.4 KB per article with SQLite's page overhead,
above twice the raw input); compressing the text with the record it belongs to
brought the row to about 2.3 KB.

Since migration 021a the blob leaves out what the row's own columns hold (the id,
the source, title, published, pipeline and triage: ``COLUMN_KEYS``, ``SOURCE_KEYS``)
and is compressed against a preset dictionary (``record_dictionary_1.json``: the
record's keys and enumerated values, which every record repeats and which zlib,
compressing one record at a time, otherwise spells out in each). Both together:
1,941 -> 1,475 bytes per IndiaPoliceEvents record. ``load`` puts the record back
together, keys in the record's order, from the columns and the blob; blobs written
before (every key inside, no dictionary) read the same way.

``load`` is the one reader of those columns: code outside ``sitroom.store`` asks the
store for records (``Store.record`` / ``Store.records``) and never reads them itself.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection, select

from sitroom.records import Record, Source
from sitroom.store import schema

# zlib's default level: level 9 saved 0.4 % more on IndiaPoliceEvents records.
LEVEL = 6

# Preset dictionaries by the Adler-32 checksum zlib writes into each stream that used
# one (RFC 1950, FDICT), so a blob names its own. A dictionary file is never edited
# (its blobs could no longer be read): a better one is added under a new name and
# checksum, and ``DICTIONARY`` points at it.
DICTIONARIES = {0x53E3EBBD: "record_dictionary_1.json"}
DICTIONARY = 0x53E3EBBD

# Record keys the documents row keeps in its own columns, so the blob leaves them out.
COLUMN_KEYS = ("id", "title", "published", "pipeline", "triage")
SOURCE_KEYS = tuple(f.name for f in dataclasses.fields(Source))
# A record's keys in the order ``records.to_dict`` writes them; ``load`` keeps it.
RECORD_KEYS = tuple(f.name for f in dataclasses.fields(Record))


@cache
def dictionary(checksum: int) -> bytes:
    name = DICTIONARIES.get(checksum)
    if name is None:
        raise ValueError(f"record blob compressed with an unknown dictionary {checksum:#010x}")
    data = files("sitroom.store").joinpath(name).read_bytes()
    if zlib.adler32(data) != checksum:
        raise ValueError(f"{name} was edited: its checksum is no longer {checksum:#010x}")
    return data


def columns(data: Mapping[str, Any]) -> dict[str, Any]:
    """The documents columns a record fills, as ``pack`` leaves them out of the blob."""
    source = data["source"]
    return {
        "id": data["id"],
        "path": source["path"],
        "format": source["format"],
        "url": source.get("url"),
        "outlet": source.get("outlet"),
        "title": data.get("title"),
        "published": data.get("published"),
        "pipeline": data.get("pipeline", ""),
        "triage": data.get("triage"),
    }


def pack(data: Mapping[str, Any]) -> bytes:
    """The record as compressed JSON, less what ``columns`` puts in the row.

    The caller writes ``columns(data)`` to the same row (``Store`` does, through one
    function for insert and replace), so nothing is lost.
    """
    rest = {k: v for k, v in data.items() if k not in COLUMN_KEYS and k != "source"}
    extra = {k: v for k, v in (data.get("source") or {}).items() if k not in SOURCE_KEYS}
    if extra:  # keys a source gained beyond the contract's travel in the blob
        rest["source"] = extra
    compressor = zlib.compressobj(LEVEL, zdict=dictionary(DICTIONARY))
    body = json.dumps(rest, ensure_ascii=False).encode("utf-8")
    return compressor.compress(body) + compressor.flush()


def decompress(record_z: bytes) -> str:
    """The JSON a blob holds (with its dictionary, when the stream names one)."""
    if len(record_z) > 6 and record_z[1] & 0x20:  # FDICT: the dictionary's checksum follows
        checksum = int.from_bytes(record_z[2:6], "big")
        inflater = zlib.decompressobj(zdict=dictionary(checksum))
        return (inflater.decompress(record_z) + inflater.flush()).decode("utf-8")
    return zlib.decompress(record_z).decode("utf-8")


def unpack(
    text: str,
    record_json: str | None,
    record_z: bytes | None,
    row: Mapping[Any, Any] | None = None,
) -> dict[str, Any]:
    """The full record, from whichever way its row was written.

    ``row``: the row's ``columns`` (what ``pack`` left out of the blob); keys the
    blob holds itself (rows written before 021a) take precedence.
    """
    if record_z is not None:
        packed: dict[str, Any] = json.loads(decompress(record_z))
    else:
        packed = json.loads(record_json or "{}")
        packed.setdefault("text", text)
    if row is None:
        return packed
    source = {k: row[k] for k in SOURCE_KEYS}
    source.update(packed.pop("source", None) or {})
    merged = {**{k: row[k] for k in COLUMN_KEYS}, "source": source, **packed}
    ordered = {k: merged.pop(k) for k in RECORD_KEYS if k in merged}
    return {**ordered, **merged}


# Ids per IN (...) list: well under SQLite's bound-parameter limit.
CHUNK = 500


def load(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored records of ``ids`` (missing ids are left out), by document id."""
    table = schema.documents
    wanted = sorted(set(ids))
    found: dict[str, dict[str, Any]] = {}
    names = ("id", *SOURCE_KEYS, *COLUMN_KEYS[1:])
    stmt_columns = [table.c[name] for name in names]
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        stmt = select(*stmt_columns, table.c.text, table.c.record_json, table.c.record_z).where(
            table.c.id.in_(chunk)
        )
        for row in conn.execute(stmt):
            values = row._mapping
            document_id = str(values["id"])
            found[document_id] = unpack(
                values["text"], values["record_json"], values["record_z"], values
            )
    return found
