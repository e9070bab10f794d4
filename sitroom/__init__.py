"""sitroom: raw conflict reports in, a sourced, geocoded, deduplicated event database out.

The Python API is ``sitroom.extract_records(paths, ...)``, ``sitroom.ingest(paths, db=...)``
and ``sitroom.brief(out, db=..., country=..., date_from=...)`` (a situation brief).
``sitroom.extract`` is the extract stage (``extract_quotes``, ``extract_attributions``,
``extract_events``).
"""

from __future__ import annotations

__version__ = "0.1.0"

# ``sitroom.ingest`` is both a stage subpackage and the API function; load the
# subpackage first so that binding the API function below is the last word on the name.
import sitroom.ingest as _ingest_stage  # noqa: F401
from sitroom.api import IngestSummary, brief, extract_records, ingest, recluster

__all__ = ["IngestSummary", "__version__", "brief", "extract_records", "ingest", "recluster"]
