"""The Python API. The CLI is a thin shell over these functions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sitroom.dedupe import dedupe_pending
from sitroom.dedupe import recluster as recluster  # part of the API: rebuild every cluster
from sitroom.dedupe.run import cluster_count
from sitroom.ingest import IngestOptions, iter_raw
from sitroom.pipeline import (
    PipelineOptions,
    Prepared,
    analyse_stream,
    prepare_stream,
    run,
)
from sitroom.records import Record, Rejection
from sitroom.review import reapply as reapply_reviews
from sitroom.scale import Skipped, process_parallel, scheduler_address
from sitroom.store import Store

if TYPE_CHECKING:
    from sitroom.report import Brief


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did; counts only grow while it runs (for progress display)."""

    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    events_by_type: Counter[str] = field(default_factory=Counter)
    rejections_by_code: Counter[str] = field(default_factory=Counter)
    clusters: int = 0
    # Stored with metadata and a triage reason, not parsed (counted in ``stored`` too).
    triaged_out: int = 0

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.rejected


ProgressCallback = Callable[[IngestSummary, str], None]


def extract_records(
    paths: Sequence[str | Path],
    *,
    published: date | None = None,
    spacy_model: str | None = None,
    ingest_options: IngestOptions | None = None,
) -> Iterator[Record | Rejection]:
    """Records (or rejections) for every document under ``paths``, in input order."""
    options = PipelineOptions(
        published=published,
        spacy_model=spacy_model,
        ingest=ingest_options or IngestOptions(),
    )
    return run(paths, options=options)


def ingest(
    paths: Sequence[str | Path],
    *,
    db: str | Path | Store = "sitroom.db",
    published: date | None = None,
    spacy_model: str | None = None,
    ingest_options: IngestOptions | None = None,
    progress: ProgressCallback | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestSummary:
    """Process and store every document under ``paths``; idempotent by cleaned-text hash.

    Documents already stored are recognised after cleaning and are not parsed
    again. Rejections are stored and counted; the run never stops on one. With
    ``workers > 1``, or a Dask ``scheduler`` address (else ``SITROOM_DASK_SCHEDULER``),
    the work runs on Dask workers (docs/scale.md), which also skip stored documents
    before parsing; only this process writes.
    """
    store = db if isinstance(db, Store) else Store(db)
    options = PipelineOptions(
        published=published,
        spacy_model=spacy_model,
        ingest=ingest_options or IngestOptions(),
    )
    summary = IngestSummary()

    def report(path: str) -> None:
        if progress is not None:
            progress(summary, path)

    def new_only() -> Iterator[Prepared | Rejection]:
        for item in prepare_stream(iter_raw(paths, options=options.ingest), options=options):
            if isinstance(item, Prepared) and store.has_document(item.record_id):
                summary.skipped += 1
                report(item.raw.source.path)
                continue
            yield item

    results = (
        process_parallel(
            paths,
            options=options,
            workers=workers,
            scheduler=scheduler,
            store_url=store.url if store.url != "sqlite://" else None,
        )
        if workers > 1 or scheduler_address(scheduler)
        else analyse_stream(new_only(), options=options)
    )
    for result in results:
        if isinstance(result, Skipped):
            summary.skipped += 1
            report(result.path)
            continue
        if isinstance(result, Rejection):
            store.add_rejection(result)
            summary.rejected += 1
            summary.rejections_by_code[f"{result.stage}/{result.code}"] += 1
            report(result.path)
            continue
        if store.add_record(result):
            summary.stored += 1
            summary.triaged_out += result.triage is not None
            summary.events_by_type.update(event.event_type for event in result.events)
        else:
            summary.skipped += 1
        report(result.source.path)
    # Only the events stored now are linked, against the clusters in their blocks.
    dedupe_pending(store)
    summary.clusters = cluster_count(store)
    reapply_reviews(store)  # human decisions win over re-extraction and reclustering
    if not isinstance(db, Store):
        store.close()
    return summary


def brief(
    out: str | Path,
    *,
    db: str | Path | Store = "sitroom.db",
    country: str | None = None,
    admin1: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    link_base: str | None = None,
) -> Brief:
    """Write a situation brief to ``out`` (.html, .pdf or .md) and return its figures.

    A missing ``date_from``/``date_to`` is taken from the first/last event the other
    filters keep. ``link_base`` is the dashboard's address, for links back to evidence.
    """
    # Imported here: matplotlib and the renderers are only needed for briefs.
    from sitroom.report import ReportFilters, write_brief

    store = db if isinstance(db, Store) else Store(db)
    filters = ReportFilters(
        country=country,
        admin1=admin1,
        actor=actor,
        event_type=event_type,
        date_from=date_from,
        date_to=date_to,
    )
    try:
        return write_brief(store, filters, out, link_base=link_base)
    finally:
        if not isinstance(db, Store):
            store.close()


def reprocess_triaged(
    *,
    db: str | Path | Store = "sitroom.db",
    spacy_model: str | None = None,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Process in full every document triage left unparsed, and store it again.

    ``stored`` counts the documents processed; one that fails becomes a stored
    rejection and stays triaged out.
    """
    from sitroom.triage.rerun import rerun_triaged

    store = db if isinstance(db, Store) else Store(db)
    summary = IngestSummary()
    options = PipelineOptions(spacy_model=spacy_model)
    for result in rerun_triaged(store, options=options):
        if isinstance(result, Rejection):
            store.add_rejection(result)
            summary.rejected += 1
            summary.rejections_by_code[f"{result.stage}/{result.code}"] += 1
            path = result.path
        else:
            store.replace_record(result)
            summary.stored += 1
            summary.events_by_type.update(event.event_type for event in result.events)
            path = result.source.path
        if progress is not None:
            progress(summary, path)
    summary.clusters = recluster(store)
    if not isinstance(db, Store):
        store.close()
    return summary
