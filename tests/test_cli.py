"""CLI commands that read the store, on a database built by hand (no model load)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.records import Rejection
from sitroom.store import Store
from tests.test_store import _record

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "t.db")
    store = Store(path)
    store.add_record(_record())
    store.add_rejection(Rejection(path="x.png", stage="ingest", code="E003", detail="binary"))
    store.close()
    return path


def test_events_json_filters_by_country_and_type(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--type", "Battles", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["location"] for r in rows] == ["Mosul"]
    result = runner.invoke(app, ["events", "--db", db, "--country", "Syria", "--format", "json"])
    assert json.loads(result.stdout) == []


def test_events_csv_and_table(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["sub_event_type"] for r in rows} == {"Armed clash", "Remote explosive/landmine/IED"}
    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0 and "Baghdad" in table.stdout


def test_bad_date_is_a_clear_usage_error(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--since", "last week"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_rejections_are_listed_with_stage_and_code(db: str) -> None:
    result = runner.invoke(app, ["rejections", "--db", db, "--format", "json"])
    [row] = json.loads(result.stdout)
    assert (row["path"], row["stage"], row["code"]) == ("x.png", "ingest", "E003")


def test_export_geojson_to_stdout(db: str) -> None:
    result = runner.invoke(app, ["export", "--db", db, "--format", "geojson"])
    assert result.exit_code == 0
    first_line = result.stdout.splitlines()[0]
    assert json.loads(first_line)["type"] == "FeatureCollection"
