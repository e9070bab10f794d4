"""Preposition nouns, run-on apostrophe quotes and second speech verbs,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.content.run_on import partly_quoted
from sitroom.extract.speech.quotes import extract_quotes
from tests.extract.speech.helpers import indirect_quotes

pytestmark = pytest.mark.model


def test_possessed_call_for_is_a_cue_without_an_attribution(nlp: Language) -> None:
    doc = nlp("The governor's call for a ceasefire in the north went unanswered.")
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert (quote.cue, quote.speaker_mention) == ("call", "The governor's")
    assert quote.text == "a ceasefire in the north"
    # A position, not a claim: no attribution, so no event turns "claimed".
    assert extract_attributions(doc, quotes) == ()


def test_questions_about_takes_the_subject_of_the_verb_as_holder(nlp: Language) -> None:
    (quote,) = indirect_quotes(
        nlp, "Rebel leaders raised questions about the new border checkpoints."
    )
    assert (quote.cue, quote.speaker_mention) == ("questions", "Rebel leaders")
    assert quote.text == "the new border checkpoints"


def test_apostrophe_quote_runs_on_to_the_end_of_its_paragraph(nlp: Language) -> None:
    text = (
        "The blast hit the market.\n\n''This is not a truce,'' said Ana Ruiz, a local "
        "official. ''It is a pause. The shelling will resume.''\n\nAid trucks waited."
    )
    (quote,) = indirect_quotes(nlp, text)
    assert quote.speaker_mention == "Ana Ruiz"
    assert quote.text.startswith("This is not a truce")
    assert quote.text.endswith("The shelling will resume")


def test_apostrophe_quote_alone_in_its_paragraph_is_not_extended(nlp: Language) -> None:
    text = "''This is not a truce,'' said Ana Ruiz, a local official.\n\nAid trucks waited."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "This is not a truce"


def test_second_speech_verb_ends_the_first_content(nlp: Language) -> None:
    text = "The mayor said the convoy had reached the town and warned that the river was rising."
    quotes = indirect_quotes(nlp, text)
    assert [(q.cue, q.text) for q in quotes] == [
        ("said", "the convoy had reached the town"),
        ("warned", "that the river was rising"),
    ]


def test_poll_opening_a_sentence_is_its_source(nlp: Language) -> None:
    (quote,) = indirect_quotes(
        nlp, "In a Reuters poll released Monday, most residents backed the truce."
    )
    assert (quote.cue, quote.speaker_mention) == ("In", "a Reuters poll")
    assert quote.text == "most residents backed the truce"


def test_partly_quoted_content_is_reported_speech_too() -> None:
    text = "He said the report was “a lie” after the army lost the roads into the valley."
    start = text.index("the report")
    assert partly_quoted(text, (start, len(text) - 1))
    # Mostly quoted: the direct quote's alone.
    text = "He said “the report is a lie and everyone knows it” today."
    start = text.index("“")
    assert not partly_quoted(text, (start + 1, len(text) - 8))
