"""Feeds of real documents from ``../shared`` for speed and triage measurements.

A monitor's feed is mostly not about conflict. The mixed feed joins the 38 corpus
reports (all conflict), PolNeAR's test and dev articles (political news, 2016) and
the first 300 IndiaPoliceEvents articles (Times of India, Gujarat, March 2002:
riots, police, and much else).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from sitroom.eval.report import benchmark_path, shared_dir
from sitroom.ingest import IngestOptions, RawDocument, iter_raw
from sitroom.records import Rejection

IPE_ARTICLES = 300


def _raws(items: Iterator[RawDocument | Rejection]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def report_files() -> list[Path]:
    """The 38 plain-text corpus reports that sitroom-reports annotates."""
    gold = benchmark_path("sitroom-reports", "gold")
    corpus = shared_dir() / "corpus"
    names = [json.loads(p.read_text(encoding="utf-8"))["doc"] for p in sorted(gold.glob("*.json"))]
    return [corpus / name for name in names]


def corpus_reports() -> list[RawDocument]:
    return _raws(iter_raw(report_files()))


def polnear_articles(*splits: str) -> list[RawDocument]:
    files = [
        path
        for split in splits
        for path in sorted(benchmark_path("polnear", "data", split, "text").glob("*.txt"))
    ]
    return _raws(iter_raw(files))


def ipe_articles(limit: int = IPE_ARTICLES) -> list[RawDocument]:
    path = benchmark_path("indiapoliceevents", "data", "final", "docs.jsonl")
    options = IngestOptions(text_field="doc_text")
    return _raws(islice(iter_raw([path], options=options), limit))


def mixed_feed() -> dict[str, list[RawDocument]]:
    """The feed by part, in a fixed order."""
    return {
        "corpus reports": corpus_reports(),
        "PolNeAR test+dev": polnear_articles("test", "dev"),
        f"IndiaPoliceEvents {IPE_ARTICLES}": ipe_articles(),
    }
