"""Speakers of quotes that run on into a new paragraph, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.quotes import extract_quotes

pytestmark = pytest.mark.model

_LEAD = "The council met on Monday.\n\n"


def _speakers(nlp: Language, text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(nlp(text)) if q.kind == "direct"]


def test_run_on_paragraph_keeps_its_own_cue(nlp: Language) -> None:
    # The first paragraph's quote is left open, so the second runs on from it;
    # its own trailing cue still names its speaker.
    text = (
        _LEAD + "“We will build the new bridge before the winter,” Okafor said. "
        "“The money for it is already there.\n\n"
        "“Nobody on the council should doubt that for a moment,” Morales added."
    )
    assert _speakers(nlp, text)[-1] == "Morales"


def test_run_on_paragraph_without_cue_inherits(nlp: Language) -> None:
    text = (
        _LEAD + "“We will build the new bridge before the winter,” Okafor said. "
        "“The money for it is already there.\n\n"
        "“Nobody on the council should doubt that for a moment.”"
    )
    assert _speakers(nlp, text)[-1] == "Okafor"


@pytest.mark.parametrize(
    "sentence",
    [
        "The union issued a statement saying “we will never accept a deal that cuts "
        "pay for the people who keep this city running every day.”",
        "The union released a short video saying “we will never accept a deal that cuts "
        "pay for the people who keep this city running every day.”",
    ],
)
def test_message_noun_quotes_its_issuer(nlp: Language, sentence: str) -> None:
    # The quote hangs on the message ("a statement saying"); its speaker is
    # whoever put the message out.
    assert _speakers(nlp, _LEAD + sentence) == ["The union"]
