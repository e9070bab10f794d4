"""Exit status and messages of `sitroom ingest` / `sitroom extract` (README's table)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.exit_status import ExitCode, run_status
from sitroom.ingest import iter_raw
from sitroom.records import Rejection

runner = CliRunner()

REPORT = (
    "MOSUL, Iraq — A roadside bomb struck an army patrol on Tuesday, killing two soldiers, "
    "a police officer said.\n"
)


def test_status_from_counts() -> None:
    assert run_status(accepted=3, rejections_by_code={}) is ExitCode.OK
    assert run_status(accepted=3, rejections_by_code={"ingest/E003": 1}) is ExitCode.REJECTED
    assert run_status(accepted=0, rejections_by_code={"ingest/E003": 2}) is ExitCode.REJECTED
    assert run_status(accepted=0, rejections_by_code={"ingest/E001": 1}) is (
        ExitCode.NOTHING_TO_READ
    )
    assert run_status(accepted=0, rejections_by_code={}) is ExitCode.NOTHING_TO_READ


def test_missing_path_exits_3_with_a_warning(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "does-not-exist"), "--db", str(tmp_path / "t.db")]
    )
    assert result.exit_code == 3, result.output
    assert "no such file or directory" in result.output
    assert "nothing to read" in result.output


def test_empty_directory_warns_no_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["ingest", str(empty), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 3
    assert "no input found" in result.output
    assert "stored 0" not in result.output


def test_symlink_loop_is_reported_as_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    result = runner.invoke(app, ["extract", str(loop)])
    assert result.exit_code == 3
    assert "symlink loop" in result.output
    (item,) = list(iter_raw([loop]))
    assert isinstance(item, Rejection) and item.code == "E001"
    assert "symlink loop" in item.detail


def test_symlink_loop_inside_a_directory_is_a_rejection_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "b")
    os.symlink(tmp_path / "b", tmp_path / "a")
    items = list(iter_raw([tmp_path]))
    rejected = sorted(item.path for item in items if isinstance(item, Rejection))
    assert rejected == [str(tmp_path / "a"), str(tmp_path / "b")]
    assert all("symlink loop" in item.detail for item in items if isinstance(item, Rejection))


def test_bad_option_is_a_usage_error(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(good), "--published", "yesterday"])
    assert result.exit_code == 2


@pytest.mark.model
def test_ingest_exit_0_then_1_when_something_is_rejected(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", str(good), "--db", db])
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["ingest", str(good), "--db", db])
    assert again.exit_code == 0, again.output  # skipped counts as success
    image = tmp_path / "image.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    mixed = runner.invoke(app, ["ingest", str(good), str(image), "--db", db])
    assert mixed.exit_code == 1
    assert "1 rejected" in mixed.output
    only_bad = runner.invoke(app, ["ingest", str(image), "--db", db])
    assert only_bad.exit_code == 1


@pytest.mark.model
def test_directory_of_empty_files_is_nothing_to_read(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes(b"")
    (inputs / "b.txt").write_bytes(b"  \n")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 3
    assert "nothing to read" in result.output
