"""The walking skeleton end to end: CLI and Python API on real text (loads the model)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sitroom
from sitroom.cli import app
from sitroom.records import Record, Rejection
from sitroom.store import Store

SPEC_KEYS = {
    "id",
    "source",
    "title",
    "published",
    "byline",
    "contributors",
    "text",
    "removed",
    "repairs",
    "entities",
    "quotes",
    "attributions",
    "events",
}
EVENT_KEYS = {
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "date_start",
    "date_end",
    "time_precision",
    "date_text",
    "fatalities",
    "sources",
    "certainty",
    "evidence",
    "notes",
}
QUOTE_KEYS = {
    "text",
    "kind",
    "speaker",
    "speaker_mention",
    "speaker_role",
    "anonymous",
    "cue",
    "start",
    "end",
}
ATTRIBUTION_KEYS = {"source", "source_type", "anonymous", "claim_start", "claim_end", "hedge"}
REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_record(seed_path: Path) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(
        app, ["extract", str(seed_path), "--published", "2015-03-08", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # exactly one object


def test_seed_record_has_every_spec_key(seed_record: dict) -> None:  # type: ignore[type-arg]
    assert set(seed_record) >= SPEC_KEYS
    assert {"path", "url", "outlet", "format"} <= set(seed_record["source"])
    assert {"mojibake_fixed", "encoding_detected"} <= set(seed_record["repairs"])
    for quote in seed_record["quotes"]:
        assert set(quote) >= QUOTE_KEYS
    for attribution in seed_record["attributions"]:
        assert set(attribution) >= ATTRIBUTION_KEYS
    for event in seed_record["events"]:
        assert set(event) >= EVENT_KEYS
        assert {"low", "best", "high"} == set(event["fatalities"])
    assert seed_record["published"] == "2015-03-08"
    assert re.fullmatch(r"[0-9a-f]{64}", seed_record["id"])


def test_seed_text_is_repaired_and_cleaned(seed_record: dict) -> None:  # type: ignore[type-arg]
    text = seed_record["text"]
    assert "â€" not in text
    assert "group’s" in text
    assert "[Read:" not in text and "[In campaign against terrorism" not in text
    assert "contributed to this report" not in text
    assert "Iraq officials cast doubt on prospects" not in text
    assert text.rstrip().endswith("It’s not exactly bolstering their military capability.”")
    removed = {r["text"].strip() for r in seed_record["removed"]}
    assert "[Read: The Islamic State is failing at being a state]" in removed
    assert "[The atrocities of the Islamic State]" in removed
    assert any("Iraq officials cast doubt" in r for r in removed)
    assert sorted(seed_record["contributors"]) == ["Mustafa Salim", "Sam Rifaie"]


def test_seed_direct_quotes_name_the_person_quoted(seed_record: dict) -> None:  # type: ignore[type-arg]
    text = seed_record["text"]
    direct = [q for q in seed_record["quotes"] if q["kind"] == "direct"]
    assert len(direct) >= 5
    for quote in direct:
        assert text[quote["start"] : quote["end"]] == quote["text"]

    def speaker_of(opening: str) -> str | None:
        [quote] = [q for q in direct if q["text"].startswith(opening)]
        return quote["speaker"]  # type: ignore[no-any-return]

    assert speaker_of("The key challenge facing ISIS") == "Lina Khatib"
    assert speaker_of("The Iraqis feared") == "Hassan al-Dulaimi"
    assert speaker_of("They just want to live") == "Abu Ibrahim al-Raqqawi"
    assert speaker_of("Ultimately, they are only") == "Lina Khatib"


def test_seed_events_point_at_the_sentences_that_report_them(seed_record: dict) -> None:  # type: ignore[type-arg]
    text = seed_record["text"]
    events = [e for e in seed_record["events"] if not e.get("aggregate")]
    assert len(events) >= 3
    evidence = {text[e["evidence"][0]["start"] : e["evidence"][0]["end"]]: e for e in events}
    tabqa = next(e for s, e in evidence.items() if "Tabqa" in s)
    assert tabqa["fatalities"]["low"] == 30 and tabqa["fatalities"]["high"] == 40
    sunday = next(e for s, e in evidence.items() if "killed 12" in s)
    assert sunday["fatalities"]["low"] == 12
    assert sunday["date_start"] == "2015-03-08" or sunday["date_start"] == "2015-03-01"
    assert any("Ramadi" in s for s in evidence)
    executions = next(e for s, e in evidence.items() if "Public executions" in s)
    assert executions["fatalities"]["low"] == 120
    assert "Syrian Observatory for Human Rights" in executions["sources"]
    [aggregate] = [e for e in seed_record["events"] if e.get("aggregate")]
    assert aggregate["fatalities"]["low"] == 8500 and aggregate["certainty"] == "unconfirmed"
    assert aggregate["latitude"] is None


def test_ingest_is_idempotent_and_rejects_non_reports(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(REPO / "samples", reports)
    (reports / "empty.txt").write_bytes(b"")
    (reports / "pixel.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(reports), "--db", str(db)])
    assert first.exit_code == 1, first.output  # some rejected (README: exit status)
    assert "rejected" in first.stdout
    store = Store(db)
    counts = store.counts()
    n_reports = len(list((REPO / "samples").glob("*.txt")))
    assert counts["documents"] == n_reports
    assert counts["rejections"] == 2
    assert {r["stage"] for r in store.rejections()} == {"ingest"}
    second = sitroom.ingest([reports], db=store)
    assert second.stored == 0 and second.skipped == n_reports and second.rejected == 2
    assert store.counts()["documents"] == n_reports
    assert store.counts()["rejections"] == 2  # counted again, not duplicated


def test_python_api_yields_records_and_rejections(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    results = list(
        sitroom.extract_records([REPO / "samples" / "03_mosul-roadside-bomb-patrol.txt", bad])
    )
    kinds = [type(r) for r in results]
    assert Record in kinds and Rejection in kinds


@pytest.mark.model
def test_an_unexpected_failure_in_a_stage_is_that_documents_rejection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sitroom.pipeline as pipeline
    from sitroom.ingest import RawDocument
    from sitroom.records import Source

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("quote finder broke")

    monkeypatch.setattr(pipeline, "extract_quotes", broken)
    raw = RawDocument(
        source=Source(path="odd.txt", format="txt"),
        text='Rebels shelled the town on Monday, killing three people. "We ran," a man said.',
        encoding="utf-8",
    )
    [result] = pipeline.process([raw])
    assert isinstance(result, Rejection)
    assert (result.path, result.stage, result.code) == ("odd.txt", "extract", "E090")
    assert result.detail == "Unexpected failure in stage extract: RuntimeError: quote finder broke"
