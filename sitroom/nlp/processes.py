"""How many processes parse: the ``nlp_processes`` setting read into a number.

spaCy's ``nlp.pipe(n_process=N)`` forks N workers that parse while this process
extracts from the docs they send back, so the machine's cores share the work that
one process otherwise does alone (docs/triage.md has the measurements).
"""

from __future__ import annotations

import multiprocessing
import os

# ``auto`` uses every CPU this process may run on, up to this many. Each worker is a
# forked copy of the parser (peak RSS 320 MB on the corpus reports, the model's pages
# shared with this process), and this one process extracts from what they all parse;
# measured only on 2 cores, where 2 workers give 1.6-2.0x the docs/s of one process.
# The cap keeps a large server from forking dozens of parsers for one consumer.
AUTO_MAX_PROCESSES = 4

# Documents per batch sent to a worker. Small batches spread a short run over the
# workers: 16 corpus reports took 0.8 s in batches of 4 or 8 and 1.15 s in one batch
# of 16 (1.0 s in one process); on 38 reports and on the 506-document mixed feed
# batches of 4, 8 and 16 were level (2.0-2.3 s and 18.1-18.5 s, 2 workers, 2 cores).
PARALLEL_BATCH_SIZE = 4

# Documents that must be waiting for the parser before workers are forked: below
# it the fork and the workers' first batch cost what the second core saves (2
# workers, batches of 4, 2 cores: 8 reports 0.6 s either way, 16 reports 0.8 s
# against 1.0 s in one process).
PARALLEL_MIN_DOCS = 16


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def processes_in_force(configured: int | None) -> int:
    """Processes that parse: the ``nlp_processes`` setting's number, or for ``auto``
    (None) the usable CPUs up to ``AUTO_MAX_PROCESSES``.

    ``auto`` is 1 inside a daemonic process (a ``multiprocessing.Pool`` worker), which
    may not start processes of its own.
    """
    if configured is not None:
        return configured
    if multiprocessing.current_process().daemon:
        return 1
    return max(1, min(usable_cpus(), AUTO_MAX_PROCESSES))
