"""Background: drafts that are context rather than an event of the report.

A news report tells one or two incidents across many sentences. Read one
sentence at a time, the same incident comes out several times ("Islamic State
militants ambushed a bus on Sunday night ...", "The attack took place on the
highway ...", "Sunday's ambush was the deadliest ..."), follow-ups come out
undated, and background ("since 2015", "in recent months", "are regularly
abducted") comes out as if it were news. ``assemble`` carries dates and
joins incidents; this module decides what is background.

Background (``is_background``): a date more than
   ``_HISTORY_DAYS`` before publication, a habitual period ("in recent
   months", "this year", "since ..."), a generic present-tense statement, or a
   running total that carries no count. Totals with a count stay, flagged
   ``aggregate``.
ic developments join only their own sub-type.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitroom.extract.events.draft import Draft, dated

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
    if _HABITUAL_TEXT.search(draft.sentence.text) or _told_as_period(draft):
        return True
    if published and not dated(draft) and _earlier_year(draft.sentence.text, published):
        return True  # "seized the town in March 2019 after weeks of fighting" (unresolved)
    if draft.generic and not draft.aggregate:
        # "have staged a string of raids in recent weeks": present (perfect) over a
        # period, with no count, is context; with a count it is a coded total.
        period = draft.when is None or (draft.when.time_precision or 3) >= 3
        if period and draft.deaths.killed is None:
            return True
    # A running total is kept (flagged) only with a count of its own: "a rise in deaths" is not one.
    return draft.aggregate and not _counted(draft)


# "For months, rebels have been waging battles", "fighting has raged for months".
_PERIOD_WORDS = frozenset({"months", "years", "decades"})


def _told_as_period(draft: Draft) -> bool:
    """Whether the act itself is told as lasting months or years: "for months" hangs on
    the trigger's verb (not on another word: "demonstrated, denouncing a lack of aid for
    months" is one day's protest)."""
    trigger = draft.trigger
    return any(
        t.lower_ == "for"
        and t.head in (trigger, trigger.head)
        and any(c.lower_ in _PERIOD_WORDS for c in t.children)
        for t in draft.sentence
    )


def _earlier_year(text: str, published: date) -> bool:
    return any(int(y) < published.year for y in _YEAR.findall(text))


__all__ = ["is_background"]
