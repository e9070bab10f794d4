"""Bad input becomes a rejection with a clear reason, and the batch goes on."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from sitroom.ingest import IngestOptions, RawDocument, iter_raw
from sitroom.records import Rejection
from tests.test_ingest import PAGE, write_warc


def only_rejection(path: Path, options: IngestOptions | None = None) -> Rejection:
    (item,) = list(iter_raw([path], options=options or IngestOptions()))
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    return item


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "E003", "PNG image"),
        ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(64), "E003", "JPEG image"),
        ("dump.txt", b"report\x00\x01\x02\x00" * 20, "E003", "NUL bytes"),
        ("empty.txt", b"", "E002", "Empty input"),
        ("blank.txt", b" \n\n\t\n", "E002", "Empty input"),
        ("empty.jsonl", b"\n\n", "E002", "Empty input"),
        ("bad.warc", b"WARC/1.0\r\nnonsense\r\n\r\n", "E011", "Malformed WARC"),
        (
            "cut.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\n",
            "E011",
            "record without a URI",
        ),
        ("empty.html", b"<html><body></body></html>", "E009", "no article text"),
    ],
)
def test_bad_input_is_rejected(
    tmp_path: Path, name: str, data: bytes, code: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rejection = only_rejection(path)
    assert rejection.code == code
    assert words in rejection.detail and name in rejection.detail


def test_truncated_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(b"Shelling continued overnight. " * 2000)
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(whole[: len(whole) // 2])
    rejection = only_rejection(path)
    assert rejection.code == "E006"
    assert "ended before the end-of-stream marker" in rejection.detail


def test_truncated_gzip_jsonl_keeps_documents_read_before_the_cut(tmp_path: Path) -> None:
    lines = b"".join(
        json.dumps({"text": f"Report {i}. " * 40}).encode() + b"\n" for i in range(400)
    )
    whole = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(iter_raw([path]))
    assert isinstance(items[-1], Rejection) and items[-1].code == "E006"
    assert len(items) > 10 and all(isinstance(item, RawDocument) for item in items[:-1])


def test_fifty_megabyte_line_is_rejected_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        chunk = b"x" * (1024 * 1024)
        for _ in range(50):
            handle.write(chunk)
    options = IngestOptions(max_line_bytes=4 * 1024 * 1024)
    tracemalloc.start()
    try:
        rejection = only_rejection(path, options)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert rejection.code == "E010"
    assert "52428800 bytes" in rejection.detail and "limit 4194304" in rejection.detail
    assert peak < 20 * 1024 * 1024


def test_long_jsonl_line_rejects_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    long_line = json.dumps({"text": "y" * 5000})
    path.write_text(f'{{"text": "short"}}\n{long_line}\n{{"text": "after"}}\n', encoding="utf-8")
    items = list(iter_raw([path], options=IngestOptions(max_line_bytes=1000)))
    assert [type(item).__name__ for item in items] == ["RawDocument", "Rejection", "RawDocument"]
    rejection = items[1]
    assert isinstance(rejection, Rejection)
    assert rejection.path == f"{path}#L2" and rejection.code == "E010"


def test_html_nested_ten_thousand_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>"
        + "<div>" * 10_000
        + "<p>Deep text.</p>"
        + "</div>" * 10_000
        + "</body></html>",
        encoding="utf-8",
    )
    rejection = only_rejection(path)
    assert rejection.code == "E012"
    assert "nested too deeply" in rejection.detail and "10003 levels" in rejection.detail


def test_bad_jsonl_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text('{"text": "good"}\n{broken\n[1, 2]\n{"title": "no body"}\n', encoding="utf-8")
    items = list(iter_raw([path]))
    assert isinstance(items[0], RawDocument)
    codes = [(item.path, item.code) for item in items[1:] if isinstance(item, Rejection)]
    assert codes == [(f"{path}#L2", "E007"), (f"{path}#L3", "E007"), (f"{path}#L4", "E008")]


def test_missing_path_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A report.", encoding="utf-8")
    items = list(iter_raw([tmp_path / "missing.txt", good]))
    assert isinstance(items[0], Rejection) and items[0].code == "E001"
    assert "no such file" in items[0].detail
    assert isinstance(items[1], RawDocument)


def test_truncated_warc_gz_keeps_whole_records_and_rejects_the_cut(tmp_path: Path) -> None:

    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, {"https://news.test/a": PAGE, "https://news.test/b": PAGE})
    cut = tmp_path / "cut.warc.gz"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) * 3 // 4])
    items = list(iter_raw([cut]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Rejection) and items[-1].code == "E006"
    assert "after the last complete record" in items[-1].detail
