"""Speech verbs the parse left without content (``attrib_orphans``) and "As X
noted, …" clauses whose comma the parse hung on the verb
(``attrib_objects.as_clause``). Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.speech.helpers import contents


def test_words_after_a_colon_closing_the_cue_are_reported(nlp: Language) -> None:
    text = (
        "Mayor Lena Ortiz defended the plan on Tuesday, saying in a post on Facebook: "
        "''The bridge will open in May.''"
    )
    assert contents(nlp, text, "saying") == ["The bridge will open in May"]


def test_cue_set_off_by_commas_after_its_clause_reports_the_clause(nlp: Language) -> None:
    text = (
        "The plant is struggling, but it is still hiring, the company's owner, "
        "Dan Reyes, said on Friday."
    )
    assert contents(nlp, text, "said") == ["The plant is struggling, but it is still hiring"]


def test_a_cue_joined_by_but_keeps_its_own_content(nlp: Language) -> None:
    text = "Ortiz said the plan was sound, but she did not say when it would start."
    assert contents(nlp, text, "say") == ["when it would start"]


def test_as_clause_with_its_comma_on_the_verb_reports_the_sentence(nlp: Language) -> None:
    text = "As the Tribune noted, turnout in the county is falling fast."
    assert contents(nlp, text, "noted") == ["turnout in the county is falling fast"]


def test_as_clause_with_tell_and_its_listener(nlp: Language) -> None:
    text = "As Ortiz told the Gazette, the bridge needs repairs."
    assert contents(nlp, text, "told") == ["the bridge needs repairs"]
