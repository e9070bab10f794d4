"""kill -9 at random points of an ingest, then a re-run: the store equals a clean one-shot run.

Each document goes in with its events in one transaction, so a killed process
leaves whole documents or none; the re-run skips what is stored and reclusters.
Compared by content hashes (tests/store_snapshot.py).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitroom.store import Store
from sitroom.store.check import check_store
from tests.conftest import REPO, SAMPLES
from tests.store_snapshot import digest

KILLS = 4


def _start(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sitroom", "ingest", str(folder), "--db", str(db)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_kill_9_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    clean_db, crashed_db = tmp_path / "clean.db", tmp_path / "crashed.db"
    began = time.monotonic()
    clean = _start(SAMPLES, clean_db)
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err.decode()
    took = time.monotonic() - began
    rng = random.Random(int(os.environ.get("SITROOM_CRASH_SEED", "19")))
    for _ in range(KILLS):
        process = _start(SAMPLES, crashed_db)
        time.sleep(rng.uniform(0.2, took))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    rerun = _start(SAMPLES, crashed_db)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert digest(Store(crashed_db)) == digest(Store(clean_db))
    report = check_store(Store(crashed_db))
    assert report.ok, report.problems
