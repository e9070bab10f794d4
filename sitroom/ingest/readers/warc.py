"""WARC archives (plain or gzipped): HTML response records, read record by record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.readers.html_file import document_from_html
from sitroom.records import Rejection

STAGE = "ingest"

_HTML_TYPES = ("text/html", "application/xhtml+xml")

# warcio reports a malformed archive as ArchiveLoadFailed, except a response record
# with no WARC-Target-URI (a record cut inside its headers): AttributeError on the
# missing URI. Found by tests/test_fuzz.py on truncated archives.
_WARCIO_ERRORS = (ArchiveLoadFailed, AttributeError)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


class _Counting:
    """A read-only stream that counts the bytes taken from it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.total = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.total += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._stream.readline(size)
        self.total += len(data)
        return data


def read_warc(
    stream: BinaryIO, *, path: str, options: IngestOptions
) -> Iterator[RawDocument | Rejection]:
    found = False
    counting = _Counting(stream)
    try:
        archive = ArchiveIterator(counting)
        for record in archive:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
                continue
            found = True
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{path}#{uri}"
            data = record.content_stream().read(options.max_document_bytes + 1)
            try:
                if len(data) > options.max_document_bytes:
                    raise SitroomError(
                        Codes.E013, stage=STAGE, path=where, limit=options.max_document_bytes
                    )
                if not data.strip():
                    raise SitroomError(Codes.E002, stage=STAGE, path=where)
                yield document_from_html(
                    data,
                    path=where,
                    format="warc",
                    url=uri or None,
                    charset=_charset(content_type),
                    max_depth=options.max_html_depth,
                )
            except SitroomError as error:
                yield Rejection(
                    path=where, stage=error.stage, code=error.code.name, detail=error.detail
                )
    except _WARCIO_ERRORS as error:
        reason = str(error) if isinstance(error, ArchiveLoadFailed) else "record without a URI"
        raise SitroomError(Codes.E011, stage=STAGE, path=path, reason=reason) from error
    if counting.total > archive.offset:
        # warcio stops quietly at a cut gzip member; the bytes after the last
        # whole record say the archive was truncated.
        raise SitroomError(
            Codes.E006,
            stage=STAGE,
            path=path,
            reason=f"{counting.total - archive.offset} bytes after the last complete record",
        )
    if not found:
        raise SitroomError(Codes.E011, stage=STAGE, path=path, reason="no HTML response records")
