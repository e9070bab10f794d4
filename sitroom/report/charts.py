"""The brief's two pictures, drawn by matplotlib offline: a map and a weekly timeline.

Figures are built on matplotlib's object API (no pyplot), so drawing keeps no global
state and works in a server thread. Coordinates are drawn exactly as stored.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from sitroom.colours import type_colour as colour
from sitroom.report.figures import Incident, Period
from sitroom.report.shapes import STATIC, Ring, admin1_rings, shape_rings

# Backgrounds no marker or bar uses, so a rendered page shows where each picture is.
MAP_SEA = "#dbe8f3"
MAP_LAND = "#f3f0e6"
TIMELINE_BACKGROUND = "#f2f7e9"
DPI = 150
# Degrees of margin around the incidents, and the smallest span shown, so that a
# single town still shows its surroundings.
MARGIN_DEG = 2.0
MIN_SPAN_DEG = 4.0
MAP_SIZE = (7.2, 4.4)  # inches
# Province borders only on maps of a region, as the dashboard shows them only zoomed in
# (its zoom 5 spans about 20 degrees of longitude at this width).
ADMIN1_MAX_SPAN_DEG = 20.0
MAP_RATIO = 1.75  # width / height of the plotting area inside MAP_SIZE, after labels
# Marker area grows with the square root of the conservative toll, so one incident
# of 100 deaths does not hide the map (area 10x that of a single death, not 100x).
BASE_AREA = 14.0
AREA_PER_SQRT_DEATH = 26.0


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def marker_area(fatalities_low: int | None) -> float:
    return BASE_AREA + AREA_PER_SQRT_DEATH * math.sqrt(fatalities_low or 0)


def _extent(located: Sequence[Incident]) -> tuple[float, float, float, float]:
    """West, east, south, north around the incidents, widened to the map's shape."""
    lons = [float(i.longitude) for i in located if i.longitude is not None]
    lats = [float(i.latitude) for i in located if i.latitude is not None]
    west, east = min(lons) - MARGIN_DEG, max(lons) + MARGIN_DEG
    south, north = min(lats) - MARGIN_DEG, max(lats) + MARGIN_DEG
    mid_lon, mid_lat = (east + west) / 2, (north + south) / 2
    shrink = _lon_shrink(mid_lat)
    # Spans in equal-distance units: a degree of longitude is cos(latitude) of one of latitude.
    height = max(north - south, MIN_SPAN_DEG, (east - west) * shrink / MAP_RATIO)
    width = height * MAP_RATIO / shrink
    south, north = mid_lat - height / 2, mid_lat + height / 2
    if south < -90.0 or north > 90.0:
        south, north = max(south, -90.0), min(north, 90.0)
    return mid_lon - width / 2, mid_lon + width / 2, south, north


def _lon_shrink(latitude: float) -> float:
    return max(math.cos(math.radians(latitude)), 0.2)


def _visible(rings: Sequence[Ring], extent: tuple[float, float, float, float]) -> list[Ring]:
    west, east, south, north = extent
    kept = []
    for ring in rings:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        if max(xs) >= west and min(xs) <= east and max(ys) >= south and min(ys) <= north:
            kept.append(ring)
    return kept


def map_png(incidents: Sequence[Incident], shapes: Path | None = STATIC) -> bytes | None:
    """Incidents as markers coloured by type, sized by toll; None when none is geocoded.

    ``shapes``: the folder of vendored outlines (None: draw none, only the graticule).
    """
    located = [i for i in incidents if i.latitude is not None and i.longitude is not None]
    if not located:
        return None
    outlines = shape_rings(shapes)
    figure = Figure(figsize=MAP_SIZE, dpi=DPI)
    ax = figure.add_subplot()
    ax.set_facecolor(MAP_SEA)
    extent = _extent(located)
    west, east, south, north = extent
    visible = _visible(outlines, extent)
    if visible:
        ax.add_collection(
            PolyCollection(visible, facecolor=MAP_LAND, edgecolor="#9b9b9b", linewidth=0.4)
        )
    if shapes is not None and east - west <= ADMIN1_MAX_SPAN_DEG:
        provinces = _visible(admin1_rings(extent, shapes), extent)
        if provinces:
            ax.add_collection(
                PolyCollection(
                    provinces, facecolor="none", edgecolor="#b0a99a", linewidth=0.35,
                    linestyle=(0, (3, 3)),
                )
            )
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    # Equirectangular, with degrees of longitude shortened by the cosine of the latitude.
    ax.set_aspect(1 / _lon_shrink((north + south) / 2), adjustable="box")
    ax.grid(color="#b9c7d3", linewidth=0.5)
    ax.set_axisbelow("line")  # the graticule over the land, under the markers
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}°")
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}°")
    ax.tick_params(labelsize=7)
    types = sorted({i.event_type for i in located})
    for event_type in types:
        chosen = [i for i in located if i.event_type == event_type]
        # Largest first, so small markers stay visible on top.
        chosen.sort(key=lambda i: -(i.fatalities_low or 0))
        ax.scatter(
            [float(i.longitude or 0.0) for i in chosen],
            [float(i.latitude or 0.0) for i in chosen],
            s=[marker_area(i.fatalities_low) for i in chosen],
            c=colour(event_type),
            alpha=0.8,
            edgecolors="white",
            linewidths=0.5,
            zorder=3,
        )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour(t), label=t, markersize=6)
        for t in types
    ]
    ax.legend(handles=handles, loc="best", fontsize=7, framealpha=0.85)
    figure.tight_layout()
    return _png(figure)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(incidents: Sequence[Incident], period: Period) -> dict[str, list[int]]:
    """Incidents per event type per week (weeks start on Monday), by start date."""
    first = week_start(period.start)
    weeks = (week_start(period.end) - first).days // 7 + 1
    counts: dict[str, list[int]] = {}
    for incident in incidents:
        index = (week_start(date.fromisoformat(incident.date_start)) - first).days // 7
        counts.setdefault(incident.event_type, [0] * weeks)[index] += 1
    return counts


def timeline_png(incidents: Sequence[Incident], period: Period) -> bytes | None:
    """Stacked weekly bars of incidents by event type; None when there are none."""
    if not incidents:
        return None
    counts = weekly_counts(incidents, period)
    first = week_start(period.start)
    weeks = len(next(iter(counts.values())))
    x = [
        float(date2num(datetime.combine(first + timedelta(days=7 * n), datetime.min.time())))
        for n in range(weeks)
    ]
    figure = Figure(figsize=(7.2, 2.8), dpi=DPI)
    ax = figure.add_subplot()
    ax.set_facecolor(TIMELINE_BACKGROUND)
    bottom = [0] * weeks
    totals = Counter({t: sum(v) for t, v in counts.items()})
    for event_type, _ in totals.most_common():
        values = counts[event_type]
        ax.bar(
            x, values, width=6, bottom=bottom, align="edge", color=colour(event_type),
            label=event_type, linewidth=0,
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("incidents per week", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.grid(axis="y", color="white", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(fontsize=7, loc="upper left", framealpha=0.85)
    figure.tight_layout()
    return _png(figure)
