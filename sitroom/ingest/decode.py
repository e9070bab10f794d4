"""Bytes to text: a byte-order mark, strict UTF-8, mostly-valid UTF-8 mended byte by byte
(:mod:`.mixed`), Windows-1252 if clean, then charset-normalizer.

Strict UTF-8 goes first on purpose. On valid UTF-8 that already holds mojibake
(the usual state of scraped news) charset-normalizer picks cp1250 or cp1251
about a quarter of the time, which stacks a second layer of mojibake on the
first. The repair stage undoes the first layer; nothing undoes a guessed one.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

from sitroom.errors import Codes, SitroomError
from sitroom.ingest.mixed import decode_mixed, escaped, mostly_utf8
from sitroom.ingest.sniff import looks_like_utf16
from sitroom.records import Replaced

STAGE = "ingest"

# Windows-1252 is tried before detection when UTF-8 fails: it is what legacy
# Western news text is, and on short text charset-normalizer often names a
# neighbour (cp1250, cp775) that garbles the accents and quotes. It is kept only
# when charset-normalizer's own mess measure finds the result clean: below 0.2,
# the threshold from_bytes itself uses. (Measured: 0.0 on French and English
# cp1252 samples; 0.9-1.4 on Cyrillic, Polish and Greek text read as cp1252.)
LEGACY_WESTERN = "cp1252"
MAX_MESS = 0.2

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def canonical_encoding(name: str) -> str:
    """Python's canonical codec name (``utf_8`` → ``utf-8``, ``windows-1252`` → ``cp1252``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    replaced: tuple[Replaced, ...] = ()
    bytes_replaced: int = 0


def decode_bytes(data: bytes, *, path: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; ``declared`` is a charset the document names.

    Raises E005 when no encoding decodes the bytes.
    """
    decoded = decode_report(data, path=path, declared=declared)
    return decoded.text, decoded.encoding


def decode_report(data: bytes, *, path: str, declared: str | None = None) -> Decoded:
    """``data`` decoded, with every byte that had to be read again listed (see above)."""
    exact = _exact(data)
    if exact is not None:
        return Decoded(*exact)
    text = escaped(data).removeprefix("\ufeff")
    if mostly_utf8(text):
        mixed = decode_mixed(text)
        return Decoded(mixed.text, "utf-8", mixed.replaced, mixed.bytes_replaced)
    return Decoded(*_legacy(data, path=path, declared=declared))


def _exact(data: bytes) -> tuple[str, str] | None:
    """A decoding with nothing guessed: a byte-order mark, BOM-less UTF-16, strict UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), canonical_encoding(encoding)
            except UnicodeDecodeError:
                break
    if looks_like_utf16(data[:8192]):
        # NUL in the odd bytes means the low byte comes first: little-endian.
        encoding = "utf-16-le" if data[1:64:2].count(0) > data[0:64:2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes, *, path: str, declared: str | None) -> tuple[str, str]:
    """A legacy code page: the declared one, Windows-1252 if clean, else charset-normalizer."""
    if declared:
        try:
            return data.decode(declared), canonical_encoding(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode(LEGACY_WESTERN)
    except UnicodeDecodeError:
        pass
    else:
        if mess_ratio(text, maximum_threshold=1.0) < MAX_MESS:
            return text, LEGACY_WESTERN
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise SitroomError(Codes.E005, stage=STAGE, path=path)
    return str(best), canonical_encoding(best.encoding)
