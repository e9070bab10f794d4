"""Size and shape limits are checked when a document is read, each named in its rejection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.ingest import IngestOptions, RawDocument, iter_raw
from sitroom.ingest.limits import split_at_separators
from sitroom.pipeline import PipelineOptions, prepare_stream
from sitroom.records import Rejection
from sitroom.settings import get_settings

REPORT = (
    "KHERSON, Ukraine — Shelling hit the central market on Saturday morning, killing "
    "two people and wounding five, the regional governor said.\n\n"
    "Emergency crews put out fires in several stalls.\n"
)


def _items(path: Path, **limits: int) -> list[RawDocument | Rejection]:
    return list(iter_raw([path], options=IngestOptions(**limits)))


def test_long_file_with_separators_is_split_into_documents(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    reports = [REPORT.replace("two", str(n)) for n in range(2, 8)]
    dump.write_text("\n-----\n".join(reports[:3]) + "\f" + "\n=====\n".join(reports[3:]))
    items = _items(dump, max_parser_chars=len(REPORT) * 2)
    assert [item.source.path for item in items if isinstance(item, RawDocument)] == [
        f"{dump}#D{n}" for n in range(1, 7)
    ]
    assert [item.text for item in items if isinstance(item, RawDocument)] == [
        r.strip("\n") for r in reports
    ]


def test_short_file_with_a_divider_stays_whole(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(REPORT + "\n-----\n" + REPORT)
    (item,) = _items(path)
    assert isinstance(item, RawDocument) and item.source.path == str(path)


def test_long_file_without_separators_is_rejected_before_repair(tmp_path: Path) -> None:
    path = tmp_path / "book.txt"
    path.write_text(REPORT * 40)
    options = PipelineOptions(ingest=IngestOptions(max_parser_chars=2000))
    (item,) = list(prepare_stream(iter_raw([path], options=options.ingest), options=options))
    assert isinstance(item, Rejection)
    assert (item.stage, item.code) == ("ingest", "E015")
    assert "max_parser_chars" in item.detail and "limit 2000" in item.detail


def test_a_split_piece_still_too_long_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(REPORT + "\n***\n" + REPORT * 10 + "\n***\n" + REPORT)
    items = _items(path, max_parser_chars=len(REPORT) * 3)
    assert [type(item).__name__ for item in items] == ["RawDocument", "Rejection", "RawDocument"]
    assert isinstance(items[1], Rejection) and items[1].path == f"{path}#D2"


def test_thirty_megabyte_text_is_rejected_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = b"Forces advanced along the river road and took positions near the bridge.\n"
    path.write_bytes(line * (30 * 1024 * 1024 // len(line)))
    (item,) = _items(path)
    assert isinstance(item, Rejection) and item.code == "E015"
    assert "max_parser_chars" in item.detail


def test_too_many_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("\n".join(f"item {n}" for n in range(500)))
    (item,) = _items(path, max_lines=100)
    assert isinstance(item, Rejection) and item.code == "E014"
    assert "500 lines" in item.detail and "max_lines" in item.detail


def test_html_nesting_checked_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    body = "<div>" * 60 + f"<p>{REPORT}</p>" + "</div>" * 60
    path.write_text(f"<html><body>{body}</body></html>")
    (item,) = _items(path, max_html_depth=50)
    assert isinstance(item, Rejection) and item.code == "E012"
    assert "max_html_depth" in item.detail
    (item,) = _items(path)
    assert isinstance(item, RawDocument) and "central market" in item.text


def test_deeply_nested_json_line_is_rejected_and_the_file_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"text": REPORT})
    path.write_text(good + "\n" + "[" * 200_000 + "\n" + good + "\n")
    items = _items(path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "Rejection", "RawDocument"]
    rejection = items[1]
    assert isinstance(rejection, Rejection) and rejection.code == "E007"
    assert "nested too deeply" in rejection.detail


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITROOM_MAX_LINES", "5")
    monkeypatch.setenv("SITROOM_MAX_PARSER_CHARS", "2_000")
    assert IngestOptions().max_lines == 5
    assert IngestOptions().max_parser_chars == 2000
    monkeypatch.setenv("SITROOM_MAX_LINES", "many")
    with pytest.raises(ValueError, match="SITROOM_MAX_LINES must be a positive whole number"):
        get_settings()


def test_separator_lines() -> None:
    pieces = split_at_separators("a\n---\nb\n\n= = =\nc\fd\n#####\n\n")
    assert [(p.text, p.first_line) for p in pieces] == [("a", 1), ("b", 3), ("c", 6), ("d", 6)]
    assert [p.text for p in split_at_separators("a -- b\n--\nc")] == ["a -- b\n--\nc"]
