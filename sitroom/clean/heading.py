"""The head of a page: the title, and the labels, kickers and name boxes above the story.

A page scraped to text starts with its headline on a line of its own, often
with other short title-case lines around it: a gallery or video title, a
kicker, an author box whose names ran together (``Chris HannasMike
Richman``). The story starts at the first line that reads as a sentence, or
at a dateline. :func:`head_lines` takes the title (the line that repeats the
metadata title, or else the first headline-shaped line) and the other
title-case lines above the story; lines that carry a date (a dateline with a
weekday) stay.

A flattened scrape has no line breaks: the headline is glued to the first
sentence (``Airstrike Kills 12 at Market Warplanes struck a market…``).
:func:`glued_title` cuts it off where the title-case run ends and the
sentence starts (the capitalised word before the first lower-case word that
is not a headline's short word), with a glued ``by Name`` byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitroom.clean.dateline import parse_dateline
from sitroom.clean.patterns import define
from sitroom.clean.related import is_headline
from sitroom.records import Removed

TITLE_REASON = "title"
# A title-case line above the story: a kicker or a name box is a few words; a
# headline rarely passes 15 (the corpus's longest is 14).
MAX_HEAD_WORDS = 15
# ...and 120 characters, and two words at least: a line of a script without
# spaces between words (a Japanese paragraph) is one long "word", never a headline.
MAX_HEAD_CHARS = 120
# A dateline's place on a line of its own: "BAAR, SWITZERLAND", "MOSUL, IRAQ".
MAX_PLACE_WORDS = 5
# Share of capitalised words (headline short words aside) that makes a line
# title case: "Chris HannasMike Richman" 1.0, "Kurd Fighters Struggle to Defend
# IS-Besieged City" 1.0; a sentence such as "During the month of March 2017,
# CJTF-OIR carried over 43 open reports" 0.43.
MIN_CAPITALISED = 0.75
# A glued title is a headline: at least three words.
MIN_GLUED_TITLE_WORDS = 3
# A metadata title matches a line that holds it, or that it begins with (a
# two-line headline), when the shared part is this long.
MIN_TITLE_PREFIX_CHARS = 20
_END_RE = re.compile(r"[.!?:;,]['\"’”)]?$")
# An author box whose names ran together: "Chris HannasMike Richman" (a lower-case
# letter straight before a capital, inside a line of two to six capitalised words).
_NAMES_RUN_TOGETHER_RE = re.compile(
    r"^(?=.*[a-z][A-Z][a-z])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,5}$"
)
# A dateline on a line of its own, its text on the next: "SOUTHWEST ASIA-".
_BARE_DATELINE_RE = re.compile(r"^[A-Z][A-Z'’.]+(?:[ ,]+[A-Z][A-Za-z'’.]*){0,4}\s*[-—–]+$")
_BYLINE_TAIL_RE = re.compile(r"\s+by\s+(?P<names>(?:[A-Z][\w.'’-]*\s*){1,4})$")


@lru_cache(maxsize=1)
def _minor() -> re.Pattern[str]:
    return re.compile(rf"^(?:{define('TITLE_MINOR')})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _date_in_line() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{define('MONTH')})\s*\d|\b{define('WEEKDAY')}\b", re.IGNORECASE)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _is_capitalised(word: str) -> bool:
    letters = word.lstrip("\"“‘'([")
    return bool(letters) and (letters[0].isupper() or letters[0].isdigit())


def is_title_case(line: str) -> bool:
    """Most words capitalised (headline short words aside), no final stop, a few words."""
    text = line.strip()
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    if len(words) < 2 or len(words) > MAX_HEAD_WORDS or len(text) > MAX_HEAD_CHARS:
        return False
    if _END_RE.search(text):
        return False
    content = [w for w in words if not _minor().match(w.strip(",;:"))]
    if not content or not _is_capitalised(words[0]):
        return False
    return sum(_is_capitalised(w) for w in content) / len(content) >= MIN_CAPITALISED


def _first_headline(line: str) -> bool:
    """A headline line; a question in sentence case is an interview's, not a headline."""
    return is_headline(line) and (not line.rstrip().endswith(("?", "!")) or is_title_case(line))


def same_title(line: str, title: str) -> bool:
    """``line`` is the metadata ``title``, or its first part (a headline broken over lines).

    A line that starts with the title and goes on is a flattened paragraph: the
    title is cut from it (:func:`glued_title`), the line stays.
    """
    a, b = _norm(line), _norm(title)
    if not a or not b:
        return False
    return a == b or (len(a) >= MIN_TITLE_PREFIX_CHARS and b.startswith(a + " "))


@dataclass(frozen=True, slots=True)
class Head:
    removed: dict[int, Removed]
    title: str | None


def head_lines(lines: list[str], taken: set[int], *, title: str | None) -> Head:
    """The title and the title-case lines above the story (see the module docstring)."""
    found: dict[int, Removed] = {}
    found_title: str | None = None
    title_left = ""  # the metadata title's words not yet seen on a line above
    for i, line in enumerate(lines):
        if not line or i in taken:
            continue
        if title_left and title_left.startswith(_norm(line) + " "):
            found[i] = Removed("other", line, TITLE_REASON)  # a headline over two lines
            title_left = title_left[len(_norm(line)) + 1 :]
            continue
        if parse_dateline(line) is not None or _BARE_DATELINE_RE.match(line):
            break
        if line.isupper() and "," in line and len(line.split()) <= MAX_PLACE_WORDS:
            break  # "BAAR, SWITZERLAND": a dateline on its own line
        matches_meta = title is not None and same_title(line, title)
        if not matches_meta and _date_in_line().search(line):
            if len(line.split()) > MAX_HEAD_WORDS or _END_RE.search(line):
                break  # a sentence that names a day: the story
            continue  # "Ferguson, Missouri – Tuesday, August 19": a dateline, kept
        if found_title is None and (matches_meta or (title is None and _first_headline(line))):
            found[i] = Removed("other", line, TITLE_REASON)
            found_title = line
            if title is not None and _norm(title).startswith(_norm(line) + " "):
                title_left = _norm(title)[len(_norm(line)) + 1 :]
        elif matches_meta:
            found[i] = Removed("other", line, TITLE_REASON)
        elif _NAMES_RUN_TOGETHER_RE.match(line):
            found[i] = Removed("credit", line, "author box")
        elif is_title_case(line) and not line[-1].isdigit() and not line.isupper():
            # Not a score line ("Home 70, Away 44") nor a line in capitals (a section
            # name, a link): a kicker or a gallery title is a headline in words.
            found[i] = Removed("other", line, "headline-shaped line above the story")
        else:
            break
    if found and len(found) == sum(1 for i, line in enumerate(lines) if line and i not in taken):
        return Head({}, None)  # nothing but short lines: no story to stand above
    return Head(found, found_title)


def _split_heading(text: str) -> tuple[str, str] | None:
    """``text`` cut where a title-case run ends and a sentence starts, or None."""
    words = text.split(" ")
    for k, word in enumerate(words):
        bare = word.strip(",;:\"“”‘’'()")
        if not bare or not bare[0].isalpha() or bare[0].isupper() or _minor().match(bare):
            continue
        start = k - 1
        if start < MIN_GLUED_TITLE_WORDS or not _is_capitalised(words[start]):
            return None
        head = " ".join(words[:start])
        if _minor().match(words[start - 1]) or not is_title_case(head.split(" by ")[0]):
            return None
        return head, " ".join(words[start:])
    return None


@dataclass(frozen=True, slots=True)
class Glued:
    removed: tuple[Removed, ...]
    rest: str
    title: str | None


def glued_title(paragraph: str, *, title: str | None, after_notice: bool) -> Glued | None:
    """The headline (and ``by Name``) glued to the start of ``paragraph``, or None.

    With a metadata ``title`` only that title is cut; without one, only a
    paragraph that followed a republication notice is read (a flattened scrape).
    """
    text = paragraph.strip()
    if title is not None:
        head = title.strip()
        if _norm(text[: len(head)]) != _norm(head) or len(text) <= len(head):
            return None
        rest = text[len(head) :].lstrip()
        removed = [Removed("other", head, TITLE_REASON)]
        byline = re.match(r"by\s+((?:[A-Z][\w.'’-]*\s+){1,3})(?=[A-Z])", rest)
        if byline:
            removed.append(Removed("credit", byline.group(0).strip(), "byline"))
            rest = rest[byline.end() :]
        return Glued(tuple(removed), rest, head)
    if not after_notice:
        return None
    split = _split_heading(text)
    if split is None:
        return None
    head, rest = split
    removed_pieces: list[Removed] = []
    tail = _BYLINE_TAIL_RE.search(head)
    if tail:
        head = head[: tail.start()]
        removed_pieces.append(Removed("credit", tail.group(0).strip(), "byline"))
    if len(head.split()) < MIN_GLUED_TITLE_WORDS:
        return None
    return Glued((Removed("other", head, TITLE_REASON), *removed_pieces), rest, head)
