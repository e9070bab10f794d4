"""Event units: the spans of a report that each yield at most one event.

A unit is a sentence, cut again at blank lines, at the ends of one-item lines
(headings, bullets, lines ending a sentence; hard-wrapped prose is left whole),
before ", while ..." when it starts a second report and before "; on July 22, ..."
when it starts the next dated item of a list.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitroom.extract.events.triggers import trigger_code
from sitroom.nlp.text import doc_text

_BULLETS = frozenset("*-•–—")


# A line shorter than this is a heading or a label ("Iraq", "FOR IMMEDIATE RELEASE");
# hard-wrapped prose runs 60-80 characters a line.
_MAX_HEADING_CHARS = 40


_RESPONSE = frozenset({"drawing", "prompting", "provoking"})


_CONTRAST = frozenset({"while", "whereas"})


def units(doc: Doc) -> list[tuple[Span, int]]:
    """Sentences split at blank lines and contrasting clauses, each with its paragraph start."""
    text = doc_text(doc)
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    line_ends = _line_ends(text)
    units: list[tuple[Span, int]] = []
    for sent in doc.sents:
        cuts = [
            sent.start_char,
            *(b for b in breaks + line_ends if sent.start_char < b < sent.end_char),
            *_contrast_cuts(sent),
            *_dated_item_cuts(sent),
            sent.end_char,
        ]
        cuts.sort()
        for lo, hi in pairwise(cuts):
            span = doc.char_span(lo, hi, alignment_mode="contract")
            if span is None or not span.text.strip():
                continue
            para = max([0, *(b for b in breaks if b <= span.start_char)])
            units.append((span, para))
    return units


def _line_ends(text: str) -> list[int]:
    """Single line breaks that end a line of its own: a heading, a list item, a sentence.

    Releases and scraped pages put one item per line ("Syria", "*  Near Al Hawl, ...")
    and the parser runs them together; a hard-wrapped paragraph breaks mid-sentence,
    where none of these hold, and stays whole.
    """
    ends = []
    for match in re.finditer(r"(?<!\n)\n(?!\s*\n)", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()].rstrip()
        after = text[match.end() : match.end() + 4].lstrip(" \t")
        if (
            line.endswith((".", ":", "!", "?", '"', "”"))
            or after[:1] in _BULLETS
            or 0 < len(line) < _MAX_HEADING_CHARS
        ):
            ends.append(match.end())
    return ends


def _contrast_cuts(sent: Span) -> list[int]:
    """Where ", while …" starts a second report in one sentence.

    "Women seized at the weekend remain captive, relatives said, while the army
    said troops freed seven after a gun battle" reports two incidents; read as
    one, the gun battle's cues would type the abduction.
    """
    return [
        t.idx
        for t in sent
        if t.i > sent.start
        and t.nbor(-1).text == ","
        and (
            (t.lower_ in _CONTRAST and t.dep_ == "mark" and t.head.dep_ == "advcl") or _response(t)
        )
    ]


_ITEM_LEAD = frozenset({"and", "on", "then"})


def _dated_item_cuts(sent: Span) -> list[int]:
    """Where "; on July 22, ..." starts the next dated item of a list.

    "On June 23, a strike killed two militants; on July 22, two strikes destroyed a
    vehicle": each item is its own event with its own date; read as one sentence,
    every item would take the first date.
    """
    cuts = []
    for token in sent:
        if token.text != ";" or token.i + 1 >= sent.end:
            continue
        after = token.i + 1
        while after < sent.end and sent.doc[after].lower_ in _ITEM_LEAD:
            after += 1
        if after < sent.end and sent.doc[after].ent_type_ == "DATE":
            cuts.append(sent.doc[token.i + 1].idx)
    return cuts


def _response(token: Token) -> bool:
    """'militants fired a rocket, drawing Israeli airstrikes': the reply is its own event."""
    return (
        token.lower_ in _RESPONSE
        and token.dep_ == "advcl"
        and any(
            c.dep_ == "dobj"
            and trigger_code(c) is not None
            # Another side named on the reply ("Israeli airstrikes"); "triggering a
            # gunfight" is the same incident going on.
            and any(m.ent_type_ in ("NORP", "ORG") for m in c.children)
            for c in token.children
        )
    )
