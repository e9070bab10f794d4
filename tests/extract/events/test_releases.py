"""Strike releases on releases written for these tests: every "Near X, ..." line is
its own place-day event at X, dated by the lead, struck by the releasing force."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.extract.events.report import dated_items, line_place
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


def test_a_release_of_one_line_codes_the_line_not_its_summary(nlp: Language) -> None:
    text = (
        "SOUTHWEST ASIA, June 12, 2023 — U.S. and coalition military forces continued to "
        "attack ISIS terrorists in Syria yesterday, officials reported today.\n\n"
        "Strikes in Syria\n\n"
        "Fighter aircraft conducted two strikes in Syria:\n\n"
        "-- Near Hajin, two strikes destroyed an ISIS vehicle.\n\n"
        "Strike assessments are based on initial reports."
    )
    [event] = _events(nlp, text)
    assert (event.location_text, event.sub_event_type) == ("Hajin", "Air/drone strike")
    assert event.actor1 == "Coalition Forces (Operation Inherent Resolve)"
    assert event.date_start == "2023-06-11"


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


# --- lists of dated items ------------------------------------------------------


def test_a_list_of_dated_strikes_is_one_event_per_day_with_its_own_date(nlp: Language) -> None:
    text = (
        "The command said it has conducted five strikes against the group in Somalia since "
        "March 2. These include an airstrike March 4, two airstrikes April 9 and 17, and "
        "two airstrikes May 1 and 3."
    )
    found = _events(nlp, text)
    dates = [e.date_start for e in found if e.sub_event_type == "Air/drone strike"]
    assert dates == ["2023-03-04", "2023-04-09", "2023-04-17", "2023-05-01", "2023-05-03"]
    assert all(e.date_start == e.date_end for e in found)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # Day first, a month shared by the days before it, "and on" between items.
        (
            "Warplanes carried out raids near the town on 3 and 9 March and on 12 April.",
            ["2023-03-03", "2023-03-09", "2023-04-12"],
        ),
        # A year written after the days.
        (
            "Drone strikes hit the area Oct. 2, 2022, and Nov. 5, 2022.",
            ["2022-10-02", "2022-11-05"],
        ),
        # Ranges and prose are no lists.
        ("Fighters clashed between June 9 and June 11 near the town.", []),
        ("Fighters clashed from May 1 to May 3 near the town.", []),
        ("Fighters clashed June 9-11 near the town.", []),
        ("The attack on June 3 came two weeks after a bombing that killed five on May 20.", []),
        ("Gunmen attacked the village on Monday.", []),
    ],
)
def test_dated_items_reads_lists_not_ranges(nlp: Language, text: str, days: list[str]) -> None:
    (sentence,) = nlp(text).sents
    found = [d.when.date_start for d in dated_items(sentence, PUB)]
    assert [d.isoformat() for d in found if d] == days


def test_each_dated_clause_of_a_list_keeps_its_own_date_and_toll(nlp: Language) -> None:
    text = (
        "U.S. forces conducted strikes against al-Shabaab near the town of Jilib: on June 3, "
        "a strike killed two militants; on June 9, two strikes destroyed a vehicle; and on "
        "June 11, a strike killed four militants."
    )
    found = _events(nlp, text)
    assert [(e.date_start, e.fatalities.low) for e in found] == [
        ("2023-06-03", 2),
        ("2023-06-09", None),
        ("2023-06-11", 4),
    ]
    assert {e.location_text for e in found} == {"Jilib"}


def test_a_dated_list_with_a_toll_stays_one_event(nlp: Language) -> None:
    # Five dead cannot be shared out over two days.
    text = "Airstrikes on the town on June 3 and June 5 killed five fighters."
    found = _events(nlp, text)
    assert len(found) == 1


# --- casualty statements -------------------------------------------------------


def test_a_force_that_lost_soldiers_reports_their_deaths(nlp: Language) -> None:
    text = "The battalion lost three soldiers near the town of Hawija on Monday."
    [event] = _events(nlp, text)
    assert event.event_type == "Battles"
    assert event.fatalities.low == 3
    assert event.date_start == "2023-06-12"  # publication is a Monday


def test_lost_one_of_its_finest_is_one_death(nlp: Language) -> None:
    text = (
        "Yesterday, the task force lost one of its finest sailors during a raid to free "
        "hostages held by militants, the commander said."
    )
    [event] = _events(nlp, text)
    assert event.fatalities.low == 1
    assert event.date_start == "2023-06-11"


@pytest.mark.parametrize(
    "text",
    [
        "The ruling party lost the election in the capital on Sunday.",
        "The rebels lost ground near the town of Hawija on Monday.",
    ],
)
def test_losing_what_is_not_people_is_no_event(nlp: Language, text: str) -> None:
    assert _events(nlp, text) == []


# --- statements ------------------------------------------------------------------


def test_a_statement_dates_the_strike_by_the_local_date_it_restates(nlp: Language) -> None:
    text = (
        "U.S. forces conducted a missile strike against an air base near the town of Hama "
        "today at about 9 p.m. EDT (4 a.m., June 13, in Syria)."
    )
    [event] = _events(nlp, text)
    assert (event.date_start, event.date_end) == ("2023-06-13", "2023-06-13")


def test_a_parenthesis_that_is_no_local_time_leaves_the_date(nlp: Language) -> None:
    text = (
        "Gunmen attacked a checkpoint near the town of Hawija on Saturday (June 10, "
        "according to the army)."
    )
    [event] = _events(nlp, text)
    assert event.date_start == "2023-06-10"
