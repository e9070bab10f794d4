"""Where reported content ends: a writer's aside that closes the sentence (a
relative clause, an indefinite apposition, a participle clause) is not part
of what the source said (``attrib_ends``). Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.speech.helpers import one_content


def test_closing_relative_clause_is_cut(nlp: Language) -> None:
    text = "The mayor said she supports the new budget, which the council passed in May."
    assert one_content(nlp, text, "said") == "she supports the new budget"


def test_closing_who_clause_after_object_is_cut(nlp: Language) -> None:
    text = "The governor praised Lena Ortiz, who led the rescue teams through the storm."
    assert one_content(nlp, text, "praised") == "Lena Ortiz"


def test_relative_clause_inside_the_content_stays(nlp: Language) -> None:
    text = "Officials said the bridge, which opened in 1990, needs repairs."
    assert one_content(nlp, text, "said") == "the bridge, which opened in 1990, needs repairs"


def test_content_before_its_cue_keeps_its_relative_clause(nlp: Language) -> None:
    text = "The city will sell the old mill, which closed in 1998, the mayor said."
    assert one_content(nlp, text, "said") == "The city will sell the old mill, which closed in 1998"


def test_indefinite_apposition_after_a_name_is_cut(nlp: Language) -> None:
    text = "The senator criticized Paul Weller, a banker who has never held public office."
    assert one_content(nlp, text, "criticized") == "Paul Weller"


def test_apposition_after_a_clause_stays(nlp: Language) -> None:
    text = (
        "The minister said the army will stay in the north, a decision that angered local leaders."
    )
    expected = "the army will stay in the north, a decision that angered local leaders"
    assert one_content(nlp, text, "said") == expected


def test_participle_clause_after_an_object_is_cut(nlp: Language) -> None:
    text = "The union endorsed Maria Costa for mayor, giving her the votes of ten thousand workers."
    assert one_content(nlp, text, "endorsed") == "Maria Costa for mayor"


def test_participle_clause_after_a_reported_clause_stays(nlp: Language) -> None:
    text = "The mayor said the bridge needs repairs, giving no date for the work."
    assert one_content(nlp, text, "said") == "the bridge needs repairs, giving no date for the work"
