"""The dashboard in a real browser: Playwright drives Debian's chromium (/usr/bin/chromium).

Skips with a message when Playwright or chromium is missing (``make test`` installs
chromium through scripts/ensure-chromium) or when the vendored assets are not built
(scripts/vendor_assets.py, run by ``make install``). Screenshots are kept under
test-artifacts/browser/ (gitignored). The browser may reach only the test server:
every other request is refused and counted, so the pages are shown to work offline.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitroom.review.users import add_user
from sitroom.serve import create_app
from sitroom.serve.app import STATIC
from tests.browser_server import serving
from tests.serve_data import SECOND_ID, make_store

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "browser"


@pytest.fixture(scope="module")
def site() -> Iterator[dict[str, Any]]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make browser / apt-get install chromium)")
    if not (STATIC / "vendor" / "manifest.json").exists():
        pytest.skip("vendored map assets missing: run scripts/vendor_assets.py (make install)")
    store = make_store()
    token = add_user(store, "reviewer")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with serving(create_app(store)) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield {"base": base, "browser": browser, "token": token}
        browser.close()


@pytest.fixture()
def page(site: dict[str, Any], request: pytest.FixtureRequest) -> Iterator[Any]:
    context = site["browser"].new_context(
        accept_downloads=True, viewport={"width": 1300, "height": 1000}
    )
    outside: list[str] = []
    problems: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(site["base"]):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.base = site["base"]
    yield tab
    tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not outside, f"requests left the machine: {outside}"
    assert not problems, problems


def test_dashboard_draws_the_map_timeline_and_legend(page: Any) -> None:
    page.goto(page.base + "/")
    page.wait_for_selector("#map[data-ready]")
    assert page.get_attribute("#map", "data-ready") == "3"  # places: Mosul has no coordinates
    assert page.locator("#map path.leaflet-interactive, #map .marker-cluster").count() >= 1
    assert page.locator("#map svg path").count() > 100  # Natural Earth country shapes
    assert "Battles" in page.inner_text("#legend")
    assert page.locator("#timeline svg rect[data-start]").count() >= 3
    assert "week" in page.inner_text("#timeline-unit")


def test_filter_by_actor_and_by_text(page: Any) -> None:
    page.goto(page.base + "/")
    page.fill("input[name=actor]", "civilians")
    page.click("form#filters button")
    page.wait_for_url("**actor=civilians**")
    assert page.locator("#events tr").count() == 2  # header + one event
    assert "Remote explosive" in page.inner_text("#events")
    page.fill("input[name=actor]", "")
    page.fill("input[name=q]", "checkpoint")
    page.click("form#filters button")
    page.wait_for_url("**q=checkpoint**")
    assert page.locator("#events tr").count() == 2
    assert "Syria" in page.inner_text("#events")


def test_paging(page: Any) -> None:
    page.goto(page.base + "/?limit=3")
    assert page.locator("#events tr").count() == 4
    page.click("#next-page")
    page.wait_for_url("**offset=3**")
    assert page.locator("#events tr").count() == 2
    assert "4–4" in page.inner_text("h3:has-text('Events')")


def test_open_a_cluster_and_follow_evidence_into_the_document(page: Any) -> None:
    page.goto(page.base + "/?q=roadside")
    page.click("#events a:has-text('cluster')")
    page.wait_for_url("**/clusters/*")
    assert page.locator("#reports tr").count() == 3
    assert "km apart" in page.inner_text("main")
    page.click("#reports a:has-text('Baghdad market bombing')")
    page.wait_for_url("**/events/3")
    page.click("a.evidence-link")
    page.wait_for_url(f"**/documents/{SECOND_ID}#ev-3-0")
    mark = page.locator("#ev-3-0 + mark.evidence")
    assert mark.inner_text().startswith("A roadside bomb killed 15")
    assert mark.is_visible()
    assert page.locator(".doc mark.quote").inner_text() == "We will find them,"


def test_review_an_event_with_a_token_and_see_the_audit_row(
    page: Any, site: dict[str, Any]
) -> None:
    page.goto(page.base + "/events/2")
    assert page.locator("#review-status").count() == 0  # read-only until logged in
    page.click("text=Log in")
    page.fill("input[name=token]", site["token"])
    page.click("form button:has-text('log in')")
    page.wait_for_url("**/events/2")
    page.fill("#review-status input[name=comment]", "checked against the ministry statement")
    page.click("#review-status button[value=confirm]")
    page.wait_for_url("**/events/2#audit")
    row = page.locator("#audit-trail tr").nth(1).inner_text()
    assert "reviewer" in row and "confirmed" in row and "ministry statement" in row
    page.fill("#review-correct input[name=location]", "Mosul old city")
    page.click("#review-correct button")
    page.wait_for_url("**/events/2#audit")
    assert "Mosul old city" in page.inner_text("#audit-trail")


def test_export_the_filtered_view(page: Any) -> None:
    page.goto(page.base + "/?country=Iraq&type=Explosions%2FRemote+violence")
    with page.expect_download() as info:
        page.click("#export-csv")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["location"] for r in rows) == ["Baghdad", "Baghdad"]


def test_clicking_a_marker_opens_the_event(page: Any) -> None:
    page.goto(page.base + "/?country=Syria")
    page.wait_for_selector("#map[data-ready]")
    page.locator("#map path.event-marker").first.click(force=True)
    page.wait_for_url("**/events/4")


def test_brushing_the_timeline_sets_the_date_filter(page: Any) -> None:
    page.goto(page.base + "/")
    svg = page.locator("#timeline svg")
    svg.wait_for()
    box = svg.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.85, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 5, y, steps=5)
    page.mouse.up()
    page.wait_for_url("**since=*until=*")
    assert page.locator("#events tr").count() == 4  # the three 2024 events


def test_stored_script_never_runs(page: Any) -> None:
    for path in ("/", "/events/4", "/documents/" + "b" * 64, "/rejections", "/clusters"):
        page.goto(page.base + path)
    # the page fixture fails on any dialog, page error or console error (CSP reports)


def test_api_docs_render_offline(page: Any) -> None:
    page.goto(page.base + "/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert "/index.json" in page.inner_text("#swagger-ui")
