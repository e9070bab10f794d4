"""Photo captions, slideshows and media titles: lines that describe a picture, not the story.

A page scraped to text keeps the captions of its pictures as lines of their
own. None names the page it came from; their shapes do:

- a line the page repeats (the caption under the photo and again in the
  viewer), also run together with itself or cut off in its second copy;
- a line that ends with the place and the full date the photo was taken
  (``…, Aleppo, Syria, Sept. 10, 2012.``), one sentence, no speech;
- a run of bulleted lines, most of them such captions: a slideshow;
- the title of an embedded video, the headline-like line right above the
  player's own furniture (``please wait``, a timer);
- a stray control: a line of a single character (the viewer's ``x``, a ``|``).

Each function returns the lines it takes, by index, as ``Removed`` entries.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from functools import lru_cache

from sitroom.clean.patterns import define
from sitroom.clean.related import is_headline
from sitroom.records import Removed

# A repeated line is a caption when it is a sentence of some length: shorter
# repeats are labels ("VOA NEWS", a section name), handled as repeated lines.
MIN_CAPTION_WORDS = 6
# A caption is one sentence; a photo description rarely passes 60 words (the
# longest in ../shared/corpus is 41), a paragraph often does.
MAX_CAPTION_WORDS = 60
# A repeated neighbour this long means a repeated block (a page printed twice),
# not a caption: shorter repeats are labels ("VOA NEWS") that sit beside captions.
MIN_BLOCK_WORDS = 4
# A caption's copies stand together: the viewer's copy next to the photo's, at
# most one line (a viewer's "x") between them.
MAX_COPY_GAP = 2
# A second copy cut off by the scraper keeps at least this much of the first.
MIN_CUT_COPY_CHARS = 40
_BULLET_RE = re.compile(r"^[•·▪●◦*–-]\s+")
# Two sentences in one line: a full stop, a space, a capital (not "U.S. forces").
_TWO_SENTENCES_RE = re.compile(r"[a-z0-9)\]]{2}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")
_SPEECH_RE = re.compile(r"[\"“”]|\b(?:said|says|told)\b")
MEDIA_REASON = "media player furniture"
# The place-and-date end of a caption is searched in the line's last characters:
# ", Wednesday, September 11, 2012." is 33.
MAX_CAPTION_END_CHARS = 60
# One-character lines that are controls: a viewer's close button, a separator bar.
# A lone "-" or digit is a table's empty or numeric cell, kept.
STRAY_CONTROLS = frozenset({"x", "X", "×", "|", "•"})


@lru_cache(maxsize=1)
def _caption_end() -> re.Pattern[str]:
    return re.compile(rf"(?:{define('CAPTION_END')})$", re.IGNORECASE)


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip().lower()


def is_dated_caption(line: str) -> bool:
    """One sentence, no speech, ending with the place and the full date of a photo."""
    text = _BULLET_RE.sub("", line.strip())
    if not text.rstrip(".")[-1:].isdigit():
        return False  # a caption ends with the year
    words = text.split()
    return (
        MIN_CAPTION_WORDS <= len(words) <= MAX_CAPTION_WORDS
        and _caption_end().search(text, max(0, len(text) - MAX_CAPTION_END_CHARS)) is not None
        and _TWO_SENTENCES_RE.search(text) is None
        and _SPEECH_RE.search(text) is None
    )


def _run_together(line: str) -> bool:
    """The same caption twice with no break: ``X.X.`` or ``X. X.``."""
    half = len(line) // 2
    for cut in (half, half + 1, half - 1):
        first, second = line[:cut].strip(), line[cut:].strip()
        if len(first) >= MIN_CUT_COPY_CHARS and first == second:
            return True
    return False


def _one_sentence(line: str) -> bool:
    words = line.split()
    return (
        MIN_CAPTION_WORDS <= len(words) <= MAX_CAPTION_WORDS
        # A description starts with a word; "— Name (@handle) date" signs an embedded post.
        and (line[:1].isalnum() or line[:1] in "\"“‘'")
        and _TWO_SENTENCES_RE.search(line) is None
    )


def _near_copy(positions: list[int]) -> bool:
    """Two copies stand together (at most one line between): photo and viewer.

    A line a recipe or a list repeats far apart is text, not a caption.
    """
    return any(b - a <= MAX_COPY_GAP for a, b in itertools.pairwise(positions))


def _isolated(key: str, positions: list[int], keys: list[str], counts: Counter[str]) -> bool:
    """Every copy of ``key`` stands among lines the page does not repeat.

    A page printed twice repeats whole blocks: there a repeated line has
    repeated neighbours, and it is text, not a caption.
    """
    for position in positions:
        for near in (position - 1, position + 1):
            if not 0 <= near < len(keys):
                continue
            other = keys[near]
            if other == key or key.startswith(other) or other.startswith(key):
                continue
            if counts[other] > 1 and len(other.split()) >= MIN_BLOCK_WORDS:
                return False
    return True


def repeated_captions(lines: list[str], taken: set[int]) -> dict[int, Removed]:
    """Every copy of a one-sentence line the page repeats on its own, and cut-off copies."""
    filled = {i: line for i, line in enumerate(lines) if line and i not in taken}
    order = list(filled)
    keys = [_key(filled[i]) for i in order]
    counts = Counter(keys)
    positions: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        if counts[key] > 1:
            positions[key].append(position)
    repeated = {
        key
        for key, where in positions.items()
        if _one_sentence(filled[order[where[0]]])
        and not key.rstrip().endswith(("?", "!"))  # a question an interview repeats
        and _near_copy(where)
        and _isolated(key, where, keys, counts)
    }
    found: dict[int, Removed] = {}
    for (before, first), (after, second) in itertools.pairwise(zip(order, keys, strict=True)):
        cut_copy = len(second) >= MIN_CUT_COPY_CHARS and first != second
        if cut_copy and first.startswith(second) and _one_sentence(filled[before]):
            # The viewer's copy of a caption, cut off by the scraper.
            found[before] = Removed("other", filled[before], "caption (repeated line)")
            found[after] = Removed("other", filled[after], "caption (cut-off copy)")
    for i, key in zip(order, keys, strict=True):
        line = filled[i]
        if key in repeated or _run_together(line):
            found[i] = Removed("other", line, "caption (repeated line)")
        elif len(key) >= MIN_CUT_COPY_CHARS and any(
            other.startswith(key) and other != key for other in repeated
        ):
            found[i] = Removed("other", line, "caption (cut-off copy)")
    return found


def slideshows(lines: list[str], taken: set[int]) -> dict[int, Removed]:
    """Runs of bulleted lines most of which are dated captions (the rest are cut off)."""
    found: dict[int, Removed] = {}
    run: list[int] = []
    for i in [*range(len(lines)), len(lines)]:
        line = lines[i] if i < len(lines) else ""
        if line and i not in taken and _BULLET_RE.match(line):
            run.append(i)
            continue
        if not line and i < len(lines):
            continue  # a blank line does not end a slideshow
        dated = sum(is_dated_caption(lines[j]) for j in run)
        at_end = all(not lines[k] or k in taken for k in range(i, len(lines)))
        # Most of a run are dated captions; at the end of the page one is enough
        # (the others of a slideshow are often undated or cut off).
        if run and dated and (dated * 2 >= len(run) or at_end):
            for j in run:
                found[j] = Removed("other", lines[j], "slideshow caption")
        run = []
    return found


def dated_captions(lines: list[str], taken: set[int]) -> dict[int, Removed]:
    """Single lines shaped like a photo caption (see :func:`is_dated_caption`)."""
    return {
        i: Removed("other", line, "caption (place and date of a photo)")
        for i, line in enumerate(lines)
        if line and i not in taken and is_dated_caption(line)
    }


def media_titles(lines: list[str], removed: dict[int, Removed]) -> dict[int, Removed]:
    """The headline-like line just above a media player's furniture: the video's title."""
    filled = [i for i, line in enumerate(lines) if line]
    found: dict[int, Removed] = {}
    for position, index in enumerate(filled[:-1]):
        after = removed.get(filled[position + 1])
        if index in removed or after is None or after.reason != MEDIA_REASON:
            continue
        if is_headline(lines[index]):
            found[index] = Removed("nav", lines[index], "media title")
    return found


def stray_controls(lines: list[str], taken: set[int]) -> dict[int, Removed]:
    """Lines of one character: a viewer's close button, a separator."""
    return {
        i: Removed("nav", line, "stray control")
        for i, line in enumerate(lines)
        if line and i not in taken and line.strip() in STRAY_CONTROLS
    }
