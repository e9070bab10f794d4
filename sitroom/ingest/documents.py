"""The records the ingest stage yields and the options it takes."""

from __future__ import annotations

from dataclasses import dataclass

from sitroom.records import Replaced, Source

# A line longer than this is rejected (E010) instead of being read into memory.
# Chosen from what real input holds: the largest page of the 181 in
# article-extraction-benchmark is 1.9 MB of minified HTML on a handful of lines,
# and a JSON-lines record carrying a whole page is the same size; 16 MiB leaves
# eight times that headroom and still rejects a runaway 50 MB line.
DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024

# A whole document (one .txt or .html file, one WARC record) larger than this
# is rejected: the parser downstream caps text far lower, and the longest
# report in ../shared/corpus is 40 KB. 64 MiB keeps memory bounded per document.
DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One decoded document with the metadata its container gave."""

    source: Source  # path, format (txt|html|jsonl|warc), url, outlet
    text: str  # decoded text (for HTML: the extracted article body)
    encoding: str  # what the decoder used, e.g. "utf-8", "cp1252"
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD from metadata
    byline: tuple[str, ...] = ()
    # Bytes that failed to decode in otherwise valid UTF-8, and what each became.
    replaced: tuple[Replaced, ...] = ()
    bytes_replaced: int = 0


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Field names for JSON lines, and the size limits that keep memory bounded."""

    text_field: str = "text"
    html_field: str = "html"
    url_field: str = "url"
    title_field: str = "title"
    published_field: str = "published"
    outlet_field: str = "outlet"
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    # Extra fields.
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
