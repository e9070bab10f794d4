"""The worker plugin: each Dask worker loads the spaCy pipeline and the gazetteer once.

Kept apart from ``sitroom.scale`` so importing sitroom does not import
``distributed``; workers unpickle it by reference, so they run the same sitroom.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin


class SitroomWorkerSetup(WorkerPlugin):
    """Runs when a worker joins (and again on a restarted worker), before any task.

    It opens the gazetteer and imports the pipeline's modules; the spaCy pipeline
    itself is loaded by the first task that has something to parse and then kept
    for the life of the worker (``get_nlp`` caches it per process). A re-ingest of
    stored documents parses nothing, so it never pays for loading the model.
    """

    name = "sitroom-setup"

    def __init__(self, spacy_model: str | None) -> None:
        self.spacy_model = spacy_model

    def setup(self, worker: Any) -> None:
        import sitroom.pipeline  # noqa: F401  (spaCy and the extractors, imported once)
        from sitroom.resolve.geo.gazetteer import get_gazetteer

        get_gazetteer()
