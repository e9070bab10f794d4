"""Merge reports of one event across documents, keeping every source.

Two events from different documents are the same event when they share the
sub-event type, their date ranges overlap (or touch within a day, since two
outlets can date an overnight attack either side of midnight) and they happened
in the same place: within ``SAME_PLACE_KM`` when both are geocoded, or the same
place-name skeleton (see ``place_key``) when not. Aggregate claims are never
merged. How events are grouped from these pairwise rules (blocking, complete
linkage, one report's events never together) is ``link.py``; the candidates an
event is compared with are ``blocks.py``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sitroom.distance import haversine_km

METHOD = "dedupe-v2"

# ACLED's own location precision is the town (geo_precision 1); two reports of
# one incident geocoded to the same town land within a few km of each other.
# 25 km also matches the tolerance UCDP uses when comparing event coordinates.
SAME_PLACE_KM = 25.0
# Arabic article forms dropped from transliterated names ("Deir ez-Zor", "Ar-Raqqah").
_ARTICLES = {"al", "el", "ar", "as", "ash", "ad", "adh", "az", "ez", "an", "at", "ath", "es", "ed"}
_VOWELS = set("aeiouyw")
DATE_SLACK = timedelta(days=1)
REGION_PRECISION = 3


@dataclass(frozen=True, slots=True)
class StoredEvent:
    id: int
    document_id: str
    sub_event_type: str
    event_type: str
    country: str | None
    location: str | None
    location_text: str | None
    admin1: str | None
    geo_precision: int | None
    latitude: float | None
    longitude: float | None
    date_start: date | None
    date_end: date | None
    fatalities_low: int | None
    fatalities_high: int | None
    aggregate: bool
    sources: tuple[str, ...]
    # Skeletons of every name the event's place goes by (resolved and as written).
    place_keys: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, event_id: int, document_id: str, data: dict[str, Any]) -> StoredEvent:
        fatalities = data.get("fatalities") or {}
        return cls(
            id=event_id,
            document_id=document_id,
            sub_event_type=data["sub_event_type"],
            event_type=data["event_type"],
            country=data.get("country"),
            location=data.get("location"),
            location_text=data.get("location_text"),
            admin1=data.get("admin1"),
            geo_precision=data.get("geo_precision"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            date_start=_date(data.get("date_start")),
            date_end=_date(data.get("date_end") or data.get("date_start")),
            fatalities_low=fatalities.get("low"),
            fatalities_high=fatalities.get("high"),
            aggregate=bool(data.get("aggregate")),
            sources=tuple(data.get("sources") or ()),
            place_keys=frozenset(
                key
                for name in (data.get("location"), data.get("location_text"))
                if name and (key := place_key(name))
            ),
        )

    @property
    def place_name(self) -> str | None:
        return self.location or self.location_text


@dataclass(frozen=True, slots=True)
class Cluster:
    id: int
    members: tuple[StoredEvent, ...]

    def summary(self) -> dict[str, Any]:
        located = [m for m in self.members if m.latitude is not None]
        head = located[0] if located else self.members[0]
        starts = [m.date_start for m in self.members if m.date_start]
        ends = [m.date_end for m in self.members if m.date_end]
        lows = [m.fatalities_low for m in self.members if m.fatalities_low is not None]
        highs = [m.fatalities_high for m in self.members if m.fatalities_high is not None]
        sources = {s for m in self.members for s in m.sources} | {
            m.document_id for m in self.members
        }
        return {
            "id": self.id,
            "event_type": head.event_type,
            "sub_event_type": head.sub_event_type,
            "location": head.place_name,
            "country": head.country,
            "latitude": head.latitude,
            "longitude": head.longitude,
            # The overlap of the reports' ranges is where they agree.
            "date_start": max(starts).isoformat() if starts else None,
            "date_end": min(ends).isoformat() if ends else None,
            # Every report's figure is kept on its own event; the cluster spans them.
            "fatalities_low": min(lows) if lows else None,
            "fatalities_high": max(highs) if highs else None,
            "n_reports": len({m.document_id for m in self.members}),
            "n_sources": len(sources),
            "method": METHOD,
        }


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def same_place(a: StoredEvent, b: StoredEvent) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if REGION_PRECISION in (a.geo_precision, b.geo_precision) and a.admin1 and b.admin1:
        # One report names only the province (ACLED precision 3, coded to its
        # centroid), the other the town in it: the centroid can be 100 km from the
        # town, so compare the province instead of the distance.
        return a.admin1 == b.admin1 and a.country == b.country
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        distance = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        return distance <= SAME_PLACE_KM
    # One report geocoded and the other not (or neither): the names must agree, as
    # resolved or as written ("Deir ez-Zor" in one, "Deir al-Zour" in the other).
    return bool(a.place_keys & b.place_keys)


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A consonant skeleton that transliteration variants of one name share.

    Fuzzy ratios were tried first and rejected: "Sanaa"/"Saada" (two Yemeni cities)
    score 80 with rapidfuzz's token_set_ratio, higher than the true variants
    "Deir ez-Zor"/"Deir al-Zour" (78). Skeletons separate them: "Deir ez-Zor",
    "Deir al-Zour" and "Deir Ezzor" all give "drzr"; "Sanaa" gives "sn" and
    "Saada" "sd"; "Kobani"/"Kobane" give "kbn"; "Qunduz"/"Kunduz" give "kndz".
    """
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = [w for w in re.split(r"[^a-z]+", folded) if w and w not in _ARTICLES]
    if words and words[-1] in {"province", "governorate", "district", "city", "town"}:
        words = words[:-1]
    skeleton = ""
    for word in words:
        # Qaf is written q or k ("Qandahar"/"Kandahar", "Qamishli"/"Kamishli").
        consonants = ["k" if ch == "q" else ch for ch in word if ch not in _VOWELS]
        if len(consonants) > 1 and consonants[-1] == "h":
            consonants.pop()  # Raqqa / Raqqah
        skeleton += "".join(consonants)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def overlapping_dates(a: StoredEvent, b: StoredEvent) -> bool:
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        # An undated report cannot be tied to a dated one with any confidence.
        return False
    return a.date_start <= b.date_end + DATE_SLACK and b.date_start <= a.date_end + DATE_SLACK


def is_same_event(a: StoredEvent, b: StoredEvent) -> bool:
    return (
        a.document_id != b.document_id
        and not a.aggregate
        and not b.aggregate
        and a.sub_event_type == b.sub_event_type
        and overlapping_dates(a, b)
        and same_place(a, b)
    )


def apart_km(a: StoredEvent, b: StoredEvent) -> float:
    """Distance for ordering matches; 0 when the names agree, unknown ones last."""
    if a.place_keys & b.place_keys:
        return 0.0
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def cluster_rows(clusters: Sequence[Cluster]) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """Rows for the ``clusters`` table and the event → cluster map."""
    rows = [cluster.summary() for cluster in clusters]
    members = {m.id: cluster.id for cluster in clusters for m in cluster.members}
    return rows, members
