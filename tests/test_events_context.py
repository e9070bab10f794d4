"""Report-level event rules on reports written for these tests.

Actor filtering, date inheritance, one event per incident, background and
certainty (``event_actors``, ``event_context``, ``events._certainty``).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events import extract_events
from sitroom.records import Attribution, Event

PUB = date(2023, 5, 10)  # a Wednesday
pytestmark = pytest.mark.model



def run(nlp: Language, text: str, attributions: tuple[Attribution, ...] = ()) -> list[Event]:
    return list(extract_events(nlp(text), attributions, published=PUB))


def claim(text: str, source: str, cue: str, start: str, hedge: str | None = None) -> Attribution:
    lo = text.index(start)
    hi = text.index(".", lo) + 1
    return Attribution(source, "organization", False, lo, hi, cue=cue, hedge=hedge)


# --- actors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "Monday's explosion killed three soldiers near the town of Hawija on Monday.",
            "Monday's explosion",
        ),
        ("The device exploded near a police checkpoint in Hawija on Monday.", "The device"),
        ("Gunmen attacked a bus near the town of Hawija on Monday, killing six passengers.", "bus"),
        (
            "Artillery shells hit a market in the city of Kirkuk on Monday, killing 4 people.",
            "market",
        ),
    ],
)
def test_non_actors_are_not_actors(nlp: Language, text: str, bad: str) -> None:
    found = run(nlp, text)
    assert found
    for event in found:
        assert bad not in (event.actor1_text or ""), event
        assert bad not in (event.actor2_text or ""), event


def test_victims_replace_a_physical_target(nlp: Language) -> None:
    text = "Gunmen attacked a bus near the town of Hawija on Monday, killing six passengers."
    (event,) = run(nlp, text)
    assert event.actor1_text == "Gunmen"
    assert event.actor2_text == "passengers"


def test_unknown_real_actor_is_kept_as_written(nlp: Language) -> None:
    text = "Unidentified gunmen shot dead two farmers near the village of Koro on Monday."
    (event,) = run(nlp, text)
    assert event.actor1 is not None and "Unidentified" in event.actor1


def test_relatives_of_soldiers_rallying_are_protesters(nlp: Language) -> None:
    text = "Hundreds of relatives of captured soldiers rallied in the city of Kirkuk on Monday."
    (event,) = run(nlp, text)
    assert event.event_type == "Protests"
    assert event.actor1 is not None and event.actor1.startswith("Protesters")


# --- dates ------------------------------------------------------------------

INCIDENT = (
    "Militants ambushed an army convoy near the town of Hawija on Monday night, killing nine "
    "soldiers.\n\n"
    "The attack happened on a mountain road where the convoy was escorting fuel trucks.\n\n"
    "Monday's ambush was the deadliest attack on the army in the province since the start of "
    "the year."
)


def test_follow_up_sentences_are_one_event_with_the_lead_date(nlp: Language) -> None:
    found = run(nlp, INCIDENT)
    assert len(found) == 1, [(e.sub_event_type, e.date_text) for e in found]
    event = found[0]
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2023-05-08",
        "2023-05-08",
        1,
    )
    assert event.fatalities.low == 9
    assert len(event.evidence) >= 2


def test_undated_follow_up_says_where_its_date_came_from(nlp: Language) -> None:
    text = (
        "Militants ambushed an army convoy near the town of Hawija on Monday night, killing nine "
        "soldiers.\n\n"
        "Separately, a roadside bomb killed two policemen in the city of Kirkuk."
    )
    later = [e for e in run(nlp, text) if e.location_text == "Kirkuk"]
    assert len(later) == 1
    assert later[0].date_start == "2023-05-08"
    assert "(from an earlier sentence)" in (later[0].date_text or "")


def test_a_day_after_counts_from_the_incident(nlp: Language) -> None:
    text = (
        "Artillery shells hit the town of Hawija on Monday, killing four civilians.\n\n"
        "The shelling came a day after a drone attacked a bus in the city of Kirkuk, wounding "
        "three passengers."
    )
    bus = [e for e in run(nlp, text) if e.location_text == "Kirkuk"]
    assert len(bus) == 1
    assert bus[0].date_start == "2023-05-07"  # the day before Monday 8 May


def test_undated_report_is_coded_to_the_week_before_publication(nlp: Language) -> None:
    text = "Militants ambushed an army convoy near the town of Hawija, killing nine soldiers."
    (event,) = run(nlp, text)
    assert (event.date_start, event.date_end, event.time_precision) == (
        "2023-05-04",
        "2023-05-10",
        2,
    )
    assert event.date_text == "(undated; week before publication)"


def test_without_publication_date_nothing_is_guessed(nlp: Language) -> None:
    text = "Militants ambushed an army convoy near the town of Hawija, killing nine soldiers."
    (event,) = extract_events(nlp(text), (), published=None)
    assert event.date_start is None


# --- background -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The town of Hawija has endured years of sniper fire and shelling.",
        "Women in the district of Koro are regularly abducted when they collect firewood.",
        "Militants seized the town of Hawija in March 2019 after weeks of fighting.",
        "Rights groups have documented a rise in deaths from drone strikes since 2020.",
    ],
)
def test_background_produces_no_event(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


# --- certainty --------------------------------------------------------------


def test_claim_by_the_perpetrator_is_claimed(nlp: Language) -> None:
    text = "Al-Shabab claimed it killed five soldiers in an attack on a base near Barawe on Monday."
    attributions = (claim(text, "Al-Shabab", "claimed", "Al-Shabab"),)
    (event,) = run(nlp, text, attributions)
    assert event.certainty == "claimed"
    assert event.sources == ("Al-Shabab",)


def test_unverifiable_report_is_unconfirmed(nlp: Language) -> None:
    text = (
        "Militants killed five soldiers in an attack on a base near Barawe on Monday, a "
        "monitor said, though the toll could not be independently verified."
    )
    attributions = (claim(text, "a monitor", "said", "Militants"),)
    (event,) = run(nlp, text, attributions)
    assert event.certainty == "unconfirmed"
    assert event.sources == ("a monitor",)


def test_conflicting_tolls_keep_both_sources(nlp: Language) -> None:
    text = (
        "Militants ambushed an army convoy near the town of Hawija on Monday night, killing nine "
        "soldiers, a monitor said.\n\n"
        "The attack killed six soldiers on Monday night, state television reported."
    )
    attributions = (
        claim(text, "a monitor", "said", "Militants"),
        claim(text, "state television", "reported", "The attack"),
    )
    found = run(nlp, text, attributions)
    assert len(found) == 1
    event = found[0]
    assert event.fatalities.low == 6
    assert set(event.sources) == {"a monitor", "state television"}
    assert "a monitor" in (event.fatality_text or "")
    assert "state television" in (event.fatality_text or "")


# --- tolls, back-references, strikes ------------------------------------------


def test_toll_update_keeps_the_incident_day(nlp: Language) -> None:
    text = (
        "The death toll from Sunday night's car bombing at a cafe in the city of Kirkuk rose "
        "to eleven on Tuesday, officials said."
    )
    (event,) = run(nlp, text)
    assert event.date_start == "2023-05-07"  # Sunday, not the Tuesday of the update
    assert event.fatalities.low == 11


def test_a_day_after_the_blast_is_the_same_incident(nlp: Language) -> None:
    text = (
        "A car bomb exploded outside a cafe in the city of Kirkuk on Monday, killing five "
        "people.\n\n"
        "A day after the blast, soldiers searched vehicles at checkpoints in the city."
    )
    found = run(nlp, text)
    assert all(e.date_start == "2023-05-08" for e in found), [e.date_text for e in found]


def test_an_air_strike_is_not_a_protest(nlp: Language) -> None:
    text = "Near the town of Hawija, one strike killed two fighters riding a motorcycle on Monday."
    found = run(nlp, text)
    assert found
    assert all(e.event_type != "Protests" for e in found)


def test_victims_count_reads_through_a_curly_possessive(nlp: Language) -> None:
    text = (
        "Public executions have in recent weeks been extended to about 120 of the group’s "
        "own members, according to a monitoring group."
    )
    [event] = extract_events(nlp(text), (), published=date(2015, 3, 8))
    assert event.sub_event_type == "Attack"
    assert event.fatalities.low == 120
