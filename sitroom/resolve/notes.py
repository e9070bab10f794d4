"""Event notes rewritten once actors and places are resolved.

Extraction writes each note from what the sentence says. Resolution may rename
an actor after the event's country, or find the place from the dateline when
the sentence names none, so the note is written again from the final event.
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.notes import note_of
from sitroom.records import Event


def renote(events: tuple[Event, ...]) -> tuple[Event, ...]:
    return tuple(replace(event, notes=note_of(event)) for event in events)
