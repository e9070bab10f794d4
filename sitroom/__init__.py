"""sitroom: raw conflict reports in, a sourced, geocoded, deduplicated event database out.

The Python API is ``sitroom.extract_records(paths, ...)``, ``sitroom.ingest(paths, db=...)``
and ``sitroom.brief(out, db=..., country=..., date_from=...)`` (a situation brief).
``sitroom.extract`` is the extract stage (``extract_quotes``, ``extract_attributions``,
``extract_events``).

The API is bound lazily: ``import sitroom`` (and so every CLI command, even those
that only read the store) does not import spaCy; the first use of
``sitroom.extract_records`` or ``sitroom.ingest`` does.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"

# Names of the API in sitroom.api. ``ingest`` is also a stage subpackage: importing
# ``sitroom.ingest.walk`` makes the import system set the attribute ``sitroom.ingest``
# to the subpackage, so that name is a property whose setter keeps the module aside
# and whose getter always answers with the API function.
_API = ("IngestSummary", "brief", "extract_records", "ingest", "recluster")


def _api(name: str) -> Any:
    from sitroom import api

    return getattr(api, name)


def _shadowed(name: str) -> property:
    def get(_module: types.ModuleType) -> Any:
        return _api(name)

    def put(module: types.ModuleType, value: Any) -> None:
        module.__dict__[f"_{name}_stage"] = value

    return property(get, put)


class _SitroomModule(types.ModuleType):
    ingest = _shadowed("ingest")

    def __getattr__(self, name: str) -> Any:
        if name in _API:
            return _api(name)
        raise AttributeError(f"module 'sitroom' has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_API})


sys.modules[__name__].__class__ = _SitroomModule

__all__ = ["IngestSummary", "__version__", "brief", "extract_records", "ingest", "recluster"]
