"""How dedupe's time grows with the store, and what one new document costs against a big one.

Builds SQLite stores of N synthetic events (not timed), then times (a) dedupe of all
N events (``dedupe_pending`` over a store where none is clustered yet, as on a first
ingest or a ``recluster``) and (b) the dedupe step after adding one new document of
four events to the clustered store, and (c) ``sitroom events --country X --limit 50``
(the store's indexed case-insensitive filter). Prints seconds per size and the fitted
log-log exponent of (a). A benchmark, not a test: nothing here asserts a timing.

Synthetic events keep a fixed density (``PER_DAY`` reports a day over a few thousand
places, a fifth of them second reports of an earlier incident), so a bigger store
covers more days, as years of monitoring do, rather than crowding the same days.

    python benchmarks/dedupe_growth.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from synthetic_rows import rows

from sitroom.dedupe import dedupe_pending
from sitroom.store import EventQuery, Store, schema

PER_DAY = 300
PLACES = 4000
SUBS = (
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Arrests"),
)
COUNTRIES = ("Syria", "Yemen", "Ukraine", "Afghanistan", "Nigeria", "Somalia", "Iraq", "Sudan")
START = date(2016, 1, 1)


def _places(rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for n in range(PLACES):
        country = COUNTRIES[n % len(COUNTRIES)]
        lat0, lon0 = 5.0 + 5 * (n % len(COUNTRIES)), 30.0 + 4 * (n % len(COUNTRIES))
        out.append(
            {
                "location": f"Town {n}",
                "country": country,
                "admin1": f"{country} region {n % 40}",
                "latitude": round(lat0 + rng.uniform(0, 4), 4),
                "longitude": round(lon0 + rng.uniform(0, 4), 4),
            }
        )
    return out


def _event(
    rng: random.Random, place: dict[str, Any], sub: tuple[str, str], day: date
) -> dict[str, Any]:
    unresolved = rng.random() < 0.15
    return {
        "event_type": sub[0],
        "sub_event_type": sub[1],
        "location": None if unresolved else place["location"],
        "location_text": place["location"],
        "country": place["country"],
        "admin1": None if unresolved else place["admin1"],
        "geo_precision": None if unresolved else 1,
        "latitude": None if unresolved else place["latitude"] + rng.uniform(-0.02, 0.02),
        "longitude": None if unresolved else place["longitude"] + rng.uniform(-0.02, 0.02),
        "date_start": day.isoformat(),
        "date_end": day.isoformat(),
        "certainty": "reported",
        "fatalities": {"low": rng.randrange(0, 20)},
        "sources": ["police"],
    }


def _rows(
    n_events: int, seed: int, chunk: int = 50_000
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Documents and events rows, ``chunk`` at a time (a million rows at once is GBs)."""
    rng = random.Random(seed)
    places = _places(rng)
    earlier: list[tuple[dict[str, Any], tuple[str, str], date]] = []
    for first in range(0, n_events, chunk):
        documents, events = [], []
        for i in range(first, min(first + chunk, n_events)):
            day = START + timedelta(days=i // PER_DAY)
            if earlier and rng.random() < 0.2:
                place, sub, when = rng.choice(earlier[-PER_DAY * 2 :])
            else:
                place, sub, when = rng.choice(places), rng.choice(SUBS), day
                earlier.append((place, sub, when))
                del earlier[: -PER_DAY * 2]
            document, event = rows(i, _event(rng, place, sub, when))
            documents.append(document)
            events.append(event)
        yield documents, events


def _build(path: Path, n_events: int) -> Store:
    store = Store(path)
    for documents, events in _rows(n_events, seed=n_events):
        with store.engine.begin() as conn:
            conn.execute(schema.documents.insert(), documents)
            conn.execute(schema.events.insert(), events)
    return store


def _one_document(store: Store, n_events: int) -> float:
    rng = random.Random(1)
    last = START + timedelta(days=n_events // PER_DAY)
    place = _places(random.Random(n_events))[7]
    doc = "f" * 64
    with store.engine.begin() as conn:
        conn.execute(
            schema.documents.insert(),
            [
                {
                    "id": doc,
                    "path": "new.txt",
                    "format": "txt",
                    "text": "",
                    "record_json": "{}",
                    "pipeline": "synthetic",
                    "ingested_at": "2026-01-02",
                }
            ],
        )
        for ordinal, sub in enumerate(SUBS[:4]):
            data = _event(rng, place, sub, last)
            conn.execute(
                schema.events.insert(),
                [
                    {
                        "document_id": doc,
                        "ordinal": ordinal,
                        "event_type": sub[0],
                        "sub_event_type": sub[1],
                        "country": data["country"],
                        "certainty": "reported",
                        "aggregate": 0,
                        "date_start": data["date_start"],
                        "date_end": data["date_end"],
                        "event_json": json.dumps(data),
                    }
                ],
            )
    started = time.perf_counter()
    dedupe_pending(store)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    timings: list[tuple[int, float]] = []
    print(
        f"{'events':>10} {'build s':>8} {'dedupe s':>9} {'µs/event':>9} {'+1 doc s':>9} "
        f"{'--country ms':>12} {'clusters':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"store-{n}.db"
            started = time.perf_counter()
            store = _build(path, n)
            built = time.perf_counter() - started
            started = time.perf_counter()
            dedupe_pending(store)
            seconds = time.perf_counter() - started
            timings.append((n, seconds))
            one = _one_document(store, n)
            started = time.perf_counter()
            store.events(EventQuery(country="syria", limit=50))
            query_ms = (time.perf_counter() - started) * 1000
            clusters = store.counts()["clusters"]
            print(
                f"{n:>10} {built:>8.1f} {seconds:>9.2f} {seconds / n * 1e6:>9.1f} {one:>9.3f} "
                f"{query_ms:>12.1f} {clusters:>9}"
            )
            store.close()
            path.unlink()
    if len(timings) >= 2:
        xs = [math.log(n) for n, _ in timings]
        ys = [math.log(s) for _, s in timings]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"fitted exponent (log time / log events): {slope:.2f}")


if __name__ == "__main__":
    main()
