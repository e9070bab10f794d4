"""Event notes rewritten once actors and places are resolved.

Extraction writes each note from what the sentence says. Resolution may rename
an actor after the event's country, or find the place from the dateline when
the sentence names none, so the note is written again from the final event.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitroom.extract.event_notes import date_phrase, make_note
from sitroom.records import Event


def renote(events: tuple[Event, ...]) -> tuple[Event, ...]:
    return tuple(replace(event, notes=note_of(event)) for event in events)


def note_of(event: Event) -> str:
    start = date.fromisoformat(event.date_start) if event.date_start else None
    end = date.fromisoformat(event.date_end) if event.date_end else None
    return make_note(
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        location=event.location_text or event.location,
        when=date_phrase(start, end, event.time_precision),
        fatalities=event.fatalities.low,
        aggregate=event.aggregate,
    )
