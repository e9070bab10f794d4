"""Cues counted on PolNeAR train by construction, on sentences written for these tests.

Construction verbs ("declined to …"), stance adjectives ("eager to …"),
source-less passives ("is expected to …"), object content with "as", and
the quote whose clause the parse hung on the paragraph before. Each test
asserts what the extractor really gives.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.cues.extra import peek
from sitroom.extract.speech.quotes import extract_quotes
from sitroom.extract.speech.speakers import SourceTracker, mention_of
from tests.extract.speech.helpers import indirect_quotes

pytestmark = pytest.mark.model


def _stance_only(nlp: Language, text: str) -> tuple[str | None, str, str | None]:
    """(cue, content, speaker) of the one indirect Quote; it must give no Attribution."""
    doc = nlp(text)
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert extract_attributions(doc, quotes) == ()
    return quote.cue, quote.text, quote.speaker


def test_declined_with_a_clause_is_a_stance_cue(nlp: Language) -> None:
    found = _stance_only(nlp, "The minister declined to discuss the new budget.")
    assert found == ("declined", "to discuss the new budget", "The minister")


def test_blasted_with_an_object_is_a_stance_cue(nlp: Language) -> None:
    found = _stance_only(nlp, "The senator blasted the court ruling on Monday.")
    assert found == ("blasted", "the court ruling", "The senator")


def test_apologized_for_reports_the_object_of_for(nlp: Language) -> None:
    found = _stance_only(nlp, "Rebels apologized for the shelling of the market.")
    assert found == ("apologized", "the shelling of the market", "Rebels")


def test_declined_without_a_clause_is_no_cue(nlp: Language) -> None:
    assert indirect_quotes(nlp, "Grain exports declined sharply in the spring.") == []


def test_stance_adjective_with_a_clause(nlp: Language) -> None:
    found = _stance_only(nlp, "The governor is eager to sign the bill.")
    assert found == ("eager", "to sign the bill", "The governor")


def test_stance_adjective_with_its_preposition(nlp: Language) -> None:
    found = _stance_only(nlp, "The union leader was critical of the new contract.")
    assert found == ("critical", "the new contract", "The union leader")


def test_passive_expected_has_no_source_and_reports_the_clause(nlp: Language) -> None:
    found = _stance_only(nlp, "The bill is expected to pass next week.")
    assert found == ("expected", "The bill is expected to pass next week", None)


def test_passive_with_an_agent_is_left_to_the_speech_verb_rules(nlp: Language) -> None:
    (quote,) = indirect_quotes(nlp, "The attack was reported by the provincial police.")
    assert quote.speaker is not None


def test_described_as_keeps_what_the_object_is_called(nlp: Language) -> None:
    (quote,) = indirect_quotes(nlp, "The mayor described the curfew as a painful necessity.")
    assert (quote.cue, quote.text) == ("described", "the curfew as a painful necessity")


def test_sees_x_as_y_is_a_cue_with_the_object(nlp: Language) -> None:
    found = _stance_only(nlp, "The colonel sees the ceasefire as a chance to regroup.")
    assert found[:2] == ("sees", "the ceasefire as a chance to regroup")


def test_quote_hung_on_the_paragraph_before_is_reported_by_its_cue(nlp: Language) -> None:
    text = (
        "The mayor said on Monday that the roads were open again.\n\n"
        "''I think the repairs will be finished by the spring,'' Ms. Diallo said. ''"
    )
    texts = [(q.cue, q.text) for q in indirect_quotes(nlp, text)]
    assert ("said", "I think the repairs will be finished by the spring") in texts


def test_peek_resolves_without_remembering(nlp: Language) -> None:
    doc = nlp("Ana Ruiz declined to comment.")
    tracker = SourceTracker(doc)
    resolved = peek(tracker, mention_of(doc[1], tracker.ents))
    assert resolved is not None
    assert resolved.name == "Ana Ruiz"
    assert tracker.last() is None
