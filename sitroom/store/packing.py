"""How a record is kept in ``documents``: its text once, the rest compressed.

The cleaned text lives in ``documents.text`` (plain, so SQL can read it); the
record's JSON without the text is zlib-compressed into ``documents.record_z``.
A record is mostly quotes, entities and attributions, whose keys and phrases
repeat, so the JSON shrinks about fivefold; before this the text was stored twice
and the JSON plain, 5.1x the raw input per document (issue 17). Rows written
before the change keep the full JSON in ``record_json`` and read as before.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

# zlib's default level: level 9 saved under 2 % more on IndiaPoliceEvents records
# at about twice the time.
LEVEL = 6


def _dictionary(text: str) -> bytes:
    # Deflate refers back at most 32 KiB, so only the text's end can be used.
    return text.encode("utf-8")[-32768:]


def pack(data: dict[str, Any]) -> bytes:
    """The record's JSON without its text, compressed with the text as dictionary.

    Quotes, entities and attributions repeat phrases of the text; with the text as
    zlib's preset dictionary each repeat costs a back-reference, not its bytes
    (1.73 -> 1.20 KB per IndiaPoliceEvents record).
    """
    rest = {key: value for key, value in data.items() if key != "text"}
    packer = zlib.compressobj(LEVEL, zdict=_dictionary(data.get("text") or ""))
    return packer.compress(json.dumps(rest, ensure_ascii=False).encode("utf-8")) + packer.flush()


def unpack(text: str, record_json: str | None, record_z: bytes | None) -> dict[str, Any]:
    """The full record, with ``text`` back in its place in the key order."""
    if record_z is None:
        data: dict[str, Any] = json.loads(record_json or "{}")
        data.setdefault("text", text)
        return data
    unpacker = zlib.decompressobj(zdict=_dictionary(text))
    raw = unpacker.decompress(record_z) + unpacker.flush()
    rest: dict[str, Any] = json.loads(raw.decode("utf-8"))
    out: dict[str, Any] = {}
    for key, value in rest.items():
        out[key] = value
        if key == "contributors":  # the record contract's order: text follows contributors
            out["text"] = text
    out.setdefault("text", text)
    return out
