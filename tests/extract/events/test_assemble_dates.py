"""Dates of incidents told across sentences (issue 13, class 7), on reports written
for these tests: a day stated once applies to the whole incident, each day of a
listed series keeps its own, a report without a publication date is read against
the latest full date it states."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.extract.events.report.stated import stated_day
from sitroom.records import Event
from sitroom.resolve.dates import resolve_date

PUB = date(2018, 8, 30)


def run(nlp: Language, text: str, published: date | None = PUB) -> list[Event]:
    return list(extract_events(nlp(text), (), published=published))


@pytest.mark.model
def test_each_listed_day_is_its_own_event_with_its_own_day(nlp: Language) -> None:
    text = (
        "The command conducted six air strikes against the militants in Yemen. These include "
        "air strikes May 25, two airstrikes June 23 and 30, two airstrikes July 22 and 24, "
        "and one Aug. 14."
    )
    found = run(nlp, text)
    days = [e.date_start for e in found if e.sub_event_type == "Air/drone strike"]
    assert days == [
        "2018-05-25",
        "2018-06-23",
        "2018-06-30",
        "2018-07-22",
        "2018-07-24",
        "2018-08-14",
    ]
    june_30 = next(e for e in found if e.date_start == "2018-06-30")
    (span,) = june_30.evidence
    assert text[span.start : span.end] == "two airstrikes June 23 and 30"


@pytest.mark.model
def test_a_period_between_two_days_is_not_a_list(nlp: Language) -> None:
    text = "Militants attacked a convoy near the town of Azzan between June 23 and July 22."
    found = run(nlp, text)
    assert len(found) == 1


@pytest.mark.model
def test_the_day_of_the_sentence_that_gives_the_place_dates_the_lead(nlp: Language) -> None:
    text = (
        "Gunmen attacked a village in the north-east, killing at least 20 people.\n\n"
        "Residents said the attack on Kawuri began before dawn on Tuesday."
    )
    (event,) = run(nlp, text)
    assert (event.date_start, event.date_end) == ("2018-08-28", "2018-08-28")


@pytest.mark.model
def test_a_report_without_publication_date_reads_weekdays_against_its_stated_day(
    nlp: Language,
) -> None:
    text = (
        "The ministry released the footage on November 15, 2016.\n\n"
        "At least 32 civilians have been killed in Aleppo in the past 24 hours as warplanes "
        "hit the city for a second day."
    )
    # The pipeline passes the stated day when the page's metadata gives no date.
    (event,) = run(nlp, text, published=stated_day(text))
    assert (event.date_start, event.date_end) == ("2016-11-14", "2016-11-15")


def test_the_latest_full_date_stated_is_the_report_day() -> None:
    text = "Fighting began on 3 March 2015. Footage released on November 15, 2016, shows it."
    assert stated_day(text) == date(2016, 11, 15)
    assert stated_day("Fighting raged on Tuesday.") is None


def test_a_count_of_days_is_no_calendar_day() -> None:
    assert resolve_date("a second day", published=date(2016, 11, 15)) is None
    past = resolve_date("the past 24 hours", published=date(2016, 11, 15))
    assert past is not None
    assert (past.date_start, past.date_end) == (date(2016, 11, 14), date(2016, 11, 15))


@pytest.mark.model
def test_an_act_told_days_before_the_sentence_s_day_takes_the_week_before(
    nlp: Language,
) -> None:
    text = (
        "Iran on Sunday vowed to defeat any Israeli attempt to harm its role in Syria, saying "
        "the era of attacks by Israel there was over days after Israel carried out airstrikes "
        "on Syrian army and Iranian targets in the country."
    )
    (event,) = run(nlp, text, published=date(2020, 11, 23))
    assert (event.date_start, event.date_end) == ("2020-11-15", "2020-11-21")
