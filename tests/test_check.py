"""`sitroom check` finds what is wrong with a store, and nothing in a sound one."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import delete, text, update
from typer.testing import CliRunner

from sitroom.cli import app
from sitroom.dedupe import recluster
from sitroom.records import Entity
from sitroom.store import Store, packing, schema
from sitroom.store.check import check_store
from tests.test_store import TEXT, _record

runner = CliRunner()


def _sound(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.db")
    baghdad = TEXT.index("Baghdad")
    record = _record()
    record = type(record)(
        **{
            **{f: getattr(record, f) for f in record.__dataclass_fields__},
            "entities": (Entity("Baghdad", "GPE", baghdad, baghdad + 7),),
        }
    )
    store.add_record(record)
    recluster(store)
    return store


def _kinds(store: Store) -> list[tuple[str, str]]:
    return [(p.kind, p.where) for p in check_store(store).problems]


def test_sound_store_has_no_problems(tmp_path: Path) -> None:
    store = _sound(tmp_path)
    report = check_store(store)
    assert report.ok, report.problems
    assert (report.documents, report.events, report.clusters) == (1, 2, 2)
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_evidence_text_that_does_not_match_is_found(tmp_path: Path) -> None:
    store = _sound(tmp_path)
    with store.engine.begin() as conn:
        conn.execute(update(schema.events).where(schema.events.c.ordinal == 0).values(
            evidence_text="something else"))
    (problem,) = check_store(store).problems
    assert problem.kind == "evidence" and "something else" in problem.detail


def test_offsets_outside_the_text_are_found(tmp_path: Path) -> None:
    store = _sound(tmp_path)
    with store.engine.begin() as conn:
        (document_id,) = conn.execute(text("SELECT id FROM documents")).one()
        data = packing.load(conn, [document_id])[document_id]
        data["entities"][0]["end"] = 10_000
        data["quotes"] = [{"text": "x", "start": 0, "end": 1}]
        conn.execute(update(schema.documents).values(record_z=packing.pack(data)))
    kinds = _kinds(store)
    assert ("offsets", "a" * 12 + " entity 0") in kinds
    assert ("offsets", "a" * 12 + " quote 0") in kinds


def test_events_without_document_or_cluster_and_empty_clusters(tmp_path: Path) -> None:
    store = _sound(tmp_path)
    with store.engine.connect() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(
            text(
                "INSERT INTO events (document_id, ordinal, event_type, sub_event_type, "
                "certainty, aggregate, event_json) VALUES ('gone', 5, 'Battles', "
                "'Armed clash', 'reported', 0, '{}')"
            )
        )
        conn.execute(update(schema.events).where(schema.events.c.ordinal == 1).values(
            cluster_id=None))
        conn.execute(delete(schema.events).where(schema.events.c.ordinal == 0))
        conn.commit()
    kinds = {kind for kind, _ in _kinds(store)}
    assert kinds == {"foreign-key", "clusters"}
    details = [p.detail for p in check_store(store).problems]
    assert any("is not stored" in d for d in details)
    assert any("in no cluster" in d for d in details)
    assert any("has no live events" in d for d in details)


def test_missing_migration_is_found_and_cli_exits_1(tmp_path: Path) -> None:
    store = _sound(tmp_path)
    with store.engine.begin() as conn:
        conn.execute(delete(schema.migrations).where(schema.migrations.c.name == "001_initial"))
        conn.execute(schema.migrations.insert().values(name="999_future", applied_at="x"))
    assert set(_kinds(store)) == {("migrations", "001_initial"), ("migrations", "999_future")}
    # check reads the store as it is: opening it for the check applies no migration.
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "s.db"), "--format", "json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert {row["where"] for row in rows} == {"001_initial", "999_future"}


def test_missing_database_and_empty_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 2 and "no such database" in result.output
    assert not (tmp_path / "nope.db").exists()
    (tmp_path / "empty.db").write_bytes(b"")
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1
    assert "001_initial" in result.output and "table missing" in result.output
