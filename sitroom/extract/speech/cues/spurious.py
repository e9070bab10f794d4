"""Reported content that PolNeAR does not count as attribution, found apart
from the cue rules.

- A **closing editor's note** ("Editor's note: the candidate has repeatedly pledged to
  …" in the last lines of an article) is the publisher's standing boilerplate, not
  reporting; its cues were right 0 times in 17 on PolNeAR train [0:600] (the same note
  under many articles). A note at the top or in the body (a correction: "Editor's Note:
  An article on Monday reported that …") reports, and is kept: with it, 6 of 23 were
  right.
"""

from __future__ import annotations

import re

_EDITOR_NOTE = re.compile(r"(?:^|\n)\s*editor[’']s note\s*:", re.IGNORECASE)
# A closing note starts within this many characters of the end of the text
# (the longest such note on train [0:600] is about 400 characters).
CLOSING_NOTE_CHARS = 500


def in_closing_note(text: str, offset: int) -> bool:
    """Whether ``offset`` lies in an "Editor's note:" paragraph that closes the text
    (the note may run over line breaks)."""
    tail = max(0, len(text) - CLOSING_NOTE_CHARS - 1)
    found = _EDITOR_NOTE.search(text, tail)
    return found is not None and found.start() <= offset
