"""Where reported content starts: the noun a cue's relative clause hangs on,
the person blamed or praised, the object a reported clause is about
(``attrib_starts``). Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.speech.helpers import one_content


def test_relative_clause_cue_starts_at_its_noun(nlp: Language) -> None:
    text = "The harbor is the place officials say the navy might build a base."
    assert one_content(nlp, text, "say") == "the place officials say the navy might build a base"


def test_relative_clause_cue_takes_the_whole_noun_phrase(nlp: Language) -> None:
    text = "The plan is exactly the kind of reform many farmers fear the ministry would impose."
    expected = "exactly the kind of reform many farmers fear the ministry would impose"
    assert one_content(nlp, text, "fear") == expected


def test_relative_clause_after_a_comma_starts_at_the_relative_word(nlp: Language) -> None:
    text = "Lawmakers debated the new tariff, which the minister has said was a mistake."
    assert one_content(nlp, text, "said") == "which the minister has said was a mistake"


def test_person_relative_clause_keeps_the_source_out(nlp: Language) -> None:
    text = "Voters who say the economy is weak backed the challenger."
    assert one_content(nlp, text, "say") == "the economy is weak"


def test_accused_person_is_part_of_the_content(nlp: Language) -> None:
    text = "The union accused the company of breaking the contract."
    assert one_content(nlp, text, "accused") == "the company of breaking the contract"


def test_thanked_people_are_part_of_the_content(nlp: Language) -> None:
    text = "The coach thanked the fans for their patience."
    assert one_content(nlp, text, "thanked") == "the fans for their patience"


def test_object_of_a_reported_clause_is_part_of_the_content(nlp: Language) -> None:
    text = "Local leaders urged the council to rebuild the bridge before winter."
    assert one_content(nlp, text, "urged") == "the council to rebuild the bridge before winter"


def test_listener_stays_out_of_the_content(nlp: Language) -> None:
    text = "The governor told reporters that the roads would reopen."
    assert one_content(nlp, text, "told") == "that the roads would reopen"
