"""Ingest: read every format analysts have into ``RawDocument`` objects.

``iter_raw(paths, options=...)`` walks files, directories (recursively, in
sorted order) and ``-`` (stdin), and yields one ``RawDocument`` per report or a
``Rejection`` (stage ``ingest``) for input it cannot read. It never raises for a
bad document, and it streams: JSON lines are read line by line and WARC
archives record by record.

Formats: ``.txt`` (any encoding), ``.html``/``.htm`` (article body and metadata
via trafilatura), ``.jsonl`` (one report per line, field names set by
``IngestOptions``), ``.warc``/``.warc.gz`` (HTML response records), and a
``.gz`` of any of these. Modules, one concern each:

- ``sniff``: the format from the name and the first bytes; binary input;
- ``decode``: bytes to text (strict UTF-8, then charset-normalizer);
- ``lines``: bounded line reading (``max_line_bytes``);
- ``readers/``: one reader per format;
- ``walk``: paths, directories, gzip and stdin, ``iter_raw`` itself, and
  ``expand_paths`` (the inputs in ``iter_raw``'s order, for partitioning).
"""

from __future__ import annotations

from sitroom.ingest.documents import IngestOptions, RawDocument
from sitroom.ingest.walk import expand_paths, input_problem, iter_raw

__all__ = ["IngestOptions", "RawDocument", "expand_paths", "input_problem", "iter_raw"]
