"""Time to write a situation brief over 50,000 events, next to the plain CSV export of them.

    python benchmarks/brief.py                 # 50,000 events, every format
    python benchmarks/brief.py --events 5000   # a quicker run

Synthetic reports are stored through the store API into a temporary SQLite file (five
events a document; about a third of the incidents reported by two or three outlets,
with differing tolls, and clustered as dedupe would), then the brief (HTML, Markdown,
PDF) and the ACLED CSV export are timed on the same events in the same run. Prints
one JSON object; the target is a brief in under 30 s.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

from sitroom.dedupe import Cluster, StoredEvent, cluster_rows
from sitroom.export import write_acled_csv
from sitroom.records import Attribution, Event, Evidence, Fatalities, Record, Repairs, Source
from sitroom.report import ReportFilters, write_brief
from sitroom.report.shapes import find_shapes
from sitroom.store import EventQuery, Store

PLACES = [
    ("Deir ez-Zor", "Dayr az Zawr", "Syria", 35.336, 40.141),
    ("Idlib", "Idlib", "Syria", 35.93, 36.63),
    ("Mosul", "Nineveh", "Iraq", 36.34, 43.13),
    ("Kirkuk", "Kirkuk", "Iraq", 35.47, 44.39),
    ("Taiz", "Taiz", "Yemen", 13.58, 44.02),
    ("Mogadishu", "Banaadir", "Somalia", 2.04, 45.34),
    ("Maiduguri", "Borno", "Nigeria", 11.85, 13.16),
    ("Kherson", "Khersonska oblast", "Ukraine", 46.64, 32.61),
    ("Kidal", "Kidal", "Mali", 18.44, 1.41),
    ("Kabul", "Kabul", "Afghanistan", 34.53, 69.17),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Arrests"),
]
ACTORS = ["Islamic State", "Military Forces of Syria", "Unidentified Armed Group (Iraq)",
          "Al Shabaab", "Military Forces of Russia", "Protesters (Nigeria)", "JNIM"]
OUTLETS = ["Wire A", "Desk B", "Ledger C", "Post D", "Courier E"]
SOURCES = [("police", "government", True), ("a war monitor", "organization", True),
           ("Syrian Observatory for Human Rights", "organization", False),
           ("residents", "anonymous", True), ("Ahmed Ali", "person", False)]
EVENTS_PER_DOCUMENT = 5
START = date(2024, 1, 1)


def _incident(rng: random.Random) -> dict[str, object]:
    place = rng.choice(PLACES)
    kind = rng.choice(TYPES)
    day = START + timedelta(days=rng.randrange(366))
    low = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 35])
    return {"place": place, "type": kind, "day": day.isoformat(), "low": low,
            "actors": rng.sample(ACTORS, 2)}


def _event(incident: dict[str, object], rng: random.Random, start: int, end: int) -> Event:
    location, admin1, country, lat, lon = incident["place"]  # type: ignore[misc]
    event_type, sub_event_type = incident["type"]  # type: ignore[misc]
    low = incident["low"]
    if isinstance(low, int) and rng.random() < 0.4:
        low += rng.randrange(0, 4)  # outlets disagree on the toll
    high = low + rng.randrange(0, 3) if isinstance(low, int) else None
    actor1, actor2 = incident["actors"]  # type: ignore[misc]
    source = rng.choice(SOURCES)
    return Event(
        event_type=event_type, sub_event_type=sub_event_type, actor1=actor1, actor2=actor2,
        location=location, admin1=admin1, country=country,
        latitude=lat + rng.uniform(-0.05, 0.05), longitude=lon + rng.uniform(-0.05, 0.05),
        geo_precision=rng.choice([1, 1, 1, 2, 3]), date_start=str(incident["day"]),
        date_end=str(incident["day"]), time_precision=1,
        fatalities=Fatalities(low, low, high), sources=(source[0],),
        certainty=rng.choice(["reported"] * 8 + ["claimed", "unconfirmed"]),
        evidence=(Evidence(start, end),), notes=f"{event_type} in {location}.",
    )


def populate(store: Store, n_events: int, seed: int = 7) -> int:
    """Store ``n_events`` synthetic events and cluster them; returns the incident count."""
    rng = random.Random(seed)
    slots: list[tuple[int, dict[str, object]]] = []  # (incident number, incident)
    number = 0
    while len(slots) < n_events:
        incident = _incident(rng)
        reports = rng.choice([1, 1, 1, 1, 2, 3])
        slots += [(number, incident)] * reports
        number += 1
    slots = slots[:n_events]
    rng.shuffle(slots)
    members: dict[int, list[int]] = {}
    event_id = 0
    for doc in range(0, len(slots), EVENTS_PER_DOCUMENT):
        chunk = slots[doc : doc + EVENTS_PER_DOCUMENT]
        lines = [f"Report line {k} of document {doc}." for k in range(len(chunk))]
        text = "\n\n".join(lines)
        events, attributions, offset = [], [], 0
        for line, (_, incident) in zip(lines, chunk, strict=True):
            event = _event(incident, rng, offset, offset + len(line))
            events.append(event)
            source = next(s for s in SOURCES if s[0] == event.sources[0])
            attributions.append(Attribution(source[0], source[1], source[2], offset,
                                            offset + len(line)))
            offset += len(line) + 2
        record = Record(
            id=f"{doc:064d}", source=Source(path=f"synthetic/{doc}.txt", format="txt",
                                            outlet=rng.choice(OUTLETS)),
            title=lines[0], published=max(str(e.date_start) for e in events), byline=(),
            contributors=(), text=text, removed=(), repairs=Repairs(), entities=(),
            quotes=(), attributions=tuple(attributions), events=tuple(events),
        )
        store.add_record(record)
        for incident_number, _ in chunk:
            event_id += 1  # SQLite numbers the events in insertion order
            members.setdefault(incident_number, []).append(event_id)
    stored = {i: StoredEvent.from_json(i, d, data) for i, d, data in store.iter_event_json()}
    clusters = [
        Cluster(id=n, members=tuple(stored[i] for i in ids))
        for n, ids in enumerate(members.values(), 1)
    ]
    rows, mapping = cluster_rows(clusters)
    store.replace_clusters(rows, mapping)
    return len(clusters)


def _no_sync(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store(folder / "bench.db")
        # Filling the benchmark database is not what is measured: no fsync per document.
        event.listen(store.engine, "connect", _no_sync)
        store.engine.dispose()
        began = time.perf_counter()
        incidents = populate(store, args.events)
        stored_s = time.perf_counter() - began
        timings: dict[str, float] = {}
        began = time.perf_counter()
        count = write_acled_csv(store, io.StringIO(), EventQuery())
        timings["export_acled_csv_s"] = time.perf_counter() - began
        for suffix in ("html", "md", "pdf"):
            began = time.perf_counter()
            brief = write_brief(store, ReportFilters(), folder / f"brief.{suffix}")
            timings[f"brief_{suffix}_s"] = time.perf_counter() - began
        export_s = timings["export_acled_csv_s"]
        result = {
            "events": count,
            "incidents": incidents,
            "brief_incidents": brief.headline.incidents.current,
            "store_and_cluster_s": round(stored_s, 2),
            **{k: round(v, 2) for k, v in timings.items()},
            **{
                f"{k.removesuffix('_s')}_vs_export": round(v / export_s, 2)
                for k, v in timings.items()
                if k.startswith("brief_")
            },
            "country_outlines": str(find_shapes()) if find_shapes() else None,
            "target_s": 30,
        }
        store.close()
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
