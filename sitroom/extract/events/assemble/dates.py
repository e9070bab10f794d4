"""The dates of a report's incidents (rule 2 of ``assemble``).

An undated draft takes the date of the nearest earlier dated incident in the
report, or the lead incident's date if it comes before any, with ``date_text``
saying so ("Sunday night (from an earlier sentence)"). "A day after ..." counts
from that incident. A report with no dated
incident at all codes its past-tense events to the week before publication (time
precision 2, "(undated; week before publication)"): news wires report the last
days' events, and ACLED codes undated reports to the report with a lower
precision. Without a publication date nothing is guessed.

A bare draft (``Draft.bare``) takes no date here: it joins an incident, whose
date is the first one a sentence of it states (``incident_when``).

Every date mention is resolved once: a draft's by ``args.when`` as it is read, a
listed day by ``report.dated_items`` as the list is drafted, the main verb's day of
"Iran on Sunday vowed ..., days after Israel carried out airstrikes" by
``_days_before``; the rest of assembly
only carries, shifts and chooses resolved dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sitroom.extract.events.args import ONGOING_NOTE
from sitroom.extract.events.draft import Draft, dated
from sitroom.nlp.text import doc_text, span_ents
from sitroom.resolve.dates import DateRange, resolve_date

_DAY_AFTER = re.compile(
    r"\b(?:a|one|two|three|the) days? (?:after|later)|\bthe (?:next|following) day\b", re.I
)
# The provenance notes this module appends to a carried date.
_CARRIED = re.compile(r"\s*\((?:from|a day|ongoing)[^)]*\)$")


def inherit_dates(drafts: list[Draft], published: date | None) -> list[Draft]:
    """Give undated drafts the date of the incident they follow up."""
    lead = next((d for d in drafts if _anchors(d)), None)
    out: list[Draft] = []
    incident: Draft | None = None
    for draft in drafts:
        if draft.bare:
            out.append(draft)
            continue
        when = draft.when
        anchor = incident or lead
        earlier = _days_before(draft, published)
        if _relative_day(draft):
            when = _day_after(draft, anchor.when if anchor and anchor is not draft else None)
        elif earlier is not None:
            when = earlier  # an earlier act, told against the day of the sentence's news
        elif not dated(draft) and not draft.aggregate:
            when = _carried(anchor, incident is None, published, draft)
        draft = replace(draft, when=when)
        if dated(draft) and not draft.aggregate and earlier is None:
            incident = draft
        out.append(draft)
    return out


def by_tense(when: DateRange) -> bool:
    """Whether a date is only the publication day read from a tense ("is battling"), or
    a guess ("(undated; week before publication)"): no day the report wrote."""
    text = when.date_text or ""
    return ONGOING_NOTE in text or text.startswith("(undated")


def stated(draft: Draft) -> bool:
    """Whether the draft's date is written in its own sentence (not carried or guessed)."""
    when = draft.when
    if when is None or when.date_start is None:
        return False
    text = when.date_text or ""
    return plain(when) == text and not text.startswith("(undated")


def incident_when(group: list[Draft]) -> DateRange | None:
    """An incident's date: the first a sentence of it states, else its lead's (carried)."""
    for draft in group:
        if stated(draft):
            return draft.when
    lead = next((d for d in group if not d.bare), group[0])
    return lead.when


def date_bare(groups: list[list[Draft]], published: date | None) -> list[list[Draft]]:
    """Date the incidents told only by bare sentences (no day of their own): the day of the
    nearest incident told before them, else of the first told after, else (past tense,
    with a publication date) the week before publication, as ``inherit_dates`` does."""
    out: list[list[Draft]] = []
    # Only an incident of the same paragraph dates another: a bulletin's next story is
    # not this one.
    paragraphs = [_paragraph(g[0]) for g in groups]
    told = [i for i, g in enumerate(groups) if not all(d.bare for d in g)]
    for i, group in enumerate(groups):
        if not all(d.bare for d in group):
            out.append(group)
            continue
        lasted = _lasted_since(group, published)
        if lasted is not None:
            out.append([replace(group[0], when=lasted), *group[1:]])
            continue
        near = [j for j in told if paragraphs[j] == paragraphs[i]]
        earlier = [incident_when(groups[j]) for j in reversed(near) if j < i]
        later = [incident_when(groups[j]) for j in near if j > i]
        when = next((w for w in earlier if w is not None and w.date_start), None)
        where = "from an earlier sentence"
        if when is None:
            when = next((w for w in later if w is not None and w.date_start), None)
            where = "from a later sentence"
        lead = group[0]
        dated_when = (
            replace(when, date_text=f"{plain(when)} ({where})")
            if when is not None
            else _carried(None, False, published, lead)
        )
        out.append([replace(lead, when=dated_when), *group[1:]])
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph(draft: Draft) -> int:
    """The index of the paragraph a draft's sentence lies in."""
    sentence = draft.sentence
    return len(_PARAGRAPH_BREAK.findall(doc_text(sentence.doc), 0, sentence.start_char))


# "the wounded have lain in the corridors for nearly two weeks", "have been held for three days": a
# state of the victims that began with the incident, told right after it (within
# _LASTED_WINDOW characters of its last sentence: two or three sentences of wire copy).
_LASTED = re.compile(
    r"\b(?:have|has|had)\s+(?:lain|lay|been lying|been left|remained|been held|been missing)\b"
    r"[^.]{0,40}?\bfor\s+(?P<q>nearly|almost|about|around|more than|over)?\s*"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<u>day|week|month)s?\b",
    re.IGNORECASE,
)
_LASTED_WINDOW = 400
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _lasted_since(group: list[Draft], published: date | None) -> DateRange | None:
    """The days an incident told without a day began, from how long its victims' state
    has lasted by publication ("have lain in the corridors for nearly two weeks": 10 to 14 days
    before), at week precision; None without such a statement or a publication date."""
    if published is None:
        return None
    last = group[-1].sentence
    text = doc_text(last.doc)
    match = _LASTED.search(text, last.end_char, last.end_char + _LASTED_WINDOW)
    if match is None:
        return None
    n = _NUMBERS.get(match["n"].lower()) or int(match["n"])
    unit = _UNIT_DAYS[match["u"].lower()]
    days = n * unit
    # "nearly two weeks": a little less; "more than": a little more; else about.
    slack = max(1, unit // 2)
    lo, hi = {
        "nearly": (days, days - slack),
        "almost": (days, days - slack),
        "more than": (days + slack, days),
        "over": (days + slack, days),
    }.get((match["q"] or "").lower(), (days + slack, days - slack))
    return DateRange(
        published - timedelta(days=lo),
        published - timedelta(days=hi),
        2,
        f"{match.group(0)} (before publication)",
    )


# "Iran on Sunday vowed ..., days after Israel carried out airstrikes": the act inside
# the "after" clause happened that many days before the day the sentence states.
_DAYS_AFTER = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|several|a few|few)?\s*days\s+after\b"
    r"|\b(?P<one>a|one)\s+day\s+after\b",
    re.IGNORECASE,
)
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "days after" without a number: up to a week before, at week precision (ACLED 2).
_DAYS_WINDOW = 7


def _days_before(draft: Draft, published: date | None) -> DateRange | None:
    """The day of an act told inside "(N) days after ..." whose sentence dates its main
    verb ("Iran on Sunday vowed ..."): that day shifted back, or the week before it for a
    bare "days after"."""
    sent = draft.sentence
    text = sent.text
    trigger_at = draft.trigger.idx - sent.start_char
    match = next((m for m in _DAYS_AFTER.finditer(text) if m.end() <= trigger_at), None)
    if match is None:
        return None
    days = [
        e
        for e in span_ents(sent)
        if e.label_ == "DATE" and e.end_char - sent.start_char <= match.start()
    ]
    when = resolve_date(days[-1].text, published=published) if days else None
    if when is None or when.date_start is None or when.date_end is None:
        return None
    count = match.group("n") or match.group("one")
    note = f"{match.group(0).strip()} {days[-1].text}"
    if count is None or count.lower() not in _DAY_COUNTS:
        start = when.date_start - timedelta(days=_DAYS_WINDOW)
        return DateRange(start, when.date_end - timedelta(days=1), 2, note)
    step = timedelta(days=_DAY_COUNTS[count.lower()])
    return DateRange(when.date_start - step, when.date_end - step, when.time_precision, note)


def _relative_day(draft: Draft) -> bool:
    """'a day after the blast': the DATE entity is only "a day"; the sentence says after."""
    match = _DAY_AFTER.search(draft.sentence.text)
    text = (draft.when.date_text if draft.when else "") or ""
    return match is not None and text.lower() in match.group(0).lower()


def _anchors(draft: Draft) -> bool:
    return dated(draft) and not draft.aggregate and not _relative_day(draft) and not draft.bare


def plain(when: DateRange) -> str:
    """The date as the report wrote it, without an earlier provenance note."""
    return _CARRIED.sub("", when.date_text or "")


def _day_after(draft: Draft, anchor: DateRange | None) -> DateRange | None:
    """'The strike came a day after a drone attacked a bus': the bus attack was the day before."""
    if anchor is None or anchor.date_start is None or anchor.date_end is None:
        return DateRange(None, None, None, draft.when.date_text if draft.when else "")
    text = draft.sentence.text
    after = re.search(r"\b(?:after|later)\b", text)
    # The trigger inside the "after ..." clause is the earlier event.
    earlier = after is not None and draft.trigger.idx - draft.sentence.start_char > after.start()
    back_reference = draft.trigger.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in draft.trigger.children
    )
    if earlier and back_reference:
        # "A day after the blast, the road was closed": "the blast" is the incident itself.
        return replace(anchor, date_text=f"{plain(anchor)} (from an earlier sentence)")
    if earlier:
        step = timedelta(days=1)
        return DateRange(
            anchor.date_start - step,
            anchor.date_end - step,
            anchor.time_precision,
            f"a day before {plain(anchor)} (from an earlier sentence)",
        )
    step = timedelta(days=1)
    return DateRange(
        anchor.date_start + step,
        anchor.date_end + step,
        anchor.time_precision,
        f"a day after {plain(anchor)} (from an earlier sentence)",
    )


def _carried(
    anchor: Draft | None, from_lead: bool, published: date | None, draft: Draft
) -> DateRange | None:
    if anchor is not None and anchor.when is not None and anchor is not draft:
        if from_lead and anchor.sentence.start > draft.sentence.start:
            where = "from a later sentence"
        else:
            where = "from the lead" if from_lead else "from an earlier sentence"
        return replace(anchor.when, date_text=f"{plain(anchor.when)} ({where})")
    past = draft.trigger.tag_ in ("VBD", "VBN", "NN", "NNS")
    if published is None or not past:
        return draft.when
    return DateRange(
        published - timedelta(days=6), published, 2, "(undated; week before publication)"
    )
