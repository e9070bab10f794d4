"""When an event happened: a DATE entity of the trigger's clause, resolved.

A date in a reported or relative clause below the trigger's clause dates that
clause's own verb; a dateline's date is the release day; a date the parser hung
on "said" but written before the speaker dates the event; a local date restating
the speaker's time in parentheses ("today at 8:40 p.m. EDT (4:40 a.m., April 7, in
Syria)") is the event's, as ACLED codes it. With no date, an event
told as ongoing or in the present progressive is dated to the publication day,
and its date text says so.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitroom.nlp.text import doc_text, span_ents
from sitroom.resolve.dates import DateRange, resolve_date

# A dateline's place and date open a line within this many characters ("SOUTHWEST
# ASIA, Dec. 18, 2017 —", "KIRKUK, Iraq, March 3 (Reuters) -").
_DATELINE_CHARS = 60
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:—|–|--?)\s")

_ONGOING = re.compile(
    r"\b(?:underway|under way|ongoing|continuing|continue to rage)\b", re.IGNORECASE
)
# An event told in the present tense is dated to the publication day; the date
# text says why, so an analyst never mistakes it for a date written in the report.
ONGOING_NOTE = " (ongoing on the publication date)"


def event_date(
    sent: Span, clause: Token, published: date | None, *, clause_only: bool
) -> DateRange | None:
    """The date of the event: a DATE entity in the trigger's clause (or sentence)."""
    lo, hi = clause.left_edge.i, clause.right_edge.i + 1
    candidates = [e for e in span_ents(sent) if e.label_ in ("DATE", "TIME") and not _dateline(e)]
    in_clause = [
        e
        for e in candidates
        if (lo <= e.start and e.end <= hi and not _nested(e.root, clause))
        or _before_the_speaker(e, clause)
    ]
    pool = in_clause if (in_clause or clause_only) else candidates
    # "today at 8:40 p.m. EDT (4:40 a.m., April 7, in Syria)": the date where it
    # happened, which ACLED codes, restates the speaker's date in parentheses.
    local = [e for e in candidates if _local_date(e)]
    if local and pool:
        pool = local
    best: DateRange | None = None
    for ent in pool:
        # A local date may fall a day after publication (the time zones apart).
        base = published + timedelta(days=1) if published and ent in local else published
        resolved = _resolve_ent(ent.text, base)
        if resolved is None:
            continue
        resolved = _since(ent, resolved, published)
        if best is None or (resolved.time_precision or 9) < (best.time_precision or 9):
            best = resolved
    if best is None and published is not None:
        match = _ONGOING.search(sent.text)
        if match:
            return DateRange(published, published, 1, f"{match.group(0)}{ONGOING_NOTE}")
        progressive = clause.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP")
            for c in clause.children
        )
        if progressive:
            aux = next(c.text for c in clause.children if c.dep_ == "aux" and c.lemma_ == "be")
            return DateRange(published, published, 1, f"{aux} {clause.text}{ONGOING_NOTE}")
    return best


# The parenthesis restating a time where the event happened: "(4:40 a.m., April 7, in
# Syria)", "(0300 GMT Wednesday, local time)".
_LOCAL_TIME = re.compile(r"\blocal\b|\bin [A-Z]", re.IGNORECASE)
# A parenthesis longer than this is an aside, not a restated time.
_MAX_LOCAL_CHARS = 60


def _local_date(ent: Span) -> bool:
    """Whether ``ent`` is a date inside a parenthesis that gives the local time."""
    text = doc_text(ent.doc)
    opened = text.rfind("(", 0, ent.start_char)
    closed = text.find(")", ent.end_char)
    if opened < 0 or closed < 0 or closed - opened > _MAX_LOCAL_CHARS:
        return False
    inside = text[opened + 1 : closed]
    if "(" in inside or ")" in inside:
        return False
    has_time = any(
        e.label_ == "TIME" and opened < e.start_char < closed for e in span_ents(ent.sent)
    )
    return has_time and _LOCAL_TIME.search(inside) is not None


# Reported and relative clauses: a date inside one dates that clause's own verb
# (an adverbial "after it opened on Tuesday" shares the time of its event).
_SUBORDINATE = frozenset({"ccomp", "relcl"})


def _nested(token: Token, clause: Token) -> bool:
    """Whether ``token`` hangs on a subordinate clause below ``clause``: in "Kherson held a
    day of mourning on Wednesday after a strike ..., officials said", Wednesday dates the
    mourning, not what "said" reports about the strike."""
    node = token
    while node != clause and node.head != node:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _SUBORDINATE:
            return True
        node = node.head
    return False


def _dateline(ent: Span) -> bool:
    """'SOUTHWEST ASIA, Dec. 18, 2017 — ...': the day of the release, not of the event."""
    text = doc_text(ent.doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    return ent.start_char - line_start < _DATELINE_CHARS and bool(
        _DATELINE_DASH.match(text, ent.end_char)
    )


def _before_the_speaker(ent: Span, clause: Token) -> bool:
    """A date the parser hung on "said" but written before the speaker.

    In "fighters abducted 30 women outside Gamboru, on Saturday, community
    leaders said", Saturday dates the abduction; in "…, relatives said on
    Tuesday" the date follows the verb and dates the saying.
    """
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.i <= clause.i:
        return False
    attached = ent.root.head if ent.root.head.dep_ != "prep" else ent.root.head.head
    if attached != speech or ent.start <= clause.right_edge.i:
        return False
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    return speaker is not None and ent.end <= speaker.left_edge.i


# A range up to a week long is precision 2 (ACLED: "a few days"); longer is 3.
_WEEK_DAYS = 7


def _since(ent: Span, resolved: DateRange, published: date | None) -> DateRange:
    """'since June 1': from that day to the publication day, not the day itself."""
    before = doc_text(ent.doc)[max(0, ent.start_char - 6) : ent.start_char]
    start = resolved.date_start
    if published is None or start is None or before.lower() != "since " or start >= published:
        return resolved
    precision = 2 if (published - start).days <= _WEEK_DAYS else 3
    return DateRange(start, published, precision, f"since {resolved.date_text}")


def _resolve_ent(text: str, published: date | None) -> DateRange | None:
    """Resolve a DATE entity, without a stray leading pronoun ("one last week")."""
    text = re.sub(r"^(?:one|a|an)\s+(?=last|this|earlier)", "", text)
    resolved = resolve_date(text, published=published)
    if resolved is None and " " in text:
        resolved = resolve_date(text.split(" ", 1)[1], published=published)
    return resolved
