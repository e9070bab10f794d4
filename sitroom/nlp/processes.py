"""How many processes analyse documents: the ``nlp_processes`` setting read into a number.

With more than one, ``pipeline.analyse_stream`` forks that many workers, each of
which parses, extracts and resolves whole documents while this process reads,
triages and stores, so every core shares the work one process otherwise does alone
(docs/triage.md has the measurements). Workers are forked, never spawned: a forked
worker shares the model and tables this process has loaded, where a spawned one
would load its own (seconds each). Where ``fork`` is missing (Windows) the
documents are analysed in this process. macOS has ``fork`` (Python's default there is
``spawn``, for system frameworks that do not survive a fork; the workers here run
only Python and numpy code) but is not tested here.
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

# Documents per task (2 workers, 2 cores, the 38 corpus reports, three runs each):
# tasks of 2 or 4 took 1.85-1.96 s, of 1 and 8 2.05-2.19 and 2.25-2.41 s (one
# process: 2.9-3.3 s). Small tasks also spread a short run over the workers.
PARALLEL_BATCH_SIZE = 4

# Tasks in flight per worker: one running and one queued keeps a worker busy while
# its last result travels back; more only holds finished records in memory.
IN_FLIGHT_PER_PROCESS = 2

# Documents that must be waiting for analysis before workers are forked: below it
# the warm-up, the fork and the workers' first task cost what the second core saves
# (2 workers, 2 cores: 4 reports took 0.40-0.53 s against 0.33-0.35 s in one
# process, 8 reports 0.40-0.42 s against 0.53-0.58 s).
PARALLEL_MIN_DOCS = 8


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
