"""Great-circle distance, kept apart from the geocoder so that the store, dedupe and the
dashboard can measure distances without importing spaCy (``resolve.geo`` does)."""

from __future__ import annotations

import math

# Mean Earth radius (IUGG), the figure GeoNames-based tools use.
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    # Rounding can push a just above 1 for antipodal points; asin would then fail.
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
