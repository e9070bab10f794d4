"""Seed acceptance (issue 5): the seed report, published 2015-03-08, with hand-built attributions.

Skips with a message when ../shared is absent. The attribution extractor is not
wired in here on purpose: these records stand in for its output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import ftfy
import pytest

from sitroom.extract.events.extract import extract_events
from sitroom.nlp import get_nlp
from sitroom.records import Attribution, Event

pytestmark = pytest.mark.model
PUB = date(2015, 3, 8)


def _claim(
    text: str, source: str, kind: str, start: str, end: str, hedge: str | None = None
) -> Attribution:
    lo = text.index(start)
    hi = text.index(end, lo) + len(end)
    return Attribution(source, kind, False, lo, hi, hedge=hedge)


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[str, tuple[Event, ...]]:
    text = ftfy.fix_text(seed_path.read_text(encoding="utf-8"))
    attributions = (
        _claim(text, "an activist", "anonymous", "Shootouts have erupted", "the activist said."),
        _claim(
            text,
            "Hassan al-Dulaimi",
            "person",
            "In an incident in the Iraqi city",
            "Islamic State.",
        ),
        _claim(
            text,
            "Raqqa Is Being Slaughtered Silently",
            "organization",
            "The bodies of between",
            "Islamic State activities.",
        ),
        _claim(
            text,
            "Syrian Observatory for Human Rights",
            "organization",
            "Public executions",
            "Human Rights.",
        ),
        _claim(
            text,
            "Pentagon",
            "government",
            "The Pentagon claimed",
            "can't be confirmed.",
            hedge="unconfirmed",
        ),
    )
    doc = get_nlp()(text)
    return text, extract_events(doc, attributions, published=PUB)


def _one(events: tuple[Event, ...], place: str | None, sub: str, aggregate: bool = False) -> Event:
    found = [
        e
        for e in events
        if e.location_text == place and e.sub_event_type == sub and e.aggregate == aggregate
    ]
    assert len(found) == 1, [(e.location_text, e.sub_event_type) for e in events]
    return found[0]


def test_abu_kamal_shootout_last_week(seed: tuple[str, tuple[Event, ...]]) -> None:
    event = _one(seed[1], "Abu Kamal", "Armed clash")
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2015-02-23",
        "2015-03-01",
        2,
    )
    assert event.sources == ("an activist",)


def test_ramadi_clash_in_january(seed: tuple[str, tuple[Event, ...]]) -> None:
    event = _one(seed[1], "Ramadi", "Armed clash")
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2015-01-01",
        "2015-01-31",
        3,
    )


def test_tabqa_bodies_between_30_and_40(seed: tuple[str, tuple[Event, ...]]) -> None:
    event = _one(seed[1], "Tabqa", "Attack")
    assert event.event_type == "Violence against civilians"
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (30, 35, 40)
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2015-02-01",
        "2015-02-28",
        3,
    )


def test_executions_of_about_120_members(seed: tuple[str, tuple[Event, ...]]) -> None:
    found = [e for e in seed[1] if "Syrian Observatory for Human Rights" in e.sources]
    assert len(found) == 1
    event = found[0]
    # ACLED codes the killing of unarmed captives (here the group's own members) as
    # Violence against civilians / Attack.
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.fatalities.low == 120
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2015-02-08",
        "2015-03-08",
        3,
    )
    assert not event.aggregate


def test_deir_al_zour_attack_on_sunday(seed: tuple[str, tuple[Event, ...]]) -> None:
    found = [e for e in seed[1] if e.location_text == "Deir al-Zour"]
    assert len(found) == 1
    event = found[0]
    assert event.fatalities.low == 12
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2015-03-08",
        "2015-03-08",
        1,
    )


def test_tikrit_battle(seed: tuple[str, tuple[Event, ...]]) -> None:
    event = _one(seed[1], "Tikrit", "Armed clash")
    assert event.event_type == "Battles"


def test_pentagon_figure_is_an_unconfirmed_aggregate(seed: tuple[str, tuple[Event, ...]]) -> None:
    found = [e for e in seed[1] if e.aggregate]
    assert len(found) == 1
    event = found[0]
    assert event.fatalities.low == 8500
    assert event.certainty == "unconfirmed"
    assert event.sources == ("Pentagon",)
    assert event.date_start is None  # a running total is never a single-day event


def test_opinion_and_background_produce_no_events(seed: tuple[str, tuple[Event, ...]]) -> None:
    text, events = seed
    opinion_end = text.index("Most striking are the growing signs")
    assert all(e.evidence[0].start >= opinion_end for e in events)
    # The six incidents, plus the aggregate claim, and nothing else.
    assert len(events) == 7
