"""The dashboard's vendored browser assets: pinned, licensed, documented, and served."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.serve_data import client_for, make_store

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "sitroom" / "serve" / "static" / "vendor" / "manifest.json"


def _packages() -> dict[str, tuple[str, str, str, dict[str, str]]]:
    spec = importlib.util.spec_from_file_location(
        "vendor_assets", ROOT / "scripts" / "vendor_assets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PACKAGES  # type: ignore[no-any-return]


def test_every_package_is_pinned_licensed_and_documented() -> None:
    docs = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    for name, (version, integrity, licence, files) in _packages().items():
        assert integrity.startswith("sha512-") and len(integrity) > 80, name
        assert licence, name
        assert any("LICEN" in source for source in files), f"{name}: licence file not copied"
        assert f"| {name} | {version} |" in docs, f"{name} {version} missing from docs/serve.md"


def test_built_assets_are_served_with_their_licences() -> None:
    if not MANIFEST.exists():
        pytest.skip("vendored assets not built: run scripts/vendor_assets.py (make install)")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert set(manifest["packages"]) == set(_packages())
    client = client_for(make_store())
    for path in (
        "leaflet/leaflet.js",
        "leaflet/LICENSE",
        "ne/countries-50m.json",
        "admin1/irq.topo.json",
        "admin1/index.json",
        "swagger/swagger-ui-bundle.js",
    ):
        response = client.get(f"/static/vendor/{path}")
        assert response.status_code == 200, path
    index = client.get("/static/vendor/admin1/index.json").json()
    west, south, east, north = index["irq"]
    assert west < 44.4 < east and south < 33.3 < north  # Baghdad lies in Iraq's box
