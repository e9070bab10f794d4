"""Reported content that used to stop short: a phrase after the object, a
conjunct, a condition, what a colon opens, the rest of a sentence after a
mid-sentence cue, the thing that "seems" and a quote resumed after a long
apposition. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.speech.helpers import one_content


def test_preposition_after_object_is_kept(nlp: Language) -> None:
    text = "Mayor Ana Ruiz mocked the council for delaying the bridge repairs again."
    assert one_content(nlp, text, "mocked") == "the council for delaying the bridge repairs again"
    text = "The minister announced her engagement to a retired pilot from Tervo."
    assert one_content(nlp, text, "announced") == "her engagement to a retired pilot from Tervo"


def test_time_after_object_is_left_out(nlp: Language) -> None:
    text = "The mayor criticized the council on Monday."
    assert one_content(nlp, text, "criticized") == "the council"


def test_conjunct_that_is_no_verb_is_kept(nlp: Language) -> None:
    text = (
        "The senator promised not just a few new clinics, but a complete overhaul "
        "of rural health care."
    )
    assert one_content(nlp, text, "promised") == (
        "not just a few new clinics, but a complete overhaul of rural health care"
    )


def test_second_speech_verb_still_opens_its_own_content(nlp: Language) -> None:
    text = "Ruiz said the deal was fair and added that it would pass."
    assert one_content(nlp, text, "said") == "the deal was fair"
    assert one_content(nlp, text, "added") == "that it would pass"


def test_thing_that_seems_is_in_the_content(nlp: Language) -> None:
    text = "The delegates seemed to accept the compromise."
    assert one_content(nlp, text, "seemed") == "The delegates seemed to accept the compromise"


def test_person_that_appears_stays_out(nlp: Language) -> None:
    text = "She appeared to accept the compromise."
    assert one_content(nlp, text, "appeared") == "to accept the compromise"


def test_rest_of_sentence_after_mid_sentence_cue(nlp: Language) -> None:
    text = "The plan would pass easily, Ruiz said, because the votes were already there."
    assert one_content(nlp, text, "said") == (
        "The plan would pass easily, Ruiz said, because the votes were already there"
    )


def test_second_cue_after_mid_sentence_cue_keeps_its_content(nlp: Language) -> None:
    text = "The plan would pass easily, Ruiz said, adding that the votes were there."
    assert one_content(nlp, text, "said") == "The plan would pass easily"
    assert one_content(nlp, text, "adding") == "that the votes were there"


def test_condition_after_content_is_kept(nlp: Language) -> None:
    text = "The governor vowed to veto the budget unless the council restored the school funds."
    assert one_content(nlp, text, "vowed") == (
        "to veto the budget unless the council restored the school funds"
    )


def test_colon_elaboration_is_kept(nlp: Language) -> None:
    text = "Ruiz warned that prices would rise for one reason: the new tariffs take effect in May."
    assert one_content(nlp, text, "warned") == (
        "that prices would rise for one reason: the new tariffs take effect in May"
    )


def test_colon_elaboration_stops_at_paragraph_end(nlp: Language) -> None:
    text = "Ruiz warned that prices would rise for one reason:\n\nThe port reopened on Monday."
    assert one_content(nlp, text, "warned") == "that prices would rise for one reason"


def test_pair_quote_resumes_after_long_apposition(nlp: Language) -> None:
    text = (
        "''The deal is fair,'' said Ana Ruiz, a former adviser to two governors who has "
        "since worked for the port authority and for the regional transport board on "
        "budgets. ''It will pass.''"
    )
    content = one_content(nlp, text, "said")
    assert content.startswith("The deal is fair")
    assert content.endswith("It will pass")
