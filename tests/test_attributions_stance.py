"""Stance cues and object content, on sentences written for these tests.

PolNeAR counts stance verbs ("wants", "endorsed") as attribution cues; sitroom
keeps them as indirect Quotes (the cue keeps the verb) but gives them no
Attribution, because they state a position, not a claim with a source.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.attributions import extract_attributions
from sitroom.extract.quotes import extract_quotes
from sitroom.records import Quote

pytestmark = pytest.mark.model



def _indirect(nlp: Language, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]


def test_stance_verb_gives_a_quote_but_no_attribution(nlp: Language) -> None:
    text = "The governor endorsed the new evacuation plan for the coastal villages."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert quote.cue == "endorsed"
    assert quote.text == "the new evacuation plan for the coastal villages"
    assert quote.speaker_mention == "The governor"
    assert extract_attributions(doc, quotes) == ()


def test_want_takes_its_object_with_the_clause(nlp: Language) -> None:
    text = "The mayor wants the families to leave the district before the winter."
    (quote,) = _indirect(nlp, text)
    assert quote.cue == "wants"
    assert quote.text.startswith("the families to leave the district")


def test_accused_of_reports_the_charge(nlp: Language) -> None:
    text = "The opposition accused the army of shelling the market in Idlib."
    (quote,) = _indirect(nlp, text)
    # PolNeAR's content starts at the person accused (attrib_starts).
    assert quote.text == "the army of shelling the market in Idlib"
    assert quote.cue == "accused"


def test_called_for_is_a_demand(nlp: Language) -> None:
    text = "The aid group called for an immediate ceasefire around the hospital."
    (quote,) = _indirect(nlp, text)
    assert quote.text == "an immediate ceasefire around the hospital"


def test_speech_claim_keeps_its_attribution_next_to_a_stance(nlp: Language) -> None:
    text = (
        "The ministry said that 40 fighters were killed in the strike. "
        "The ministry also wants a ceasefire in the province."
    )
    doc = nlp(text)
    attributions = extract_attributions(doc, extract_quotes(doc))
    assert [a.cue for a in attributions] == ["said"]
    assert attributions[0].source_type == "government"


def test_stance_verb_never_introduces_a_direct_quote(nlp: Language) -> None:
    text = (
        "Omar Haddad supports the truce. “We will hold our positions until the talks end,” "
        "said Leila Nasser, a commander in the south."
    )
    (quote,) = [q for q in extract_quotes(nlp(text)) if q.kind == "direct"]
    assert quote.speaker == "Leila Nasser"
