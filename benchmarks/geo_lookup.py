"""Gazetteer speed and size: build time (optional), load time, lookups per second, memory.

    python benchmarks/geo_lookup.py            # uses (or builds once) the cached index
    python benchmarks/geo_lookup.py --build    # also times a fresh build into a temp dir

Prints one JSON object. Names looked up: the seed's places plus common
toponyms, cycled to ``--n`` lookups, first cold (new Gazetteer) then warm.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sitroom.resolve.geo import store
from sitroom.resolve.geo.gazetteer import Gazetteer, build_index, get_gazetteer

NAMES = [
    "Abu Kamal",
    "Ramadi",
    "Tabqa",
    "Deir al-Zour",
    "Raqqa",
    "Tikrit",
    "Kobane",
    "Sinjar",
    "Diyala",
    "Homs",
    "Beirut",
    "Damascus",
    "Mosul",
    "Aleppo",
    "Idlib",
    "Kabul",
    "Kandahar",
    "Mogadishu",
    "Springfield",
    "Alexandria",
    "Georgia",
    "Paris",
    "Washington",
    "Texas",
    "Cairo",
    "Gaza",
    "Nowhere Town",
    "Qaryat al-Fooz",
    "London",
    "Lagos",
    "Maiduguri",
    "Sanaa",
    "Aden",
    "Kyiv",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", action="store_true", help="time a fresh build into a temp dir")
    parser.add_argument("--n", type=int, default=100_000, help="lookups to time")
    args = parser.parse_args()
    out: dict[str, float | int | str] = {}
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            build_index(Path(tmp) / "g.sqlite")
            out["build_s"] = round(time.perf_counter() - start, 2)
    get_gazetteer()  # builds the cached index if this data version has none
    path = store.index_path()
    out["index"] = str(path)
    out["index_mb"] = round(path.stat().st_size / 2**20, 1)
    tracemalloc.start()
    start = time.perf_counter()
    gaz = Gazetteer.open(path)
    out["load_s"] = round(time.perf_counter() - start, 4)
    places, keys = gaz.size()
    out["places"], out["name_keys"] = places, keys
    names = [NAMES[i % len(NAMES)] for i in range(args.n)]
    start = time.perf_counter()
    for name in NAMES:
        gaz.lookup(name)
    cold = time.perf_counter() - start
    out["cold_lookups_per_s"] = round(len(NAMES) / cold)
    start = time.perf_counter()
    for name in names:
        gaz.lookup(name)
    out["warm_lookups_per_s"] = round(len(names) / (time.perf_counter() - start))
    out["python_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 2)
    tracemalloc.stop()
    out["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    sys.stdout.write(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
