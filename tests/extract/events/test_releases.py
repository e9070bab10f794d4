"""Strike releases on releases written for these tests: every "Near X, ..." line is
its own place-day event at X, dated by the lead, struck by the releasing force."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.extract.events.report import line_place
from sitroom.records import Event

pytestmark = pytest.mark.model
PUB = date(2023, 6, 12)

# Small places the parser does not tag, lines whose only verb is "destroyed" or
# "engaged", two sections, one item per line, a dated lead.
RELEASE = (
    "Share\n"
    "June 12, 2023\n"
    "FOR IMMEDIATE RELEASE\n"
    "SOUTHWEST ASIA — On June 10, coalition military forces continued to attack ISIS "
    "terrorists in Syria and Iraq. In Syria, coalition military forces conducted four strikes. "
    "In Iraq, coalition military forces conducted five strikes.\n"
    "The following is a summary of the strikes conducted against ISIS since the last press "
    "release:\n"
    "Syria\n"
    "*  Near Al Shaddadi, one strike destroyed an ISIS vehicle borne improvised explosive "
    "device.\n"
    "*  Near Hajin, three strikes engaged two ISIS tactical units and destroyed a weapons cache.\n"
    "Iraq\n"
    "*  Near Qayyarah, one strike struck an ISIS tactical unit and destroyed an ISIS fighting "
    "position.\n"
    "*  Near Al Baghdadi, one strike destroyed an ISIS fighting position.\n"
    "*  Near Mosul, three strikes struck two ISIS tactical units and destroyed two ISIS heavy "
    "machine guns.\n"
    "Strike assessments are based on initial reports.\n"
)


def _events(nlp: Language, text: str) -> list[Event]:
    return list(extract_events(nlp(text), (), published=PUB))


def test_every_release_line_is_its_own_event_at_its_place(nlp: Language) -> None:
    found = _events(nlp, RELEASE)
    assert [e.location_text for e in found] == [
        "Al Shaddadi",
        "Hajin",
        "Qayyarah",
        "Al Baghdadi",
        "Mosul",
    ]
    assert {e.sub_event_type for e in found} == {"Air/drone strike"}
    assert {e.date_start for e in found} == {"2023-06-10"}
    assert {e.actor1 for e in found} == {"Coalition Forces (Operation Inherent Resolve)"}


def test_each_release_event_has_its_own_line_as_evidence(nlp: Language) -> None:
    text = RELEASE
    for event in _events(nlp, text):
        assert len(event.evidence) == 1
        (evidence,) = event.evidence
        line = text[evidence.start : evidence.end]
        assert f"Near {event.location_text}," in line
        assert line.count("Near ") == 1


def test_a_release_dated_yesterday_dates_its_lines_the_day_before(nlp: Language) -> None:
    text = (
        "SOUTHWEST ASIA, June 12, 2023 — U.S. and coalition military forces continued to "
        "attack ISIS terrorists in Iraq yesterday, task force officials reported today.\n\n"
        "Strikes in Iraq\n\n"
        "Attack and fighter aircraft conducted three strikes in Iraq:\n\n"
        "-- Near Hit, a strike destroyed an ISIS-held building.\n\n"
        "-- Near Rutbah, two strikes engaged an ISIS tactical unit.\n"
    )
    found = _events(nlp, text)
    assert [(e.location_text, e.date_start) for e in found] == [
        ("Hit", "2023-06-11"),
        ("Rutbah", "2023-06-11"),
    ]


def test_the_place_of_a_line_is_the_words_before_its_comma(nlp: Language) -> None:
    doc = nlp(
        "-- Near Tal Abyad, two strikes engaged an ISIS unit.\n\n"
        "Near al-Qaim, a strike destroyed a tunnel.\n\n"
        "Near the town of Hawija, one strike killed two fighters on Monday."
    )
    found = [line_place(s) for s in doc.sents]
    texts = [p.text if p is not None else None for p in found]
    assert texts[0] == "Tal Abyad"
    assert "al-Qaim" in texts
    assert texts[-1] is None  # prose, read by the parser
