"""The records the ingest stage yields and the options it takes."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.records import Replaced, Source
from sitroom.settings import get_settings


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
    # Limits (sitroom/ingest/limits.py); the defaults come from the settings.
    max_line_bytes: int = field(default_factory=lambda: get_settings().max_line_bytes)
    max_document_bytes: int = field(default_factory=lambda: get_settings().max_document_bytes)
    max_parser_chars: int = field(default_factory=lambda: get_settings().max_parser_chars)
    max_lines: int = field(default_factory=lambda: get_settings().max_lines)
    max_html_depth: int = field(default_factory=lambda: get_settings().max_html_depth)
