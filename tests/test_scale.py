"""Partitioning for Dask: parts read exactly what a whole read reads; stored ones skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitroom.ingest import RawDocument, iter_raw
from sitroom.pipeline import PipelineOptions, run
from sitroom.records import Record, Rejection
from sitroom.scale_parts import (
    FILES_PER_TASK,
    LINES_PER_TASK,
    Skipped,
    plan_parts,
    read_part,
    run_part,
)
from sitroom.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
OPTIONS = PipelineOptions()


def _jsonl(path: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        if i == 40:
            lines.append("")  # blank lines are skipped but keep the numbering
        elif i == 70:
            lines.append("{not json")
        else:
            text = f"Police said {i} people were hurt when a crowd clashed in Ahmedabad on Monday."
            lines.append(json.dumps({"text": text, "published": "2002-03-04"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _items(items: object) -> list[tuple[str, str]]:
    out = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, RawDocument):
            out.append((item.source.path, item.text))
        else:
            out.append((item.path, item.code))
    return out


def test_a_large_jsonl_file_is_cut_into_line_ranges_that_read_like_the_whole(
    tmp_path: Path,
) -> None:
    source = _jsonl(tmp_path / "wire.jsonl", 150)
    parts = plan_parts([source], OPTIONS)
    assert len(parts) == -(-150 // LINES_PER_TASK)
    assert all(p.first_line for p in parts)
    pieces = [item for part in parts for item in read_part(part, OPTIONS)]
    assert _items(pieces) == _items(iter_raw([source]))
    assert any(p[0].endswith("#L71") for p in _items(pieces))  # the bad line, numbered right


def test_small_files_travel_in_batches_in_input_order(tmp_path: Path) -> None:
    for i in range(FILES_PER_TASK + 3):
        (tmp_path / f"{i:03d}.txt").write_text(f"Report {i}: a shop was burnt.", encoding="utf-8")
    _jsonl(tmp_path / "zz-small.jsonl", 5)  # too small to split: read whole
    parts = plan_parts([tmp_path], OPTIONS)
    assert [len(p.files) for p in parts] == [FILES_PER_TASK, 4]
    assert not any(p.first_line for p in parts)
    pieces = [item for part in parts for item in read_part(part, OPTIONS)]
    assert _items(pieces) == _items(iter_raw([tmp_path]))


@pytest.mark.model
def test_a_part_skips_documents_the_store_holds_before_parsing(tmp_path: Path) -> None:
    files = sorted(str(p) for p in SAMPLES.glob("0[1-4]_*.txt"))
    expected = [r for r in run(files) if isinstance(r, Record)]
    db = tmp_path / "store.db"
    store = Store(db)
    store.add_record(expected[1])
    store.close()
    [part] = plan_parts(files, OPTIONS)
    results = run_part(part, OPTIONS, f"sqlite:///{db}")
    assert [type(r) for r in results] == [Record, Skipped, Record, Record]
    assert isinstance(results[1], Skipped) and results[1].record_id == expected[1].id
    records = [r for r in results if isinstance(r, Record)]
    assert [r.id for r in records] == [expected[i].id for i in (0, 2, 3)]
    assert not any(isinstance(r, Rejection) for r in results)


def test_a_part_the_store_holds_whole_is_settled_without_workers(tmp_path: Path) -> None:
    from sitroom.pipeline import Prepared, prepare_stream
    from sitroom.scale_parts import stored_part
    from tests.test_store import _record

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Report {i}: a bus was set on fire.", encoding="utf-8")
    [part] = plan_parts([tmp_path], OPTIONS)
    ids = [p.record_id for p in prepare_stream(read_part(part, OPTIONS)) if isinstance(p, Prepared)]
    db = tmp_path.parent / f"{tmp_path.name}.db"
    store = Store(db)
    for record_id in ids[:2]:
        store.add_record(_record(record_id=record_id))
    url = f"sqlite:///{db}"
    assert stored_part(part, OPTIONS, url) == []  # one is new: the part goes to a worker
    store.add_record(_record(record_id=ids[2]))
    held = stored_part(part, OPTIONS, url)
    assert [r.record_id for r in held if isinstance(r, Skipped)] == ids
    assert stored_part(part, OPTIONS, None) == []


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_a_large_warc_is_cut_into_record_ranges_that_read_like_the_whole(
    tmp_path: Path, name: str
) -> None:
    from tests.test_ingest import write_warc

    pages = {
        f"https://news.test/{i}": (
            f"<html><head><title>Clash {i}</title></head><body><article><p>"
            f"Police said {i} people were hurt when two crowds clashed in Vadodara on Monday."
            " Shops were set on fire and a curfew was imposed in the old city. </p>"
            "</article></body></html>"
        ).encode()
        for i in range(150)
    }
    pages["https://news.test/logo.png"] = b"\x89PNG"
    source = tmp_path / name
    write_warc(source, pages)
    parts = plan_parts([source], OPTIONS)
    assert len(parts) == -(-150 // LINES_PER_TASK) and {p.fmt for p in parts} == {"warc"}
    pieces = [item for part in parts for item in read_part(part, OPTIONS)]
    assert _items(pieces) == _items(iter_raw([source]))
    assert len(pieces) == 150


class _Failed:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def result(self) -> None:
        raise self.error


def test_a_part_that_fails_on_every_try_is_stored_as_rejections_not_a_crash() -> None:
    from sitroom.errors import Codes, SitroomError
    from sitroom.scale import _outcome
    from sitroom.scale_parts import Part

    part = Part(files=("a.txt", "b.txt"))
    rejected = _outcome(_Failed(RuntimeError("KilledWorker: 3 workers died")), part)
    assert [(r.path, r.stage, r.code) for r in rejected if isinstance(r, Rejection)] == [
        ("a.txt", "scale", "E090"),
        ("b.txt", "scale", "E090"),
    ]
    assert "KilledWorker" in rejected[0].detail  # type: ignore[union-attr]
    ranged = _outcome(_Failed(OSError("gone")), Part(files=("w.jsonl",), fmt="jsonl", end=99))
    assert [r.path for r in ranged if isinstance(r, Rejection)] == ["w.jsonl#bytes=0-99"]
    with pytest.raises(SitroomError):
        _outcome(_Failed(SitroomError(Codes.E030, stage="nlp", name="xx")), part)


@pytest.mark.model
def test_the_worker_warm_up_runs_every_stage_of_the_pipeline() -> None:
    # The plugin swallows a failing warm-up (the first task reports the cause), so
    # this is where a broken one shows.
    from sitroom.pipeline import warm_up

    (record,) = warm_up(None)
    assert isinstance(record, Record) and record.triage is None
    (event,) = record.events  # extracted, geocoded and dated: every stage ran
    assert event.location and event.latitude is not None and event.date_start
    assert record.quotes and record.language == "en"
