"""A stand-alone ``Â``: a UTF-8 no-break space (C2 A0) whose second byte became a space.

ftfy restores ``Â`` followed by U+00A0, but when a later step has already
turned U+00A0 into a plain space the ``Â`` stays behind, as in scraped
headline lists (``the story so farÂ Â Â full coverage``). ``Â`` never stands
alone as a word in any language, so one that is not part of a word is read as
the no-break space it was. After a capital letter it is left alone: there it
may end an upper-case word (``MISUTÂ``), which is ftfy's known false positive.
"""

from __future__ import annotations

import re

# ``Â`` then a space (consumed: it was the lost A0 byte) or a line end, not after a capital.
_LONE_A_RE = re.compile(r"(?<![A-Z\u00c0-\u00de])Â(?: |(?=\s)|$)")


def fix_lone_a_circumflex(text: str) -> tuple[str, int]:
    """``text`` with stand-alone ``Â`` (and the space after it) made a no-break space."""
    if "Â" not in text:
        return text, 0
    return _LONE_A_RE.subn("\u00a0", text)
