"""Dask scale-out gives the same records as the in-process pipeline (loads the model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.pipeline import PipelineOptions, run
from sitroom.records import Record
from sitroom.scale import process_parallel

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
pytestmark = pytest.mark.model


def test_parallel_results_match_sequential_in_order() -> None:
    files = sorted(str(p) for p in SAMPLES.glob("0[1-9]_*.txt"))
    sequential = [r for r in run(files) if isinstance(r, Record)]
    parallel = list(
        process_parallel(files, options=PipelineOptions(), workers=2, scheduler="synchronous")
    )
    assert [r.id for r in parallel if isinstance(r, Record)] == [r.id for r in sequential]
    assert [len(r.events) for r in parallel if isinstance(r, Record)] == [
        len(r.events) for r in sequential
    ]
