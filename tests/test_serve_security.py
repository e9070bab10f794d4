"""The security suite: what a hostile feed, a hostile page or a careless client can do.

Tried: stored XSS in every rendered field (title, URL, outlet, path, text, removed
text, quotes and speakers, every event field, rejection path and detail); reflected
XSS in every parameter and in paths; SQL injection in every parameter; path
traversal on static files and ids; bad Host headers (DNS rebinding); oversized,
malformed, repeated and unknown parameters; CSV formula injection; security headers.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from sitroom.serve.params import FILTER_PARAMS
from tests.serve_data import HOSTILE_ID, SECOND_ID, XSS, client_for, make_store


@pytest.fixture(scope="module")
def client() -> TestClient:
    return client_for(make_store())


HTML_PAGES = [
    "/",
    "/?sort=-fatalities",
    "/?country=Syria",
    "/events/1",
    "/events/3",
    "/events/4",
    "/documents",
    f"/documents/{'a' * 64}",
    f"/documents/{SECOND_ID}",
    f"/documents/{HOSTILE_ID}",
    "/clusters",
    "/clusters/1",
    "/rejections",
]
RAW_PAYLOADS = ("<script>", "<img src=x")


def _no_payload(text: str) -> None:
    for raw in RAW_PAYLOADS:
        assert raw not in text
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", text, re.I)


@pytest.mark.parametrize("path", HTML_PAGES)
def test_stored_payloads_are_escaped_and_javascript_urls_are_not_links(
    client: TestClient, path: str
) -> None:
    page = client.get(path)
    assert page.status_code == 200, page.text
    _no_payload(page.text)


def test_the_hostile_fields_are_shown_as_text(client: TestClient) -> None:
    page = client.get(f"/documents/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(" in page
    assert "javascript:alert(4)" in page  # shown as text, not as a link
    event = client.get("/events/4").text
    assert "&lt;script&gt;" in event


def test_only_http_urls_become_links(client: TestClient) -> None:
    page = client.get(f"/documents/{SECOND_ID}").text
    assert 'href="https://news.example/baghdad"' in page


@pytest.mark.parametrize("name", [p for p in FILTER_PARAMS if p not in {"q"}] + ["q"])
def test_reflected_payloads_in_every_parameter_are_escaped(client: TestClient, name: str) -> None:
    response = client.get("/", params={name: XSS})
    assert response.status_code in (200, 400)
    _no_payload(response.text)
    twin = client.get("/index.json", params={name: XSS})
    assert twin.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    "path", ["/events/<script>alert(1)</script>", "/documents/<img src=x onerror=alert(1)>"]
)
def test_reflected_payloads_in_paths_are_escaped(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    _no_payload(response.text)


INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "x') UNION SELECT id, text FROM documents --",
    '" OR 1=1 --',
    "%' --",
    "NEAR(a b) OR *",
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", [*FILTER_PARAMS, "sort", "limit", "offset"])
def test_sql_injection_in_every_parameter_is_inert(
    client: TestClient, name: str, value: str
) -> None:
    response = client.get("/index.json", params={name: value})
    assert response.status_code in (200, 400), response.text
    body = response.json()
    if response.status_code == 200:
        # Text filters treat the value as text: nothing matches, nothing leaks.
        assert body["total"] == 0
        assert "record_json" not in response.text
    else:
        assert body == {"ok": False, "status": 400, "error": body["error"]}
    assert client.get("/api/stats").json()["counts"]["events"] == 4


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fstore%2fdb.py",
        "/documents/..%2f..%2f..%2fetc%2fpasswd",
        "/events/..%2f..%2fetc%2fpasswd.json",
    ],
)
def test_path_traversal_reads_nothing(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert "[build-system]" not in response.text and "root:" not in response.text


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "localhost.evil.example", ""]
)
def test_unknown_host_headers_are_refused(client: TestClient, host: str) -> None:
    response = client.get("/index.json", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_local_host_names_are_allowed(client: TestClient, host: str) -> None:
    assert client.get("/index.json", headers={"host": host}).status_code == 200


BAD_PARAMS = [
    "limit=-1",
    "limit=0",
    f"limit={10**20}",
    "limit=1001",
    "limit=1e3",
    "offset=-5",
    "offset=abc",
    f"offset={10**30}",
    "since=garbage",
    "until=garbage",
    "since=2024-13-45",
    "since=2024-03-12&until=2024-03-01",
    "fatalities_min=-1",
    "fatalities_min=5&fatalities_max=2",
    "certainty=bogus",
    "source_type=bogus",
    "sort=id;drop",
    "q=!!!",
    f"country={'a' * 5000}",
    "actor=a%00b",
    "cluster=0",
    f"cluster={2**40}",
    "nosuch=1",
    "country=Iraq&country=Syria",
]


@pytest.mark.parametrize("query", BAD_PARAMS)
@pytest.mark.parametrize("path", ["/index.json", "/api/events", "/map.json", "/export.csv"])
def test_malformed_and_oversized_parameters_are_400_in_one_shape(
    client: TestClient, path: str, query: str
) -> None:
    if path in {"/map.json", "/export.csv"} and query.split("=")[0] in {"limit", "offset"}:
        query = "nosuch=1"  # unpaged views refuse paging parameters as unknown
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400, (path, query, response.text)
    body = response.json()
    assert body["ok"] is False and body["status"] == 400 and body["error"]


def test_malformed_parameters_on_html_pages_render_the_error_page(client: TestClient) -> None:
    response = client.get("/?since=garbage")
    assert response.status_code == 400
    assert "Error 400" in response.text and "since" in response.text


@pytest.mark.parametrize(
    "path",
    ["/events/99999999999999999999", "/events/-1", "/events/0", "/events/1e3", "/clusters/0"],
)
def test_ids_are_bounded(client: TestClient, path: str) -> None:
    assert client.get(path + ".json").status_code == 400


def test_csv_export_neutralises_formulas(client: TestClient) -> None:
    response = client.get("/export.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    hostile = next(r for r in rows if r["country"] == "Syria")
    assert hostile["actor1"].startswith("'=HYPERLINK")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")), value
            assert not (value.startswith("-") and not re.fullmatch(r"-?[\d.]+", value))


def test_exports_never_carry_local_directories(client: TestClient) -> None:
    for fmt in ("csv", "geojson", "jsonl"):
        text = client.get(f"/export.{fmt}").text
        assert "/home/analyst" not in text and "/srv/" not in text


@pytest.mark.parametrize(
    "path", ["/", "/index.json", "/static/sitroom.css", "/no-such-page", "/events/999.json"]
)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_pages_carry_no_inline_script(client: TestClient) -> None:
    for path in HTML_PAGES:
        text = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"<[a-zA-Z][^<>]*\son[a-z]+\s*=", text), path
        assert "<style" not in text


def test_local_paths_are_never_shown(client: TestClient) -> None:
    for path in [*HTML_PAGES, f"/documents/{SECOND_ID}.json", "/events/3.json", "/rejections.json"]:
        text = client.get(path).text
        assert "/home/analyst" not in text and "/srv/" not in text, path


WRITES = [
    ("/events/1/review", {"action": "confirm"}),
    ("/events/1/split", {}),
    ("/clusters/1/merge", {"other": "2"}),
    ("/logout", {}),
]


@pytest.mark.parametrize(("path", "form"), WRITES)
def test_writes_without_a_token_are_refused(
    client: TestClient, path: str, form: dict[str, str]
) -> None:
    response = client.post(path, data=form)
    assert response.status_code == 401
    assert response.json()["ok"] is False


@pytest.mark.parametrize(("path", "form"), WRITES)
@pytest.mark.parametrize(
    "header", ["Bearer wrong-token-0123456789", "Bearer sr1.1.AAAAAAAAAAAAAAAAAAAAAAAA", "Basic x"]
)
def test_writes_with_a_wrong_token_are_refused(
    path: str, form: dict[str, str], header: str
) -> None:
    client = client_for(make_store())  # a fresh rate limiter per case
    response = client.post(path, data=form, headers={"authorization": header})
    assert response.status_code == 401
    assert client.get("/events/1.json").json()["audit"] == []


def test_oversized_and_malformed_forms_are_400(client: TestClient) -> None:
    big = client.post(
        "/login",
        content=b"token=" + b"a" * 70_000,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert big.status_code == 400
    twice = client.post(
        "/login",
        content=b"token=a&token=b",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert twice.status_code == 400
    wrong_type = client.post(
        "/login", content=b'{"token": "x"}', headers={"content-type": "application/json"}
    )
    assert wrong_type.status_code == 400


def test_read_routes_do_not_accept_writes(client: TestClient) -> None:
    for path in ("/", "/index.json", "/events/1", "/export.csv"):
        assert client.post(path).status_code == 405


def test_a_configured_tile_server_is_the_only_extra_image_origin() -> None:
    from sitroom.serve import create_app

    app = create_app(make_store(), tile_url="https://tiles.example/{z}/{x}/{y}.png")
    client = TestClient(app, base_url="http://localhost")
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "img-src 'self' data: https://tiles.example;" in csp
    assert "connect-src 'self'" in csp and "script-src 'self';" in csp
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in page.text
    plain = client_for(make_store()).get("/")
    assert (
        'data-tiles=""' in plain.text
        and "tiles.example" not in plain.headers["content-security-policy"]
    )
