"""The records of the places package: a gazetteer entry and a resolved mention."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("continent", "country", "area", "admin1", "admin2", "city")


@dataclass(frozen=True, slots=True)
class GazPlace:
    """One gazetteer entry.

    ``kind`` is one of ``KINDS``. ``admin1`` is the GeoNames admin1 code within
    ``cc`` (None for a country); ``admin2`` is the gazetteer id of the city's
    admin2 region when known. Regions carry a population-weighted centroid and
    the summed population of their member places.
    """

    id: int
    name: str
    kind: str
    cc: str
    admin1: str | None
    admin2: int | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention in a document and what it resolved to (if anything).

    ``start``/``end`` index ``doc.text``. Unresolved mentions keep their text and
    have ``place`` None. ``demonym`` marks adjectival mentions ("Syrian"),
    which give context and a country but are never an event location.
    ``score`` is the winning candidate's margin-based confidence in [0, 1].
    """

    text: str
    start: int
    end: int
    place: GazPlace | None
    country: str | None = None
    admin1: str | None = None
    source: str = "ner"  # ner | gazetteer | demonym | phrase
    demonym: bool = False
    score: float = 0.0
