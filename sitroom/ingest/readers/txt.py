"""Plain text files: one report per file, any encoding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.decode import decode_report
from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.limits import split_at_separators
from sitroom.ingest.lines import read_bounded
from sitroom.ingest.sniff import check_binary
from sitroom.records import Source

STAGE = "ingest"


def read_all(stream: BinaryIO, *, path: str, options: IngestOptions) -> bytes:
    """Every byte of ``stream``, within the line and document limits (E010, E013, E002, E003)."""
    data, long_line, too_big = read_bounded(
        stream,
        max_line_bytes=options.max_line_bytes,
        max_document_bytes=options.max_document_bytes,
    )
    if long_line is not None:
        raise SitroomError(
            Codes.E010, stage=STAGE, path=path, size=long_line.size, limit=options.max_line_bytes
        )
    if too_big:
        raise SitroomError(Codes.E013, stage=STAGE, path=path, limit=options.max_document_bytes)
    if not data.strip():
        raise SitroomError(Codes.E002, stage=STAGE, path=path)
    check_binary(data[:8192], path=path)
    return data


def read_txt(stream: BinaryIO, *, path: str, options: IngestOptions) -> Iterator[RawDocument]:
    data = read_all(stream, path=path, options=options)
    decoded = decode_report(data, path=path)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SitroomError(Codes.E002, stage=STAGE, path=path)
    # Too long for the parser: a bulk dump is split at its document separators
    # (limits.py); one that has none comes back whole and is rejected by the caller.
    pieces = split_at_separators(text) if len(text) > options.max_parser_chars else []
    if len(pieces) < 2:
        yield RawDocument(
            source=Source(path=path, format="txt"),
            text=text,
            encoding=decoded.encoding,
            replaced=decoded.replaced,
            bytes_replaced=decoded.bytes_replaced,
        )
        return
    for number, piece in enumerate(pieces, start=1):
        # Byte repairs go with the piece they fall in; their lines stay the file's.
        replaced = tuple(
            r for r in decoded.replaced if piece.first_line <= r.line <= piece.last_line
        )
        yield RawDocument(
            source=Source(path=f"{path}#D{number}", format="txt"),
            text=piece.text,
            encoding=decoded.encoding,
            replaced=replaced,
            bytes_replaced=len(replaced),
        )
