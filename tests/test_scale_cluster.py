"""Ingest on a real ``distributed`` cluster stores what a single-process ingest stores.

Starts Dask LocalClusters whose workers load the spaCy model, so these tests are
kept out of the default run (marker ``dask``) and run by ``make test-dask``, which
``make test`` includes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sitroom import api, scale_parts
from sitroom.pipeline import PipelineOptions
from sitroom.records import Record
from sitroom.scale import process_parallel
from sitroom.store import Store, schema

pytestmark = [pytest.mark.dask, pytest.mark.model]
REPO = Path(__file__).resolve().parents[1]
FILES = sorted(str(p) for p in (REPO / "samples").glob("0[1-6]_*.txt"))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def _contents(db: Path) -> dict[str, Any]:
    store = Store(db)
    with store.engine.connect() as conn:
        documents = [
            dict(r._mapping) for r in conn.execute(select(schema.documents).order_by("id"))
        ]
        events = [dict(r._mapping) for r in conn.execute(select(schema.events).order_by("id"))]
        clusters = [dict(r._mapping) for r in conn.execute(select(schema.clusters).order_by("id"))]
    records = {d["id"]: store.record(d["id"]) for d in documents}
    store.close()
    for row in documents:
        row.pop("ingested_at")
    return {"documents": documents, "events": events, "clusters": clusters, "records": records}


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("single") / "one.db"
    api.ingest(FILES, db=db)
    return _contents(db)


def test_ingest_through_a_scheduler_address_equals_single_process(
    cluster: Any, single: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "cluster.db"
    summary = api.ingest(FILES, db=db, scheduler=cluster.scheduler_address)
    assert summary.stored == len(FILES)
    assert _contents(db) == single
    again = api.ingest(FILES, db=db, scheduler=cluster.scheduler_address)
    assert (again.stored, again.skipped) == (0, len(FILES))


def test_a_worker_that_dies_loses_no_document(
    cluster: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client

    monkeypatch.setattr(scale_parts, "FILES_PER_TASK", 1)  # one part per file
    results = process_parallel(
        FILES, options=PipelineOptions(), scheduler=cluster.scheduler_address
    )
    first = next(results)
    with Client(cluster.scheduler_address) as client:
        victim = sorted(client.scheduler_info()["workers"])[0]
        pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)  # its nanny starts a fresh worker
    rest = list(results)
    ids = [r.source.path for r in [first, *rest] if isinstance(r, Record)]
    assert ids == FILES


def test_the_python_api_starts_workers_without_a_main_guard(
    single: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "script.db"
    script = tmp_path / "plain_script.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sitroom
            summary = sitroom.ingest({json.dumps(FILES)}, db={str(db)!r}, workers=2)
            print("stored", summary.stored)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"stored {len(FILES)}" in done.stdout
    assert _contents(db) == single
