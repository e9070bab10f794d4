"""The day a report was written, when its metadata gives none: the latest full date
it states ("released by the Defence Ministry on November 15, 2016").

A report is written on or after every full date it states, and relative dates
("Tuesday", "in the past 24 hours") are read against the day it was written. With
no publication date, the latest full date (day, month and year) stated in the text
is the best anchor a reader has; without one, relative dates stay unresolved.
"""

from __future__ import annotations

import re
from datetime import date

from sitroom.resolve.dates import resolve_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.?,? (?:19|20)\d\d\b"
)


def stated_day(text: str) -> date | None:
    """The latest full date the text states, or None."""
    days = []
    for match in _FULL_DATE.finditer(text):
        resolved = resolve_date(match.group(0), published=None)
        if resolved is not None and resolved.time_precision == 1 and resolved.date_end:
            days.append(resolved.date_end)
    return max(days, default=None)
