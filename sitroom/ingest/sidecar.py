"""``index.jsonl`` beside the reports: metadata for files that carry none themselves.

A folder of plain-text reports may hold an ``index.jsonl`` with one line per
file: ``file`` (and ``html_file``, for a page saved next to its text) plus any
of ``published``, ``title``, ``url`` and ``outlet``. The index is metadata, not
a report: a directory walk leaves it out, and each file read from that folder
takes its line's values (they are the curator's, so they win over what a page
says about itself).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitroom.ingest.meta import normalise_date, optional_str

INDEX_NAME = "index.jsonl"
_FILE_KEYS = ("file", "html_file")
# Bytes of an index read at most: an index line is ~300 bytes, so 16 MiB is
# ~50,000 files, more than any folder a person curates by hand.
_MAX_INDEX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IndexEntry:
    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


def is_index(path: Path) -> bool:
    """True for an ``index.jsonl`` whose first line names a ``file`` and holds no text."""
    if path.name != INDEX_NAME:
        return False
    try:
        with path.open("rb") as handle:
            first = handle.readline(64 * 1024)
        value = json.loads(first)
    except (OSError, ValueError):
        return False
    return (
        isinstance(value, dict) and "file" in value and "text" not in value and "html" not in value
    )


@lru_cache(maxsize=64)
def _load(index: str, mtime_ns: int) -> dict[str, IndexEntry]:
    entries: dict[str, IndexEntry] = {}
    try:
        with open(index, "rb") as handle:
            lines = handle.read(_MAX_INDEX_BYTES).splitlines()
    except OSError:
        return entries
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if not isinstance(value, dict):
            continue
        entry = IndexEntry(
            published=normalise_date(value.get("published")),
            title=optional_str(value.get("title")),
            url=optional_str(value.get("url")),
            outlet=optional_str(value.get("outlet")),
        )
        for key in _FILE_KEYS:
            name = optional_str(value.get(key))
            if name:
                entries[name] = entry
    return entries


def index_entry(file: Path) -> IndexEntry | None:
    """The ``index.jsonl`` line for ``file`` in its own folder, if there is one."""
    index = file.parent / INDEX_NAME
    if file.name == INDEX_NAME or not is_index(index):
        return None
    try:
        mtime = index.stat().st_mtime_ns
    except OSError:
        return None
    name = file.name[:-3] if file.name.endswith(".gz") else file.name
    entries = _load(str(index), mtime)
    return entries.get(file.name) or entries.get(name)
