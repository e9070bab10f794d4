"""Ingest with 1 and 2 workers in one run, a re-ingest with workers, and the stored size.

Writes IndiaPoliceEvents' articles (``../shared/benchmarks/indiapoliceevents``) to a
temporary folder as .txt files (or, with ``--jsonl``, as one JSONL file), then times,
each into a fresh SQLite store:

1. ``ingest --workers 1`` (in this process, no Dask);
2. ``ingest --workers 2`` (a Dask LocalCluster, started and stopped inside the timing);
3. re-ingest of the same corpus into the store of (2), with 2 workers and with 1.

and prints the speed-up of (2) over (1), the re-ingest times, and the stored bytes per
document (SQLite file after VACUUM) next to the raw input bytes. A benchmark, not a
test: nothing here asserts a timing.

    python benchmarks/scale.py [--limit N] [--jsonl]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sitroom import api

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ipe_corpus import raw_bytes, write_corpus


def _timed(paths: list[Path], db: Path, workers: int) -> tuple[float, api.IngestSummary]:
    started = time.perf_counter()
    summary = api.ingest(paths, db=db, workers=workers)
    return time.perf_counter() - started, summary


def _stored_bytes(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM")
    return db.stat().st_size


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
            f"{raw / n:.0f} raw bytes each"
        )
        one, s1 = _timed(inputs, Path(tmp) / "w1.db", 1)
        print(f"workers 1: {one:7.1f} s  ({s1.stored} stored, {s1.rejected} rejected)")
        two, s2 = _timed(inputs, Path(tmp) / "w2.db", 2)
        print(f"workers 2: {two:7.1f} s  ({s2.stored} stored, {s2.rejected} rejected)")
        print(f"speed-up, 2 workers over 1: {one / two:.2f}x")
        again2, r2 = _timed(inputs, Path(tmp) / "w2.db", 2)
        again1, r1 = _timed(inputs, Path(tmp) / "w2.db", 1)
        print(
            f"re-ingest workers 2: {again2:6.1f} s ({r2.skipped} skipped); "
            f"workers 1: {again1:6.1f} s ({r1.skipped} skipped)"
        )
        stored = _stored_bytes(Path(tmp) / "w1.db")
        print(f"stored {stored / n:.0f} bytes per document = {stored / raw:.2f}x the raw input")


if __name__ == "__main__":
    main()
