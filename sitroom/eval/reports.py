"""``sitroom eval reports``: the whole pipeline on real reports, scored end to end.

Runs sitroom in-process on every report of ``../shared/benchmarks/sitroom-reports``
(with the gold's ``published`` date), scores the records with our implementation
of the benchmark's definitions (``reports_score``), and prints, from the same
run, two more columns: the benchmark's own ``score.py`` run on the same
predictions (a check: the two must agree to the third decimal), and the
off-the-shelf baseline (``reports_baseline``) scored by the same code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitroom.eval.report import EvalReport, EvalRow, benchmark_path, shared_dir
from sitroom.eval.reports_baseline import baseline_record
from sitroom.eval.reports_score import ReportScores, error_classes, score_reports

DATASET = "sitroom-reports"
BASELINE = "ftfy+spaCy NER+keywords+gazetteer"
REFERENCE = "score.py"

# The metrics in the order score.py prints them, with strict F1 (the headline) last.
METRICS = (
    "boilerplate_removed",
    "repair_ok",
    "direct_quote_recall",
    "direct_quote_precision",
    "direct_speaker_acc",
    "indirect_quote_recall",
    "indirect_speaker_acc",
    "attribution_recall",
    "place_recall",
    "event_recall",
    "event_precision",
    "event_f1",
    "event_type_acc",
    "event_geo50km_acc",
    "event_fatalities_acc",
    "event_date_acc",
    "event_strict_f1",
)


@dataclass(frozen=True, slots=True)
class GoldReport:
    doc: str
    path: Path
    published: date | None
    gold: dict[str, Any]


def load_gold(limit: int | None = None) -> list[GoldReport]:
    root = benchmark_path(DATASET, "gold")
    corpus = shared_dir() / "corpus"
    reports = []
    for file in sorted(root.glob("*.json"))[:limit]:
        gold = json.loads(file.read_text(encoding="utf-8"))
        doc = gold["doc"].split(":")[-1]
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        reports.append(GoldReport(doc, corpus / doc, published, gold))
    return reports


def predict(reports: list[GoldReport]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(report name, record as JSON data) for each report; a rejection gives an empty record."""
    from sitroom.pipeline import PipelineOptions, run
    from sitroom.records import Record, to_dict

    for report in reports:
        record: dict[str, Any] = {}
        for item in run([report.path], options=PipelineOptions(published=report.published)):
            if isinstance(item, Record):
                record = to_dict(item)
        yield report.doc, record


def run_reference(reports: list[GoldReport], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The benchmark's own ``score.py`` on the same predictions (its ``--json`` output)."""
    script = benchmark_path(DATASET, "score.py")
    with tempfile.TemporaryDirectory(prefix="sitroom-reports-") as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        for report in reports:
            (gold_dir / f"{Path(report.doc).stem}.json").write_text(
                json.dumps(report.gold), encoding="utf-8"
            )
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            for doc, record in records.items():
                fh.write(json.dumps({**record, "doc": doc}) + "\n")
        done = subprocess.run(
            [sys.executable, str(script), str(gold_dir), str(pred), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@dataclass(frozen=True, slots=True)
class ReportsRun:
    ours: ReportScores
    baseline: ReportScores
    reference: dict[str, Any]
    records: dict[str, dict[str, Any]]


def run_reports(*, limit: int | None = None) -> ReportsRun:
    reports = load_gold(limit)
    gold = {r.doc: r.gold for r in reports}
    records = dict(predict(reports))
    base = {r.doc: baseline_record(r.path, published=r.published) for r in reports}
    return ReportsRun(
        ours=score_reports(gold, records),
        baseline=score_reports(gold, base),
        reference=run_reference(reports, records),
        records=records,
    )


def to_report(run: ReportsRun) -> EvalReport:
    rows = []
    for metric in METRICS:
        ours = run.ours.metrics.get(metric)
        if ours is None:
            continue
        base = run.baseline.metrics.get(metric)
        ref = run.reference.get(metric)
        rows.append(
            EvalRow(
                key=f"reports.{metric}",
                dataset=DATASET,
                metric=metric,
                ours=ours,
                anchor=BASELINE,
                anchor_value=base,
                check=REFERENCE,
                check_value=None if ref is None else float(ref),
            )
        )
    c = run.ours.counts
    notes = [
        f"{len(run.records)} reports, {c['ev_gold_req']} required events, "
        f"{c['ev_pred']} predicted events; check column: the benchmark's score.py "
        "on the same predictions (must agree to the third decimal).",
    ]
    classes = error_classes(run.ours.verdicts)
    if classes:
        notes.append(
            "required events by error class: "
            + ", ".join(f"{k} {v}" for k, v in classes.most_common())
            + f"; events matching no gold event {len(run.ours.spurious)}"
        )
    return EvalReport(name="reports", rows=tuple(rows), notes=tuple(notes))


def run_reports_eval(*, limit: int | None = None) -> EvalReport:
    return to_report(run_reports(limit=limit))


def explain_lines(run: ReportsRun) -> Iterator[str]:
    """A per-report listing: each required event, right or with the fields that are wrong."""
    by_doc: dict[str, list[str]] = {}
    for v in run.ours.verdicts:
        mark = "ok " if v.found and not v.problems else ("MISS" if not v.found else "BAD ")
        line = f"  {mark} {v.gold_id}: {v.evidence}"
        if v.problems:
            line += "\n        " + "\n        ".join(v.problems)
        by_doc.setdefault(v.doc, []).append(line)
    for doc, text in run.ours.spurious:
        by_doc.setdefault(doc, []).append(f"  EXTRA {text}")
    for doc in sorted(by_doc):
        yield doc
        yield from by_doc[doc]
    yield ""
    yield "error classes (required events; one event may fall in several):"
    for name, count in error_classes(run.ours.verdicts).most_common():
        yield f"  {count:4d}  {name}"
    yield f"  {len(run.ours.spurious):4d}  predicted events matching no gold event"
