"""The dashboard under load: 50,000 events, 8 concurrent clients on 127.0.0.1.

Builds a SQLite database of synthetic events in a temporary folder (never in the
repository), starts ``sitroom serve``'s app with uvicorn in a separate process, and
has 8 client threads request, in turn, the events page, its JSON twin and a static
file from the same server (the baseline). Queries rotate through the first page,
a country filter, a text search, an actor filter, a deep page and a sort. Prints
p50/p99 latency of each next to the static baseline. Bounded: a fixed number of
requests, each with a timeout. A benchmark, not a test: nothing asserts a timing.

    python benchmarks/serve_load.py [--events 50000] [--requests 40] [--root PATH]

``--root`` serves another checkout's ``sitroom`` (e.g. the code before a change)
against the same database, for before/after figures from one run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sitroom.store import Store, packing, schema  # noqa: E402
from sitroom.store.search import create_document_index  # noqa: E402

COUNTRIES = {
    "Syria": (35.0, 38.5, ["Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa"]),
    "Iraq": (33.3, 44.4, ["Baghdad", "Mosul", "Kirkuk", "Basra", "Anbar"]),
    "Yemen": (15.4, 44.2, ["Sanaa", "Taiz", "Aden", "Marib", "Hodeidah"]),
    "Somalia": (2.0, 45.3, ["Mogadishu", "Kismayo", "Baidoa", "Beledweyne"]),
    "Nigeria": (11.8, 13.2, ["Borno", "Yobe", "Adamawa", "Kaduna"]),
    "Afghanistan": (34.5, 69.2, ["Kabul", "Kandahar", "Helmand", "Kunduz"]),
}
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
]
ACTORS = ["Islamic State", "Al-Shabaab", "Boko Haram", "Taliban", "Houthis", "Military Forces"]
WORDS = "clashes broke out near the market after gunmen attacked a checkpoint convoy".split()
EVENTS_PER_DOCUMENT = 5
VOCABULARY = [f"w{n:04d}" for n in range(3000)]


def build(path: Path, n_events: int, seed: int = 15) -> None:
    Store(path).close()  # create the schema through the real migrations
    rng = random.Random(seed)
    engine = create_engine(f"sqlite:///{path}")
    start = date(2005, 1, 1)
    documents, events = [], []
    for d in range(n_events // EVENTS_PER_DOCUMENT):
        doc_id = f"{d:064x}"
        # Mostly filler from a large vocabulary, so a text search matches a fraction.
        text = " ".join(
            rng.choice(WORDS) if rng.random() < 0.02 else rng.choice(VOCABULARY) for _ in range(120)
        )
        documents.append(
            {
                "id": doc_id,
                "path": f"/data/feed/{d}.txt",
                "url": f"https://news.example/{d}",
                "outlet": rng.choice(["Wire A", "Wire B", "Local C"]),
                "format": "txt",
                "title": f"Report {d}",
                "published": None,
                # Stored as the store keeps records (store/packing.py), indexed below.
                "text": "",
                "record_json": "",
                "record_z": packing.pack({"id": doc_id, "text": text, "attributions": []}),
                "pipeline": "bench",
                "ingested_at": "2026-01-01T00:00:00",
            }
        )
        for ordinal in range(EVENTS_PER_DOCUMENT):
            country = rng.choice(list(COUNTRIES))
            lat, lon, places = COUNTRIES[country]
            event_type, sub_type = rng.choice(TYPES)
            day = (start + timedelta(days=rng.randrange(20 * 365))).isoformat()
            deaths = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 40])
            place = rng.choice(places)
            filler = " ".join(rng.sample(VOCABULARY, 8))
            evidence = f"{rng.choice(ACTORS)} {rng.choice(WORDS)} {filler} in {place}."
            events.append(
                {
                    "document_id": doc_id,
                    "ordinal": ordinal,
                    "event_type": event_type,
                    "sub_event_type": sub_type,
                    "actor1": rng.choice(ACTORS),
                    "actor2": "Civilians" if rng.random() < 0.4 else None,
                    "location": place,
                    "admin1": place,
                    "country": country,
                    "latitude": round(lat + rng.uniform(-2, 2), 3),
                    "longitude": round(lon + rng.uniform(-2, 2), 3),
                    "geo_precision": 1,
                    "date_start": day,
                    "date_end": day,
                    "time_precision": 1,
                    "date_text": None,
                    "fatalities_low": deaths,
                    "fatalities_best": deaths,
                    "fatalities_high": deaths,
                    "certainty": rng.choice(["reported", "reported", "claimed", "unconfirmed"]),
                    "aggregate": 0,
                    "evidence_start": 0,
                    "evidence_end": len(evidence),
                    "evidence_text": evidence,
                    "notes": evidence,
                    "cluster_id": None,
                    "event_json": json.dumps({"sources": [], "evidence": []}),
                }
            )
    with engine.begin() as conn:
        conn.execute(schema.documents.insert(), documents)
        conn.execute(schema.events.insert(), events)
        # Bulk rows bypass Store.add_record, which indexes each document's text.
        create_document_index(conn)
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVER = """
import sys, uvicorn
from sitroom.serve import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="error")
"""


def wait_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("serve_load: the server did not start")


QUERIES = [
    "",
    "country=Syria",
    "q=checkpoint+convoy",
    "actor=shabaab",
    "offset=20000",
    "sort=-fatalities&country=Iraq",
    "type=Battles&since=2015-01-01&until=2016-12-31",
]


def run_clients(
    port: int, n_clients: int, n_requests: int, timeout: float
) -> dict[str, list[float]]:
    targets = {
        "events page": lambda i: "/?" + QUERIES[i % len(QUERIES)],
        "JSON twin": lambda i: "/index.json?" + QUERIES[i % len(QUERIES)],
        "static file": lambda i: "/static/sitroom.css",
    }
    timings: dict[str, list[float]] = {name: [] for name in targets}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        for i in range(n_requests):
            for name, path_for in targets.items():
                path = path_for(i + k)
                started = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"host": "localhost"})
                    response = conn.getresponse()
                    response.read()
                    status = str(response.status)
                except (OSError, http.client.HTTPException) as exc:
                    # A timeout counts at the time waited; reconnect and go on.
                    status = type(exc).__name__
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                elapsed = time.perf_counter() - started
                with lock:
                    timings[name].append(elapsed)
                    if status != "200":
                        errors.append(f"{status} {path}")
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(n_clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} failed or non-200 answers, e.g. {errors[:3]}")
    return timings


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="per client and target")
    parser.add_argument("--root", type=Path, default=REPO, help="checkout whose sitroom serves")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--warmup", type=int, default=1, help="untimed requests per client")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitroom-serve-load-") as tmp:
        db = Path(tmp) / "load.db"
        started = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events} events in {time.perf_counter() - started:.1f} s")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(args.root)}
        # cwd too: ``python -c`` puts the working directory before PYTHONPATH.
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(db), str(port)], env=env, cwd=args.root
        )
        try:
            wait_up(port, time.monotonic() + 60)
            if args.warmup:  # caches, first connections
                run_clients(port, args.clients, args.warmup, args.timeout)
            timings = run_clients(port, args.clients, args.requests, args.timeout)
        finally:
            server.terminate()
            server.wait(timeout=20)
    base = statistics.median(timings["static file"])
    print(f"{args.clients} clients × {args.requests} requests per target, {args.events} events")
    print(f"{'target':<12} {'p50 ms':>8} {'p99 ms':>8} {'p50 / static':>13}")
    for name, values in timings.items():
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        print(f"{name:<12} {p50 * 1000:8.1f} {p99 * 1000:8.1f} {p50 / base:13.1f}")


if __name__ == "__main__":
    main()
