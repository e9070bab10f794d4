"""A catalogue of coded errors, in the manner of spaCy's ``errors.py``.

Library code raises ``SitroomError`` with a code from ``Codes``; the pipeline
turns one raised while processing a document into a stored ``Rejection``
(stage, code, detail). Only the CLI translates errors into messages.
"""

from __future__ import annotations

from enum import StrEnum


class Codes(StrEnum):
    """Error codes. The value is the message template (``str.format`` fields)."""

    # ingest
    E001 = "Cannot read {path}: {reason}"
    E002 = "Empty input: {path} holds no text"
    E003 = "Binary or non-text input ({kind}): {path}"
    E004 = "Unsupported input format: {path}"
    E005 = "Cannot decode {path}: no text encoding fits"
    E006 = "Truncated or corrupt compressed input: {path}: {reason}"
    E007 = "Malformed JSON line {line} in {path}: {reason}"
    E008 = "JSON line {line} in {path} has no text field (looked for {fields})"
    E009 = "HTML yields no article text: {path}"
    E010 = "Input too large: {path} has a line of {size} bytes (limit {limit}, max_line_bytes)"
    E011 = "Malformed WARC archive {path}: {reason}"
    # clean
    E020 = "Nothing left after cleaning: {path}"
    # nlp
    E030 = (
        "spaCy pipeline '{name}' is not installed; install its package or set SITROOM_SPACY_MODEL"
    )
    E031 = "Text too long for the parser: {size} characters (limit {limit}, max_parser_chars)"
    # store
    E040 = "Database {url} is at schema version {found}; this sitroom knows up to {known}"
    # generic
    E090 = "Unexpected failure in stage {stage}: {reason}"
    # ingest (appended)
    E012 = "HTML nested too deeply in {path}: {depth} levels (limit {limit}, max_html_depth)"
    E013 = "Input too large: {path} is over {limit} bytes (max_document_bytes)"
    # ingest: shape limits (checked before repair and clean)
    E014 = "Too many lines: {path} has {lines} lines (limit {limit}, max_lines)"
    E015 = (
        "Text too long for the parser: {path} has {size} characters (limit {limit}, "
        "max_parser_chars); plain text is split only at document separators"
    )
    # nlp: language
    E035 = (
        "{path} is in {name} ({language}, detector score {score:.2f}); this sitroom processes "
        "{accepted} only (setting languages, docs/settings.md)"
    )


class SitroomError(Exception):
    """An error with a stable code, the stage it belongs to and a readable detail."""

    def __init__(self, code: Codes, stage: str, **fields: object) -> None:
        self.code = code
        self.stage = stage
        self.detail = code.value.format(stage=stage, **fields)
        super().__init__(f"[{code.name}] {self.detail}")
