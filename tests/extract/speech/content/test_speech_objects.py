"""Reported speech with a plain speech verb that used to be missed: content
followed by the next sentence's direct quote (no longer read as mostly
quoted), and the object of "explained"/"stated"/"reiterated". Sentences
written for these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.content.run_on import mostly_quoted
from sitroom.extract.speech.quotes import extract_quotes
from tests.extract.speech.helpers import at, contents, indirect_quotes


def test_next_quote_does_not_close_content() -> None:
    text = 'Ruiz said her aim is to "trust but check" that the rules are kept. "We will watch."'
    content = at(text, 'her aim is to "trust but check" that the rules are kept')
    assert not mostly_quoted(text, content)
    # A content that does end on an open quote still takes its closing mark.
    open_end = 'Ruiz said the plan was "a blunder from start to finish."'
    assert mostly_quoted(open_end, at(open_end, 'the plan was "a blunder from start to finish'))


def test_content_before_a_direct_quote_is_reported(nlp: Language) -> None:
    text = (
        'Clinton said her approach is to "trust but check" that the rules are kept. '
        '"We will not look away," she said.'
    )
    assert 'her approach is to "trust but check" that the rules are kept' in contents(nlp, text)
    direct = [q.text for q in extract_quotes(nlp(text)) if q.kind == "direct"]
    assert direct == ["We will not look away"]


def test_object_of_explained_is_reported(nlp: Language) -> None:
    text = "The senator explained her vote on the farm bill at a town hall in Ames."
    quotes = indirect_quotes(nlp, text)
    assert [q.text for q in quotes] == ["her vote on the farm bill"]
    assert quotes[0].speaker_mention == "The senator"


def test_object_of_reiterated_and_stated_is_reported(nlp: Language) -> None:
    text = "Mayor Ana Ruiz reiterated her support for the new harbour on Tuesday."
    assert contents(nlp, text) == ["her support for the new harbour"]
    text = "The governor stated his intention to run for a second term."
    assert contents(nlp, text) == ["his intention to run for a second term"]


def test_clause_of_explained_is_unchanged(nlp: Language) -> None:
    text = "The engineer explained that the bridge had been closed for repairs."
    assert contents(nlp, text) == ["that the bridge had been closed for repairs"]
