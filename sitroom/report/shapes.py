"""Country and province outlines for the brief's map, read from the dashboard's vendored shapes.

The dashboard vendors Natural Earth outlines under ``sitroom/serve/static`` (``make
install`` fetches them: ``vendor/ne/countries-50m.json``, world-atlas TopoJSON, and
``vendor/admin1/CODE.topo.json`` with an ``index.json`` of their bounding boxes). The
brief draws the same files, so the two maps agree. Any other countries file there
(GeoJSON or TopoJSON, optionally gzipped) is found too. With none, the map is drawn on
plain longitude/latitude axes with a graticule: the markers are still exact.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parents[1] / "serve" / "static"
DASHBOARD_COUNTRIES = Path("vendor") / "ne" / "countries-50m.json"
ADMIN1 = Path("vendor") / "admin1"
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
    if (directory / DASHBOARD_COUNTRIES).is_file():
        return directory / DASHBOARD_COUNTRIES
    for pattern in PATTERNS:
        for path in sorted(directory.rglob(pattern)):
            if "admin1" in path.relative_to(directory).parts:
                continue  # province outlines, drawn apart
            if path.is_file() and path.suffix in {".json", ".geojson", ".topojson", ".gz"}:
                return path
    return None


def admin1_rings(
    extent: tuple[float, float, float, float], directory: Path = STATIC
) -> tuple[Ring, ...]:
    """Province outlines of every country whose box meets the extent (west, east, south,
    north), from the dashboard's admin-1 files; empty when they are not vendored."""
    folder = directory / ADMIN1
    try:
        index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    west, east, south, north = extent
    rings: list[Ring] = []
    for code, box in sorted(index.items()):
        w, s, e, n = box
        if e < west or w > east or n < south or s > north:
            continue
        try:
            rings.extend(load_rings(folder / f"{code}.topo.json"))
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            continue  # a missing or damaged file costs its provinces, not the map
    return tuple(rings)


@lru_cache(maxsize=64)
def load_rings(path: Path) -> tuple[Ring, ...]:
    """Outer rings of every polygon in a GeoJSON or TopoJSON file (holes are not drawn)."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    data = json.loads(raw)
    if data.get("type") == "Topology":
        return tuple(_topology_rings(data))
    return tuple(_geojson_rings(data))


def shape_rings(directory: Path | None = STATIC) -> tuple[Ring, ...]:
    """Country rings to draw; empty when no outline file is vendored or it cannot be read."""
    path = find_shapes(directory) if directory is not None else None
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
