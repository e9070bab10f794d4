"""Several processes ingesting into one store at once, while it is being read.

Four `sitroom ingest` processes over the same folder, started together, must all
exit 0 and leave exactly the store one ingest leaves; a reader polling the store
and the dashboard's JSON during the run never fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from sitroom.serve import create_app
from sitroom.store import Store
from sitroom.store.check import check_store
from tests.conftest import REPO, SAMPLES
from tests.store_snapshot import snapshot
from tests.test_store import _record

WRITERS = 4


def _ingest(folder: Path, db: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "sitroom", "ingest", str(folder), "--db", db],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _concurrent_equals_single(
    folder: Path, single_db: str, shared_db: str, *, status: int = 0
) -> None:
    """``status``: the exit status every run must give (1 where the folder holds a reject)."""
    one = _ingest(folder, single_db)
    _, err = one.communicate(timeout=600)
    assert one.returncode == status, err.decode()
    # No store yet: the four (and the reader) race to create and migrate it too.
    writers = [_ingest(folder, shared_db) for _ in range(WRITERS)]
    reads = 0
    reader = Store(shared_db)
    # The dashboard answers only its allowed host names (localhost by default).
    client = TestClient(create_app(reader), base_url="http://localhost")
    deadline = time.monotonic() + 600
    while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
        reader.counts()
        reader.events()
        response = client.get("/api/events")
        assert response.status_code == 200, response.text
        reads += 1
        time.sleep(0.05)
    outputs = [w.communicate(timeout=60) for w in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == status, err.decode()[-3000:]
    assert reads > 0
    expected, got = Store(single_db), reader
    assert snapshot(got) == snapshot(expected)
    assert got.counts()["documents"] == expected.counts()["documents"] > 0
    assert all(row["times_seen"] >= 1 for row in got.rejections())
    report = check_store(got)
    assert report.ok, report.problems


def _some_samples(tmp_path: Path) -> Path:
    """Eight sample reports and an image (a rejection), to keep the default run short."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:8]:
        shutil.copy(path, folder / path.name)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder


@pytest.mark.model
def test_four_concurrent_sqlite_ingests_equal_one(tmp_path: Path) -> None:
    folder = _some_samples(tmp_path)
    _concurrent_equals_single(
        folder, str(tmp_path / "one.db"), str(tmp_path / "four.db"), status=1
    )


@pytest.mark.slow
def test_four_concurrent_sqlite_ingests_of_the_samples(tmp_path: Path) -> None:
    _concurrent_equals_single(SAMPLES, str(tmp_path / "one.db"), str(tmp_path / "four.db"))


@pytest.mark.slow
def test_four_concurrent_sqlite_ingests_of_the_corpus(tmp_path: Path, shared: Path) -> None:
    _concurrent_equals_single(
        shared / "corpus", str(tmp_path / "one.db"), str(tmp_path / "four.db")
    )


@pytest.fixture()
def pg_urls() -> Iterator[tuple[str, str]]:
    """Two databases on the test server: one for the single run, one for the four."""
    url = os.environ.get("SITROOM_TEST_PG_URL")
    if not url:
        pytest.skip("SITROOM_TEST_PG_URL not set: PostgreSQL concurrency test skipped")
    admin = Store(url)
    names = ("sitroom_conc_one", "sitroom_conc_four")
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name in names:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            conn.execute(text(f"CREATE DATABASE {name}"))
    base = url.rsplit("/", 1)[0]
    yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for name in names:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.close()


@pytest.mark.postgres
def test_four_concurrent_postgres_ingests_equal_one(
    pg_urls: tuple[str, str], tmp_path: Path
) -> None:
    _concurrent_equals_single(_some_samples(tmp_path), *pg_urls, status=1)


@pytest.mark.slow
@pytest.mark.postgres
def test_four_concurrent_postgres_ingests_of_the_corpus(
    pg_urls: tuple[str, str], shared: Path
) -> None:
    _concurrent_equals_single(shared / "corpus", *pg_urls)


def _insert_twice(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second insert of one document is skipped by the database itself, as when
    another process stored it between this one's check and its insert."""
    monkeypatch.setattr(store, "has_document", lambda _id: False)
    assert store.add_record(_record()) is True
    assert store.add_record(_record()) is False
    assert store.counts()["documents"] == 1 and store.counts()["events"] == 2


def test_insert_or_skip_is_atomic_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _insert_twice(Store(tmp_path / "s.db"), monkeypatch)


@pytest.mark.postgres
def test_insert_or_skip_is_atomic_on_postgres(
    pg_urls: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _insert_twice(Store(pg_urls[0]), monkeypatch)
