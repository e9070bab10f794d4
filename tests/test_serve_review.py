"""Review with an audit trail, and who may write."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from sitroom.dedupe import recluster
from sitroom.review import reapply
from sitroom.review.users import add_user
from sitroom.serve import create_app
from sitroom.serve.auth import read_token_file
from sitroom.store import Store, schema
from tests.serve_data import make_store

FILE_TOKEN = "file-token-0123456789abcdef"


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[TestClient, Store, str]:
    store = make_store()
    token = add_user(store, "alice")
    tokens = tmp_path / "tokens.txt"
    tokens.write_text(f"# reviewers\nbob:{FILE_TOKEN}\n", encoding="utf-8")
    app = create_app(store, token_hashes=read_token_file(tokens))
    return TestClient(app, base_url="http://localhost"), store, token


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def test_reads_are_open_and_writes_need_a_token(setup: tuple[TestClient, Store, str]) -> None:
    client, _, _ = setup
    assert client.get("/events/1").status_code == 200
    response = client.post("/events/1/review", data={"action": "confirm"})
    assert response.status_code == 401
    assert response.json()["ok"] is False
    assert "Log in" in client.get("/events/1").text  # no forms without a reviewer


def test_wrong_tokens_are_logged_and_rate_limited(
    setup: tuple[TestClient, Store, str], caplog: pytest.LogCaptureFixture
) -> None:
    client, _, token = setup
    with caplog.at_level(logging.WARNING, logger="sitroom.serve.auth"):
        for _ in range(5):
            bad = client.post(
                "/events/1/review", data={"action": "confirm"}, headers=_bearer("x" * 30)
            )
            assert bad.status_code == 401
    assert sum("failed auth" in r.message for r in caplog.records) == 5
    # Even the right token waits once an address has failed too often.
    blocked = client.post("/events/1/review", data={"action": "confirm"}, headers=_bearer(token))
    assert blocked.status_code == 429


def test_tokens_are_stored_hashed(setup: tuple[TestClient, Store, str]) -> None:
    _, store, token = setup
    with store.engine.connect() as conn:
        stored = conn.execute(select(schema.users.c.token_hash)).scalar_one()
    assert token.split(".")[-1] not in stored and stored.startswith("pbkdf2_sha256$")


def test_correction_is_applied_audited_and_shown(setup: tuple[TestClient, Store, str]) -> None:
    client, _, token = setup
    response = client.post(
        "/events/1/review",
        data={
            "action": "correct",
            "fatalities_low": "14",
            "fatalities_best": "14",
            "location": "Baghdad, Sadr City",
            "comment": "ministry's later toll",
        },
        headers=_bearer(token),
    )
    assert response.status_code == 200, response.text
    audit = response.json()["audit"]
    assert {(a["field"], a["before"], a["after"]) for a in audit} == {
        ("fatalities_low", "12", "14"),
        ("fatalities_best", "12", "14"),
        ("location", "Baghdad", "Baghdad, Sadr City"),
        ("status", None, "corrected"),
    }
    event = client.get("/events/1.json").json()
    assert event["event"]["fatalities_low"] == 14
    assert event["event"]["review_status"] == "corrected"
    assert [a["who"] for a in event["audit"]] == ["alice"] * 4
    assert event["audit"][0]["comment"] == "ministry's later toll"
    page = client.get("/events/1").text
    assert "ministry&#39;s later toll" in page
    # Filters and exports see the reviewed value.
    ids = [
        e["id"] for e in client.get("/index.json", params={"fatalities_min": 14}).json()["events"]
    ]
    assert ids == [3, 1]


def test_bad_reviews_are_400(setup: tuple[TestClient, Store, str]) -> None:
    client, _, token = setup
    for data in (
        {"action": "destroy"},
        {"action": "correct", "date_start": "yesterday"},
        {"action": "correct", "latitude": "123"},
        {"action": "correct", "certainty": "sure"},
        {"action": "correct"},
        {"action": "confirm", "comment": "x" * 3000},
    ):
        response = client.post("/events/1/review", data=data, headers=_bearer(token))
        assert response.status_code == 400, data
        assert response.json()["status"] == 400
    assert (
        client.post(
            "/events/999/review", data={"action": "confirm"}, headers=_bearer(token)
        ).status_code
        == 400
    )


def test_browser_session_needs_the_csrf_token(setup: tuple[TestClient, Store, str]) -> None:
    client, _, _ = setup
    login = client.post(
        "/login", data={"token": FILE_TOKEN, "next": "/events/2"}, follow_redirects=False
    )
    assert login.status_code == 303 and login.headers["location"] == "/events/2"
    cookie = login.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/events/2").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    forged = client.post("/events/2/review", data={"action": "reject"}, follow_redirects=False)
    assert forged.status_code == 403
    wrong = client.post(
        "/events/2/review", data={"action": "reject", "csrf": "guess"}, follow_redirects=False
    )
    assert wrong.status_code == 403
    done = client.post(
        "/events/2/review", data={"action": "reject", "csrf": csrf[1]}, follow_redirects=False
    )
    assert done.status_code == 303
    audit = client.get("/events/2.json").json()["audit"]
    assert [(a["who"], a["action"], a["after"]) for a in audit] == [("bob", "reject", "rejected")]


def test_login_never_redirects_off_site(setup: tuple[TestClient, Store, str]) -> None:
    client, _, _ = setup
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = client.post(
            "/login", data={"token": FILE_TOKEN, "next": target}, follow_redirects=False
        )
        assert response.headers["location"] == "/"


def test_reviewed_values_survive_reprocessing_and_changed_machine_values_are_flagged(
    setup: tuple[TestClient, Store, str],
) -> None:
    client, store, token = setup
    client.post(
        "/events/3/review",
        data={"action": "correct", "actor1": "Islamic State"},
        headers=_bearer(token),
    )
    # Re-extraction rewrites the machine's columns and JSON, with a new actor guess.
    with store.engine.begin() as conn:
        row = conn.execute(select(schema.events).where(schema.events.c.id == 3)).one()
        detail = json.loads(row.event_json)
        detail["actor1"] = "Unknown militants"
        conn.execute(
            update(schema.events)
            .where(schema.events.c.id == 3)
            .values(actor1="Unknown militants", review_status=None, event_json=json.dumps(detail))
        )
    assert reapply(store) == 1
    event = client.get("/events/3.json").json()
    assert event["event"]["actor1"] == "Islamic State"
    assert event["event"]["review_status"] == "corrected"
    assert event["flags"][0]["field"] == "actor1"
    assert "Unknown militants" in event["flags"][0]["flag"]


def test_merge_and_split_survive_reclustering(setup: tuple[TestClient, Store, str]) -> None:
    client, store, token = setup
    clusters = {c["id"]: c for c in client.get("/clusters.json").json()["clusters"]}
    event4_cluster = client.get("/events/4.json").json()["event"]["cluster_id"]
    event2_cluster = client.get("/events/2.json").json()["event"]["cluster_id"]
    assert event4_cluster in clusters and event2_cluster != event4_cluster
    merged = client.post(
        f"/clusters/{event2_cluster}/merge", data={"other": event4_cluster}, headers=_bearer(token)
    )
    assert merged.status_code == 200, merged.text
    assert client.get("/events/4.json").json()["event"]["cluster_id"] == event2_cluster
    split = client.post(
        "/events/3/split", data={"comment": "different market"}, headers=_bearer(token)
    )
    assert split.status_code == 200
    recluster(store)  # the machine would undo both
    reapply(store)
    e2, e4 = (client.get(f"/events/{i}.json").json()["event"] for i in (2, 4))
    assert e2["cluster_id"] == e4["cluster_id"]
    e1, e3 = (client.get(f"/events/{i}.json").json()["event"] for i in (1, 3))
    assert e1["cluster_id"] != e3["cluster_id"]
    assert client.get(f"/clusters/{e2['cluster_id']}.json").json()["cluster"]["n_reports"] == 2


def test_reviewed_events_export_as_regression_cases(setup: tuple[TestClient, Store, str]) -> None:
    client, _, token = setup
    client.post(
        "/events/1/review",
        data={"action": "correct", "fatalities_low": "14"},
        headers=_bearer(token),
    )
    client.post("/events/2/review", data={"action": "reject"}, headers=_bearer(token))
    lines = client.get("/export/reviewed.jsonl").text.splitlines()
    [case] = [json.loads(line) for line in lines]
    assert case["text"].startswith("A car bomb killed")
    assert [e["fatalities_low"] for e in case["expected_events"]] == [14]
    assert [e["sub_event_type"] for e in case["rejected_events"]] == ["Armed clash"]


def test_user_add_prints_a_token_once(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sitroom.cli import app

    db = str(tmp_path / "u.db")
    result = CliRunner().invoke(app, ["user", "add", "carol", "--db", db])
    assert result.exit_code == 0
    token = result.output.strip()
    assert token.startswith("sr1.")
    again = CliRunner().invoke(app, ["user", "add", "carol", "--db", db])
    assert again.exit_code == 2
