"""What document triage keeps: recall on conflict texts, share triaged out on the rest.

Prints, from one run over ../shared:
- sitroom-reports: required events whose report is triaged out (must be 0), and the
  lowest margin (score minus the score needed) among the reports;
- the share kept of the evaluation texts, all about conflict (CASE 2021 snippets,
  ACLED and GTD summaries, MUC-4 articles): measured only, never tuned on;
- the share triaged out, in documents and words, of political news (PolNeAR test+dev)
  and IndiaPoliceEvents articles.

    python benchmarks/triage_recall.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from sitroom.eval.event_datasets import acled_rows, case_rows, gtd_rows, muc_docs
from sitroom.eval.feeds import ipe_articles, polnear_articles, report_files
from sitroom.eval.report import benchmark_path
from sitroom.ingest import RawDocument, iter_raw
from sitroom.pipeline import Prepared, prepare_stream
from sitroom.triage import cue_score, required_score, triage_text


def _cleaned(raws: Sequence[RawDocument]) -> list[str]:
    return [p.text for p in prepare_stream(raws) if isinstance(p, Prepared)]


def _kept_line(name: str, texts: Sequence[str]) -> str:
    kept = [t for t in texts if triage_text(t).keep]
    words = sum(len(t.split()) for t in texts)
    kept_words = sum(len(t.split()) for t in kept)
    return (
        f"{name:34}{len(texts):6}{len(kept) / max(len(texts), 1):10.3f}"
        f"{1 - len(kept) / max(len(texts), 1):10.3f}{1 - kept_words / max(words, 1):10.3f}\n"
    )


def main() -> None:
    gold_dir = benchmark_path("sitroom-reports", "gold")
    required = missed = 0
    margins: list[tuple[int, str]] = []
    for path in report_files():
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        n_required = sum(1 for e in gold["events"] if e.get("required"))
        text = _cleaned([r for r in iter_raw([path]) if isinstance(r, RawDocument)])[0]
        required += n_required
        if not triage_text(text).keep:
            missed += n_required
        margins.append((cue_score(text) - required_score(text), path.name))
    low = min(margins)
    sys.stdout.write(
        f"sitroom-reports: {len(margins)} reports, {required} required events, "
        f"{missed} of them in reports triaged out\n"
        f"lowest margin (score - needed): {low[0]} ({low[1]})\n\n"
        f"{'texts':34}{'n':>6}{'kept':>10}{'out':>10}{'words out':>10}\n"
    )
    conflict = {
        "CASE 2021 (reported + dev)": [
            r.text for s in ("reported", "dev") for r in case_rows(split=s)
        ],
        "ACLED notes (global 2020)": [r.notes for r in acled_rows("acled-global-2020")],
        "ACLED notes (Afghanistan 2020)": [r.notes for r in acled_rows("acled-afghanistan-2020")],
        "GTD summaries": [r.summary for r in gtd_rows()],
        "MUC-4 test articles": [d.text for d in muc_docs("test")],
    }
    for name, texts in conflict.items():
        sys.stdout.write(_kept_line(name, texts))
    sys.stdout.write(_kept_line("PolNeAR test+dev", _cleaned(polnear_articles("test", "dev"))))
    sys.stdout.write(_kept_line("IndiaPoliceEvents (first 300)", _cleaned(ipe_articles())))


if __name__ == "__main__":
    main()
