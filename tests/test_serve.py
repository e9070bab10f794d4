from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from tests.serve_data import HOSTILE_ID, SECOND_ID, client_for, make_store


@pytest.fixture(scope="module")
def client() -> TestClient:
    return client_for(make_store())


PAGES = [
    "/",
    "/events/1",
    "/documents",
    f"/documents/{'a' * 64}",
    "/rejections",
    "/clusters",
    "/clusters/1",
]


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


def _ids(client: TestClient, **params: object) -> list[int]:
    response = client.get("/index.json", params=params)
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_dashboard_json_lists_events_with_evidence(client: TestClient) -> None:
    data = client.get("/index.json", params={"country": "Iraq", "type": "Battles"}).json()
    assert [e["sub_event_type"] for e in data["events"]] == ["Armed clash"]
    assert data["events"][0]["evidence_text"] == "Clashes broke out near Mosul on Monday."
    assert data["filters"] == {"country": "Iraq", "type": "Battles"}
    assert data["total"] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "iraq"}, {1, 2, 3}),
        ({"admin1": "Baghdad"}, {3}),
        ({"type": "Explosions/Remote violence"}, {1, 3}),
        ({"sub_type": "Armed clash"}, {2}),
        ({"actor": "civilians"}, {3}),  # actor2 side, any case, substring
        ({"actor": "unidentified"}, {3}),  # actor1 side
        ({"since": "2024-03-11"}, {2}),
        ({"until": "2024-03-10"}, {1, 3, 4}),
        ({"certainty": "claimed"}, {3}),
        ({"fatalities_min": 13}, {3}),
        ({"fatalities_min": 1, "fatalities_max": 12}, {1, 4}),
        ({"source_type": "government"}, {3}),
        ({"source_type": "none"}, {2}),
        ({"outlet": "example news"}, {3}),
        ({"cluster": 1}, {1, 3}),
        # Text search: an event matches on its own text or its document's (stemmed).
        ({"q": "markets"}, {1, 2, 3}),
        ({"q": "roadside"}, {3}),
        ({"q": "checkpoint"}, {4}),
        ({"q": "clashes mosul"}, {1, 2}),  # every word must occur
        ({"q": "mosul baghdad checkpoint"}, set()),
        ({"q": "interior ministry", "country": "Iraq"}, {3}),
    ],
)
def test_each_filter_selects_the_events_it_names(
    client: TestClient, params: dict[str, object], expected: set[int]
) -> None:
    assert set(_ids(client, **params)) == expected


def test_filters_mean_the_same_on_page_twin_and_every_export(client: TestClient) -> None:
    query = {"q": "bomb", "type": "Explosions/Remote violence", "sort": "fatalities"}
    twin = client.get("/index.json", params=query).json()
    ids = [e["id"] for e in twin["events"]]
    assert ids == [1, 3]  # 12 then 15 deaths
    page = client.get("/", params=query).text
    assert page.index("/events/1") < page.index("/events/3")
    assert "/events/2" not in page
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/export.csv", params=query).text)))
    assert [int(r["event_id_cnty"]) for r in csv_rows] == ids
    lines = client.get("/export.jsonl", params=query).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids
    geo = client.get("/export.geojson", params=query).json()
    assert [f["properties"]["id"] for f in geo["features"]] == ids
    points = client.get(
        "/map.json", params={"q": "bomb", "type": "Explosions/Remote violence"}
    ).json()["points"]
    assert sorted(p["first_id"] for p in points) == ids


def test_paging_reports_totals_and_links(client: TestClient) -> None:
    first = client.get("/index.json", params={"limit": 2}).json()
    assert first["total"] == 4 and len(first["events"]) == 2
    assert first["links"]["prev"] is None
    second = client.get(first["links"]["next"].replace("/?", "/index.json?")).json()
    assert second["offset"] == 2 and len(second["events"]) == 2
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    assert second["links"]["next"] is None


@pytest.mark.parametrize(
    ("sort", "expected"),
    [("date", [4, 1, 3, 2]), ("-date", [2, 3, 1, 4]), ("-fatalities", [3, 1, 4, 2])],
)
def test_sorting(client: TestClient, sort: str, expected: list[int]) -> None:
    assert _ids(client, sort=sort) == expected


def test_facets_count_the_filtered_events(client: TestClient) -> None:
    facets = client.get("/index.json", params={"country": "Iraq"}).json()["facets"]
    types = {v["value"]: v["count"] for v in facets["type"]}
    assert types == {"Explosions/Remote violence": 2, "Battles": 1}
    assert {v["value"]: v["count"] for v in facets["source_type"]} == {
        "government": 1,
        "unknown": 1,
        "none": 1,
    }
    assert facets["certainty"][0] == {
        "value": "reported",
        "count": 2,
        "link": "/?country=Iraq&certainty=reported",
    }
    page = client.get("/", params={"country": "Iraq"}).text
    assert 'href="/?country=Iraq&amp;certainty=reported"' in page


def test_timeline_has_a_true_date_axis(client: TestClient) -> None:
    data = client.get("/timeline.json").json()
    # 2023-01-06 to 2024-03-11 is 430 days: weekly bins, the empty weeks between kept.
    assert data["unit"] == "week"
    starts = [b["start"] for b in data["bins"]]
    assert starts[0] == "2023-01-02" and starts[-1] == "2024-03-11"
    assert len(starts) == 63  # every week in between, empty ones included
    assert data["bins"][0]["counts"] == {"Battles": 1}
    assert data["bins"][-2]["counts"] == {"Explosions/Remote violence": 2}
    iraq = client.get("/timeline.json", params={"country": "Iraq"}).json()
    assert iraq["unit"] == "day" and [b["start"] for b in iraq["bins"]] == [
        "2024-03-10",
        "2024-03-11",
    ]


def test_cluster_page_lists_reports_differences_and_why(client: TestClient) -> None:
    data = client.get("/clusters/1.json").json()
    assert [r["id"] for r in data["reports"]] == [1, 3]
    assert data["differing"]["fatalities_low"] == ["12", "15"]
    [why] = data["why_merged"]
    assert why["events"] == [1, 3] and "km apart" in why["place"]
    page = client.get("/clusters/1").text
    assert "Example News" in page and "interior ministry" in page


def test_document_page_highlights_evidence_and_quotes_with_anchors(client: TestClient) -> None:
    event = client.get("/events/3.json").json()
    anchor = event["evidence"][0]["anchor"]
    assert anchor == f"/documents/{SECOND_ID}#ev-3-0"
    page = client.get(f"/documents/{SECOND_ID}").text
    assert '<a id="ev-3-0"></a><mark class="evidence">A roadside bomb killed 15' in page
    assert '<a id="q-0"></a><mark class="quote">We will find them,</mark>' in page
    data = client.get(f"/documents/{SECOND_ID}.json").json()
    assert data["record"]["source"]["path"] == "b.txt"


def test_document_segments_rebuild_the_text(client: TestClient) -> None:
    data = client.get(f"/documents/{HOSTILE_ID}.json").json()
    assert "".join(s["text"] for s in data["segments"]) == data["record"]["text"]
    # the quote and the evidence overlap nowhere here; both are marked
    kinds = {c for s in data["segments"] for c in s["classes"]}
    assert kinds == {"evidence", "quote"}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/events/999", 404),
        ("/events/999.json", 404),
        ("/events/abc.json", 400),
        ("/documents/nope.json", 400),
        (f"/documents/{'f' * 64}.json", 404),
        ("/clusters/99.json", 404),
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


def test_api_events_pages_with_totals(client: TestClient) -> None:
    data = client.get("/api/events", params={"limit": 1, "sort": "id"}).json()
    assert data["total"] == 4 and [e["id"] for e in data["events"]] == [1]


def test_events_stored_while_serving_are_counted_and_typed() -> None:
    from sitroom.store import Store
    from tests.serve_data import second_record
    from tests.test_store import _record

    store = Store(":memory:")
    store.add_record(_record())
    live = client_for(store)
    assert live.get("/index.json").json()["total"] == 2
    store.add_record(second_record())  # an ingest while the server runs
    data = live.get("/index.json", params={"source_type": "government"}).json()
    assert [e["id"] for e in data["events"]] == [3]
    kinds = {
        v["value"]: v["count"] for v in live.get("/index.json").json()["facets"]["source_type"]
    }
    assert kinds == {"government": 1, "unknown": 1, "none": 1}


def test_the_brief_button_briefs_the_current_view(client: TestClient) -> None:
    links = client.get("/index.json", params={"country": "Iraq", "q": "market"}).json()["links"]
    # Only the filters a brief can apply travel to it.
    assert links["brief_md"] == "/brief.md?country=Iraq"
    assert 'href="/brief.html?country=Iraq"' in client.get("/", params={"country": "Iraq"}).text
    brief = client.get(links["brief_md"])
    assert brief.status_code == 200
    assert brief.headers["content-disposition"] == 'attachment; filename="sitroom-brief.md"'
    iraq = client.get("/index.json", params={"country": "Iraq"}).json()["total"]
    assert "country = Iraq" in brief.text
    assert f"| Reports (stored events) | {iraq} |" in brief.text  # the same events as the view
    assert "/events/1)" in brief.text  # links back to the evidence on this dashboard
    html = client.get("/brief.html", params={"country": "Iraq"})
    assert html.status_code == 200 and html.text.lower().startswith("<!doctype html>")
    bad = client.get("/brief.md", params={"since": "not-a-date"})
    assert bad.status_code == 400 and "Error 400" in bad.text


def test_the_dashboard_hands_its_script_the_type_colours_of_the_briefs(client: TestClient) -> None:
    import html
    import re

    from sitroom.colours import TYPE_COLOURS

    page = client.get("/").text
    found = re.search(r'data-colours="([^"]*)"', page)
    assert found is not None
    colours = json.loads(html.unescape(found.group(1)))
    assert colours["types"] == TYPE_COLOURS
