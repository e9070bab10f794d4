"""How a brief's figures read, shared by the HTML and Markdown renderers.

Every phrase here is a number, a name or a date taken from the figures, with a label.
None judges (no "sharp rise", no "calm"): the reader draws the conclusions.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitroom.report.figures import Brief, Change, DayRange, Incident, Report, SourceRef


def number(value: int) -> str:
    return f"{value:,}"


def change(figure: Change) -> str:
    """'+4 (+50%)', '−2 (−20%)', 'no change', or '+3' when the previous figure is 0."""
    if figure.delta == 0:
        return "no change"
    sign = "+" if figure.delta > 0 else "−"
    text = f"{sign}{number(abs(figure.delta))}"
    if figure.percent is not None:
        text += f" ({sign}{abs(figure.percent)}%)"
    return text


def toll(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "no toll reported"
    if high is None or low == high:
        return number(low or 0)
    if low is None:
        return f"up to {number(high)}"
    return f"{number(low)}–{number(high)}"


def toll_range(low: int, high: int) -> str:
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def dates(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start if not end or end == start else f"{start} to {end}"


def place(incident: Incident) -> str:
    parts: list[str] = []
    for part in (incident.location, incident.admin1, incident.country):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts) if parts else "place not reported"


def actors(names: Sequence[str]) -> str:
    return "; ".join(names) if names else "not named"


def source(ref: SourceRef) -> str:
    if ref.source_type is None:
        return f"{ref.name} (type not recorded)"
    if ref.source_type == "anonymous":
        return f"{ref.name} (anonymous)"
    named = "anonymous" if ref.anonymous else "named"
    return f"{ref.name} ({ref.source_type}, {named})"


def outlet(report: Report) -> str:
    return report.outlet or report.title or report.path


def report_toll(report: Report) -> str:
    figure = toll(report.fatalities_low, report.fatalities_high)
    if report.fatality_text and report.fatalities_low is not None:
        return f"{figure} — “{report.fatality_text}”"
    return figure


def evidence_links(report: Report, link_base: str | None) -> list[tuple[str, str]]:
    """(label, address) pairs: the dashboard's event page, then the article itself."""
    links = []
    if link_base:
        links.append((f"event {report.event_id}", f"{link_base}/events/{report.event_id}"))
    if report.url:
        links.append(("article", report.url))
    return links


def filters(brief: Brief) -> str:
    described = brief.filters.described()
    if not described:
        return "all stored events"
    return "; ".join(f"{name} = {value}" for name, value in described)


def period(brief: Brief) -> str:
    p = brief.period
    return f"{p.start.isoformat()} to {p.end.isoformat()} ({number(p.days)} days)"


def previous(brief: Brief) -> str:
    p = brief.previous
    return f"{p.start.isoformat()} to {p.end.isoformat()}"


def empty_statement(brief: Brief) -> str:
    return (
        f"No events matching {filters(brief)} were recorded between "
        f"{brief.period.start.isoformat()} and {brief.period.end.isoformat()} "
        "in this database."
    )


def share(part: int, whole: int) -> str:
    if whole == 0:
        return "0"
    return f"{number(part)} of {number(whole)} ({round(100 * part / whole)}%)"


def day_ranges(ranges: Sequence[DayRange], limit: int = 12) -> str:
    shown = [
        r.start.isoformat() if r.days == 1 else f"{r.start.isoformat()} to {r.end.isoformat()}"
        for r in ranges[:limit]
    ]
    rest = len(ranges) - limit
    if rest > 0:
        shown.append(f"and {number(rest)} more stretches")
    return "; ".join(shown)


def caveat_lines(brief: Brief) -> list[str]:
    c = brief.caveats
    lines = [
        f"Incidents resting only on claims: {share(c.claimed, c.incidents)}; "
        f"only on unconfirmed reports: {share(c.unconfirmed, c.incidents)}.",
        f"Incidents placed only at province level: {share(c.province_level, c.incidents)}; "
        f"only in a country: {share(c.country_level, c.incidents)}; "
        f"with no place: {share(c.unplaced, c.incidents)}.",
        f"Incidents without coordinates (not on the map): {share(c.unmapped, c.incidents)}.",
        f"Days of the period with no event recorded: {number(brief.days_without_events)} "
        f"of {number(c.days)}"
        + (f" ({day_ranges(c.days_without_events)})." if c.days_without_events else "."),
        f"Days of the period on which no stored document was published: "
        f"{number(c.days_without_documents)} of {number(c.days)}.",
        f"Reports matching the filters that carry no date, left out: "
        f"{number(c.undated_left_out)}.",
        f"Cumulative tolls in the period (reports of deaths over many days), "
        f"not counted as incidents: {number(c.aggregates_left_out)}.",
    ]
    return lines


def outlets(brief: Brief) -> str:
    m = brief.methods
    names = [f"{o.name} ({number(o.documents)})" for o in m.outlets]
    if m.unnamed_outlet_documents:
        names.append(f"outlet not recorded ({number(m.unnamed_outlet_documents)})")
    return ", ".join(names) if names else "none"


def methods_lines(brief: Brief) -> list[str]:
    m = brief.methods
    published = (
        f"published {dates(m.published_first, m.published_last)}"
        if m.published_first
        else "no publication dates recorded"
    )
    return [
        f"Documents behind this brief: {number(m.documents)}, {published}.",
        f"Outlets: {outlets(brief)}.",
        f"Incidents are dedupe clusters (reports of one event merged across documents); "
        f"{number(brief.headline.reports.current)} reports in the period. An event belongs "
        f"to the period by its start date. Fatalities: the lowest reported figure (ACLED's "
        f"conservative count) to the highest.",
        f"Previous period for comparison: {previous(brief)}.",
        f"sitroom {m.sitroom_version}; database {m.database}; generated {m.generated_at}.",
    ]
