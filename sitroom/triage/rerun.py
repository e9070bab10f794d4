"""Triaged-out documents, read back from the store and processed in full.

A stored record keeps everything the parser needs: the cleaned text (so the id, a hash
of it, stays the same), the metadata, what cleaning removed and the dateline, whose
place anchors geocoding as it did on ingest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sitroom.clean.dateline import parse_dateline
from sitroom.ingest import RawDocument
from sitroom.pipeline import PipelineOptions, Prepared, _parse_published, analyse_stream
from sitroom.records import Record, Rejection, Removed, Repairs, Source
from sitroom.store import Store


def prepared_from_stored(data: dict[str, Any]) -> Prepared:
    """A ``Prepared`` document from a stored record (as ``to_dict`` wrote it)."""
    repairs = data.get("repairs") or {}
    dateline = data.get("dateline")
    # The stored dateline is the words before the dash; the parser wants the line as
    # it opened the report, so it is given a dash and a first word again.
    found = parse_dateline(f"{dateline} - A") if dateline else None
    raw = RawDocument(
        source=Source(**data["source"]),
        text=data["text"],
        encoding=repairs.get("encoding_detected", "utf-8"),
        title=data.get("title"),
        published=data.get("published"),
        byline=tuple(data.get("byline") or ()),
    )
    return Prepared(
        raw=raw,
        text=data["text"],
        record_id=data["id"],
        published=_parse_published(data.get("published")),
        repairs=Repairs(
            mojibake_fixed=repairs.get("mojibake_fixed", 0),
            encoding_detected=repairs.get("encoding_detected", "utf-8"),
            fixes=tuple(repairs.get("fixes") or ()),
        ),
        removed=tuple(Removed(**r) for r in data.get("removed") or ()),
        contributors=tuple(data.get("contributors") or ()),
        dateline=dateline,
        dateline_place=found.place if found else None,
    )


def rerun_triaged(store: Store, *, options: PipelineOptions) -> Iterator[Record | Rejection]:
    """Every triaged-out document of ``store``, processed in full (triage off)."""
    full = replace(options, triage=False)

    def stored() -> Iterator[Prepared]:
        for row in store.triaged():
            data = store.record(row["id"])
            if data is not None:
                yield prepared_from_stored(data)

    return analyse_stream(stored(), options=full)
