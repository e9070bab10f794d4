"""sitroom: raw conflict reports in, a sourced, geocoded, deduplicated event database out.

The Python API is ``sitroom.extract(paths, ...)``, ``sitroom.ingest(paths, db=...)`` and
``sitroom.brief(out, db=..., country=..., date_from=...)`` (a situation brief).
The stage subpackages ``sitroom.ingest`` and ``sitroom.extract`` share those names;
import from them with ``from sitroom.extract.quotes import ...``, which always works.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Load the stage subpackages first, so that binding the API functions below is
# the last word on the names ``sitroom.extract`` and ``sitroom.ingest``.
import sitroom.extract as _extract_stage  # noqa: F401
import sitroom.ingest as _ingest_stage  # noqa: F401
from sitroom.api import IngestSummary, brief, extract, ingest, recluster

__all__ = ["IngestSummary", "__version__", "brief", "extract", "ingest", "recluster"]
