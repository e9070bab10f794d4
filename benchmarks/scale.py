"""Ingest with 1 and 2 workers in one run, a re-ingest with workers, and the stored size.

Writes IndiaPoliceEvents' articles (``../shared/benchmarks/indiapoliceevents``) to a
temporary folder as .txt files (or, with ``--jsonl``, as one JSONL file), then times,
each into a fresh SQLite store:

1. ``ingest --workers 1`` (in this process, no Dask), parsing in this process too
   (``SITROOM_NLP_PROCESSES=1``);
2. the same with the parsing processes the settings give (``nlp_processes``: spaCy's
   workers parse, this process extracts and stores), when that is more than one;
3. ``ingest --workers 2`` (a Dask LocalCluster, started and stopped inside the timing);
4. re-ingest of the same corpus into the store of (3), with 2 workers and with 1.

and prints the speed-ups of (2) and (3) over (1), the re-ingest times, and the stored bytes per
document (SQLite file after VACUUM, and as the ingest left it) next to the raw input
bytes. Each run also prints the CPU seconds per document spent in this process (the
writer; with workers also the Dask scheduler and nannies) and in the worker processes
(counted once they have exited), which say more than wall time on a busy machine.
A benchmark, not a test: nothing here asserts a timing.

    python benchmarks/scale.py [--limit N] [--jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sitroom import api
from sitroom.pipeline import PipelineOptions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ipe_corpus import raw_bytes, write_corpus

PROCESSES_ENV = "SITROOM_NLP_PROCESSES"


@dataclass(frozen=True)
class Run:
    wall: float
    writer_cpu: float  # this process
    worker_cpu: float  # child processes that exited during the run (Dask workers)
    summary: api.IngestSummary

    def line(self, label: str, n: int) -> str:
        s = self.summary
        return (
            f"{label}: {self.wall:7.1f} s  ({s.stored} stored, {s.skipped} skipped, "
            f"{s.rejected} rejected); CPU ms per document: writer "
            f"{1000 * self.writer_cpu / n:.1f}, workers {1000 * self.worker_cpu / n:.1f}"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(paths: list[Path], db: Path, workers: int, *, processes: str | None = None) -> Run:
    """One ingest; ``processes`` sets ``SITROOM_NLP_PROCESSES`` for it (None: as set)."""
    saved = os.environ.get(PROCESSES_ENV)
    if processes is not None:
        os.environ[PROCESSES_ENV] = processes
    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    try:
        summary = api.ingest(paths, db=db, workers=workers)
    finally:
        if saved is None:
            os.environ.pop(PROCESSES_ENV, None)
        else:
            os.environ[PROCESSES_ENV] = saved
    return Run(
        wall=time.perf_counter() - started,
        writer_cpu=time.process_time() - cpu,
        worker_cpu=_children_cpu() - children,
        summary=summary,
    )


def _file_bytes(db: Path) -> int:
    """The database with its write-ahead log, as a reader would copy it."""
    return sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())


def _stored_bytes(db: Path) -> int:
    # Closed, not only committed: in WAL mode the file shrinks at the checkpoint that
    # closing the last connection runs (measured open, the file still had its pages
    # from before VACUUM: 2.13x the raw input where VACUUM had made it 2.00x).
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("VACUUM")
    return _file_bytes(db)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jsonl", action="store_true", help="one JSONL file, not .txt files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        files = write_corpus(folder, args.limit)
        raw = raw_bytes(files)
        inputs = [folder]
        if args.jsonl:
            wire = Path(tmp) / "ipe.jsonl"
            index = {
                row["file"]: row
                for row in map(json.loads, (folder / "index.jsonl").read_text().splitlines())
            }
            with wire.open("w", encoding="utf-8") as out:
                for path in files:
                    meta = index[path.name]
                    text = path.read_text(encoding="utf-8")
                    out.write(json.dumps({"text": text, "published": meta["published"]}) + "\n")
            inputs = [wire]
        n = len(files)
        print(
            f"{n} IndiaPoliceEvents articles as {'one JSONL' if args.jsonl else 'files'}, "
            f"{raw / n:.0f} raw bytes each; load average {os.getloadavg()[0]:.1f} at the start"
        )
        one = _timed(inputs, Path(tmp) / "w1.db", 1, processes="1")
        print(one.line("workers 1, parsing here", n), flush=True)
        parsers = PipelineOptions().processes_in_force()
        if parsers > 1:
            forked = _timed(inputs, Path(tmp) / "w1p.db", 1)
            print(forked.line(f"workers 1, {parsers} parsing processes", n), flush=True)
            print(f"speed-up, {parsers} parsing processes over 1: {one.wall / forked.wall:.2f}x")
        two = _timed(inputs, Path(tmp) / "w2.db", 2)
        print(two.line("workers 2", n), flush=True)
        print(f"speed-up, 2 workers over 1: {one.wall / two.wall:.2f}x", flush=True)
        again2 = _timed(inputs, Path(tmp) / "w2.db", 2)
        again1 = _timed(inputs, Path(tmp) / "w2.db", 1)
        print(
            f"re-ingest workers 2: {again2.wall:6.1f} s ({again2.summary.skipped} skipped); "
            f"workers 1: {again1.wall:6.1f} s ({again1.summary.skipped} skipped)"
        )
        left = _file_bytes(Path(tmp) / "w1.db")
        stored = _stored_bytes(Path(tmp) / "w1.db")
        print(
            f"stored {stored / n:.0f} bytes per document = {stored / raw:.2f}x the raw input "
            f"after VACUUM ({left / raw:.2f}x as the ingest left it, with its WAL)"
        )
        print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
