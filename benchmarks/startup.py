"""Start-up time of CLI commands that do not parse, next to bare Python and ``import spacy``.

Each command runs in a fresh interpreter ``--repeat`` times; the median wall time
is printed (target: ``--help`` and ``events`` under 0.3 s). A benchmark, not a
test: nothing here asserts a timing.

    python benchmarks/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _median_seconds(args: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of one command in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each (median kept)")
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "startup.db")
        subprocess.run(
            [py, "-m", "sitroom", "events", "--db", db],
            cwd=REPO,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        cases = {
            "python -c pass": [py, "-c", "pass"],
            "python -c 'import spacy'": [py, "-c", "import spacy"],
            "sitroom --help": [py, "-m", "sitroom", "--help"],
            "sitroom events": [py, "-m", "sitroom", "events", "--db", db],
            "sitroom rejections": [py, "-m", "sitroom", "rejections", "--db", db],
            "sitroom export": [py, "-m", "sitroom", "export", "--db", db],
        }
        sys.stdout.write(
            f"{'command':28}{'wall s':>10}{'cpu s':>10}   (median of {args.repeat}; the CPU\n"
            f"{'':48}   time is steadier on a shared machine)\n"
        )
        for name, command in cases.items():
            wall, cpu = _median_seconds(command, args.repeat)
            sys.stdout.write(f"{name:28}{wall:10.3f}{cpu:10.3f}\n")


if __name__ == "__main__":
    main()
