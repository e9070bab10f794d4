"""Scale-out on Dask: workers compute records, the caller's process stores them.

Input files are split into partitions; each Dask task runs the whole pipeline
(repair → … → resolve) over its partition with the worker's own spaCy pipeline
(loaded once per worker process) and returns frozen records. Nothing here writes
to the database: the single writer stays in the calling process (style.md §9).
stdin cannot be partitioned and is processed in the calling process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from sitroom.ingest import expand_paths, iter_raw
from sitroom.pipeline import PipelineOptions, process
from sitroom.records import Record, Rejection

# Files per Dask task. Each task pays a spaCy load only once per worker, so the
# size trades scheduling overhead (small) against load balance; 8 files of wire
# length keep a task at about a second on the sm model.
FILES_PER_TASK = 8


def _run_partition(files: list[str], options: PipelineOptions) -> list[Record | Rejection]:
    return list(process(iter_raw(files, options=options.ingest), options=options))


def process_parallel(
    paths: Sequence[str | Path],
    *,
    options: PipelineOptions | None = None,
    workers: int = 2,
    scheduler: str = "processes",
) -> Iterator[Record | Rejection]:
    """Like ``pipeline.run`` but spread over ``workers`` Dask workers; order is kept."""
    import dask

    options = options or PipelineOptions()

    files = expand_paths(paths)
    stdin = [p for p in files if p == "-"]
    files = [p for p in files if p != "-"]
    partitions = [files[i : i + FILES_PER_TASK] for i in range(0, len(files), FILES_PER_TASK)]
    # Compute a window of tasks at a time so results stream to the writer and
    # memory stays bounded by the window, not the corpus.
    window = max(1, workers * 2)
    for start in range(0, len(partitions), window):
        tasks = [
            dask.delayed(_run_partition)(part, options)
            for part in partitions[start : start + window]
        ]
        for results in dask.compute(*tasks, scheduler=scheduler, num_workers=workers):
            yield from results
    if stdin:
        yield from process(iter_raw(stdin, options=options.ingest), options=options)
