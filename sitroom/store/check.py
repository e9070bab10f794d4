"""``sitroom check``: verify a store and say what is wrong with it.

Checks, each reported as a ``Problem`` (kind, where, detail):

- ``migrations``: every migration this sitroom knows is applied, and none it does not;
- ``integrity``: SQLite's own ``PRAGMA integrity_check`` (SQLite stores only);
- ``foreign-key``: every event belongs to a stored document;
- ``offsets``: every entity, quote, speaker, attribution and event offset of a
  record lies inside its text, and spans stored beside offsets equal the text there;
- ``evidence``: every event has evidence, inside its document's text, and the
  stored ``evidence_text`` equals that slice;
- ``clusters``: every event is in a cluster that exists, every cluster has
  events, and its ``n_reports`` counts their documents.

Records are read one at a time, so memory stays flat on a large store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select, text

from sitroom.store import schema
from sitroom.store.db import Store
from sitroom.store.migrations import MIGRATIONS, applied

_CHECKED_TABLES = (schema.documents, schema.events, schema.clusters)


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    where: str
    detail: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    problems: tuple[Problem, ...]
    documents: int
    events: int
    clusters: int

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store: Store) -> CheckReport:
    """Every problem found in ``store`` (none: the store is sound)."""
    problems: list[Problem] = []
    problems.extend(_migrations(store))
    problems.extend(_integrity(store))
    tables = inspect(store.engine)
    missing = [t.name for t in _CHECKED_TABLES if not tables.has_table(t.name)]
    if missing:
        problems.extend(Problem("migrations", name, "table missing") for name in missing)
        return CheckReport(tuple(problems), 0, 0, 0)
    documents = 0
    lengths: dict[str, int] = {}
    for document_id, record in _records(store):
        documents += 1
        lengths[document_id] = len(record.get("text") or "")
        problems.extend(_record_offsets(document_id, record))
    events, cluster_problems, clusters = _events_and_clusters(store, lengths)
    problems.extend(cluster_problems)
    return CheckReport(tuple(problems), documents, events, clusters)


def _migrations(store: Store) -> Iterator[Problem]:
    done = applied(store.engine)
    known = [migration.name for migration in MIGRATIONS]
    for name in known:
        if name not in done:
            yield Problem("migrations", name, "not applied")
    for name in done:
        if name not in known:
            yield Problem("migrations", name, "applied but unknown to this sitroom (newer?)")


def _integrity(store: Store) -> Iterator[Problem]:
    if store.engine.dialect.name != "sqlite":
        return
    with store.engine.connect() as conn:
        for (line,) in conn.execute(text("PRAGMA integrity_check")):
            if line != "ok":
                yield Problem("integrity", "sqlite", str(line))


def _records(store: Store) -> Iterator[tuple[str, dict[str, Any]]]:
    with store.engine.connect() as conn:
        ids = [row[0] for row in conn.execute(select(schema.documents.c.id))]
    for document_id in ids:
        record = store.record(document_id)
        if record is not None:
            yield document_id, record


def _span(
    where: str, record_text: str, start: Any, end: Any, stored: str | None = None
) -> Iterator[Problem]:
    if not (isinstance(start, int) and isinstance(end, int)):
        yield Problem("offsets", where, f"offsets missing or not whole numbers: {start!r}, {end!r}")
        return
    if not 0 <= start <= end <= len(record_text):
        yield Problem("offsets", where, f"[{start}:{end}] outside text of {len(record_text)}")
        return
    if stored is not None and record_text[start:end] != stored:
        yield Problem(
            "offsets", where, f"text[{start}:{end}] is {record_text[start:end]!r}, not {stored!r}"
        )


def _record_offsets(document_id: str, record: dict[str, Any]) -> Iterator[Problem]:
    body = record.get("text") or ""
    short = document_id[:12]
    for n, entity in enumerate(record.get("entities") or []):
        yield from _span(
            f"{short} entity {n}", body, entity["start"], entity["end"], entity["text"]
        )
    for n, quote in enumerate(record.get("quotes") or []):
        yield from _span(f"{short} quote {n}", body, quote["start"], quote["end"], quote["text"])
        if quote.get("speaker_start") is not None:
            yield from _span(
                f"{short} quote {n} speaker",
                body,
                quote["speaker_start"],
                quote.get("speaker_end"),
                quote.get("speaker_mention"),
            )
    for n, attribution in enumerate(record.get("attributions") or []):
        where = f"{short} attribution {n}"
        yield from _span(where, body, attribution["claim_start"], attribution["claim_end"])
        if attribution.get("source_start") is not None:
            yield from _span(where, body, attribution["source_start"], attribution["source_end"])
    for n, event in enumerate(record.get("events") or []):
        evidence = event.get("evidence") or []
        if not evidence:
            yield Problem("evidence", f"{short} event {n}", "no evidence")
        for piece in evidence:
            yield from _span(f"{short} event {n} evidence", body, piece["start"], piece["end"])


def _events_and_clusters(
    store: Store, lengths: dict[str, int]
) -> tuple[int, list[Problem], int]:
    problems: list[Problem] = []
    events = schema.events
    members: dict[int, set[str]] = defaultdict(set)
    count = 0
    with store.engine.connect() as conn:
        cluster_reports = {
            int(row.id): int(row.n_reports)
            for row in conn.execute(select(schema.clusters.c.id, schema.clusters.c.n_reports))
        }
        rows = conn.execute(
            select(
                events.c.id,
                events.c.document_id,
                events.c.evidence_start,
                events.c.evidence_end,
                events.c.evidence_text,
                events.c.cluster_id,
                events.c.event_json,
            ).order_by(events.c.document_id, events.c.id)
        )
        texts: dict[str, str] = {}
        for row in rows:
            count += 1
            where = f"event {row.id}"
            if row.document_id not in lengths:
                problems.append(
                    Problem("foreign-key", where, f"document {row.document_id} is not stored")
                )
                continue
            if row.evidence_start is None or row.evidence_end is None:
                problems.append(Problem("evidence", where, "no evidence offsets"))
            else:
                body = texts.get(row.document_id)
                if body is None:
                    record = store.record(row.document_id) or {}
                    texts.clear()  # events come grouped by document; keep one text
                    body = texts[row.document_id] = record.get("text") or ""
                for problem in _span(
                    where, body, row.evidence_start, row.evidence_end, row.evidence_text
                ):
                    problems.append(Problem("evidence", problem.where, problem.detail))
            if not json.loads(row.event_json).get("evidence"):
                problems.append(Problem("evidence", where, "event_json has no evidence"))
            if row.cluster_id is None:
                problems.append(Problem("clusters", where, "in no cluster (recluster pending)"))
            elif row.cluster_id not in cluster_reports:
                problems.append(Problem("clusters", where, f"cluster {row.cluster_id} missing"))
            else:
                members[row.cluster_id].add(row.document_id)
    for cluster_id, n_reports in cluster_reports.items():
        documents = members.get(cluster_id)
        if not documents:
            problems.append(Problem("clusters", f"cluster {cluster_id}", "has no live events"))
        elif len(documents) != n_reports:
            problems.append(
                Problem(
                    "clusters",
                    f"cluster {cluster_id}",
                    f"n_reports {n_reports} but events from {len(documents)} documents",
                )
            )
    return count, problems, len(cluster_reports)
