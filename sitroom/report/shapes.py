"""Country outlines for the brief's map, read from the shapes the dashboard vendors.

The dashboard ships Natural Earth outlines in ``sitroom/serve/static`` (GeoJSON, or
TopoJSON as the ``world-atlas`` package ships them; either may be gzipped). The brief
draws the same files, so the two maps agree. When no outline file is there, the map is
drawn on plain longitude/latitude axes with a graticule: the markers are still exact.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parents[1] / "serve" / "static"
# Country outlines first; a land-only file is the next best thing.
PATTERNS = (
    "*countries*.geojson*",
    "*countries*.json*",
    "*admin*0*.geojson*",
    "*admin*0*.json*",
    "*.topojson*",
    "*.geojson*",
    "*land*.json*",
)

Ring = list[tuple[float, float]]  # (longitude, latitude), closed or not


def find_shapes(directory: Path = STATIC) -> Path | None:
    """The outline file to draw, or None when the dashboard vendors none."""
    if not directory.is_dir():
        return None
    for pattern in PATTERNS:
        for path in sorted(directory.glob(pattern)):
            if path.is_file() and path.suffix in {".json", ".geojson", ".topojson", ".gz"}:
                return path
    return None


@lru_cache(maxsize=4)
def load_rings(path: Path) -> tuple[Ring, ...]:
    """Outer rings of every polygon in a GeoJSON or TopoJSON file (holes are not drawn)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    data = json.loads(raw)
    if data.get("type") == "Topology":
        return tuple(_topology_rings(data))
    return tuple(_geojson_rings(data))


def shape_rings(directory: Path = STATIC) -> tuple[Ring, ...]:
    """Rings to draw; empty when no outline file is vendored or it cannot be read."""
    path = find_shapes(directory)
    if path is None:
        return ()
    try:
        return load_rings(path)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        # A damaged file must not cost the brief its map; the graticule remains.
        return ()


def _geojson_rings(data: dict[str, Any]) -> Iterator[Ring]:
    kind = data.get("type")
    if kind == "FeatureCollection":
        for feature in data.get("features") or ():
            yield from _geojson_rings(feature)
    elif kind == "Feature":
        if data.get("geometry"):
            yield from _geojson_rings(data["geometry"])
    elif kind == "GeometryCollection":
        for geometry in data.get("geometries") or ():
            yield from _geojson_rings(geometry)
    elif kind == "Polygon":
        if data["coordinates"]:
            yield [(float(x), float(y)) for x, y, *_ in data["coordinates"][0]]
    elif kind == "MultiPolygon":
        for polygon in data["coordinates"]:
            if polygon:
                yield [(float(x), float(y)) for x, y, *_ in polygon[0]]


def _topology_rings(topology: dict[str, Any]) -> Iterator[Ring]:
    """Rings of a TopoJSON topology (arcs delta-encoded when the topology is quantized)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
            arcs.append(points)
        else:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])

    def ring(indices: Sequence[int]) -> Ring:
        points: Ring = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            # Consecutive arcs share their joining point.
            points.extend(arc[1:] if points else arc)
        return points

    def geometries(geometry: dict[str, Any]) -> Iterator[Ring]:
        kind = geometry.get("type")
        if kind == "GeometryCollection":
            for child in geometry.get("geometries") or ():
                yield from geometries(child)
        elif kind == "Polygon" and geometry.get("arcs"):
            yield ring(geometry["arcs"][0])
        elif kind == "MultiPolygon":
            for polygon in geometry.get("arcs") or ():
                if polygon:
                    yield ring(polygon[0])

    objects = topology.get("objects", {})
    # world-atlas files hold "countries" and "land"; land drawn over countries hides borders.
    chosen = [objects["countries"]] if "countries" in objects else list(objects.values())
    for obj in chosen:
        yield from geometries(obj)
