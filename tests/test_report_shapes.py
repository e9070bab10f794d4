"""The brief's map reads the dashboard's vendored outlines (GeoJSON or TopoJSON), or none."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from sitroom.report.charts import map_png
from sitroom.report.figures import Incident
from sitroom.report.shapes import admin1_rings, find_shapes, load_rings, shape_rings

SQUARE = [[40.0, 34.0], [42.0, 34.0], [42.0, 36.0], [40.0, 36.0], [40.0, 34.0]]


def _geojson() -> dict[str, object]:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": "A"},
             "geometry": {"type": "Polygon", "coordinates": [SQUARE]}},
            {"type": "Feature", "properties": {"name": "B"},
             "geometry": {"type": "MultiPolygon",
                          "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]],
                                          [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}},
        ],
    }


def _topology() -> dict[str, object]:
    """Two countries sharing one arc, quantized and delta-encoded as world-atlas ships them."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [40.0, 34.0]},
        # arc 0: the shared edge (2,0)->(2,4); arc 1: west country's rest; arc 2: east's rest.
        "arcs": [
            [[2, 0], [0, 4]],
            [[2, 4], [-2, 0], [0, -4], [2, 0]],
            [[2, 0], [2, 0], [0, 4], [-2, 0]],
        ],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "MultiPolygon", "arcs": [[[2, -1]]]},
            ]},
            "land": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[1, 2]]},
            ]},
        },
    }


def test_geojson_polygons_and_multipolygons(tmp_path: Path) -> None:
    (tmp_path / "countries.geojson").write_text(json.dumps(_geojson()), encoding="utf-8")
    rings = shape_rings(tmp_path)
    assert len(rings) == 3
    assert rings[0][:2] == [(40.0, 34.0), (42.0, 34.0)]


def test_topojson_arcs_are_decoded_and_countries_preferred_over_land(tmp_path: Path) -> None:
    path = tmp_path / "countries-50m.json.gz"
    path.write_bytes(gzip.compress(json.dumps(_topology()).encode("utf-8")))
    assert find_shapes(tmp_path) == path
    west, east = load_rings(path)
    # Shared edge at longitude 41, from latitude 34 to 36; the west country reaches 40.
    assert west[:2] == [(41.0, 34.0), (41.0, 36.0)]
    assert min(x for x, _ in west) == 40.0 and max(x for x, _ in west) == 41.0
    # The east country walks the shared arc backwards: 36 down to 34 at its end.
    assert east[-2:] == [(41.0, 36.0), (41.0, 34.0)]
    assert max(x for x, _ in east) == 42.0


INCIDENT = Incident(
    key=1, event_ids=(1,), event_type="Battles", sub_event_type="Armed clash",
    date_start=date(2024, 3, 4).isoformat(), date_end="2024-03-04", location="Deir ez-Zor",
    admin1=None, country="Syria", latitude=35.3, longitude=40.1, geo_precision=1,
    actors=(), fatalities_low=3, fatalities_high=3, certainty="reported", notes=None,
)


def test_no_outline_file_or_a_broken_one_leaves_the_graticule(tmp_path: Path) -> None:
    assert shape_rings(tmp_path / "missing") == () and shape_rings(None) == ()
    (tmp_path / "countries.json").write_text("[1, 2", encoding="utf-8")
    assert shape_rings(tmp_path) == ()
    assert map_png([INCIDENT], tmp_path) == map_png([INCIDENT], None) is not None


def _dashboard_layout(root: Path) -> Path:
    """Files where the dashboard vendors them: world-atlas countries, admin-1 by country."""
    (root / "vendor" / "ne").mkdir(parents=True)
    (root / "vendor" / "admin1").mkdir(parents=True)
    (root / "vendor" / "ne" / "countries-50m.json").write_text(
        json.dumps(_topology()), encoding="utf-8"
    )
    index = {"syr": [40.0, 34.0, 42.0, 36.0], "nzl": [166.0, -47.0, 179.0, -34.0]}
    (root / "vendor" / "admin1" / "index.json").write_text(json.dumps(index), encoding="utf-8")
    provinces = _topology()
    provinces["transform"] = {"scale": [0.5, 0.5], "translate": [40.3, 34.2]}  # inner borders
    for code in index:
        (root / "vendor" / "admin1" / f"{code}.topo.json").write_text(
            json.dumps(provinces), encoding="utf-8"
        )
    return root


def test_the_dashboards_vendored_countries_and_provinces_are_drawn(tmp_path: Path) -> None:
    root = _dashboard_layout(tmp_path / "full")
    countries_only = _dashboard_layout(tmp_path / "countries")
    shutil.rmtree(countries_only / "vendor" / "admin1")
    assert find_shapes(root) == root / "vendor" / "ne" / "countries-50m.json"
    # Only the countries whose box meets the map's extent load their provinces.
    assert len(admin1_rings((38.0, 44.0, 32.0, 38.0), root)) == 2
    assert admin1_rings((0.0, 10.0, 0.0, 10.0), root) == ()
    drawn = {map_png([INCIDENT], folder) for folder in (root, countries_only, None)}
    assert len(drawn) == 3


@pytest.mark.parametrize("name", ["countries-110m.json", "ne_50m_admin_0_countries.geojson"])
def test_names_the_dashboard_may_vendor_are_found(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(json.dumps(_geojson()), encoding="utf-8")
    (tmp_path / "dashboard.css").write_text("body {}", encoding="utf-8")
    assert find_shapes(tmp_path) == tmp_path / name
