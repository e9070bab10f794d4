"""JSON lines: one report per line, read line by line in constant memory.

Each line is an object with a text field or an HTML field (names set by
``IngestOptions``) and optional URL, title, published date and outlet. A bad
line becomes a rejection for that line (path ``file.jsonl#L3``); the rest of
the file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.decode import decode_bytes
from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.lines import bounded_lines
from sitroom.ingest.meta import normalise_date, optional_str
from sitroom.ingest.readers.html_file import document_from_html
from sitroom.records import Rejection, Source

STAGE = "ingest"


def _rejection(path: str, error: SitroomError) -> Rejection:
    return Rejection(path=path, stage=error.stage, code=error.code.name, detail=error.detail)


def _parse(data: bytes, *, path: str, number: int) -> dict[str, Any]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # JSON is UTF-8 by its RFC, but scrapers write what they write.
        text, _ = decode_bytes(data, path=path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise SitroomError(
            Codes.E007, stage=STAGE, line=number, path=path, reason=str(error)
        ) from error
    except RecursionError as error:
        # Python's JSON parser recurses once per nested array or object.
        raise SitroomError(
            Codes.E007, stage=STAGE, line=number, path=path, reason="nested too deeply"
        ) from error
    if not isinstance(value, dict):
        raise SitroomError(
            Codes.E007,
            stage=STAGE,
            line=number,
            path=path,
            reason=f"expected an object, got {type(value).__name__}",
        )
    return value


def document_from_object(
    obj: dict[str, Any], *, path: str, number: int, options: IngestOptions
) -> RawDocument:
    """The ``RawDocument`` of line ``number`` of ``path`` (raises E008, E009, E012)."""
    where = f"{path}#L{number}"
    url = optional_str(obj.get(options.url_field))
    title = optional_str(obj.get(options.title_field))
    published = normalise_date(obj.get(options.published_field))
    outlet = optional_str(obj.get(options.outlet_field))
    text = obj.get(options.text_field)
    if isinstance(text, str) and text.strip():
        return RawDocument(
            source=Source(path=where, format="jsonl", url=url, outlet=outlet),
            text=text.replace("\r\n", "\n"),
            encoding="utf-8",
            title=title,
            published=published,
        )
    html = obj.get(options.html_field)
    if isinstance(html, str) and html.strip():
        page = document_from_html(
            html.encode("utf-8"),
            path=where,
            format="jsonl",
            url=url,
            max_depth=options.max_html_depth,
        )
        return RawDocument(
            source=Source(
                path=where,
                format="jsonl",
                url=url or page.source.url,
                outlet=outlet or page.source.outlet,
            ),
            text=page.text,
            encoding="utf-8",
            title=title or page.title,
            published=published or page.published,
            byline=page.byline,
        )
    raise SitroomError(
        Codes.E008,
        stage=STAGE,
        line=number,
        path=path,
        fields=f"{options.text_field!r}, {options.html_field!r}",
    )


def read_jsonl(
    stream: BinaryIO, *, path: str, options: IngestOptions
) -> Iterator[RawDocument | Rejection]:
    seen_any = False
    for line in bounded_lines(stream, max_line_bytes=options.max_line_bytes):
        where = f"{path}#L{line.number}"
        if line.too_long:
            seen_any = True
            yield Rejection(
                path=where,
                stage=STAGE,
                code=Codes.E010.name,
                detail=Codes.E010.value.format(
                    path=where, size=line.size, limit=options.max_line_bytes
                ),
            )
            continue
        if not line.data.strip():
            continue
        seen_any = True
        try:
            obj = _parse(line.data, path=path, number=line.number)
            yield document_from_object(obj, path=path, number=line.number, options=options)
        except SitroomError as error:
            yield _rejection(where, error)
    if not seen_any:
        raise SitroomError(Codes.E002, stage=STAGE, path=path)
