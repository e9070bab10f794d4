"""The worker plugin: each Dask worker loads what the pipeline needs once, when it joins.

Kept apart from ``sitroom.scale`` so importing sitroom does not import
``distributed``; workers unpickle it by reference, so they run the same sitroom.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from distributed import WorkerPlugin

logger = logging.getLogger(__name__)


class SitroomWorkerSetup(WorkerPlugin):
    """Runs when a worker joins (and again on a restarted worker), before any task.

    Each worker process is persistent and keeps what ``warm_up`` loaded for every
    task. A re-ingest of a stored corpus never starts workers (``scale.process_parallel``
    settles stored parts first), so it does not pay for this.
    """

    name = "sitroom-setup"

    def __init__(self, spacy_model: str | None) -> None:
        self.spacy_model = spacy_model

    async def setup(self, worker: Any) -> None:
        # In a thread: the loading takes seconds, and the worker's event loop keeps
        # answering the scheduler meanwhile. Tasks wait for it, since a worker runs
        # none before its plugins are set up.
        await asyncio.get_running_loop().run_in_executor(None, self._load)

    def _load(self) -> None:
        from sitroom.pipeline import warm_up
        from sitroom.resolve.geo.gazetteer import get_gazetteer

        get_gazetteer()
        try:
            warm_up(self.spacy_model)
        # Loading ahead is an optimisation: whatever fails here (no spaCy model, ...)
        # fails again in the first task, which reports it as an in-process run does.
        except Exception:
            logger.debug("worker warm-up failed; the first task will report it", exc_info=True)
