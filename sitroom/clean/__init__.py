"""Clean: keep only the report, for plain text where no HTML structure is left.

``clean_text(text)`` takes repaired text and returns the body with paragraphs
kept (one blank line between them), and everything it took out in
``removed``, each piece with its kind and the reason:

- ``promo``: bracketed promo lines (``[Read: …]``), "Read more" links,
  subscription and app appeals (:mod:`.rules`);
- ``related``: runs of related headlines at the end, or after a "Related"
  heading (:mod:`.related`);
- ``credit``: "X and Y contributed to this report.", "Reporting by …",
  a "By …" line at the top (:mod:`.credits`); names go to ``contributors``;
- ``nav``: share/print/subscribe furniture;
- ``other``: archive notices, copyright lines, URL reference lists, photo
  credits, captions and slideshows (:mod:`.captions`), wiki templates
  (:mod:`.wiki`), the title (reason ``title``) and the lines above the story
  (:mod:`.heading`), and the dateline (:mod:`.dateline`).

Most shapes of site chrome (government banners, release labels, player
controls, author boxes, notices) are rows of ``furniture.tsv``
(:mod:`.patterns`): whole lines, or pieces of a line that stays
(:mod:`.pieces`).

The headline leaves the body too: the line that repeats the metadata
``title``, or else the first headline-shaped line, or a headline glued to the
first sentence of a flattened scrape. It is returned as ``title``.

The dateline (``BAGHDAD (Reuters) -``) leaves the body and is returned as
``dateline`` and ``dateline_place``, so the body starts with the report's
first word; offsets downstream index the cleaned body only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.clean.captions import (
    dated_captions,
    media_titles,
    repeated_captions,
    slideshows,
    stray_controls,
)
from sitroom.clean.credits import parse_credit
from sitroom.clean.dateline import parse_dateline
from sitroom.clean.heading import glued_title, head_lines
from sitroom.clean.pieces import strip_pieces
from sitroom.clean.related import is_headline, is_related_heading, related_tail
from sitroom.clean.rules import URL_LIST_REASON, classify_line
from sitroom.clean.whitespace import join_lines, split_lines
from sitroom.clean.wiki import looks_like_wikitext, render_wikitext
from sitroom.records import Removed

__all__ = ["CleanResult", "clean_text"]

# A dateline opens one of the first lines: press releases put a date, a
# release number and "FOR IMMEDIATE RELEASE" above it (../shared/corpus 001).
_DATELINE_WINDOW = 5
# A "By …" line is a byline only among the first lines of a text: a headline
# and a kicker may come first. Later, "By …" starts a sentence.
_BYLINE_WINDOW = 3
_BYLINE_RE = re.compile(
    r"^By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|al-[\w'’-]+)){0,6}(?:,\s*.{1,60})?$"
)


@dataclass(frozen=True, slots=True)
class CleanResult:
    text: str
    removed: tuple[Removed, ...]  # kind in promo|related|credit|nav|other
    contributors: tuple[str, ...]
    dateline: str | None = None  # e.g. "BAGHDAD (Reuters)"
    dateline_place: str | None = None
    title: str | None = None  # the headline found in the text (see the module docstring)


def _keep_lone_links(lines: list[str], removed: dict[int, Removed]) -> None:
    """Put back a URL line that is not part of a list: a link in the body, not references.

    A reference list is two or more URL lines together, a URL line after a
    "Sources:" heading, or URL lines after the last line of the body.
    """
    filled = [i for i, line in enumerate(lines) if line]
    for position, index in enumerate(filled):
        entry = removed.get(index)
        if entry is None or entry.reason != URL_LIST_REASON:
            continue
        neighbours = [
            removed.get(filled[p]) for p in (position - 1, position + 1) if 0 <= p < len(filled)
        ]
        in_list = any(n is not None and n.reason == URL_LIST_REASON for n in neighbours)
        body_after = any(i not in removed for i in filled[position + 1 :])
        if not in_list and body_after:
            del removed[index]


def _tail_run(lines: list[str], body: list[int], credit_lines: set[int]) -> int:
    """How many of the last ``body`` lines are a related-headlines tail (see :mod:`.related`)."""
    texts = [lines[i] for i in body]
    start = len(texts)
    while start > 0 and is_headline(texts[start - 1]):
        start -= 1
    if start in (0, len(texts)):
        return 0
    after_credit = any(body[start - 1] < i < body[start] for i in credit_lines)
    return related_tail(texts, after_credit=after_credit)


def _pieces(lines: list[str], removed: dict[int, Removed], *, wiki: bool) -> _Edits:
    """Markup and furniture inside lines: rendered or cut in place, whole lines marked removed."""
    edits: list[tuple[int, Removed]] = []
    notices: set[int] = set()
    for index, line in enumerate(lines):
        if not line:
            continue
        if wiki:
            rendered, markup = render_wikitext(line)
            if not rendered:
                removed[index] = Removed("other", line, "wiki template")
                continue
            edits.extend((index, Removed("other", piece, "wiki markup")) for piece in markup)
            line = rendered
        found = strip_pieces(line)
        edits.extend((index, piece) for piece in found.removed)
        if found.notice:
            notices.add(index)
        lines[index] = found.line
    return _Edits(edits, notices)


@dataclass(frozen=True, slots=True)
class _Edits:
    edits: list[tuple[int, Removed]]  # pieces cut from lines that stay, by line
    notices: set[int]  # lines that opened with a republication notice


def _captions(lines: list[str], removed: dict[int, Removed]) -> None:
    for find in (repeated_captions, slideshows, dated_captions, stray_controls):
        removed.update(find(lines, set(removed)))


def clean_text(text: str, *, title: str | None = None) -> CleanResult:
    """The report in ``text`` without its site furniture (see the module docstring).

    ``title`` is the metadata title, when the container gave one: the line
    that repeats it leaves the body.
    """
    lines = split_lines(text)
    removed: dict[int, Removed] = {}
    cut = _pieces(lines, removed, wiki=looks_like_wikitext(text))
    _captions(lines, removed)
    contributors: list[str] = []
    credit_lines: set[int] = set()
    in_related = False
    seen_body = 0
    previous = ""
    for index, line in enumerate(lines):
        if not line or index in removed:
            continue
        if in_related and is_headline(line):
            removed[index] = Removed("related", line, "headline after a related heading")
            continue
        in_related = False
        if is_related_heading(line):
            removed[index] = Removed("related", line, "related heading")
            in_related = True
            continue
        names = parse_credit(line)
        if names is not None:
            removed[index] = Removed("credit", line, "credit line")
            contributors.extend(name for name in names if name not in contributors)
            credit_lines.add(index)
            continue
        if seen_body < _BYLINE_WINDOW and _BYLINE_RE.match(line):
            removed[index] = Removed("credit", line, "byline")
            continue
        rule = classify_line(line)
        if rule is not None:
            removed[index] = Removed(rule.kind, line, rule.reason)
            continue
        if index > 0 and line == previous:
            # Captions and teasers are often repeated verbatim on the next line.
            removed[index] = Removed("other", line, "repeated line")
            continue
        previous = line
        seen_body += 1

    _keep_lone_links(lines, removed)
    removed.update(media_titles(lines, removed))
    body = [i for i, line in enumerate(lines) if line and i not in removed]
    run = _tail_run(lines, body, credit_lines)
    for i in body[len(body) - run :] if run else ():
        removed[i] = Removed("related", lines[i], "related headlines at the end")

    head = head_lines(lines, set(removed), title=title)
    removed.update(head.removed)
    found_title = head.title
    first = next((i for i, line in enumerate(lines) if line and i not in removed), None)
    if found_title is None and first is not None:
        glued = glued_title(lines[first], title=title, after_notice=first in cut.notices)
        if glued is not None:
            lines[first] = glued.rest
            cut.edits.extend((first, piece) for piece in glued.removed)
            found_title = glued.title

    dateline = dateline_place = None
    dateline_index = -1
    body = [i for i, line in enumerate(lines) if line and i not in removed]
    for i in body[:_DATELINE_WINDOW]:
        found = parse_dateline(lines[i])
        if found is not None:
            lines[i] = lines[i][found.end :]
            removed[i] = Removed("other", found.removed, "dateline")
            dateline, dateline_place, dateline_index = found.text, found.place, i
            break

    kept = [line for i, line in enumerate(lines) if i not in removed or i == dateline_index]
    ordered = sorted(
        [(i, 0, entry) for i, entry in cut.edits] + [(i, 1, entry) for i, entry in removed.items()],
        key=lambda item: (item[0], item[1]),
    )
    return CleanResult(
        text=join_lines(kept),
        removed=tuple(entry for _i, _order, entry in ordered),
        contributors=tuple(contributors),
        dateline=dateline,
        dateline_place=dateline_place,
        title=found_title,
    )
