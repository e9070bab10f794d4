"""Server-side SVG for the map and the timeline.

The dashboard must work offline (no tile server, no CDN), so the map is an
equirectangular plot of event coordinates on a graticule, framed to the events.
Coordinates are drawn exactly as stored: never jittered.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

WIDTH, HEIGHT = 760, 420
# Degrees of margin around the events' bounding box, so edge points stay visible.
MARGIN_DEG = 1.5

TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}


def map_svg(events: Sequence[dict[str, Any]]) -> str:
    located = [
        e for e in events if e.get("latitude") is not None and e.get("longitude") is not None
    ]
    if not located:
        return '<p class="muted">No geocoded events to map.</p>'
    lats = [float(e["latitude"]) for e in located]
    lons = [float(e["longitude"]) for e in located]
    south, north = min(lats) - MARGIN_DEG, max(lats) + MARGIN_DEG
    west, east = min(lons) - MARGIN_DEG, max(lons) + MARGIN_DEG
    span = max(north - south, (east - west) * HEIGHT / WIDTH)
    mid_lat, mid_lon = (north + south) / 2, (east + west) / 2
    south, north = mid_lat - span / 2, mid_lat + span / 2
    half_lon = span * WIDTH / HEIGHT / 2
    west, east = mid_lon - half_lon, mid_lon + half_lon

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * WIDTH, (north - lat) / (north - south) * HEIGHT

    parts = [f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="map" role="img" aria-label="event map">']
    step = _grid_step(span)
    lat = (south // step) * step
    while lat <= north:
        _, y = xy(lat, west)
        parts.append(f'<line x1="0" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="4" y="{y - 2:.1f}" class="gridlabel">{lat:.0f}°</text>')
        lat += step
    lon = (west // step) * step
    while lon <= east:
        x, _ = xy(south, lon)
        parts.append(f'<line y1="0" y2="{HEIGHT}" x1="{x:.1f}" x2="{x:.1f}" class="grid"/>')
        parts.append(f'<text y="{HEIGHT - 4}" x="{x + 2:.1f}" class="gridlabel">{lon:.0f}°</text>')
        lon += step
    for event in located:
        x, y = xy(float(event["latitude"]), float(event["longitude"]))
        colour = TYPE_COLOURS.get(event.get("event_type") or "", "#555")
        radius = 4 + min(8, (event.get("fatalities_low") or 0) ** 0.5)
        label = escape(
            f"{event.get('sub_event_type')} · {event.get('location')} · {event.get('date_start')}"
        )
        parts.append(
            f'<a href="/events/{event["id"]}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
            f'fill="{colour}" fill-opacity="0.75"><title>{label}</title></circle></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _grid_step(span: float) -> float:
    for step in (1.0, 2.0, 5.0, 10.0, 20.0, 30.0):
        if span / step <= 8:
            return step
    return 45.0


def timeline_svg(timeline: Sequence[dict[str, Any]]) -> str:
    if not timeline:
        return '<p class="muted">No dated events.</p>'
    height, bar_area = 140, 110
    peak = max(int(day["events"]) for day in timeline)
    width = max(WIDTH, 12 * len(timeline))
    bar = width / len(timeline)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" class="timeline" role="img" aria-label="timeline">'
    ]
    for index, day in enumerate(timeline):
        h = bar_area * int(day["events"]) / peak
        x = index * bar
        parts.append(
            f'<a href="/?since={day["date"]}&amp;until={day["date"]}">'
            f'<rect x="{x + 1:.1f}" y="{bar_area - h:.1f}" width="{max(bar - 2, 1):.1f}" '
            f'height="{h:.1f}" class="bar"><title>{escape(day["date"])}: {day["events"]} events'
            f"</title></rect></a>"
        )
    parts.append(
        f'<text x="0" y="{height - 8}" class="gridlabel">{escape(timeline[0]["date"])}</text>'
    )
    parts.append(
        f'<text x="{width}" y="{height - 8}" text-anchor="end" class="gridlabel">'
        f"{escape(timeline[-1]['date'])}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
