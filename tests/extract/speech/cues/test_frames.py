"""Attribution shapes added for issue 4, on sentences written for these tests.

Each test asserts the source, cue and content the extractor really gives.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.cues.find import _adjacent_source
from sitroom.extract.speech.quotes import extract_quotes
from tests.extract.speech.helpers import indirect_quotes

pytestmark = pytest.mark.model


def test_called_x_y_reports_the_object_and_what_it_is_called(nlp: Language) -> None:
    (quote,) = indirect_quotes(
        nlp, "The mayor called the curfew a necessary evil for the district."
    )
    assert quote.cue == "called"
    assert quote.speaker_mention == "The mayor"
    assert quote.text == "the curfew a necessary evil for the district"


def test_hopes_is_a_cue_despite_the_lemma_hop(nlp: Language) -> None:
    (quote,) = indirect_quotes(nlp, "The mayor hopes the bridge will reopen before the winter.")
    assert quote.cue == "hopes"
    assert quote.text == "the bridge will reopen before the winter"


def test_belief_verb_attribution_keeps_plain_certainty(nlp: Language) -> None:
    text = "Residents fear the militia will return after the harvest."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert (quote.cue, quote.text) == ("fear", "the militia will return after the harvest")
    (attribution,) = extract_attributions(doc, quotes)
    assert attribution.source == "Residents"
    assert attribution.hedge is None


def test_decision_verb_gives_a_quote_but_no_attribution(nlp: Language) -> None:
    text = "The council decided to close the border crossing for a week."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert quote.cue == "decided"
    assert quote.text == "to close the border crossing for a week"
    assert extract_attributions(doc, quotes) == ()


def test_spoke_about_reports_the_topic(nlp: Language) -> None:
    (quote,) = indirect_quotes(
        nlp, "The general spoke about the need for more troops in the north."
    )
    assert quote.cue == "spoke"
    assert quote.text == "the need for more troops in the north"


def test_spoke_on_a_day_reports_nothing(nlp: Language) -> None:
    assert indirect_quotes(nlp, "Colonel Ahmed Saleh spoke to reporters on Monday.") == []


def test_transcript_label_is_a_source(nlp: Language) -> None:
    text = "Talks resumed on Monday.\n\nMORALES: The convoy will leave at dawn and reach the camp."
    (quote,) = indirect_quotes(nlp, text)
    assert (quote.speaker_mention, quote.cue) == ("MORALES", ":")
    assert quote.text == "The convoy will leave at dawn and reach the camp"


def test_page_furniture_label_is_not_a_source(nlp: Language) -> None:
    text = "Talks resumed on Monday.\n\nUpdated: The convoy will leave at dawn and reach the camp."
    assert [q for q in indirect_quotes(nlp, text) if q.cue == ":"] == []


def test_claim_noun_with_possessor_and_that_clause(nlp: Language) -> None:
    text = "Colonel Ahmed Saleh met reporters. The minister rejected his claim that troops fired."
    quotes = indirect_quotes(nlp, text)
    (quote,) = [q for q in quotes if q.cue == "claim"]
    assert quote.speaker_mention == "his"
    assert quote.speaker == "Ahmed Saleh"
    assert quote.text == "that troops fired"


def test_reported_claim_inside_reported_speech_is_one_attribution(nlp: Language) -> None:
    text = "The ministry said the rebels claimed the attack on the checkpoint."
    (quote,) = indirect_quotes(nlp, text)
    assert (quote.speaker_mention, quote.cue) == ("The ministry", "said")
    assert quote.text == "the rebels claimed the attack on the checkpoint"


def test_that_clause_parsed_as_relative_clause_is_the_content(nlp: Language) -> None:
    text = "The governor said during a news conference that he may wait until spring to decide."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.cue == "said"
    assert quote.text == "that he may wait until spring to decide"


def test_second_cue_after_a_comma_ends_the_content(nlp: Language) -> None:
    text = "The envoy praised the truce in the south, saying that it had saved many lives."
    quotes = indirect_quotes(nlp, text)
    praised = [q for q in quotes if q.cue == "praised"]
    # The phrase after the object stays with it (attrib_content._object_phrase_prep).
    assert praised and praised[0].text == "the truce in the south"
    said = [q for q in quotes if q.cue == "saying"]
    assert said and said[0].text == "that it had saved many lives"


def test_source_next_to_a_subjectless_verb_skips_comma_and_day(nlp: Language) -> None:
    # When the parse gives "said" no usable subject, the word before it (past
    # the comma closing an apposition) is the source, never the day after it.
    doc = nlp("“We will hold the line,” Odeh, a retired general, said Thursday morning.")
    said = next(t for t in doc if t.text == "said")
    source = _adjacent_source(said, doc[:], lambda offset: False)
    assert source is not None and source.text == "general"


def test_content_that_is_only_a_relative_word_is_dropped(nlp: Language) -> None:
    # Parsed as "said" with the object "what": no reported words of its own.
    assert indirect_quotes(nlp, "The envoy repeated what the governor said about the curfew.") == []


def test_headline_label_with_a_common_noun_is_a_source(nlp: Language) -> None:
    text = "McKenna camp: The convoy will leave at dawn\n\nThe convoy left on Monday."
    quotes = [q for q in indirect_quotes(nlp, text) if q.cue == ":"]
    assert [(q.speaker_mention, q.text) for q in quotes] == [
        ("McKenna camp", "The convoy will leave at dawn")
    ]
