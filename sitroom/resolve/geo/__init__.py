"""Places: resolve every place mention offline and tie events to where they happened.

Public API:
- ``resolve_places(doc)`` → every place mention with offsets and resolution;
- ``geocode_events(doc, events)`` → the events with location, admin1, country,
  latitude, longitude and geo_precision filled (ACLED precision 1/2/3);
- ``get_gazetteer()`` → the process-wide gazetteer (built and cached at first use).

See docs/geo.md for the gazetteer sources, the method and the evaluation.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitroom.records import Event
from sitroom.resolve.geo.context import GeoContext, hint_countries
from sitroom.resolve.geo.disambiguate import resolve
from sitroom.resolve.geo.gazetteer import Candidate, Gazetteer, build_index, get_gazetteer
from sitroom.resolve.geo.locate import geocode_with
from sitroom.resolve.geo.place import GazPlace, Place
from sitroom.resolve.geo.toponyms import Mention, find_mentions

# /2: report context (GeoContext, containers, no guesses abroad), sequential rounds.
GEOCODER_NAME = "sitroom-geo/2"

__all__ = [
    "GEOCODER_NAME",
    "Candidate",
    "GazPlace",
    "Gazetteer",
    "GeoContext",
    "Mention",
    "Place",
    "build_index",
    "geocode_events",
    "get_gazetteer",
    "resolve_places",
]


def resolve_places(doc: Doc, *, gazetteer: Gazetteer | None = None) -> tuple[Place, ...]:
    """Every place (and demonym) mention in ``doc``, in text order, resolved where possible."""
    gaz = gazetteer if gazetteer is not None else get_gazetteer()
    return resolve(gaz, find_mentions(doc, gaz))


def geocode_events(
    doc: Doc,
    events: tuple[Event, ...],
    *,
    gazetteer: Gazetteer | None = None,
    context: GeoContext | None = None,
) -> tuple[Event, ...]:
    """``events`` with their place fields filled from the mention that says where each happened.

    An event whose place cannot be found or resolved keeps its fields as they
    were (None); its ``location_text`` is never dropped. Coordinates are the
    gazetteer's, never jittered. ``context`` carries what the body no longer
    says (the dateline's place, the outlet's country): it seeds
    disambiguation and is the last fallback for an event whose own place
    cannot be resolved (coded there at precision 2).
    """
    if not events:
        return events
    gaz = gazetteer if gazetteer is not None else get_gazetteer()
    mentions = find_mentions(doc, gaz)
    places = resolve(gaz, mentions, hint_countries=hint_countries(gaz, context))
    return geocode_with(doc, gaz, mentions, places, events, context=context)
