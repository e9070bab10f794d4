"""Which format a file holds: from its name first, from its first bytes otherwise.

Binary input (images, archives, executables, anything with NUL bytes that is
not UTF-16/32 text) is recognised here so that it becomes a clear rejection
instead of a page of replacement characters.
"""

from __future__ import annotations

import re

from sitroom.errors import Codes, SitroomError

STAGE = "ingest"

# How many leading bytes the sniffers look at. 8 KiB holds any magic number,
# an HTML head up to <body> on most pages, and enough text to judge NUL bytes.
SNIFF_BYTES = 8192

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of binary formats analysts' folders really contain.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC/XLS)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
}

_HTML_START = re.compile(rb"\s*(<!doctype\s+html|<html|<head|<body|<!--|<meta|<div|<p[\s>])", re.I)


def format_from_name(name: str) -> str | None:
    """``txt|html|jsonl|warc`` for a known extension (``.gz`` already stripped), else None."""
    dot = name.rfind(".")
    if dot < 0:
        return None
    return _EXTENSIONS.get(name[dot:].lower())


def binary_kind(head: bytes) -> str | None:
    """A description of the binary format ``head`` starts with, or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # "MZ" and "ID3" are short; only trust them when NUL bytes follow.
            if len(magic) < 4 and b"\x00" not in head[:64]:
                continue
            return kind
    if head.startswith(_BOMS) or head.startswith(b"\x00\x00\xfe\xff"):
        return None
    if b"\x00" in head and not looks_like_utf16(head):
        return "NUL bytes"
    return None


def looks_like_utf16(head: bytes) -> bool:
    """UTF-16 text without a BOM: NUL in nearly every other byte and nowhere else."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    # 90%: ASCII-heavy UTF-16 has a NUL in every second byte; a few non-ASCII
    # characters (accents, quotes) break the pattern, binary data breaks both.
    return max(even_nuls, odd_nuls) >= 0.9 * half and min(even_nuls, odd_nuls) == 0


def format_from_content(head: bytes) -> str:
    """The format of unnamed input (stdin, unknown extensions) from its first bytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if _HTML_START.match(stripped):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "txt"


def check_binary(head: bytes, *, path: str) -> None:
    """Raise E003 when ``head`` is the start of binary input."""
    kind = binary_kind(head)
    if kind is not None:
        raise SitroomError(Codes.E003, stage=STAGE, kind=kind, path=path)
