"""Stored events → the figures of a brief (``Brief``); nothing here is drawn or written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import make_url

from sitroom import __version__
from sitroom.report import query
from sitroom.report.figures import (
    Brief,
    Caveats,
    Change,
    DayRange,
    Headline,
    Incident,
    Methods,
    Outlet,
    Period,
    ReportFilters,
    TypeFigures,
)
from sitroom.report.incidents import contested, group_incidents, toll_order, with_reports
from sitroom.store import Store

# A brief is read, not scrolled: ten incidents is what OCHA situation reports and
# ACLED regional overviews list as the period's main events.
TOP_INCIDENTS = 10
CONTESTED_SHOWN = 10
# With no dates given and no events to take them from, the brief covers 30 days to today.
DEFAULT_DAYS = 30
REGION_PRECISION = 3  # ACLED geo_precision 3: a region or province


def resolve_period(store: Store, filters: ReportFilters, *, today: date | None = None) -> Period:
    """The dates given; a missing one is taken from the first/last event the filters keep."""
    start, end = filters.date_from, filters.date_to
    if start is None or end is None:
        span = query.date_span(store, filters)
        if span is None:
            end = end or today or date.today()
            start = start or end - timedelta(days=DEFAULT_DAYS - 1)
        else:
            start = start or span[0]
            end = end or max(span[1], start)
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    return Period(start, end)


def build_brief(
    store: Store,
    filters: ReportFilters | None = None,
    *,
    top: int = TOP_INCIDENTS,
    contested_shown: int = CONTESTED_SHOWN,
    link_base: str | None = None,
    version: str = __version__,
) -> Brief:
    filters = filters or ReportFilters()
    period = resolve_period(store, filters)
    previous = period.previous()
    rows = query.event_rows(store, filters, period)
    before = query.event_rows(store, filters, previous)
    incidents = group_incidents(rows)
    earlier = group_incidents(before)

    ranked = sorted(incidents, key=toll_order)[:top]
    disputed = contested(incidents, rows)
    shown_disputes = disputed[:contested_shown]
    listed = {i for incident in ranked for i in incident.event_ids} | {
        i for c in shown_disputes for i in c.incident.event_ids
    }
    details = query.event_details(store, sorted(listed))
    by_id = {row.id: row for row in rows}
    ranked = [with_reports(incident, by_id, details) for incident in ranked]
    shown_disputes = [
        replace(c, incident=with_reports(c.incident, by_id, details)) for c in shown_disputes
    ]
    return Brief(
        filters=filters,
        period=period,
        previous=previous,
        headline=_headline(incidents, earlier, len(rows), len(before)),
        by_type=_by_type(incidents, earlier),
        incidents=tuple(sorted(incidents, key=lambda i: (i.date_start, i.key))),
        top=tuple(ranked),
        contested=tuple(shown_disputes),
        contested_total=len(disputed),
        caveats=_caveats(store, filters, period, incidents),
        methods=_methods(store, [r.document_id for r in rows], version),
        link_base=link_base.rstrip("/") if link_base else None,
    )


def _toll(incidents: Sequence[Incident]) -> tuple[int, int]:
    low = sum(i.fatalities_low or 0 for i in incidents)
    high = sum(i.fatalities_high or 0 for i in incidents)
    return low, high


def _headline(
    incidents: Sequence[Incident], earlier: Sequence[Incident], reports: int, reports_before: int
) -> Headline:
    low, high = _toll(incidents)
    low_before, high_before = _toll(earlier)
    return Headline(
        incidents=Change(len(incidents), len(earlier)),
        reports=Change(reports, reports_before),
        fatalities_low=Change(low, low_before),
        fatalities_high=Change(high, high_before),
        with_toll=sum(1 for i in incidents if i.fatalities_low is not None),
    )


def _by_type(incidents: Sequence[Incident], earlier: Sequence[Incident]) -> tuple[TypeFigures, ...]:
    now = Counter(i.event_type for i in incidents)
    then = Counter(i.event_type for i in earlier)
    figures = []
    for event_type in sorted(set(now) | set(then), key=lambda t: (-now[t], -then[t], t)):
        low, high = _toll([i for i in incidents if i.event_type == event_type])
        low_b, high_b = _toll([i for i in earlier if i.event_type == event_type])
        figures.append(
            TypeFigures(
                event_type=event_type,
                incidents=Change(now[event_type], then[event_type]),
                fatalities_low=Change(low, low_b),
                fatalities_high=Change(high, high_b),
            )
        )
    return tuple(figures)


def _covered_days(incidents: Sequence[Incident], period: Period) -> set[date]:
    days: set[date] = set()
    for incident in incidents:
        start = max(date.fromisoformat(incident.date_start), period.start)
        end = min(date.fromisoformat(incident.date_end), period.end)
        while start <= end:
            days.add(start)
            start += timedelta(days=1)
    return days


def _gaps(covered: set[date], period: Period) -> tuple[DayRange, ...]:
    gaps: list[DayRange] = []
    day = period.start
    while day <= period.end:
        if day not in covered:
            if gaps and gaps[-1].end == day - timedelta(days=1):
                gaps[-1] = DayRange(gaps[-1].start, day)
            else:
                gaps.append(DayRange(day, day))
        day += timedelta(days=1)
    return tuple(gaps)


def _caveats(
    store: Store, filters: ReportFilters, period: Period, incidents: Sequence[Incident]
) -> Caveats:
    certainty = Counter(i.certainty for i in incidents)
    published = query.publishing_days(store, period)
    return Caveats(
        incidents=len(incidents),
        claimed=certainty["claimed"],
        unconfirmed=certainty["unconfirmed"],
        province_level=sum(
            1 for i in incidents if i.location and i.geo_precision == REGION_PRECISION
        ),
        country_level=sum(1 for i in incidents if not i.location and i.country),
        unplaced=sum(1 for i in incidents if not i.location and not i.country),
        unmapped=sum(1 for i in incidents if i.latitude is None or i.longitude is None),
        undated_left_out=query.undated_count(store, filters),
        aggregates_left_out=query.aggregate_count(store, filters, period),
        days=period.days,
        days_without_events=_gaps(_covered_days(incidents, period), period),
        days_without_documents=period.days - len(published),
    )


def _methods(store: Store, document_ids: Sequence[str], version: str) -> Methods:
    documents = query.documents_of(store, document_ids)
    outlets = Counter(d["outlet"] for d in documents if d["outlet"])
    dates = sorted(d["published"] for d in documents if d["published"])
    return Methods(
        documents=len(documents),
        outlets=tuple(
            Outlet(name, n) for name, n in sorted(outlets.items(), key=lambda o: (-o[1], o[0]))
        ),
        unnamed_outlet_documents=sum(1 for d in documents if not d["outlet"]),
        published_first=dates[0] if dates else None,
        published_last=dates[-1] if dates else None,
        sitroom_version=version,
        database=make_url(store.url).render_as_string(hide_password=True),
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
