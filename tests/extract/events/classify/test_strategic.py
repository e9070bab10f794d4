"""Strategic developments: one-sided truces, armed groups' epidemic measures,
property seized or destroyed. Sentences written for these tests (not in
tests/data/event_types_own.jsonl), each with a contrast."""

from __future__ import annotations

import pytest

from sitroom.extract.events.classify.dominant import classify_string
from sitroom.extract.events.classify.sides import resolve_one_sided_truce

CASES: tuple[tuple[str, str], ...] = (
    # A ceasefire one side declares alone changes its activity ...
    (
        "On 5 April 2020, ELN rebels declared a unilateral ceasefire due to the COVID-19 pandemic.",
        "CHANGE_TO_GROUP_ACT",
    ),
    (
        "On 4 April 2020, the Taliban announced a ceasefire in areas affected by the coronavirus.",
        "CHANGE_TO_GROUP_ACT",
    ),
    # ... one agreed between two parties is an agreement.
    (
        "On 6 April 2020, the government and the rebels agreed a ceasefire in talks in Juba.",
        "AGREEMENT",
    ),
    # An armed group closing markets against an epidemic acts; the epidemic is the topic.
    (
        "On 8 April 2020, the Houthis closed the markets in Sanaa as a coronavirus precaution.",
        "CHANGE_TO_GROUP_ACT",
    ),
    # A public building burned is property destruction, whatever its use.
    (
        "On 14 April 2020, unidentified persons burned a COVID-19 isolation centre in Kinshasa.",
        "PROPERTY_DISTRUCT",
    ),
)


@pytest.mark.parametrize(("text", "code"), CASES)
def test_strategic_developments(text: str, code: str) -> None:
    assert classify_string(text)[0] == code


def test_a_one_sided_truce_outranks_the_agreement_cue() -> None:
    scores = {"AGREEMENT": 3.0}
    resolve_one_sided_truce(scores, "the group declared a unilateral ceasefire")
    assert scores["CHANGE_TO_GROUP_ACT"] > scores["AGREEMENT"]
    agreed = {"AGREEMENT": 3.0}
    resolve_one_sided_truce(agreed, "the army announced a ceasefire agreed with the rebels")
    assert agreed == {"AGREEMENT": 3.0}


PROPERTY: tuple[tuple[str, str], ...] = (
    # Seizing goods or property, and destroying crops or trees, is looting/destruction ...
    (
        "On 4 July 2020, soldiers raided the village of Kouna and confiscated a car.",
        "PROPERTY_DISTRUCT",
    ),
    (
        "On 6 July 2020, Houthi forces seized the house of a pro-government official in Ibb.",
        "PROPERTY_DISTRUCT",
    ),
    (
        "On 3 July 2020, settlers uprooted 50 olive trees near the village of Qaryut.",
        "PROPERTY_DISTRUCT",
    ),
    # ... explosives set off on a target are remote violence ...
    (
        "On 8 July 2020, militants blew up a telecommunications tower in Nangarhar.",
        "REM_EXPLOS",
    ),
    # ... and police seizing stolen vehicles enforce the law.
    (
        "Police broke up a car theft ring and seized stolen vehicles in Mombasa, arresting "
        "four suspects.",
        "ORG_CRIME",
    ),
)


@pytest.mark.parametrize(("text", "code"), PROPERTY)
def test_property_seized_or_destroyed(text: str, code: str) -> None:
    assert classify_string(text)[0] == code
