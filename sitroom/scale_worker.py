"""The worker plugin: each Dask worker loads what the pipeline needs once, when it joins.

Kept apart from ``sitroom.scale`` so importing sitroom does not import
``distributed``; workers unpickle it by reference, so they run the same sitroom.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from typing import Any

from distributed import WorkerPlugin

from sitroom.records import Record, Rejection, Source

logger = logging.getLogger(__name__)

# A short report we wrote, run through the whole pipeline when a worker joins: it
# loads what a first document otherwise loads lazily (the spaCy model, the language
# identifier, the gazetteer, the lexicons and cue tables, dateparser's data), so no
# task pays for it and a worker's first part runs at full speed.
WARM_UP_TEXT = (
    "Police said gunmen killed two villagers near Srinagar on Monday night. "
    '"We heard the shots," a witness told reporters a fortnight ago.'
)
WARM_UP_DAY = date(2020, 1, 15)


def warm_up(spacy_model: str | None) -> list[Record | Rejection]:
    """Run the pipeline once on ``WARM_UP_TEXT`` (triage off, so every stage runs)."""
    from sitroom.ingest.documents import RawDocument
    from sitroom.pipeline import PipelineOptions, process
    from sitroom.resolve.dates import resolve_date

    options = PipelineOptions(spacy_model=spacy_model, published=WARM_UP_DAY, triage=False)
    source = Source(path="warm-up", format="txt")
    raw = RawDocument(source=source, text=WARM_UP_TEXT, encoding="utf-8")
    results = list(process([raw], options=options))
    # The long tail of date phrases goes to dateparser, which builds its tables once.
    resolve_date("a fortnight ago", published=WARM_UP_DAY)
    return results


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
        from sitroom.resolve.geo.gazetteer import get_gazetteer

        get_gazetteer()
        try:
            warm_up(self.spacy_model)
        # Loading ahead is an optimisation: whatever fails here (no spaCy model, ...)
        # fails again in the first task, which reports it as an in-process run does.
        except Exception:
            logger.debug("worker warm-up failed; the first task will report it", exc_info=True)
