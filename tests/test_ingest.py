"""Ingest on real files: corpus HTML, text in legacy encodings, JSON lines, WARC, gzip, stdin."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.ingest import IngestOptions, RawDocument, expand_paths, iter_raw
from sitroom.records import Rejection

CORPUS_HTML = "001-nov-2-military-airstrikes-continue-against-isil-terrori.html"


def docs(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    found = [item for item in items if isinstance(item, RawDocument)]
    assert len(found) == len(items), [i for i in items if isinstance(i, Rejection)]
    return found


@pytest.fixture(scope="module")
def corpus(shared: Path) -> Path:
    path = shared / "corpus"
    if not (path / CORPUS_HTML).exists():
        pytest.skip(f"../shared not present: corpus HTML missing at {path}")
    return path


def test_corpus_html_gives_body_and_metadata(corpus: Path) -> None:
    (doc,) = docs(list(iter_raw([corpus / CORPUS_HTML])))
    assert doc.source.format == "html"
    assert doc.encoding == "utf-8"
    assert doc.published == "2015-11-02"
    assert doc.title is not None and "airstrikes continue" in doc.title.lower()
    assert doc.source.outlet == "U.S. Central Command"
    assert "coalition military forces continued to attack ISIL terrorists" in doc.text
    # Paragraphs are separated by a blank line, as in every other format.
    assert "\n\n" in doc.text and "<" not in doc.text


def test_every_corpus_html_page_is_read(corpus: Path) -> None:
    pages = sorted(corpus.glob("*.html"))
    assert len(pages) >= 5
    for doc in docs(list(iter_raw(pages))):
        assert len(doc.text) > 200
        assert doc.published is not None


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second report.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First report.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third report.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not a report.", encoding="utf-8")
    texts = [doc.text for doc in docs(list(iter_raw([tmp_path])))]
    assert texts == ["First report.", "Second report.", "Third report."]


def test_text_tries_utf8_first_then_legacy_encodings(tmp_path: Path) -> None:
    mojibake = tmp_path / "mojibake.txt"
    # Valid UTF-8 that holds mojibake stays as it is: repair undoes it later.
    mojibake.write_text("the group\u00e2\u20ac\u2122s strength", encoding="utf-8")
    western = tmp_path / "western.txt"
    western.write_bytes(
        "Le caf\u00e9 \u201cnoir\u201d \u00e0 Paris \u2014 na\u00efve.".encode("cp1252")
    )
    cyrillic = tmp_path / "cyrillic.txt"
    cyrillic.write_bytes("Москва — столица России, крупнейший город страны.".encode("cp1251"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Shelling resumed on Tuesday.".encode("utf-16"))
    found = docs(list(iter_raw([mojibake, western, cyrillic, utf16])))
    assert [(d.text, d.encoding) for d in found] == [
        ("the group\u00e2\u20ac\u2122s strength", "utf-8"),
        ("Le caf\u00e9 \u201cnoir\u201d \u00e0 Paris \u2014 na\u00efve.", "cp1252"),
        ("Москва — столица России, крупнейший город страны.", "cp1251"),
        ("Shelling resumed on Tuesday.", "utf-16"),
    ]


def test_jsonl_with_field_mapping_one_document_per_line(tmp_path: Path) -> None:
    path = tmp_path / "scrape.jsonl"
    lines = [
        {
            "body": "Two soldiers were killed.",
            "link": "https://x.test/1",
            "headline": "Attack",
            "date": "2020-05-01T10:00:00Z",
            "site": "Wire",
        },
        {"body": "A convoy was ambushed.", "date": "Fri, 01 May 2020 10:00:00 +0000"},
        {
            "page": "<html><body><article><p>"
            + "Shelling hit the market on Sunday. " * 8
            + "</p></article></body></html>",
            "link": "https://x.test/3",
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    options = IngestOptions(
        text_field="body",
        html_field="page",
        url_field="link",
        title_field="headline",
        published_field="date",
        outlet_field="site",
    )
    first, second, third = docs(list(iter_raw([path], options=options)))
    assert first.source.path == f"{path}#L1" and first.source.format == "jsonl"
    assert (first.text, first.title, first.published) == (
        "Two soldiers were killed.",
        "Attack",
        "2020-05-01",
    )
    assert (first.source.url, first.source.outlet) == ("https://x.test/1", "Wire")
    assert second.published == "2020-05-01"
    assert third.source.path == f"{path}#L3"
    assert (
        third.text.startswith("Shelling hit the market") and third.source.url == "https://x.test/3"
    )


def write_warc(path: Path, pages: dict[str, bytes]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for uri, body in pages.items():
            kind = "image/png" if uri.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


PAGE = (
    b"<html><head><title>Clashes in Mosul</title></head><body><article><p>"
    + b"Iraqi forces clashed with militants in western Mosul on Sunday. " * 6
    + b"</p></article></body></html>"
)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_record_by_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(
        path,
        {
            "https://news.test/a": PAGE,
            "https://news.test/logo.png": b"\x89PNG",
            "https://news.test/b": PAGE,
        },
    )
    found = docs(list(iter_raw([path])))
    assert [d.source.path for d in found] == [
        f"{path}#https://news.test/a",
        f"{path}#https://news.test/b",
    ]
    assert all(d.source.format == "warc" and d.title == "Clashes in Mosul" for d in found)
    assert found[0].source.url == "https://news.test/a"
    assert "western Mosul" in found[0].text


def test_gzip_of_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Report in gzip."))
    (tmp_path / "b.jsonl.gz").write_bytes(
        gzip.compress(b'{"text": "Line one."}\n{"text": "Line two."}\n')
    )
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(PAGE))
    found = docs(list(iter_raw([tmp_path])))
    assert [d.source.format for d in found] == ["txt", "jsonl", "jsonl", "html"]
    assert found[0].text == "Report in gzip."
    assert found[2].source.path == f"{tmp_path / 'b.jsonl.gz'}#L2"


def test_corpus_html_gzipped_matches_plain(corpus: Path, tmp_path: Path) -> None:
    gz = tmp_path / (CORPUS_HTML + ".gz")
    with (corpus / CORPUS_HTML).open("rb") as source, gzip.open(gz, "wb") as target:
        shutil.copyfileobj(source, target)
    (plain,) = docs(list(iter_raw([corpus / CORPUS_HTML])))
    (zipped,) = docs(list(iter_raw([gz])))
    assert zipped.text == plain.text and zipped.published == plain.published


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "fmt", "count"),
    [
        (b"Plain text from a pipe.\n", "txt", 1),
        (b'{"text": "one"}\n{"text": "two"}\n', "jsonl", 2),
        (PAGE, "html", 1),
        (gzip.compress(b'{"text": "zipped"}\n'), "jsonl", 1),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, count: int) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    found = docs(list(iter_raw(["-"])))
    assert len(found) == count
    assert all(d.source.format == fmt for d in found)
    assert found[0].source.path.startswith("-")


def test_stdin_warc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    write_warc(path, {"https://news.test/a": PAGE})
    monkeypatch.setattr(sys, "stdin", _Stdin(path.read_bytes()))
    (doc,) = docs(list(iter_raw(["-"])))
    assert doc.source.format == "warc" and doc.source.path == "-#https://news.test/a"


def test_expand_paths_lists_inputs_in_read_order(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text("A.", encoding="utf-8")
    single = tmp_path / "c.txt"
    single.write_text("C.", encoding="utf-8")
    expanded = expand_paths([tmp_path / "d", "-", single, tmp_path / "missing.txt"])
    assert expanded == [
        str(tmp_path / "d" / "a.txt"),
        str(tmp_path / "d" / "b.txt"),
        "-",
        str(single),
        str(tmp_path / "missing.txt"),
    ]
    whole = [d.text for d in iter_raw([tmp_path / "d", single]) if isinstance(d, RawDocument)]
    parts = [
        d.text
        for p in expand_paths([tmp_path / "d", single])
        for d in iter_raw([p])
        if isinstance(d, RawDocument)
    ]
    assert whole == parts == ["A.", "B.", "C."]


def test_index_jsonl_gives_metadata_and_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Shelling hit the market.", encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "c.txt").write_text("Not in the index.", encoding="utf-8")
    index = [
        {
            "file": "a.txt",
            "published": "2024-03-11",
            "title": "Market shelled",
            "outlet": "Wire",
            "url": "https://wire.test/a",
        },
        {"file": "x.txt", "html_file": "b.html", "title": "Curated title"},
    ]
    (tmp_path / "index.jsonl").write_text("\n".join(json.dumps(i) for i in index), encoding="utf-8")
    assert str(tmp_path / "index.jsonl") not in expand_paths([tmp_path])
    a, b, c = docs(list(iter_raw([tmp_path])))
    assert (a.title, a.published, a.source.outlet, a.source.url) == (
        "Market shelled",
        "2024-03-11",
        "Wire",
        "https://wire.test/a",
    )
    assert b.title == "Curated title" and b.source.format == "html"
    assert (c.title, c.published) == (None, None)
    # Named on its own, a file still takes its folder's index line.
    (single,) = docs(list(iter_raw([tmp_path / "a.txt"])))
    assert single.published == "2024-03-11"


def test_samples_folder_reads_without_rejections() -> None:
    samples = Path(__file__).resolve().parents[1] / "samples"
    if not (samples / "index.jsonl").exists():
        pytest.skip("samples/ not present")
    found = docs(list(iter_raw([samples])))
    assert len(found) == len(list(samples.glob("*.txt")))
    assert all(d.published and d.title and d.source.outlet for d in found)
