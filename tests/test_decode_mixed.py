"""Decoding never makes text worse: a mostly-UTF-8 file keeps every valid character.

The files are written here byte by byte: valid UTF-8 with stray Windows-1252 or
undefined bytes spliced in, as a scraper or a copy-paste leaves them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.ingest import RawDocument, iter_raw
from sitroom.ingest.decode import decode_report
from sitroom.pipeline import PipelineOptions, prepare
from sitroom.repair import count_mojibake

LINES = (
    "Clashes were reported near Al Ḥawījah on Sunday, local sources said.",
    "Residents of Tiné Hama fled toward Ménaka after the attack.",
    "The governor of Kirkūk called for calm.",
)


def _read(path: Path) -> RawDocument:
    (item,) = list(iter_raw([path]))
    assert isinstance(item, RawDocument), item
    return item


def test_one_bad_byte_keeps_every_valid_character_and_lists_the_repair(tmp_path: Path) -> None:
    good = "\n".join(LINES).encode("utf-8")
    # "Tiné" written by a Windows-1252 editor: é is the single byte 0xE9.
    data = good.replace("Tiné".encode(), b"Tin\xe9")
    path = tmp_path / "one-bad-byte.txt"
    path.write_bytes(data)
    doc = _read(path)
    assert doc.text == "\n".join(LINES)
    assert doc.encoding == "utf-8"
    assert doc.bytes_replaced == 1
    (fix,) = doc.replaced
    assert (fix.line, fix.column, fix.byte, fix.text, fix.how) == (2, 16, "0xE9", "é", "cp1252")
    assert doc.text.split("\n")[1][fix.column] == "é"


def test_undefined_byte_becomes_a_replacement_character_only_there(tmp_path: Path) -> None:
    data = "\n".join(LINES).encode("utf-8").replace(b"Tin", b"Tin\x81")
    path = tmp_path / "undefined.txt"
    path.write_bytes(data)
    doc = _read(path)
    assert "Al Ḥawījah" in doc.text and "Kirkūk" in doc.text and "Ménaka" in doc.text
    assert "Tin\ufffdé Hama" in doc.text
    assert [(r.byte, r.how) for r in doc.replaced] == [("0x81", "replacement")]


def test_many_bad_bytes_and_a_pasted_legacy_line(tmp_path: Path) -> None:
    pasted = "Le café « noir » à Niamey — déjà fermé."
    data = (
        "\n".join(LINES).encode("utf-8").replace("é".encode(), b"\xe9")
        + b"\n"
        + pasted.encode("cp1252")
        + b"\n"
        + "Ḥawījah again.".encode()
    )
    path = tmp_path / "many.txt"
    path.write_bytes(data)
    doc = _read(path)
    assert doc.text == "\n".join([*LINES, pasted, "Ḥawījah again."])
    assert doc.bytes_replaced == 2 + 8
    assert {r.line for r in doc.replaced} == {2, 4}
    assert all(r.how == "cp1252" for r in doc.replaced)


def test_legacy_files_still_decode_as_legacy() -> None:
    french = "Le café « noir » à Paris — naïve, déjà vu.".encode("cp1252")
    assert decode_report(french, path="f.txt").encoding == "cp1252"
    russian = "Москва — столица России, крупнейший город страны. " * 3
    decoded = decode_report(russian.encode("cp1251"), path="r.txt")
    assert decoded.text == russian and decoded.replaced == ()


def test_bom_with_a_bad_byte(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + "Al Ḥawījah, Tin".encode() + b"\xe9 Hama."
    decoded = decode_report(data, path="b.txt")
    assert decoded.text == "Al Ḥawījah, Tiné Hama."


@pytest.mark.parametrize("byte", [b"\xc3", b"\xe2\x80", b"\xff", b"\x90"])
def test_repairs_reach_the_record_and_never_add_mojibake(tmp_path: Path, byte: bytes) -> None:
    data = "\n".join(LINES).encode("utf-8").replace(b"fled", b"fled" + byte)
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    doc = _read(path)
    prepared = prepare(doc, options=PipelineOptions())
    assert prepared.repairs.bytes_replaced == len(byte)
    assert [r.byte for r in prepared.repairs.replaced] == [f"0x{b:02X}" for b in byte]
    for line in LINES:
        if "fled" not in line:
            assert line in prepared.text
    assert count_mojibake(prepared.text) <= count_mojibake(doc.text)
