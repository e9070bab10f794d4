"""A representative point for a region that the packaged data gives no point for.

The brief's first idea was the population-weighted mean of the member places.
Measured against GeoNames' own admin1 points (what LGL and GeoWebNews gold
use), that mean is pulled towards the big cities: Texas 167 km off, Illinois
185 km, California 218 km, beyond the 161 km accuracy radius. The middle of
the region's extent (the range of its member places' latitudes and
longitudes, trimmed of the outer 2% so an exclave or a mis-coded village does
not stretch it) lands within 35-75 km of GeoNames' points for those states,
so that is what regions get. A region spanning the antimeridian is measured
in 0-360° longitude.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Share of member places trimmed at each end of the extent (see above).
TRIM = 0.02


@dataclass
class Members:
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.lats.append(lat)
        self.lons.append(lon)
        self.population += population


def _mid_range(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    cut = int(len(ordered) * TRIM)
    low, high = ordered[cut], ordered[len(ordered) - 1 - cut]
    return (low + high) / 2.0, high - low


def region_point(members: Members | None) -> tuple[float, float] | None:
    if members is None or not members.lats:
        return None
    lat, _ = _mid_range(members.lats)
    lon, width = _mid_range(members.lons)
    lon360, width360 = _mid_range([x % 360.0 for x in members.lons])
    if width360 < width:
        lon = lon360 - 360.0 if lon360 > 180.0 else lon360
    return lat, lon
