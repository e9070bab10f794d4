"""Size and shape limits, checked when a document is read, before any costly stage.

Each limit is a setting (``docs/settings.md``) and each rejection names it, so a
user who meets one knows what to raise:

- ``max_document_bytes``: bytes in one file, page or WARC record (E013, while reading);
- ``max_line_bytes``: bytes in one line (E010, while reading);
- ``max_parser_chars``: characters of text for the parser (E015 here; E031 after
  cleaning stays as a safety net);
- ``max_lines``: lines in one document (E014);
- ``max_html_depth``: element nesting of a page (E012, before trafilatura parses it).

A plain-text file over ``max_parser_chars`` that holds clear document separators
(a form feed, or a line of three or more ``-``, ``=``, ``*``, ``_``, ``~`` or ``#``)
is split there into documents ``file.txt#D1``, ``#D2``...; without separators it is
rejected at once, so a bulk dump is never repaired and cleaned whole first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.documents import IngestOptions, RawDocument

STAGE = "ingest"

_SEPARATOR = re.compile(r"^[ \t]*(?:\f[\f \t]*|([-=*_~#])(?:[ \t]*\1){2,}[ \t]*)$|\f", re.M)


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    first_line: int  # 1-based line of the whole text where the piece starts
    last_line: int


def split_at_separators(text: str) -> list[Piece]:
    """The non-blank pieces of ``text`` between separator lines (one piece when none)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SEPARATOR.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    pieces: list[Piece] = []
    for begin, end in bounds:
        raw = text[begin:end]
        if not raw.strip():
            continue
        body = raw.strip("\n")
        first = text.count("\n", 0, begin + raw.index(body)) + 1
        pieces.append(Piece(body, first, first + body.count("\n")))
    return pieces


def check_limits(document: RawDocument, *, options: IngestOptions) -> None:
    """Raise E015 or E014 when ``document`` is over the parser's or the line limit."""
    path = document.source.path
    size = len(document.text)
    if size > options.max_parser_chars:
        raise SitroomError(
            Codes.E015, stage=STAGE, path=path, size=size, limit=options.max_parser_chars
        )
    lines = document.text.count("\n") + 1
    if lines > options.max_lines:
        raise SitroomError(Codes.E014, stage=STAGE, path=path, lines=lines, limit=options.max_lines)
