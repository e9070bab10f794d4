"""``sitroom eval dedupe``: pairwise precision/recall/F1 on our own labelled reports.

The set (``sitroom/eval/data/dedupe_incidents.json``, written by
``scripts/make_dedupe_eval.py``) holds reports as the pipeline stores them, each
labelled with its incident. Every pair of reports from different documents is
scored: a true pair is two reports of one incident; ours predicts a pair when dedupe
puts both in one cluster. The anchor is the naive rule a desk would write first:
same event type, same first day, same place name as written; measured in the same
run. Hard-negative rows count how often each side merges reports of incidents
placed next to each other on purpose (lower is better).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

from sitroom.dedupe import StoredEvent, cluster_events
from sitroom.eval.report import EvalReport, EvalRow

DATA = Path(__file__).resolve().parent / "data" / "dedupe_incidents.json"
ANCHOR = "naive: same type, day, place name"
DATASET = "own-incidents"

Pair = tuple[int, int]


def _load(limit: int | None) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    events: list[dict[str, Any]] = sorted(data["events"], key=lambda e: e["id"])
    if limit is not None:
        events = events[:limit]
    return events, data["hard_negatives"]


def _naive_key(event: dict[str, Any]) -> tuple[str, str, str] | None:
    name = event.get("location_text") or event.get("location")
    if not (name and event.get("date_start")):
        return None
    return event["event_type"], event["date_start"], name.casefold()


def _ours(events: list[dict[str, Any]]) -> Callable[[int, int], bool]:
    stored = [StoredEvent.from_json(e["id"], e["document_id"], e) for e in events]
    cluster_of = {m.id: c.id for c in cluster_events(stored) for m in c.members}
    return lambda a, b: cluster_of[a] == cluster_of[b]


def _naive(events: list[dict[str, Any]]) -> Callable[[int, int], bool]:
    keys = {e["id"]: _naive_key(e) for e in events}
    return lambda a, b: keys[a] is not None and keys[a] == keys[b]


def _scores(pairs: list[tuple[Pair, bool]], same: Callable[[int, int], bool]) -> dict[str, float]:
    tp = fp = fn = 0
    for (a, b), truth in pairs:
        predicted = same(a, b)
        tp += predicted and truth
        fp += predicted and not truth
        fn += truth and not predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def run_dedupe_eval(*, limit: int | None = None) -> EvalReport:
    events, negatives = _load(limit)
    incident = {e["id"]: e["incident"] for e in events}
    document = {e["id"]: e["document_id"] for e in events}
    pairs = [
        ((a, b), incident[a] == incident[b])
        for a, b in combinations(sorted(incident), 2)
        if document[a] != document[b]
    ]
    by_incident: dict[str, list[int]] = {}
    for event_id, label in incident.items():
        by_incident.setdefault(label, []).append(event_id)
    hard = [
        (a, b)
        for neg in negatives
        for a in by_incident.get(neg["a"], [])
        for b in by_incident.get(neg["b"], [])
    ]
    positives = sum(1 for _, truth in pairs if truth)
    ours, naive = _ours(events), _naive(events)
    mine, base = _scores(pairs, ours), _scores(pairs, naive)
    rows = [
        EvalRow(
            key=f"{DATASET}.pairwise_{metric}",
            dataset=DATASET,
            metric=f"pairwise {metric}",
            ours=mine[metric],
            anchor=ANCHOR,
            anchor_value=base[metric],
            n=positives,
        )
        for metric in ("precision", "recall", "f1")
    ]
    rows.append(
        EvalRow(
            key=f"{DATASET}.hard_negatives_merged",
            dataset=DATASET,
            metric="hard-negative pairs merged (share)",
            ours=sum(ours(a, b) for a, b in hard) / len(hard) if hard else 0.0,
            anchor=ANCHOR,
            anchor_value=sum(naive(a, b) for a, b in hard) / len(hard) if hard else 0.0,
            n=len(hard),
            higher_is_better=False,
        )
    )
    notes = (
        f"{len(events)} reports of {len(by_incident)} incidents; {positives} true pairs "
        f"and {len(hard)} hard-negative pairs among {len(pairs)} cross-document pairs",
        "set written by scripts/make_dedupe_eval.py (ours, not from any benchmark)",
    )
    return EvalReport(name="dedupe", rows=tuple(rows), notes=notes)
