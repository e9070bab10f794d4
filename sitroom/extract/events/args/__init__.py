"""The arguments of an event unit: who (``parties``, ``actors``, ``coref``), where
(``places``) and when (``when``), read from spaCy's parse and entities."""

from __future__ import annotations

from sitroom.extract.events.args.actors import victims
from sitroom.extract.events.args.named_dead import named_dead
from sitroom.extract.events.args.named_later import named_later
from sitroom.extract.events.args.parties import actors, fought_back
from sitroom.extract.events.args.places import ANAPHOR, location_text, place_ents
from sitroom.extract.events.args.refer import points_back, refers_back
from sitroom.extract.events.args.when import ONGOING_NOTE, event_date

__all__ = [
    "ANAPHOR",
    "ONGOING_NOTE",
    "actors",
    "event_date",
    "fought_back",
    "location_text",
    "named_dead",
    "named_later",
    "place_ents",
    "points_back",
    "refers_back",
    "victims",
]
