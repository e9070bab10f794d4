"""An arrest that counts the people held is coded like a tolled incident, and an
undated incident takes no day from another paragraph's story (sentences written for
these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from sitroom.extract.events.extract import extract_events
from sitroom.numbers import arrested

PUB = date(2021, 2, 9)  # a Tuesday
pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Police arrested 78 people, including several journalists.", 78),
        ("At least 23 people were detained after the march.", 23),
        ("Police arrested the suspect.", None),
        ("Police said 12 people were killed.", None),
    ],
)
def test_the_number_of_people_held(text: str, held: int | None) -> None:
    count = arrested(text)
    assert (count.low if count else None) == held


def test_a_counted_arrest_in_its_own_story_is_coded_to_the_week_before_publication(
    nlp: Language,
) -> None:
    text = (
        "In Kenya, thousands of people jammed the streets of Nairobi on Monday.\n\n"
        "In Haiti, opponents of the president named a rival leader. The move came a day "
        "after the president said authorities had arrested 23 people linked to a plot."
    )
    events = list(extract_events(nlp(text), (), published=PUB))
    haiti = [e for e in events if e.sub_event_type == "Arrests"]
    assert [(e.location_text, e.date_start, e.date_end) for e in haiti] == [
        ("Haiti", "2021-02-03", "2021-02-09")
    ]
