"""Parsing in worker processes: the same records, in the same order, as one process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sitroom.pipeline as pipeline
from sitroom.ingest import RawDocument, iter_raw
from sitroom.nlp.processes import AUTO_MAX_PROCESSES, PARALLEL_MIN_DOCS, processes_in_force
from sitroom.pipeline import PipelineOptions, process
from sitroom.records import Record, Rejection, Source
from sitroom.settings import get_settings
from tests.test_triage import BUDGET  # a story triage stores unparsed

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def _feed() -> list[RawDocument | Rejection]:
    """The demo reports, with a triaged-out story and a rejection among them."""
    items: list[RawDocument | Rejection] = list(iter_raw([SAMPLES]))
    assert sum(isinstance(i, RawDocument) for i in items) > PARALLEL_MIN_DOCS
    budget = RawDocument(
        source=Source(path="budget.txt", format="txt"), text=BUDGET, encoding="utf-8"
    )
    items.insert(0, Rejection(path="bad.bin", stage="ingest", code="E010", detail="unreadable"))
    items.insert(3, budget)
    items.insert(len(items) - 2, budget)
    return items


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process counts ``analyse_stream`` handed to spaCy's workers, one per run."""
    calls: list[int] = []
    real = pipeline._analyse_in_processes

    def spy(*args: Any, processes: int) -> Iterator[Record | Rejection]:
        calls.append(processes)
        return real(*args, processes=processes)

    monkeypatch.setattr(pipeline, "_analyse_in_processes", spy)
    return calls


def test_worker_processes_give_the_records_one_process_gives(forked: list[int]) -> None:
    feed = _feed()
    alone = list(process(feed, options=PipelineOptions(processes=1)))
    assert forked == []
    shared = list(process(feed, options=PipelineOptions(processes=2)))
    assert forked == [2]
    assert shared == alone  # every field of every record, and the order
    assert isinstance(shared[0], Rejection)
    triaged = [r for r in shared if isinstance(r, Record) and r.triage is not None]
    assert [r.source.path for r in triaged] == ["budget.txt", "budget.txt"]
    assert sum(len(r.events) for r in shared if isinstance(r, Record)) >= len(feed) - 3


# A document carrying this kills the worker process that analyses it (the test's own
# stand-in for a crash in native code or a kill for memory).
DEADLY = "KILL-THIS-WORKER"
_analyse_chunk = pipeline._analyse_chunk


def dies_on_deadly(spacy_model: str | None, chunk: list[Any]) -> list[Record | Rejection]:
    if any(DEADLY in getattr(item, "text", "") for item in chunk):
        os._exit(1)
    return _analyse_chunk(spacy_model, chunk)


def test_a_document_that_kills_its_worker_is_rejected_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed = _feed()
    doc = next(i for i in feed[6:] if isinstance(i, RawDocument))
    deadly = RawDocument(
        source=Source(path="deadly.txt", format="txt"),
        text=doc.text + f"\n\nPolice said the {DEADLY} unit fired on the crowd.",
        encoding="utf-8",
    )
    feed.insert(7, deadly)
    alone = list(process(feed, options=PipelineOptions(processes=1)))
    monkeypatch.setattr(pipeline, "_analyse_chunk", dies_on_deadly)
    shared = list(process(feed, options=PipelineOptions(processes=2)))
    assert len(shared) == len(alone) == len(feed)
    [lost] = [i for i, r in enumerate(shared) if r != alone[i]]
    rejection = shared[lost]
    assert isinstance(rejection, Rejection) and rejection.path == "deadly.txt"
    assert (rejection.stage, rejection.code) == ("scale", "E090")
    assert "died" in rejection.detail


def test_a_short_run_parses_in_this_process(forked: list[int]) -> None:
    few = [i for i in _feed() if isinstance(i, RawDocument)][: PARALLEL_MIN_DOCS - 1]
    results = list(process(few, options=PipelineOptions(processes=2)))
    assert forked == []
    assert len(results) == len(few)


def test_the_cascade_parses_in_this_process(forked: list[int]) -> None:
    list(process(_feed(), options=PipelineOptions(processes=2, cascade=True)))
    assert forked == []


def test_auto_uses_the_usable_cpus_up_to_a_cap() -> None:
    assert 1 <= processes_in_force(None) <= AUTO_MAX_PROCESSES
    assert processes_in_force(3) == 3


def test_auto_is_one_process_inside_a_daemonic_worker() -> None:
    # A Pool worker is daemonic and may not start processes of its own.
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(processes_in_force, (None,)) == 1


@pytest.mark.parametrize(("value", "expected"), [("auto", None), (" AUTO ", None), ("3", 3)])
def test_the_setting_reads_auto_or_a_count(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None
) -> None:
    monkeypatch.setenv("SITROOM_NLP_PROCESSES", value)
    assert get_settings().nlp_processes == expected


@pytest.mark.parametrize("value", ["0", "-2", "two", ""])
def test_a_bad_process_count_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SITROOM_NLP_PROCESSES", value)
    with pytest.raises(ValueError, match="SITROOM_NLP_PROCESSES must be auto or a positive"):
        get_settings()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SITROOM_NLP_PROCESSES", "many", "SITROOM_NLP_PROCESSES must be auto or a positive"),
        ("SITROOM_TRIAGE", "maybe", "SITROOM_TRIAGE must be on or off, not 'maybe'"),
    ],
)
def test_the_cli_says_which_setting_is_bad_and_exits_2(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), variable: value}
    done = subprocess.run(
        [sys.executable, "-m", "sitroom", "events", "--db", str(tmp_path / "x.db")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
