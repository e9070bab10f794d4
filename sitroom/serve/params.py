"""Validation of every request parameter: a bad one is a 400 in the one JSON error shape.

Nothing a client sends reaches SQL except as a bound value: filters are parsed
into ``EventFilter`` fields, sort keys are looked up in a fixed table, numbers
are bounded and dates parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from starlette.datastructures import QueryParams

from sitroom.records import CERTAINTIES, SOURCE_TYPES
from sitroom.store.filters import SORT_COLUMNS, EventFilter
from sitroom.store.search import terms
from sitroom.store.sources import NO_SOURCE

# Page sizes: the dashboard shows pages; scripts may take bigger ones from /api/events.
PAGE_LIMIT = 50
MAX_LIMIT = 1000
# Far beyond any real offset, small enough that SQL never sees an overflowing number.
MAX_OFFSET = 10_000_000
# Row ids are SQLite/PostgreSQL integers; 2**31 - 1 fits both INTEGER types.
MAX_ID = 2**31 - 1
MAX_FATALITIES = 10_000_000
MAX_TEXT = 200
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
DOCUMENT_ID = re.compile(r"[0-9a-f]{64}")

TEXT_FILTERS = ("country", "admin1", "type", "sub_type", "actor", "outlet")
FILTER_PARAMS = (
    "q",
    *TEXT_FILTERS,
    "since",
    "until",
    "certainty",
    "fatalities_min",
    "fatalities_max",
    "source_type",
    "cluster",
)
PAGING_PARAMS = ("sort", "limit", "offset")


class BadRequest(ValueError):
    """A parameter the server will not act on (rendered as the one error shape, 400)."""


def integer(value: str, name: str, low: int, high: int) -> int:
    if not re.fullmatch(r"-?\d{1,20}", value.strip()):
        raise BadRequest(f"{name} must be a whole number, not {value[:40]!r}")
    number = int(value)
    if not low <= number <= high:
        raise BadRequest(f"{name} must be between {low} and {high}")
    return number


def iso_date(value: str, name: str) -> str:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise BadRequest(f"{name} must be a date YYYY-MM-DD, not {value[:40]!r}") from exc


def plain_text(value: str, name: str) -> str:
    if len(value) > MAX_TEXT:
        raise BadRequest(f"{name} is longer than {MAX_TEXT} characters")
    if CONTROL.search(value):
        raise BadRequest(f"{name} contains control characters")
    return value.strip()


def event_id(value: str) -> int:
    return integer(value, "event_id", 1, MAX_ID)


def document_id(value: str) -> str:
    if not DOCUMENT_ID.fullmatch(value):
        raise BadRequest("document_id must be 64 lowercase hex characters")
    return value


def single(params: QueryParams, allowed: Iterable[str]) -> dict[str, str]:
    """The query as one value per name; unknown or repeated names are refused."""
    allowed = set(allowed)
    out: dict[str, str] = {}
    for name in params:
        if name not in allowed:
            raise BadRequest(
                f"unknown parameter {name[:40]!r}; accepted: {', '.join(sorted(allowed))}"
            )
        values = params.getlist(name)
        if len(values) > 1:
            raise BadRequest(f"{name} is given more than once")
        if values[0] != "":
            out[name] = values[0]
    return out


def event_filter(
    params: QueryParams, *, paged: bool = True, max_limit: int = MAX_LIMIT, limit: int = PAGE_LIMIT
) -> EventFilter:
    """The filter a request asks for, or BadRequest naming the first bad parameter."""
    raw = single(params, (*FILTER_PARAMS, *(PAGING_PARAMS if paged else ("sort",))))
    fields: dict[str, Any] = {}
    for name in TEXT_FILTERS:
        if name in raw:
            fields[name] = plain_text(raw[name], name)
    if "q" in raw:
        q = plain_text(raw["q"], "q")
        if not terms(q):
            raise BadRequest("q must contain at least one word")
        fields["q"] = q
    for name in ("since", "until"):
        if name in raw:
            fields[name] = iso_date(raw[name], name)
    if "since" in fields and "until" in fields and fields["since"] > fields["until"]:
        raise BadRequest("since must not be after until")
    if "certainty" in raw:
        if raw["certainty"] not in CERTAINTIES:
            raise BadRequest(f"certainty must be one of {', '.join(CERTAINTIES)}")
        fields["certainty"] = raw["certainty"]
    if "source_type" in raw:
        kinds = (*SOURCE_TYPES, NO_SOURCE)
        if raw["source_type"] not in kinds:
            raise BadRequest(f"source_type must be one of {', '.join(kinds)}")
        fields["source_type"] = raw["source_type"]
    for name in ("fatalities_min", "fatalities_max"):
        if name in raw:
            fields[name] = integer(raw[name], name, 0, MAX_FATALITIES)
    if fields.get("fatalities_min", 0) > fields.get("fatalities_max", MAX_FATALITIES):
        raise BadRequest("fatalities_min must not be above fatalities_max")
    if "cluster" in raw:
        fields["cluster_id"] = integer(raw["cluster"], "cluster", 1, MAX_ID)
    if "sort" in raw:
        if raw["sort"].removeprefix("-") not in SORT_COLUMNS:
            raise BadRequest(f"sort must be one of {', '.join(SORT_COLUMNS)} (prefix - to reverse)")
        fields["sort"] = raw["sort"]
    if paged:
        fields["limit"] = integer(raw["limit"], "limit", 1, max_limit) if "limit" in raw else limit
        if "offset" in raw:
            fields["offset"] = integer(raw["offset"], "offset", 0, MAX_OFFSET)
    return EventFilter(**fields)


def filter_query(f: EventFilter) -> dict[str, str]:
    """The public query parameters that reproduce a filter (for links and exports)."""
    out = {k: str(v) for k, v in f.active().items() if k not in {"cluster_id", "document_id"}}
    if f.cluster_id is not None:
        out["cluster"] = str(f.cluster_id)
    return out


PARAM_HELP = {
    "q": "words that must all occur in the event's notes, evidence, actors, place or document",
    "country": "country name, any case",
    "admin1": "first-level region, any case",
    "type": "event type or sub-event type, any case",
    "sub_type": "sub-event type, any case",
    "actor": "part of either actor's name, any case",
    "since": "YYYY-MM-DD: events ending on or after",
    "until": "YYYY-MM-DD: events starting on or before",
    "certainty": "reported | claimed | unconfirmed",
    "fatalities_min": "at least this many deaths (best estimate, else low)",
    "fatalities_max": "at most this many deaths",
    "source_type": "type of an attributed source: " + " | ".join((*SOURCE_TYPES, NO_SOURCE)),
    "outlet": "publishing outlet, any case",
    "cluster": "dedupe cluster id",
    "sort": "date | fatalities | country | admin1 | location | type | actor | certainty | id; "
    "prefix - for descending (default -date)",
    "limit": f"page size, 1..{MAX_LIMIT} (default {PAGE_LIMIT})",
    "offset": f"rows to skip, 0..{MAX_OFFSET}",
}


def openapi_parameters(*, paged: bool = True) -> list[dict[str, Any]]:
    names = (*FILTER_PARAMS, "sort", *(("limit", "offset") if paged else ()))
    return [
        {
            "name": n,
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": PARAM_HELP[n],
        }
        for n in names
    ]
