"""Reports grouped into incidents (dedupe's clusters), what they disagree on, who said what.

Dedupe keeps every report of one event as its own stored event with a shared
``cluster_id``; a brief counts the incident once. Its toll spans its reports: the
lowest low figure (ACLED's conservative count) to the highest high figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sitroom.records import CERTAINTIES
from sitroom.report.figures import Contested, Incident, Report, SourceRef
from sitroom.report.query import EventDetail, EventRow

# Firmest first: an incident that any outlet reports as fact is "reported".
_FIRMNESS = {name: rank for rank, name in enumerate(CERTAINTIES)}


def group_incidents(rows: Sequence[EventRow]) -> list[Incident]:
    groups: dict[int, list[EventRow]] = defaultdict(list)
    for row in rows:
        groups[row.cluster_id if row.cluster_id is not None else -row.id].append(row)
    return [_incident(key, members) for key, members in groups.items()]


def _head(members: Sequence[EventRow]) -> EventRow:
    """The report placed most precisely (geocoded, lowest ACLED geo_precision), then the first."""

    def rank(row: EventRow) -> tuple[int, int, int]:
        located = 0 if row.latitude is not None and row.longitude is not None else 1
        precision = row.geo_precision if row.geo_precision is not None else 9
        return located, precision, row.id

    return min(members, key=rank)


def _incident(key: int, members: Sequence[EventRow]) -> Incident:
    head = _head(members)
    lows = [m.fatalities_low for m in members if m.fatalities_low is not None]
    highs = [
        m.fatalities_high if m.fatalities_high is not None else m.fatalities_low
        for m in members
        if m.fatalities_high is not None or m.fatalities_low is not None
    ]
    actors: list[str] = []
    for name in [m.actor1 for m in members] + [m.actor2 for m in members]:
        if name and name not in actors:
            actors.append(name)
    return Incident(
        key=key,
        event_ids=tuple(sorted(m.id for m in members)),
        event_type=head.event_type,
        sub_event_type=head.sub_event_type,
        date_start=min(m.date_start for m in members),
        date_end=max(m.date_end or m.date_start for m in members),
        location=head.location,
        admin1=head.admin1,
        country=head.country,
        latitude=head.latitude,
        longitude=head.longitude,
        geo_precision=head.geo_precision,
        actors=tuple(actors),
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(v for v in highs if v is not None) if highs else None,
        certainty=min((m.certainty for m in members), key=lambda c: _FIRMNESS.get(c, 99)),
        notes=head.notes,
    )


def toll_order(incident: Incident) -> tuple[int, int, int, int]:
    """Sort key: highest conservative toll first, then highest high figure, then latest."""
    return (
        -(incident.fatalities_low or 0),
        -(incident.fatalities_high or 0),
        -date.fromisoformat(incident.date_start).toordinal(),
        incident.key,
    )


def disagreements(members: Sequence[EventRow]) -> tuple[str, ...]:
    """What an incident's reports disagree on; a report silent on a point does not disagree."""
    if len({m.document_id for m in members}) < 2:
        return ()
    found = []
    tolls = {
        (m.fatalities_low, m.fatalities_high)
        for m in members
        if m.fatalities_low is not None or m.fatalities_high is not None
    }
    if len(tolls) > 1:
        found.append("toll")
    named1 = {m.actor1 for m in members if m.actor1}
    named2 = {m.actor2 for m in members if m.actor2}
    if len(named1) > 1 or len(named2) > 1:
        found.append("actors")
    if len({(m.date_start, m.date_end or m.date_start) for m in members}) > 1:
        found.append("dates")
    return tuple(found)


def contested(
    incidents: Sequence[Incident], rows: Sequence[EventRow]
) -> list[Contested]:
    """Incidents whose reports disagree, highest toll first."""
    by_key: dict[int, list[EventRow]] = defaultdict(list)
    for row in rows:
        by_key[row.cluster_id if row.cluster_id is not None else -row.id].append(row)
    found = []
    for incident in sorted(incidents, key=toll_order):
        points = disagreements(by_key[incident.key])
        if points:
            found.append(Contested(incident=incident, disagree_on=points))
    return found


def with_reports(
    incident: Incident, rows: dict[int, EventRow], details: dict[int, EventDetail]
) -> Incident:
    """The incident with each of its reports spelled out (document, figures, sources)."""
    reports = tuple(
        _report(rows[event_id], details[event_id])
        for event_id in incident.event_ids
        if event_id in details
    )
    ordered = sorted(reports, key=lambda r: (r.published or "", r.event_id))
    return replace(incident, reports=tuple(ordered))


def _report(row: EventRow, detail: EventDetail) -> Report:
    event = detail.event
    return Report(
        event_id=row.id,
        document_id=row.document_id,
        outlet=detail.outlet,
        title=detail.title,
        url=detail.url,
        path=detail.path,
        published=detail.published,
        date_start=row.date_start,
        date_end=row.date_end,
        actor1=row.actor1,
        actor2=row.actor2,
        fatalities_low=row.fatalities_low,
        fatalities_high=row.fatalities_high,
        fatality_text=event.get("fatality_text"),
        certainty=row.certainty,
        notes=row.notes,
        evidence_text=detail.evidence_text,
        sources=source_refs(event, detail.attributions),
    )


def source_refs(
    event: dict[str, Any], attributions: Sequence[dict[str, Any]]
) -> tuple[SourceRef, ...]:
    """Each source the event names, typed by the document's attribution of the same name.

    An attribution whose claim overlaps the event's evidence is preferred: one name
    can be quoted twice in a report, once named and once not.
    """
    spans = [(e["start"], e["end"]) for e in event.get("evidence") or ()]

    def overlaps(attribution: dict[str, Any]) -> bool:
        start, end = attribution.get("claim_start", 0), attribution.get("claim_end", 0)
        return any(start < e_end and s < end for s, e_end in spans)

    refs = []
    for name in event.get("sources") or ():
        same = [a for a in attributions if str(a.get("source", "")).lower() == name.lower()]
        same.sort(key=lambda a: not overlaps(a))
        if same:
            refs.append(SourceRef(name, same[0].get("source_type"), same[0].get("anonymous")))
        else:
            refs.append(SourceRef(name, None, None))
    return tuple(refs)
