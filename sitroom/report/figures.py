"""What a brief says, as typed, frozen data: every figure here is computed from stored events.

The renderers (HTML, Markdown, PDF) only lay these figures out; none of them adds a
statement of its own, so a brief cannot say more than the database holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportFilters:
    """Which events a brief covers. Text filters match case-insensitively.

    ``actor`` matches part of either actor's name ("Protesters" matches
    "Protesters (Ukraine)"); the others match the whole value. ``event_type``
    matches an event type or a sub-event type, as the dashboard's filter does.
    """

    country: str | None = None
    admin1: str | None = None
    actor: str | None = None
    event_type: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> ReportFilters:
        """Filters from the dashboard's query parameters (country, type, since, until, and
        admin1, actor); empty values are ignored, a malformed date raises ValueError."""

        def day(name: str) -> date | None:
            value = params.get(name) or None
            return date.fromisoformat(value) if value else None

        return cls(
            country=params.get("country") or None,
            admin1=params.get("admin1") or None,
            actor=params.get("actor") or None,
            event_type=params.get("type") or None,
            date_from=day("since"),
            date_to=day("until"),
        )

    def described(self) -> tuple[tuple[str, str], ...]:
        pairs = (
            ("country", self.country),
            ("admin1", self.admin1),
            ("actor", self.actor),
            ("event type", self.event_type),
        )
        return tuple((name, value) for name, value in pairs if value)


@dataclass(frozen=True, slots=True)
class Period:
    """Days ``start`` to ``end``, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)


@dataclass(frozen=True, slots=True)
class Change:
    """A figure for the period next to the same figure for the previous period."""

    current: int
    previous: int

    @property
    def delta(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> int | None:
        """Rounded change in percent; None when the previous figure is 0."""
        if self.previous == 0:
            return None
        return round(100 * self.delta / self.previous)


@dataclass(frozen=True, slots=True)
class TypeFigures:
    event_type: str
    incidents: Change
    fatalities_low: Change
    fatalities_high: Change


@dataclass(frozen=True, slots=True)
class Headline:
    incidents: Change
    reports: Change
    fatalities_low: Change  # ACLED's conservative figure: the lowest reported toll
    fatalities_high: Change
    with_toll: int  # incidents of the period whose reports give any death toll


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One named source of a report, as the attribution stage read it."""

    name: str
    source_type: str | None  # None: no attribution of that name in the document
    anonymous: bool | None


@dataclass(frozen=True, slots=True)
class Report:
    """One document's account of an incident (one stored event)."""

    event_id: int
    document_id: str
    outlet: str | None
    title: str | None
    url: str | None
    path: str
    published: str | None
    date_start: str | None
    date_end: str | None
    actor1: str | None
    actor2: str | None
    fatalities_low: int | None
    fatalities_high: int | None
    fatality_text: str | None
    certainty: str
    notes: str | None
    evidence_text: str | None
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class Incident:
    """One event as dedupe merged it: every report of it that the filters keep."""

    key: int  # the cluster id, or minus the event id for an event in no cluster
    event_ids: tuple[int, ...]
    event_type: str
    sub_event_type: str
    date_start: str
    date_end: str
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actors: tuple[str, ...]
    fatalities_low: int | None  # the lowest of the reports' low figures
    fatalities_high: int | None  # the highest of their high figures
    certainty: str  # the firmest of its reports: reported, then claimed, then unconfirmed
    notes: str | None
    reports: tuple[Report, ...] = ()  # filled for the incidents a brief lists


@dataclass(frozen=True, slots=True)
class Contested:
    incident: Incident
    disagree_on: tuple[str, ...]  # of "toll", "actors", "dates"


@dataclass(frozen=True, slots=True)
class DayRange:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Caveats:
    incidents: int
    claimed: int  # incidents whose firmest report is a claim
    unconfirmed: int  # incidents whose firmest report is unconfirmed
    province_level: int  # placed only at province level (ACLED geo_precision 3)
    country_level: int  # placed only in a country
    unplaced: int  # no country either
    unmapped: int  # no coordinates, so not on the map
    undated_left_out: int  # reports matching the filters that carry no date
    aggregates_left_out: int  # cumulative tolls ("have killed 8,500 since August")
    days: int
    days_without_events: tuple[DayRange, ...]
    days_without_documents: int  # days on which no stored document was published


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    documents: int


@dataclass(frozen=True, slots=True)
class Methods:
    documents: int
    outlets: tuple[Outlet, ...]
    unnamed_outlet_documents: int
    published_first: str | None
    published_last: str | None
    sitroom_version: str
    database: str
    generated_at: str


@dataclass(frozen=True, slots=True)
class Brief:
    filters: ReportFilters
    period: Period
    previous: Period
    headline: Headline
    by_type: tuple[TypeFigures, ...]
    incidents: tuple[Incident, ...]  # every incident of the period, for the map and chart
    top: tuple[Incident, ...]
    contested: tuple[Contested, ...]
    contested_total: int
    caveats: Caveats
    methods: Methods
    link_base: str | None = None  # the dashboard's address, for links back to evidence

    @property
    def empty(self) -> bool:
        return self.headline.incidents.current == 0

    @property
    def days_without_events(self) -> int:
        return sum(r.days for r in self.caveats.days_without_events)
