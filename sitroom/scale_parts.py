"""What one Dask task does: read a batch of inputs, skip what is stored, analyse the rest.

A ``Part`` is a batch of small files, a range of lines of one large JSONL file, or a
range of records of one large WARC archive (``plan_parts`` cuts them). A worker reads
its part, repairs and cleans each document, asks the store which of the resulting ids
it already holds (one query per part, read-only) and parses only the others. Nothing
here writes to the store: results go back to the single writer in the calling process.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.engine import make_url
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitroom.errors import SitroomError
from sitroom.ingest import RawDocument, expand_paths, iter_raw
from sitroom.ingest.lines import bounded_lines
from sitroom.ingest.readers.jsonl import read_jsonl
from sitroom.ingest.readers.warc import _HTML_TYPES, read_warc
from sitroom.pipeline import PipelineOptions, Prepared, analyse_stream, prepare_stream
from sitroom.records import Record, Rejection
from sitroom.store import schema

# Small files per task: enough that a task is about a second of parsing with the sm
# model (scheduling costs a few ms), few enough that two workers share the tail.
FILES_PER_TASK = 16
# JSONL lines, or WARC HTML responses, per task when one file is split into ranges
# (same reasoning).
LINES_PER_TASK = 32
# A file with more than this many is split; smaller ones travel as files.
SPLIT_LINES = 2 * LINES_PER_TASK


@dataclass(frozen=True, slots=True)
class Part:
    """Files read whole, or the bytes ``start``..``end`` of ``files[0]`` (a JSONL or WARC range).

    ``first_line``: for a JSONL range, the 1-based number of its first line.
    """

    files: tuple[str, ...]
    fmt: str = ""  # "": whole files; "jsonl" or "warc": a range of files[0]
    first_line: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document the store already holds, recognised on a worker before parsing."""

    path: str
    record_id: str


Result = Record | Rejection | Skipped


def _jsonl_ranges(path: str, options: PipelineOptions) -> list[Part] | None:
    """Line ranges of a plain JSONL file, or None when it is small or not plain JSONL."""
    if not path.lower().endswith(".jsonl"):
        return None
    offsets, count = [0], 0
    with open(path, "rb") as stream:
        for line in bounded_lines(stream, max_line_bytes=options.ingest.max_line_bytes):
            count = line.number
            if count % LINES_PER_TASK == 0:
                offsets.append(stream.tell())
        end = stream.tell()
    if count <= SPLIT_LINES:
        return None
    if offsets[-1] != end:
        offsets.append(end)
    return [
        Part(files=(path,), fmt="jsonl", first_line=1 + n * LINES_PER_TASK, start=lo, end=hi)
        for n, (lo, hi) in enumerate(pairwise(offsets))
    ]


def _is_html_response(record: Any) -> bool:
    """The records ``read_warc`` turns into documents (its own test, on headers only)."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _warc_ranges(path: str) -> list[Part] | None:
    """Record ranges of a WARC (plain, or gzipped per record as crawlers write them).

    Each range starts at an HTML response, so every range yields documents; an
    archive that cannot be scanned is read whole (and its error reported there).
    """
    if not path.lower().endswith((".warc", ".warc.gz")):
        return None
    offsets: list[int] = []
    count = 0
    try:
        with open(path, "rb") as stream:
            archive = ArchiveIterator(stream)
            for record in archive:
                if not _is_html_response(record):
                    continue
                if count % LINES_PER_TASK == 0:
                    offsets.append(archive.get_record_offset())
                count += 1
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error):
        return None
    if count <= SPLIT_LINES:
        return None
    bounds = [*offsets, Path(path).stat().st_size]
    return [Part(files=(path,), fmt="warc", start=lo, end=hi) for lo, hi in pairwise(bounds)]


def plan_parts(paths: Sequence[str | Path], options: PipelineOptions) -> list[Part]:
    """Tasks covering ``paths`` in ``iter_raw``'s order (stdin excluded)."""
    parts: list[Part] = []
    batch: list[str] = []
    for path in expand_paths(paths):
        if path == "-":
            continue
        ranges = None
        if Path(path).is_file():
            ranges = _jsonl_ranges(path, options) or _warc_ranges(path)
        if ranges is None:
            batch.append(path)
            if len(batch) == FILES_PER_TASK:
                parts.append(Part(files=tuple(batch)))
                batch = []
            continue
        if batch:
            parts.append(Part(files=tuple(batch)))
            batch = []
        parts.extend(ranges)
    if batch:
        parts.append(Part(files=tuple(batch)))
    return parts


def read_part(part: Part, options: PipelineOptions) -> Iterator[RawDocument | Rejection]:
    if not part.fmt:
        yield from iter_raw(part.files, options=options.ingest)
        return
    path = part.files[0]
    with open(path, "rb") as stream:
        stream.seek(part.start)
        data = stream.read(part.end - part.start)
    try:
        if part.fmt == "warc":
            yield from read_warc(io.BytesIO(data), path=path, options=options.ingest)
            return
        # Blank lines are skipped but counted, so the reader numbers lines as in the file.
        padded = io.BytesIO(b"\n" * (part.first_line - 1) + data)
        yield from read_jsonl(padded, path=path, options=options.ingest)
    except SitroomError as error:
        yield Rejection(path=path, stage=error.stage, code=error.code.name, detail=error.detail)


@lru_cache(maxsize=4)
def _reader(url: str) -> Engine | None:
    """A read-only engine on the store, or None where a worker cannot see it."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url)
    database = parsed.database
    if not database or database == ":memory:" or not Path(database).exists():
        return None
    return create_engine(f"sqlite:///file:{Path(database).resolve()}?mode=ro&uri=true")


def stored_ids(url: str | None, ids: Sequence[str]) -> set[str]:
    engine = _reader(url) if url else None
    if engine is None or not ids:
        return set()
    table = schema.documents
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id).where(table.c.id.in_(list(ids))))
        return {str(row[0]) for row in rows}


def run_part(part: Part, options: PipelineOptions, store_url: str | None) -> list[Result]:
    """The results of one part, in input order (runs on a worker)."""
    # A Dask worker is one of the processes already: it parses in itself.
    options = replace(options, processes=1)
    prepared = list(prepare_stream(read_part(part, options), options=options))
    ids = [item.record_id for item in prepared if isinstance(item, Prepared)]
    known = stored_ids(store_url, ids)

    def stored(item: Prepared | Rejection) -> bool:
        return isinstance(item, Prepared) and item.record_id in known

    analysed = iter(analyse_stream([p for p in prepared if not stored(p)], options=options))
    # analyse_stream gives one result per input, in order; stored ones keep their place.
    return [
        Skipped(path=item.raw.source.path, record_id=item.record_id)
        if isinstance(item, Prepared) and item.record_id in known
        else next(analysed)
        for item in prepared
    ]


def stored_part(part: Part, options: PipelineOptions, store_url: str | None) -> list[Result]:
    """The part's results when the store holds every document in it, else []."""
    if store_url is None:
        return []
    prepared = list(prepare_stream(read_part(part, options), options=options))
    ids = [item.record_id for item in prepared if isinstance(item, Prepared)]
    if not ids or stored_ids(store_url, ids) != set(ids):
        return []
    return [
        Skipped(path=item.raw.source.path, record_id=item.record_id)
        if isinstance(item, Prepared)
        else item
        for item in prepared
    ]
