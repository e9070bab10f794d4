"""State forces and crowds named after the country where the event happened.

Extraction names an actor the text leaves stateless ("police", "soldiers",
"protesters") after the country the report is mostly about, because places are
not resolved yet. A report about Iraq that tells of an ambush in Deir al-Zour
would then credit the "Police Forces of Iraq". Once the event is geocoded, its
own country is the better guess; an actor whose text names its country
("Syrian troops") keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from sitroom.records import Event
from sitroom.resolve.actors import normalize_actor

_UNKNOWN = " (unknown country)"
# The crowd labels extraction gives whatever the report calls the crowd.
_CROWDS = ("Protesters", "Rioters")


def _relabel(name: str | None, text: str | None, country: str) -> tuple[str | None, int | None]:
    """(new name, inter) when ``name`` took its country from the report, else (None, None)."""
    if name is None:
        return None, None
    crowd = next((c for c in _CROWDS if name == c or name.startswith(f"{c} (")), None)
    if crowd is not None:
        actor = normalize_actor(crowd.lower(), country=country)
        return actor.name, actor.inter
    if not text:
        return None, None
    stateless = normalize_actor(text)
    stem = stateless.name.removesuffix(_UNKNOWN)
    if stem == stateless.name and stateless.name != name.split(" (")[0]:
        return None, None  # a named group or an actor whose text says its country
    if not name.startswith(stem):
        return None, None
    actor = normalize_actor(text, country=country)
    return actor.name, actor.inter


def localize_actors(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Rename context-country actors after each geocoded event's own country."""
    out = []
    for event in events:
        if event.country is None:
            out.append(event)
            continue
        name1, inter1 = _relabel(event.actor1, event.actor1_text, event.country)
        name2, inter2 = _relabel(event.actor2, event.actor2_text, event.country)
        if (name1 is None or name1 == event.actor1) and (name2 is None or name2 == event.actor2):
            out.append(event)
            continue
        out.append(
            replace(
                event,
                actor1=name1 or event.actor1,
                inter1=inter1 if name1 else event.inter1,
                actor2=name2 or event.actor2,
                inter2=inter2 if name2 else event.inter2,
            )
        )
    return tuple(out)
