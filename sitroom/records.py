"""Typed, frozen records: the contract of ``../shared/spec/records.md`` (v1).

Every extracted item keeps character offsets (``start``/``end``, end exclusive)
into ``Record.text``, the cleaned body. Keys defined by the spec are never
renamed or dropped; extra keys are additions at the end of each class.

``to_dict`` turns any record into plain JSON-ready data (tuples become lists).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SPEC_VERSION = 1

SOURCE_FORMATS = ("txt", "html", "jsonl", "warc")
REMOVED_KINDS = ("promo", "related", "credit", "nav", "other")
SOURCE_TYPES = ("person", "anonymous", "organization", "government", "media", "unknown")
CERTAINTIES = ("reported", "claimed", "unconfirmed")


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    format: str
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of furniture taken out of the body, kept so nothing disappears silently."""

    kind: str
    text: str
    # Extra keys: which rule removed it, so a user can see why.
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Replaced:
    """One input byte that did not decode and what it became (``how``: cp1252|replacement).

    ``line`` is 1-based and ``column`` 0-based, in the decoded input before cleaning.
    """

    line: int
    column: int
    byte: str  # e.g. "0xE9"
    text: str
    how: str


@dataclass(frozen=True, slots=True)
class Repairs:
    mojibake_fixed: int = 0
    encoding_detected: str = "utf-8"
    # Extra keys: names of the repairs that fired (e.g. "ftfy", "lost_final_byte").
    fixes: tuple[str, ...] = ()
    # Bytes of mostly-valid UTF-8 input that failed to decode, each read again on its
    # own (the first 200 listed; ``bytes_replaced`` counts them all).
    replaced: tuple[Replaced, ...] = ()
    bytes_replaced: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    kind: str  # direct | indirect
    speaker: str | None
    speaker_mention: str | None
    speaker_role: str | None
    anonymous: bool
    cue: str | None
    start: int
    end: int
    # Extra keys: where the speaker mention sits in the text.
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    source_type: str
    anonymous: bool
    claim_start: int
    claim_end: int
    hedge: str | None = None
    # Extra keys.
    cue: str | None = None
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    date_text: str | None = None
    fatalities: Fatalities = field(default_factory=Fatalities)
    sources: tuple[str, ...] = ()
    certainty: str = "reported"
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    # Extra keys.
    aggregate: bool = False
    location_text: str | None = None
    actor1_text: str | None = None
    actor2_text: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    wounded: int | None = None
    fatality_text: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    source: Source
    title: str | None
    published: str | None
    byline: tuple[str, ...]
    contributors: tuple[str, ...]
    text: str
    removed: tuple[Removed, ...]
    repairs: Repairs
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    events: tuple[Event, ...]
    # Extra keys.
    dateline: str | None = None
    pipeline: str = ""
    # Why document triage left this document unparsed (no entities, quotes or events
    # were looked for); None when it was processed in full. See sitroom/triage.
    triage: str | None = None
    # ISO 639-1 code (sitroom/nlp/language.py) and the detector's probability for it.
    language: str | None = None
    language_score: float | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that could not be processed: stored and counted, never dropped."""

    path: str
    stage: str
    code: str
    detail: str


def to_dict(obj: Any) -> Any:
    """Plain JSON-ready data for any record (dataclasses, tuples, scalars)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj
