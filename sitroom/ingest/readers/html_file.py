"""HTML files: one page per file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.decode import decode_report
from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.readers.html import (
    STAGE,
    declared_charset,
    extract_article,
    nesting_depth,
)
from sitroom.ingest.readers.txt import read_all
from sitroom.records import Source

# The default of the max_html_depth setting (sitroom/settings.py says why).
DEFAULT_MAX_DEPTH = 5000


def document_from_html(
    data: bytes,
    *,
    path: str,
    format: str,
    url: str | None = None,
    charset: str | None = None,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> RawDocument:
    """A ``RawDocument`` from the bytes of one page (raises E005, E009, E012)."""
    decoded = decode_report(data, path=path, declared=charset or declared_charset(data[:4096]))
    # Nesting is checked before trafilatura parses the page (ingest/limits.py), on raw
    # tags; a page that parses but yields no text because libxml2 dropped what lay
    # below its own depth limit gets E012 from extract_article.
    depth = nesting_depth(decoded.text)
    if depth > max_depth:
        raise SitroomError(Codes.E012, stage=STAGE, path=path, depth=depth, limit=max_depth)
    article = extract_article(decoded.text, path=path, url=url)
    return RawDocument(
        source=Source(path=path, format=format, url=article.url or url, outlet=article.outlet),
        text=article.text,
        encoding=decoded.encoding,
        title=article.title,
        published=article.published,
        byline=article.byline,
        # Lines and columns of the page source, before the article was extracted.
        replaced=decoded.replaced,
        bytes_replaced=decoded.bytes_replaced,
    )


def read_html(stream: BinaryIO, *, path: str, options: IngestOptions) -> Iterator[RawDocument]:
    data = read_all(stream, path=path, options=options)
    yield document_from_html(data, path=path, format="html", max_depth=options.max_html_depth)
