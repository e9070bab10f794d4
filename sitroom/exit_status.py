"""What a command's exit status tells a script (the Unix convention, documented in README).

- 0: every document was stored or skipped as already present;
- 1: some documents were rejected (see ``sitroom rejections``);
- 2: usage or configuration error (a bad option, a missing spaCy pipeline, a store
  from a newer sitroom);
- 3: nothing to read: no input found, or every input was missing, unreadable or empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    REJECTED = 1
    USAGE = 2
    NOTHING_TO_READ = 3


# Rejections that mean an input could not be read at all (missing, unreadable, empty),
# as opposed to a document that was read and then refused.
UNREADABLE = frozenset({"E001", "E002"})


def run_status(*, accepted: int, rejections_by_code: Mapping[str, int]) -> ExitCode:
    """The exit status of a run that accepted (stored or skipped) ``accepted`` documents.

    ``rejections_by_code`` counts rejections by ``"stage/code"`` or by bare code.
    """
    rejected = sum(rejections_by_code.values())
    if accepted == 0:
        codes = {key.rsplit("/", 1)[-1] for key, count in rejections_by_code.items() if count}
        if codes <= UNREADABLE:
            return ExitCode.NOTHING_TO_READ
    return ExitCode.REJECTED if rejected else ExitCode.OK
