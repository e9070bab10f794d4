"""A record's blob leaves out what its row's columns hold and uses a preset dictionary."""

from __future__ import annotations

import dataclasses
import json
import zlib

from sqlalchemy import delete, select, update

from sitroom.records import Source, to_dict
from sitroom.store import Store, packing, schema
from sitroom.store.migrations import migrate
from tests.test_store import _record


def _row(store: Store) -> dict[str, object]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(schema.documents)).one()._mapping)


def test_the_blob_holds_no_column_and_the_record_reads_back_whole_in_order() -> None:
    store = Store(":memory:")
    record = dataclasses.replace(
        _record(), source=Source(path="x.html", format="html", url="https://a.b/c", outlet="AB")
    )
    store.add_record(record)
    row = _row(store)
    blob = json.loads(packing.decompress(row["record_z"]))  # type: ignore[arg-type]
    assert not {"id", "source", "title", "published", "pipeline", "triage"} & set(blob)
    assert (row["url"], row["outlet"], row["title"]) == ("https://a.b/c", "AB", "Bomb in Baghdad")
    assert row["record_z"][1] & 0x20  # type: ignore[index]  # compressed with the dictionary
    stored = store.record(record.id)
    assert stored == json.loads(json.dumps(to_dict(record)))
    assert list(stored or {}) == list(to_dict(record))


def test_source_keys_beyond_the_columns_are_kept_in_the_blob() -> None:
    data = json.loads(json.dumps(to_dict(_record())))
    data["source"]["feed"] = "rss"
    columns = packing.columns(data)
    assert packing.unpack("", None, packing.pack(data), columns) == data


def test_the_dictionary_file_is_the_one_its_blobs_name() -> None:
    # Editing the file would make every blob written with it unreadable: a new
    # dictionary goes in a new file under a new checksum.
    data = packing.dictionary(packing.DICTIONARY)
    assert zlib.adler32(data) == packing.DICTIONARY
    assert set(packing.DICTIONARIES) >= {packing.DICTIONARY}


def test_blobs_written_before_021a_read_the_same_and_the_migration_shrinks_them() -> None:
    store = Store(":memory:")
    record = _record()
    store.add_record(record)
    full = json.dumps(to_dict(record), ensure_ascii=False).encode("utf-8")
    old_blob = zlib.compress(full, 6)  # as 017b wrote it: every key, no dictionary
    with store.engine.begin() as conn:
        conn.execute(update(schema.documents).values(record_z=old_blob))
        conn.execute(
            delete(schema.migrations).where(schema.migrations.c.name == "021a_record_dictionary")
        )
    assert store.record(record.id) == json.loads(full)
    assert migrate(store.engine) == ["021a_record_dictionary"]
    new_blob = _row(store)["record_z"]
    assert len(new_blob) < len(old_blob)  # type: ignore[arg-type]
    assert store.record(record.id) == json.loads(full)
