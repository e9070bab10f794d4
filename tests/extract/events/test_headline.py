"""The headline places an incident the body tells without a place; an act told as the
answer to an incident takes its place and day; how long the victims' state has lasted
dates an undated incident (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sitroom.extract.events.extract import extract_events
from sitroom.extract.events.headline import read_headline
from sitroom.records import Event

PUB = date(2015, 3, 8)  # a Sunday
pytestmark = pytest.mark.model

BODY = (
    "The attacks occurred near the main checkpoint at dawn. Immediately after the "
    "blasts, gunmen fired on the guards.\n\nAmong the six killed were two guards."
)


def found(nlp: Language, text: str, title: str | None = None) -> list[Event]:
    headline = nlp(title) if title else None
    return list(extract_events(nlp(text), (), published=PUB, headline=headline))


def test_the_headline_reads_an_act_and_a_place(nlp: Language) -> None:
    headline = read_headline(nlp("Twin bombings hit market in Kirkuk"))
    assert headline is not None
    assert (headline.code, headline.place) == ("REM_EXPLOS", "Kirkuk")
    assert read_headline(nlp("Parliament passes budget in Kirkuk")) is None


def test_the_headline_places_and_types_an_incident_the_body_does_not_place(
    nlp: Language,
) -> None:
    events = found(nlp, BODY, "Twin bombings hit market in Kirkuk")
    assert [(e.sub_event_type, e.location_text, e.fatalities.low) for e in events] == [
        ("Remote explosive/landmine/IED", "Kirkuk", 6)
    ]
    # The headline is never evidence: every span lies in the body.
    assert all(0 <= s.start < s.end <= len(BODY) for e in events for s in e.evidence)


def test_without_a_headline_an_unplaced_incident_is_not_coded(nlp: Language) -> None:
    assert found(nlp, BODY) == []


def test_a_body_place_wins_over_the_headline(nlp: Language) -> None:
    text = "A car bomb exploded in Mosul on Friday, killing five people."
    events = found(nlp, text, "Twin bombings hit market in Kirkuk")
    assert [e.location_text for e in events] == ["Mosul"]


def test_an_act_answering_an_incident_takes_its_place_and_day(nlp: Language) -> None:
    events = found(
        nlp,
        "Rebels captured an army base in the town of Maarat al-Numan on Friday. "
        "The rebel advance triggered retaliatory air strikes by the government.",
    )
    got = [(e.sub_event_type, e.location_text, e.date_start) for e in events]
    assert ("Air/drone strike", "Maarat al-Numan", "2015-03-06") in got
    assert len(got) == 2


def test_how_long_the_bodies_have_lain_dates_the_incident(nlp: Language) -> None:
    events = found(
        nlp,
        "In the old city of Aleppo, fighters retrieved the bodies of a family that was killed "
        "when a mortar hit their house. Three children and their aunt died. A neighbour says "
        "the bodies have lain there for nearly two weeks.",
    )
    assert [(e.fatalities.low, e.date_start, e.date_end) for e in events] == [
        (4, "2015-02-22", "2015-02-25")
    ]


def test_the_title_is_parsed_only_when_an_incident_needs_it(nlp: Language) -> None:
    calls: list[str] = []

    def parse() -> Doc:
        calls.append("parsed")
        return nlp("Twin bombings hit market in Kirkuk")

    placed = "A car bomb exploded in Mosul on Friday, killing five people."
    extract_events(nlp(placed), (), published=PUB, headline=parse)
    assert calls == []
    events = extract_events(nlp(BODY), (), published=PUB, headline=parse)
    assert calls == ["parsed"]
    assert [e.location_text for e in events] == ["Kirkuk"]
