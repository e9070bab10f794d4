"""Report-level context for event drafts: background, inherited dates, incidents.

A news report tells one or two incidents across many sentences. Read one
sentence at a time, the same incident comes out several times ("Islamic State
militants ambushed a bus on Sunday night ...", "The attack took place on the
highway ...", "Sunday's ambush was the deadliest ..."), follow-ups come out
undated, and background ("since 2015", "in recent months", "are regularly
abducted") comes out as if it were news. The rules, in order:

1. Background is dropped (``is_background``): a date more than
   ``_HISTORY_DAYS`` before publication, a habitual period ("in recent
   months", "this year", "since ..."), a generic present-tense statement, or a
   running total that carries no count. Totals with a count stay, flagged
   ``aggregate``.
2. Dates (``inherit_dates``): an undated draft takes the date of the nearest
   earlier dated incident in the report, or the lead incident's date if it
   comes before any, with ``date_text`` saying so ("Sunday night (from an
   earlier sentence)"). "A day after ..." counts from that incident
   (``resolve_date(anchor=...)``). A report with no dated incident at all codes
   its past-tense events to the week before publication (time precision 2,
   "(undated; week before publication)"): news wires report the last days'
   events, and ACLED codes undated reports to the report with a lower
   precision. Without a publication date nothing is guessed.
3. Incidents (``same_incident``): a draft with the same date as an earlier one
   and no conflicting place (or that opens by pointing back: "The market ...",
   "Sunday's ambush ...") joins it when both are political
   violence (Battles, Explosions/Remote violence, Violence against civilians);
   demonstrations and strategic developments join only their own sub-type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitroom.extract.casualties import Casualties
from sitroom.extract.taxonomy import by_code
from sitroom.resolve.dates import DateRange, resolve_date

# Events dated more than this long before publication are background history,
# not the report's news (half a year: the seed report of 8 March still codes
# "the Ramadi clash in January", 66 days earlier).
_HISTORY_DAYS = 183
# A date range longer than this is a period, not an event day (two months: a
# month name, "last month" or "earlier this month" is still one ACLED event).
_PERIOD_DAYS = 62
# An aggregate needs a count of at least two deaths; "a"/"one" is read from "a rise".
_MIN_AGGREGATE = 2
# ("in recent weeks" stays an event date: the seed's executions "in recent weeks" are one
# ACLED event with time precision 3.)
_HABITUAL_DATE = re.compile(
    r"\b(?:recent months|this year|past (?:year|months?)|since)\b", re.IGNORECASE
)
_HABITUAL_TEXT = re.compile(
    r"\b(?:years of|regularly|routinely|frequently|increasingly|almost (?:daily|every day)|"
    r"every day|have become|has become|more frequent|since (?:the start|the beginning|\d{4}))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_DAY_AFTER = re.compile(
    r"\b(?:a|one|two|three|the) days? (?:after|later)|\bthe (?:next|following) day\b", re.I
)
# "The market, in the city's Dniprovsky district, was hit ...": a definite noun
# phrase opening the sentence points back at the incident already told.
_FOLLOW_UP = re.compile(r"\W*(?:the|this|that|[A-Z][a-z]+day's)\s", re.IGNORECASE)
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One sentence's reading of an event, before the report-level rules."""

    code: str
    sentence: Span
    trigger: Token
    when: DateRange | None
    place: str | None
    actor1_text: str | None
    actor2_text: str | None
    deaths: Casualties
    aggregate: bool
    sources: tuple[str, ...]
    certainty: str
    own_place: bool = False  # the place is named in this sentence, not carried over
    generic: bool = False  # a present-tense statement ("are regularly abducted")


def _counted(draft: Draft) -> bool:
    """A running total with a death count of its own ("has killed 120 fighters since June")."""
    killed = draft.deaths.killed
    return draft.aggregate and killed is not None and (killed.low or 0) >= _MIN_AGGREGATE


def is_background(draft: Draft, published: date | None) -> bool:
    """Whether a draft is context rather than an event of the report (rule 1)."""
    when = draft.when
    if when is not None and when.date_start and when.date_end:
        if published and when.date_end < published - timedelta(days=_HISTORY_DAYS):
            return True
        if (when.date_end - when.date_start).days > _PERIOD_DAYS and draft.deaths.killed is None:
            return True
    if when is not None and _HABITUAL_DATE.search(when.date_text or "") and not _counted(draft):
        return True  # "since 2012", "this year" date context, unless a counted total
    if _HABITUAL_TEXT.search(draft.sentence.text):
        return True
    if published and not _dated(draft) and _earlier_year(draft.sentence.text, published):
        return True  # "seized the town in March 2019 after weeks of fighting" (unresolved)
    if draft.generic and not draft.aggregate:
        # "have staged a string of raids in recent weeks": present (perfect) over a
        # period, with no count, is context; with a count it is a coded total.
        period = draft.when is None or (draft.when.time_precision or 3) >= 3
        if period and draft.deaths.killed is None:
            return True
    # A running total is kept (flagged) only with a count of its own: "a rise in deaths" is not one.
    return draft.aggregate and not _counted(draft)


def drop_background(drafts: list[Draft], published: date | None) -> list[Draft]:
    """Drafts that are not background; a restatement of a kept incident joins it instead.

    "Monday's ambush was the deadliest attack since the start of the year" is
    background by its wording but names the incident already told: it is kept
    so that its sources and evidence join that event.
    """
    kept: list[Draft] = []
    for draft in drafts:
        if not is_background(draft, published):
            kept.append(draft)
        elif _FOLLOW_UP.match(draft.sentence.text) and any(same_incident(k, draft) for k in kept):
            kept.append(replace(draft, aggregate=False))
    return kept


def _earlier_year(text: str, published: date) -> bool:
    return any(int(y) < published.year for y in _YEAR.findall(text))


def _dated(draft: Draft) -> bool:
    return draft.when is not None and draft.when.date_start is not None


def inherit_dates(drafts: list[Draft], published: date | None) -> list[Draft]:
    """Give undated drafts the date of the incident they follow up (rule 2)."""
    lead = next((d for d in drafts if _anchors(d)), None)
    out: list[Draft] = []
    incident: Draft | None = None
    for draft in drafts:
        when = draft.when
        anchor = incident or lead
        if _relative_day(draft):
            when = _day_after(draft, anchor.when if anchor and anchor is not draft else None)
        elif not _dated(draft) and not draft.aggregate:
            when = _carried(anchor, incident is None, published, draft)
        draft = replace(draft, when=when)
        if _dated(draft) and not draft.aggregate:
            incident = draft
        out.append(draft)
    return out


def _relative_day(draft: Draft) -> bool:
    """'a day after the blast': the DATE entity is only "a day"; the sentence says after."""
    match = _DAY_AFTER.search(draft.sentence.text)
    text = (draft.when.date_text if draft.when else "") or ""
    return match is not None and text.lower() in match.group(0).lower()


def _anchors(draft: Draft) -> bool:
    return _dated(draft) and not draft.aggregate and not _relative_day(draft)


def _plain(when: DateRange) -> str:
    """The date as the report wrote it, without an earlier provenance note."""
    return re.sub(r"\s*\((?:from|a day|ongoing)[^)]*\)$", "", when.date_text or "")


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
        return replace(anchor, date_text=f"{_plain(anchor)} (from an earlier sentence)")
    if earlier:
        step = timedelta(days=1)
        return DateRange(
            anchor.date_start - step,
            anchor.date_end - step,
            anchor.time_precision,
            f"a day before {_plain(anchor)} (from an earlier sentence)",
        )
    later = resolve_date("a day later", published=None, anchor=anchor)
    if later is None:
        return None
    return replace(later, date_text=f"a day after {_plain(anchor)} (from an earlier sentence)")


def _carried(
    anchor: Draft | None, from_lead: bool, published: date | None, draft: Draft
) -> DateRange | None:
    if anchor is not None and anchor.when is not None and anchor is not draft:
        if from_lead and anchor.sentence.start > draft.sentence.start:
            where = "from a later sentence"
        else:
            where = "from the lead" if from_lead else "from an earlier sentence"
        return replace(anchor.when, date_text=f"{_plain(anchor.when)} ({where})")
    past = draft.trigger.tag_ in ("VBD", "VBN", "NN", "NNS")
    if published is None or not past:
        return draft.when
    return DateRange(
        published - timedelta(days=6), published, 2, "(undated; week before publication)"
    )


def same_incident(earlier: Draft, later: Draft) -> bool:
    """Whether ``later`` reports the incident of ``earlier`` (rule 3)."""
    if earlier.aggregate or later.aggregate or not (_dated(earlier) and _dated(later)):
        return False
    a, b = earlier.when, later.when
    assert a is not None and b is not None  # checked by _dated
    if (a.date_start, a.date_end) != (b.date_start, b.date_end):
        return False
    if resolve_date(_plain(a), published=a.date_end) is None:
        return False  # dated only by its tense ("is battling"): an ongoing front, not an incident
    # A place named in the later sentence must be the incident's, unless the
    # sentence opens by pointing back at it ("The market, in ... district, was hit").
    conflict = bool(later.own_place and later.place and earlier.place) and (
        (later.place or "").lower() != (earlier.place or "").lower()
    )
    if conflict and not _FOLLOW_UP.match(later.sentence.text):
        return False
    first, second = by_code(earlier.code), by_code(later.code)
    if first.event_type in _VIOLENT_TYPES and second.event_type in _VIOLENT_TYPES:
        return True
    return first.name == second.name


__all__ = ["Draft", "drop_background", "inherit_dates", "is_background", "same_incident"]
