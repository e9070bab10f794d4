"""Event extraction on sentences written for these tests (loads the spaCy pipeline once)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events import extract_events
from sitroom.records import Attribution

PUB = date(2015, 3, 8)
pytestmark = pytest.mark.model



def events(nlp: Language, text: str, attributions: tuple[Attribution, ...] = ()) -> list:
    return list(extract_events(nlp(text), attributions, published=PUB))


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say the militants could attack Mosul in the spring.",
        "The army did not shell the town of Hit on Sunday.",
        "Commanders plan to retake the city of Ramadi next month.",
        "Airstrikes are relatively rare in the cities of northern Syria.",
        "Fighters in rural outposts are more vulnerable to attacks, residents say.",
        "Recruits are offered up to $800 a month to fight on the front lines.",
        "The group's grip on eastern Syria remains strong, an analyst said.",
        "If the offensive fails, the militants will strike back at Baghdad.",
    ],
)
def test_non_events_produce_nothing(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_two_incidents_in_two_places_are_two_events(nlp: Language) -> None:
    text = (
        "Gunmen killed four civilians in the village of Zawiya on Thursday.\n\n"
        "On Friday, rebels clashed with government forces in the town of Hama, "
        "killing six soldiers."
    )
    found = events(nlp, text)
    assert len(found) == 2
    attack, clash = found
    assert (attack.sub_event_type, attack.location_text, attack.date_start) == (
        "Attack",
        "Zawiya",
        "2015-03-05",
    )
    assert attack.fatalities.low == 4
    assert (clash.sub_event_type, clash.location_text, clash.date_start) == (
        "Armed clash",
        "Hama",
        "2015-03-06",
    )
    assert clash.fatalities.low == 6


def test_strike_release_near_one_town_is_one_event_with_totals(nlp: Language) -> None:
    text = (
        "Near Kobani, an airstrike struck an ISIL fighting position on Saturday, "
        "killing 3 fighters.\n"
        "Near Kobani, an airstrike destroyed an ISIL vehicle on Saturday, killing 2 fighters.\n"
        "Near Kobani, an airstrike hit an ISIL checkpoint on Saturday, killing 4 fighters."
    )
    found = events(nlp, text)
    assert len(found) == 1
    strike = found[0]
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.event_type == "Explosions/Remote violence"
    assert strike.location_text == "Kobani"
    assert strike.date_start == "2015-03-07"
    assert strike.fatalities.low == 9
    assert len(strike.evidence) == 3


def test_certainty_and_sources_come_from_attributions(nlp: Language) -> None:
    text = "Rebels said they shot down a helicopter and killed 12 soldiers in Idlib on Friday."
    claim = Attribution("rebels", "organization", False, 0, len(text), hedge="claimed")
    found = events(nlp, text, (claim,))
    assert len(found) == 1
    assert found[0].certainty == "claimed"
    assert found[0].sources == ("rebels",)
    report = Attribution("Reuters", "media", False, 0, len(text))
    assert events(nlp, text, (report,))[0].certainty == "reported"


def test_evidence_offsets_index_the_text(nlp: Language) -> None:
    text = (
        "Background first.\n\nOn Sunday, a car bomb exploded in the town of Tal Afar, "
        "killing 5 people."
    )
    found = events(nlp, text)
    assert len(found) == 1
    span = found[0].evidence[0]
    assert text[span.start : span.end].startswith("On Sunday, a car bomb")
    assert found[0].sub_event_type == "Remote explosive/landmine/IED"
    assert found[0].notes.startswith("On 8 March 2015,")


def test_conflicting_figures_are_kept_with_their_sources(nlp: Language) -> None:
    first = "Gunmen killed 12 civilians in the village of Qaraqosh on Saturday, the monitor said."
    second = "Gunmen killed 15 civilians in the village of Qaraqosh on Saturday, officials said."
    text = f"{first}\n\n{second}"
    a = Attribution("the monitor", "organization", False, 0, len(first))
    b = Attribution("officials", "government", False, len(first) + 2, len(text))
    found = events(nlp, text, (a, b))
    assert len(found) == 1
    deaths = found[0].fatalities
    assert (deaths.low, deaths.high) == (12, 15)
    assert "the monitor" in (found[0].fatality_text or "")
    assert "officials" in (found[0].fatality_text or "")
