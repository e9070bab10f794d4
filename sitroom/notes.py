"""One ACLED-style sentence per event: "On 8 March 2015, ... in Deir al-Zour. 12 fatalities."."""

from __future__ import annotations

from datetime import date

from sitroom.records import Event

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained control from",
    "Non-state actor overtakes territory": "took control from",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Suicide bomb": "carried out a suicide bombing against",
    "Chemical weapon": "used chemical weapons against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "sexually assaulted",
    "Arrests": "arrested",
}

# With no target named, the verb phrase loses its preposition ("shelled" stays,
# "carried out an air/drone strike on" → "carried out an air/drone strike").
_TARGET_PREPOSITIONS = ("with", "from", "on", "against", "at")


def _without_target(verb: str) -> str:
    head, _, last = verb.rpartition(" ")
    return head if head and last in _TARGET_PREPOSITIONS else verb


def date_phrase(start: date | None, end: date | None, precision: int | None) -> str:
    if start is None or end is None:
        return "On an unknown date"
    if precision == 1 and start == end:
        return f"On {start.day} {start:%B %Y}"
    if precision == 1:
        return f"Between {start.day} {start:%B} and {end.day} {end:%B %Y}"
    if precision == 2:
        return f"In the week of {start.day} {start:%B %Y}"
    if start.month == end.month and start.year == end.year:
        return f"In {start:%B %Y}"
    return f"Between {start:%B %Y} and {end:%B %Y}"


def make_note(
    *,
    sub_event_type: str,
    actor1: str | None,
    actor2: str | None,
    location: str | None,
    when: str,
    fatalities: int | None,
    aggregate: bool,
) -> str:
    where = f" in {location}" if location else ""
    verb = _VERBS.get(sub_event_type)
    if verb and actor1:
        body = f"{actor1} {verb} {actor2}" if actor2 else f"{actor1} {_without_target(verb)}"
    else:
        parties = " and ".join(a for a in (actor1, actor2) if a)
        body = (
            f"{sub_event_type.lower()} involving {parties}" if parties else sub_event_type.lower()
        )
        if not parties:
            body = f"{'an' if body[0] in 'aeiou' else 'a'} {body}"
    sentence = f"{when}, {body}{where}."
    if aggregate:
        sentence = f"Aggregate claim: {sentence}"
    if fatalities is not None:
        sentence += f" {fatalities} {'fatality' if fatalities == 1 else 'fatalities'}."
    return sentence


def note_of(event: Event) -> str:
    """The note of an event as it stands (its place as written, else as resolved)."""
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
