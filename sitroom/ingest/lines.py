"""Read lines with a bound on their length, so one runaway line never fills memory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

# Bytes read at a time while skipping the rest of an over-long line.
_SKIP_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based
    data: bytes  # without the trailing newline; empty when too_long
    size: int  # bytes in the line (counted to the end even when too long)
    too_long: bool = False


def bounded_lines(stream: BinaryIO, *, max_line_bytes: int) -> Iterator[Line]:
    """Each line of ``stream``; a line over ``max_line_bytes`` comes back empty with ``too_long``.

    Memory stays under ``max_line_bytes`` plus one chunk whatever the input.
    """
    number = 0
    while True:
        data = stream.readline(max_line_bytes + 1)
        if not data:
            return
        number += 1
        if len(data) > max_line_bytes and not data.endswith(b"\n"):
            size, newline = _skip_rest_of_line(stream, len(data))
            yield Line(number, b"", size - (1 if newline else 0), too_long=True)
            continue
        yield Line(number, data.rstrip(b"\r\n"), len(data))


def read_bounded(
    stream: BinaryIO, *, max_line_bytes: int, max_document_bytes: int
) -> tuple[bytes, Line | None, bool]:
    """The whole stream, or where it broke a limit.

    Returns ``(data, long_line, too_big)``: ``long_line`` is the first line over
    ``max_line_bytes`` (reading stops there), ``too_big`` is True when the
    total passed ``max_document_bytes``.
    """
    parts: list[bytes] = []
    total = 0
    while True:
        data = stream.readline(max_line_bytes + 1)
        if not data:
            return b"".join(parts), None, False
        if len(data) > max_line_bytes and not data.endswith(b"\n"):
            size, _newline = _skip_rest_of_line(stream, len(data))
            return b"", Line(0, b"", size, too_long=True), False
        total += len(data)
        if total > max_document_bytes:
            return b"", None, True
        parts.append(data)


def _skip_rest_of_line(stream: BinaryIO, size: int) -> tuple[int, bool]:
    """Read past the rest of an over-long line in small chunks, never holding it whole.

    Returns the line's full size in bytes (``size`` already read included) and
    whether it ended with a newline (False at the end of the stream).
    """
    while True:
        rest = stream.readline(_SKIP_CHUNK)
        size += len(rest)
        if not rest or rest.endswith(b"\n"):
            return size, rest.endswith(b"\n")
