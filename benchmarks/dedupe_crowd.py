"""How `sitroom recluster` grows when many reports tell one incident.

Builds SQLite stores of N reports of one clash (not timed): each its own document,
dated the same day or the next, placed at one of a few spots (the town as the
gazetteer gives it, a village 8 km off, the name unresolved), as a wire story
syndicated N times or a JSON-lines dump of copies leaves them. Then times
``recluster`` (every event clustered again from scratch) and prints seconds per
size (wall and this process's CPU, which a shared machine disturbs less) and the
fitted log-log exponent of the CPU time: 2 means every report is compared with every
other, 1 linear. A benchmark, not a test: nothing here asserts a timing.

    python benchmarks/dedupe_crowd.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path
from typing import Any

from synthetic_rows import rows

from sitroom.dedupe import recluster
from sitroom.store import Store, schema

SPOTS: tuple[dict[str, Any], ...] = (
    {"location": "Tillaberi", "latitude": 14.2117, "longitude": 1.4531, "geo_precision": 1},
    {"location": "Sakoira", "latitude": 14.2700, "longitude": 1.4900, "geo_precision": 1},
    {"location_text": "Tillabéri", "latitude": None, "longitude": None, "geo_precision": None},
)


def _event(number: int) -> dict[str, Any]:
    spot = SPOTS[number % len(SPOTS)]
    day = "2024-03-05" if number % 2 else "2024-03-06"
    return {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "location": spot.get("location"),
        "location_text": spot.get("location_text") or spot.get("location"),
        "country": "Niger",
        "admin1": "Tillaberi" if spot["geo_precision"] else None,
        "latitude": spot["latitude"],
        "longitude": spot["longitude"],
        "geo_precision": spot["geo_precision"],
        "date_start": day,
        "date_end": day,
        "certainty": "reported",
        "fatalities": {"low": number % 20},
        "sources": ["local officials"],
    }


def _build(path: Path, n_events: int) -> Store:
    store = Store(path)
    documents, events = [], []
    for number in range(n_events):
        document, event = rows(number, _event(number))
        documents.append(document)
        events.append(event)
    with store.engine.begin() as conn:
        conn.execute(schema.documents.insert(), documents)
        conn.execute(schema.events.insert(), events)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    args = parser.parse_args()
    timings: list[tuple[int, float]] = []
    print(f"{'reports':>8} {'wall s':>8} {'CPU s':>8} {'CPU µs/report':>14} {'clusters':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            store = _build(Path(tmp) / f"crowd-{n}.db", n)
            started, cpu = time.perf_counter(), time.process_time()
            clusters = recluster(store)
            wall, took = time.perf_counter() - started, time.process_time() - cpu
            store.engine.dispose()
            timings.append((n, took))
            print(f"{n:>8,} {wall:>8.2f} {took:>8.2f} {took / n * 1e6:>14.0f} {clusters:>9}")
    if len(timings) > 1:
        (n0, t0), (n1, t1) = timings[0], timings[-1]
        exponent = math.log(t1 / t0) / math.log(n1 / n0)
        print(f"growth exponent {n0:,} -> {n1:,} reports: {exponent:.2f}")


if __name__ == "__main__":
    main()
