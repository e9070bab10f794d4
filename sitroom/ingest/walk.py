"""``iter_raw``: paths, directories, gzip and stdin, dispatched to the format readers.

Every failure that belongs to one input becomes a ``Rejection``; the walk goes
on with the next input.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.limits import check_limits
from sitroom.ingest.readers.html_file import read_html
from sitroom.ingest.readers.jsonl import read_jsonl
from sitroom.ingest.readers.txt import read_txt
from sitroom.ingest.readers.warc import read_warc
from sitroom.ingest.sidecar import IndexEntry, index_entry, is_index
from sitroom.ingest.sniff import (
    GZIP_MAGIC,
    SNIFF_BYTES,
    check_binary,
    format_from_content,
    format_from_name,
)
from sitroom.records import Rejection, Source

STAGE = "ingest"
STDIN = "-"
DEFAULT_OPTIONS = IngestOptions()  # frozen, so one shared default is safe

Item = RawDocument | Rejection
Reader = Callable[..., Iterator[RawDocument] | Iterator[Item]]

_READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
}

# Exceptions that mean a compressed stream is cut short or corrupt.
_COMPRESSION_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


class _Prefixed(io.RawIOBase):
    """A stream that serves ``head`` (already read, for sniffing) and then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of ``stream`` and a stream that still yields them."""
    head = stream.read(SNIFF_BYTES)
    return head, io.BufferedReader(_Prefixed(head, stream))


def _rejection(path: str, error: SitroomError) -> Rejection:
    return Rejection(path=path, stage=error.stage, code=error.code.name, detail=error.detail)


def _read_stream(
    stream: BinaryIO, *, path: str, name: str, options: IngestOptions
) -> Iterator[Item]:
    """Documents in ``stream``; ``name`` (the path less any ``.gz``) gives the format if it can."""
    head, stream = _peek(stream)
    fmt = format_from_name(name)
    if head.startswith(GZIP_MAGIC) and fmt != "warc":
        # gzip without a .gz name (stdin, or x.txt that is really compressed).
        inner = gzip.GzipFile(fileobj=stream, mode="rb")
        head, stream = _peek(inner)  # type: ignore[arg-type]
    if not head:
        raise SitroomError(Codes.E002, stage=STAGE, path=path)
    if fmt is None:
        check_binary(head, path=path)
        fmt = format_from_content(head)
    elif fmt != "warc":
        check_binary(head, path=path)
    for item in _READERS[fmt](stream, path=path, options=options):
        if isinstance(item, RawDocument):
            try:
                check_limits(item, options=options)
            except SitroomError as error:
                item = _rejection(item.source.path, error)
        yield item


def _guarded(path: str, items: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """``items()``, with any failure of this input turned into a trailing rejection."""
    try:
        yield from items()
    except SitroomError as error:
        yield _rejection(path, error)
    except _COMPRESSION_ERRORS as error:
        yield _rejection(
            path,
            SitroomError(
                Codes.E006, stage=STAGE, path=path, reason=str(error) or type(error).__name__
            ),
        )
    except OSError as error:
        yield _rejection(path, SitroomError(Codes.E001, stage=STAGE, path=path, reason=str(error)))


def _with_index(document: RawDocument, entry: IndexEntry) -> RawDocument:
    source = document.source
    return RawDocument(
        source=Source(
            path=source.path,
            format=source.format,
            url=entry.url or source.url,
            outlet=entry.outlet or source.outlet,
        ),
        text=document.text,
        encoding=document.encoding,
        title=entry.title or document.title,
        published=entry.published or document.published,
        byline=document.byline,
        replaced=document.replaced,
        bytes_replaced=document.bytes_replaced,
    )


def _read_file(file: Path, options: IngestOptions) -> Iterator[Item]:
    path = str(file)
    name = path[:-3] if path.lower().endswith(".gz") else path
    entry = index_entry(file)

    def items() -> Iterator[Item]:
        with file.open("rb") as raw:
            for item in _read_stream(raw, path=path, name=name, options=options):
                if entry is not None and isinstance(item, RawDocument):
                    item = _with_index(item, entry)
                yield item

    return _guarded(path, items)


def _read_stdin(options: IngestOptions) -> Iterator[Item]:
    def items() -> Iterator[Item]:
        yield from _read_stream(sys.stdin.buffer, path=STDIN, name=STDIN, options=options)

    return _guarded(STDIN, items)


def input_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input file or directory, or None when it can.

    ``Path.exists`` answers False for a symlink loop; the errno tells a loop from
    a missing file, so the message says which.
    """
    try:
        status = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symlink loop (too many levels of symbolic links)"
        if error.errno == errno.ENOENT:
            return "no such file or directory" if not path.is_symlink() else "broken symlink"
        return error.strerror or type(error).__name__
    if stat.S_ISDIR(status.st_mode) or stat.S_ISREG(status.st_mode):
        return None
    return "not a regular file"


def _files_under(directory: Path) -> list[Path]:
    """Files below ``directory`` in a stable order; hidden files and folders and
    ``index.jsonl`` metadata (:mod:`.sidecar`) left out. A symlink whose target
    cannot be reached (a loop, a dangling link) is listed, so it becomes a rejection
    instead of vanishing."""
    found = [
        path
        for path in directory.rglob("*")
        if (path.is_file() or (path.is_symlink() and input_problem(path) is not None))
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
        and not is_index(path)
    ]
    return sorted(found, key=lambda path: path.relative_to(directory).parts)


def expand_paths(paths: Sequence[str | Path]) -> list[str]:
    """The inputs ``iter_raw`` reads for ``paths``, in its order: directories become
    their files (recursive, sorted, hidden ones left out); files, ``-`` and paths
    that do not exist (each a rejection when read) stay as they are.

    For splitting work into partitions: ``iter_raw`` over the partitions in turn
    yields what ``iter_raw(paths)`` yields.
    """
    expanded: list[str] = []
    for entry in paths:
        path = Path(entry)
        if str(entry) != STDIN and path.is_dir():
            expanded.extend(str(file) for file in _files_under(path))
        else:
            expanded.append(str(entry))
    return expanded


def iter_raw(
    paths: Sequence[str | Path], *, options: IngestOptions = DEFAULT_OPTIONS
) -> Iterator[RawDocument | Rejection]:
    """Every document under ``paths`` (files, directories, ``-`` for stdin), in order.

    Yields a ``RawDocument`` per report, or a ``Rejection`` (stage ``ingest``)
    for input that cannot be read; it never raises for a bad document.
    """
    for entry in expand_paths(paths):
        if entry == STDIN:
            yield from _read_stdin(options)
            continue
        path = Path(entry)
        if path.is_file():
            yield from _read_file(path, options)
        else:
            reason = input_problem(path) or "not a regular file"
            yield _rejection(
                entry, SitroomError(Codes.E001, stage=STAGE, path=entry, reason=reason)
            )
