"""Metadata normalisation shared by the readers."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO date or timestamp or an RFC 2822 date; None otherwise."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE_RE.match(text)
    if match:
        try:
            year, month, day = (int(part) for part in match.groups())
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def optional_str(value: object) -> str | None:
    """A non-empty stripped string, or None for anything else."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
