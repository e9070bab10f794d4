"""The PDF brief, rendered to PNG pages with poppler's pdftoppm, shows its map, chart and table."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sitroom.report import ReportFilters, render_brief
from sitroom.report.charts import MAP_LAND, MAP_SEA, TIMELINE_BACKGROUND
from sitroom.store import Store
from tests.report_data import build

MARCH = ReportFilters(country="Syria", date_from=date(2024, 3, 1), date_to=date(2024, 3, 14))
# Rendering resolution: enough for a picture's background to cover thousands of pixels.
DPI = 50


def _poppler() -> None:
    for tool in ("pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (Debian poppler-utils) is missing; `make sysdeps` installs it")


def _pages(pdf: bytes, tmp_path: Path) -> tuple[list[Image.Image], str]:
    source = tmp_path / "brief.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(source), str(tmp_path / "page")],
        check=True, timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"],
        check=True, timeout=120, capture_output=True, text=True,
    ).stdout
    pages = [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob("page-*.png"))]
    return pages, text


def _pixels(pages: list[Image.Image], hex_colour: str, tolerance: int = 4) -> int:
    """How many pixels of the rendered pages have this colour (give or take rounding)."""
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    count = 0
    for page in pages:
        for (r, g, b), n in _colours(page):
            if max(abs(r - want[0]), abs(g - want[1]), abs(b - want[2])) <= tolerance:
                count += n
    return count


def _colours(page: Image.Image) -> list[tuple[tuple[int, int, int], int]]:
    found = page.getcolors(maxcolors=page.width * page.height) or []
    return [(colour, n) for n, colour in found]  # type: ignore[misc]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return build(Store(tmp_path / "brief.db"))


def test_pdf_pages_show_the_map_the_chart_and_the_incident_table(
    store: Store, tmp_path: Path
) -> None:
    _poppler()
    pages, text = _pages(render_brief(store, MARCH, "pdf"), tmp_path)
    assert pages
    # The map's sea or land and the chart's background cover real areas of the pages.
    assert _pixels(pages, MAP_SEA) + _pixels(pages, MAP_LAND) > 3000
    assert _pixels(pages, TIMELINE_BACKGROUND) > 3000
    # The incident table, with the top incident's place, toll and both outlets.
    assert "Top incidents by toll" in text
    table = text[text.index("Top incidents by toll") :]
    assert "Deir ez-Zor" in table and "15–18" in table
    assert "Wire A" in table and "Desk B" in table


def test_pdf_of_a_period_with_no_events_says_so(store: Store, tmp_path: Path) -> None:
    _poppler()
    empty = ReportFilters(country="Syria", date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    pages, text = _pages(render_brief(store, empty, "pdf"), tmp_path)
    assert "No events matching country = Syria were recorded" in " ".join(text.split())
    assert _pixels(pages, MAP_SEA) == 0 and _pixels(pages, TIMELINE_BACKGROUND) == 0
