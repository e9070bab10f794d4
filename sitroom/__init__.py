"""sitroom: raw conflict reports in, a sourced, geocoded, deduplicated event database out.

The Python API is ``sitroom.extract(paths, ...)`` and ``sitroom.ingest(paths, db=...)``.
The stage subpackages ``sitroom.ingest`` and ``sitroom.extract`` share those names;
import from them with ``from sitroom.extract.quotes import ...``, which always works.

The API is bound lazily: ``import sitroom`` (and so every CLI command, even those
that only read the store) does not import spaCy; the first use of ``sitroom.extract``
or ``sitroom.ingest`` does.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"

# Names of the API in sitroom.api. Two of them are also stage subpackages: importing
# ``sitroom.extract.quotes`` makes the import system set the attribute ``sitroom.extract``
# to the subpackage, so these names are properties whose setter keeps the module aside
# and whose getter always answers with the API function.
_API = ("IngestSummary", "extract", "ingest", "recluster")
_SHADOWED = ("extract", "ingest")


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
    extract = _shadowed("extract")
    ingest = _shadowed("ingest")

    def __getattr__(self, name: str) -> Any:
        if name in _API:
            return _api(name)
        raise AttributeError(f"module 'sitroom' has no attribute {name!r}")

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_API})


sys.modules[__name__].__class__ = _SitroomModule

__all__ = ["IngestSummary", "__version__", "extract", "ingest", "recluster"]
