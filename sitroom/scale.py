"""Scale-out on Dask distributed: persistent workers compute records, this process stores them.

``process_parallel`` runs on a ``distributed`` cluster: a ``LocalCluster`` of
``workers`` processes it starts itself, or an existing cluster whose scheduler
address is given (``--scheduler tcp://host:8786`` or ``SITROOM_DASK_SCHEDULER``);
the code path is the same. Each worker loads the spaCy pipeline and the gazetteer
once, when it joins (``SitroomWorkerSetup``), and keeps them for every task. Work
is cut into parts (``scale_parts``: batches of files, line ranges of large JSONL
files); a bounded number of parts is in flight at a time, and results come back in
input order to the single writer in the calling process (style.md §9). A worker
that dies has its part run again elsewhere (the scheduler's ``allowed-failures``),
and a part that raises is retried (``retries``), so no document is lost.

Starting worker processes normally needs an ``if __name__ == "__main__":`` guard in
the caller's script, because spawned children import the main module again; the
LocalCluster here is started with the main module hidden from the children, so the
Python API works from a plain script. stdin cannot be partitioned and is processed
in the calling process.
"""

from __future__ import annotations

import logging
import os
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitroom.errors import Codes, SitroomError
from sitroom.ingest import iter_raw
from sitroom.pipeline import PipelineOptions, process
from sitroom.records import Rejection
from sitroom.scale_parts import (
    FILES_PER_TASK,
    Part,
    Result,
    Skipped,
    plan_parts,
    run_part,
    stored_part,
)

__all__ = ["FILES_PER_TASK", "SCHEDULER_ENV", "Skipped", "process_parallel"]

SCHEDULER_ENV = "SITROOM_DASK_SCHEDULER"
# Parts in flight per worker: one running and one queued keeps a worker busy while
# its last result travels back; more only holds finished records in memory.
IN_FLIGHT_PER_WORKER = 2
# Retries of a part whose task raised (a crash of a worker is handled by the
# scheduler, which reruns its tasks elsewhere up to ``allowed-failures`` times).
RETRIES = 2
# Finished parts held back (per in-flight slot) while an earlier, slower part runs.
HELD_BACK = 4
# How the LocalCluster is started (scheduler, nannies and workers read it when they
# start, so a restarted worker gets it too). Dask's defaults cost a CPU-bound spaCy
# worker time; measured on IndiaPoliceEvents articles, 2-core machine:
# - ``MALLOC_TRIM_THRESHOLD_=65536`` (Dask's pre-spawn default) makes glibc hand memory
#   back after every large free, so the parser's arrays are mapped again for each
#   document: 4x the page faults and +5 ms of system time per article (45 ms user,
#   2 -> 7 ms system, same process). Worker memory stays flat without it.
# - the statistical profiler samples the task thread's stack every 10 ms for a
#   dashboard that a LocalCluster started here never shows.
# - event-loop health ticks every 20 ms, memory polls every 100 ms and system polls
#   every 500 ms in each process: an idle 2-worker cluster used 3.8 % of a core in
#   this process and 1.5 % in each worker; at 1 s / 1 s / 2 s, 0.6 % and 0.2 %. A
#   worker's memory is still checked every second against its limit.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def scheduler_address(scheduler: str | None = None) -> str | None:
    """The scheduler to use: the argument, else ``SITROOM_DASK_SCHEDULER``, else None."""
    return scheduler or os.environ.get(SCHEDULER_ENV) or None


@contextmanager
def _main_hidden() -> Iterator[None]:
    """Hide ``__main__``'s file from spawned children, so they do not import it again."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved_file = main.__dict__.pop("__file__", None)
    saved_spec = getattr(main, "__spec__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__spec__ = saved_spec
        if saved_file is not None:
            main.__file__ = saved_file


@contextmanager
def connect(workers: int, scheduler: str | None) -> Iterator[Any]:
    """A ``distributed.Client`` on the given scheduler, or on a LocalCluster of ``workers``."""
    import dask
    from distributed import Client, LocalCluster

    address = scheduler_address(scheduler)
    if address:
        with Client(address) as client:
            yield client
        return
    with _main_hidden(), dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()


def process_parallel(
    paths: Sequence[str | Path],
    *,
    options: PipelineOptions | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    store_url: str | None = None,
) -> Iterator[Result]:
    """Like ``pipeline.run`` on a Dask cluster; input order is kept.

    ``store_url``: the store to check for documents already held, on the workers,
    before parsing (those come back as ``Skipped``).
    """
    from distributed import as_completed

    options = options or PipelineOptions()
    store_url = _visible_url(store_url)
    parts = plan_parts(paths, options)
    # Leading parts the store already holds whole are settled here, without a
    # cluster: a re-ingest then costs what it costs without workers.
    first_new = 0
    while first_new < len(parts) and (held := stored_part(parts[first_new], options, store_url)):
        yield from held
        first_new += 1
    if first_new < len(parts):
        with connect(workers, scheduler) as client:
            yield from _run(client, parts[first_new:], options, store_url, as_completed)
    if any(str(p) == "-" for p in paths):
        yield from process(iter_raw(["-"], options=options.ingest), options=options)


def _visible_url(url: str | None) -> str | None:
    """A SQLite path made absolute, so workers started elsewhere resolve it the same way."""
    if not url or not url.startswith("sqlite:///"):
        return url
    return f"sqlite:///{Path(url.removeprefix('sqlite:///')).resolve()}"


def _run(
    client: Any, parts: list[Part], options: PipelineOptions, store_url: str | None, waiter: Any
) -> Iterator[Result]:
    from sitroom.scale_worker import SitroomWorkerSetup

    client.register_plugin(SitroomWorkerSetup(options.spacy_model), name=SitroomWorkerSetup.name)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = IN_FLIGHT_PER_WORKER * n_workers
    run_id = uuid.uuid4().hex[:8]
    index_of: dict[str, int] = {}
    done: dict[int, list[Result]] = {}
    queue = iter(enumerate(parts))
    pending = waiter()

    def submit_next() -> bool:
        nxt = next(queue, None)
        if nxt is None:
            return False
        number, part = nxt
        future = client.submit(
            run_part,
            part,
            options,
            store_url,
            key=f"sitroom-part-{run_id}-{number}",
            retries=RETRIES,
            pure=False,
        )
        index_of[future.key] = number
        pending.add(future)
        return True

    def top_up() -> None:
        # Keep ``limit`` parts running; results held back for order are bounded too.
        while pending.count() < limit and len(done) < HELD_BACK * limit and submit_next():
            pass

    top_up()
    expected = 0
    for future in pending:
        number = index_of.pop(future.key)
        done[number] = _outcome(future, parts[number])
        future.release()
        top_up()
        while expected in done:
            yield from done.pop(expected)
            expected += 1
        top_up()


def _outcome(future: Any, part: Part) -> list[Result]:
    """The part's results; a part that failed on every try becomes rejections, not a crash."""
    try:
        results: list[Result] = future.result()
        return results
    except SitroomError:
        raise  # a setup error (no spaCy model, ...) stops the run as it does in-process
    # The isolation boundary of a part: whatever killed it, its inputs are stored
    # as rejections and the run goes on.
    except Exception as exc:  # noqa: BLE001 (stored as rejections, with the cause)
        detail = Codes.E090.format(stage="scale", reason=f"{type(exc).__name__}: {exc}")
        where = (
            [f"{path}#bytes={part.start}-{part.end}" for path in part.files]
            if part.fmt
            else part.files
        )
        return [
            Rejection(path=path, stage="scale", code=Codes.E090.name, detail=detail)
            for path in where
        ]
