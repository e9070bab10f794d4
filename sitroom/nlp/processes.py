"""How many processes analyse documents: the ``nlp_processes`` setting read into a number.

With more than one, ``pipeline.analyse_stream`` forks that many workers, each of
which parses, extracts and resolves whole documents while this process reads,
triages and stores, so every core shares the work one process otherwise does alone
(docs/triage.md has the measurements). Workers are forked, never spawned: a forked
worker shares the model and tables this process has loaded, where a spawned one
would load its own (seconds each); where ``fork`` is missing (macOS, Windows) the
documents are analysed in this process.
"""

from __future__ import annotations

import multiprocessing
import os

# ``auto`` uses every CPU this process may run on, up to this many. Each worker is a
# forked copy of this process (peak RSS 320 MB on the corpus reports, most of it
# the model's and gazetteer's pages shared with this process). Measured only on 2
# cores; the cap keeps a large server from forking dozens of workers for one
# reader and writer.
AUTO_MAX_PROCESSES = 4

# Documents per task. Small tasks spread a short run over the workers: spaCy alone
# parsed 16 corpus reports in 0.8 s in batches of 4 or 8 on 2 processes, 1.15 s in
# one batch of 16 (1.0 s in one process); on the 38 reports and on the 506-document
# mixed feed batches of 4, 8 and 16 were level.
PARALLEL_BATCH_SIZE = 4

# Tasks in flight per worker: one running and one queued keeps a worker busy while
# its last result travels back; more only holds finished records in memory.
IN_FLIGHT_PER_PROCESS = 2

# Documents that must be waiting for analysis before workers are forked: below it
# the fork and the workers' first task cost what the second core saves (2 workers,
# 2 cores: 8 reports took 0.6 s either way, 16 reports 0.8 s against 1.0 s).
PARALLEL_MIN_DOCS = 16


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def processes_in_force(configured: int | None) -> int:
    """Processes that analyse: the ``nlp_processes`` setting's number, or for ``auto``
    (None) the usable CPUs up to ``AUTO_MAX_PROCESSES``; 1 where ``fork`` is missing.

    ``auto`` is 1 inside a daemonic process (a ``multiprocessing.Pool`` worker), which
    may not start processes of its own.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if configured is not None:
        return configured
    if multiprocessing.current_process().daemon:
        return 1
    return max(1, min(usable_cpus(), AUTO_MAX_PROCESSES))
