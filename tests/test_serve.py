from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitroom.dedupe import recluster
from sitroom.serve import create_app
from sitroom.store import Store
from tests.test_store import _record


@pytest.fixture()
def client() -> TestClient:
    store = Store(":memory:")
    store.add_record(_record())
    recluster(store)
    return TestClient(create_app(store))


PAGES = ["/", "/events/1", "/documents", f"/documents/{'a' * 64}", "/rejections", "/clusters"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin_with_the_same_data(client: TestClient, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200
    assert "text/html" in html.headers["content-type"]
    twin = "/index.json" if path == "/" else f"{path}.json"
    data = client.get(twin)
    assert data.status_code == 200
    assert data.json()["ok"] is True
    assert twin.split("?")[0] in html.text  # the page links to its twin


def test_dashboard_json_lists_events_with_evidence(client: TestClient) -> None:
    data = client.get("/index.json", params={"country": "Iraq", "type": "Battles"}).json()
    assert [e["sub_event_type"] for e in data["events"]] == ["Armed clash"]
    assert data["events"][0]["evidence_text"] == "Clashes broke out near Mosul on Monday."
    assert data["timeline"] == [{"date": "2024-03-11", "events": 1}]


def test_event_page_shows_the_evidence_sentence(client: TestClient) -> None:
    data = client.get("/events/1.json").json()
    ev = data["evidence"][0]
    assert ev["text"].startswith("A car bomb killed at least 12 people")
    page = client.get("/events/1").text
    assert "A car bomb killed at least 12 people" in page


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/events/999", 404),
        ("/events/999.json", 404),
        ("/events/abc.json", 404),
        ("/documents/nope.json", 404),
        ("/no-such-page", 404),
        ("/api/events?limit=x", 400),
    ],
)
def test_errors_have_one_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    if path.endswith(".json") or path.startswith("/api/"):
        body = response.json()
        assert body["ok"] is False and body["status"] == status and body["error"]
    else:
        assert f"Error {status}" in response.text


def test_map_plots_exact_coordinates_without_jitter(client: TestClient) -> None:
    page = client.get("/").text
    assert page.count("<circle") == 1  # only the geocoded event is drawn
