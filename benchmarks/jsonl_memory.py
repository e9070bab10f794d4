"""Peak memory of `sitroom ingest` on JSON lines: 1,000 lines next to 10,000, in one run.

Writes two JSON-lines files of reports (the texts of samples/, each line made a
distinct document by a numbered closing sentence, 1% of lines malformed), ingests
each into a fresh SQLite store in its own process, and prints each run's peak RSS,
wall time, and the ratio of the two peaks. Memory that does not grow with the
number of lines gives a ratio near 1. A benchmark, not a test: nothing asserts.

    python benchmarks/jsonl_memory.py [--small 1000] [--large 10000] [--upto prepare]

``--upto prepare`` stops after ingest, repair, clean and language detection (no
parser, no store): the streaming part alone, minutes faster on a small machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# One line in a hundred is broken, as in the report of issue 19 (100 in 10,000).
MALFORMED_EVERY = 100


def write_lines(path: Path, count: int) -> None:
    """``count`` lines; each dated a day after the one before, as a feed is. (Undated,
    the 450 copies of each sample in 10,000 lines would be one event each for dedupe,
    whose pair list grows with the square of a cluster: a dedupe cost, not a reader's.)"""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples").glob("*.txt"))]
    first = date(2000, 1, 1)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            if number % MALFORMED_EVERY == MALFORMED_EVERY - 1:
                handle.write('{"text": "cut off in the middle\n')
                continue
            text = texts[number % len(texts)] + f"\n\nThis is dispatch number {number}."
            line = {
                "text": text,
                "url": f"https://news.test/{number}",
                "published": (first + timedelta(days=number)).isoformat(),
            }
            handle.write(json.dumps(line) + "\n")


# Peak RSS of the process, or of its largest child (a parser or Dask worker) if larger.
_PEAK = (
    "peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
    "           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "print('PEAK', peak, file=sys.stderr)\n"
)

PREPARE_ONLY = (
    "import resource, sys\n"
    "from sitroom.ingest import iter_raw\n"
    "from sitroom.pipeline import prepare_stream\n"
    "for _ in prepare_stream(iter_raw([sys.argv[1]])):\n    pass\n"
    + _PEAK
)


def measure(count: int, folder: Path, *, upto: str) -> tuple[float, float, int]:
    """(peak RSS in MiB, seconds, exit status) of one ingest of ``count`` lines."""
    lines = folder / f"reports-{count}.jsonl"
    write_lines(lines, count)
    db = folder / f"store-{count}.db"
    code = PREPARE_ONLY if upto == "prepare" else (
        "import resource, sys\n"
        "from sitroom.cli import main\n"
        "sys.argv = ['sitroom', 'ingest', sys.argv[1], '--db', sys.argv[2]]\n"
        "try:\n    main()\n"
        "except SystemExit as exit:\n    status = exit.code or 0\n"
        "else:\n    status = 0\n"
        + _PEAK
        + "sys.exit(status)\n"
    )
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(lines), str(db)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - began
    peak_kib = next(
        int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")
    )
    return peak_kib / 1024, took, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--upto", choices=("store", "prepare"), default="store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitroom-jsonl-") as tmp:
        folder = Path(tmp)
        small = measure(args.small, folder, upto=args.upto)
        large = measure(args.large, folder, upto=args.upto)
    for count, (peak, took, status) in ((args.small, small), (args.large, large)):
        print(f"{count:>7,} lines: peak RSS {peak:7.1f} MiB, {took:7.1f} s, exit {status}")
    print(f"peak ratio {args.large:,} / {args.small:,} lines: {large[0] / small[0]:.3f}")


if __name__ == "__main__":
    main()
