"""Reported speech with a plain speech verb that used to be missed: content
followed by the next sentence's direct quote (no longer read as mostly
quoted), and the object of "explained"/"stated"/"reiterated". Sentences
written for these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.attrib_spans import mostly_quoted
from sitroom.extract.quotes import extract_quotes
from sitroom.records import Quote


def _indirect(nlp: Language, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]


def _contents(nlp: Language, text: str) -> list[str]:
    return [text[q.start : q.end] for q in _indirect(nlp, text)]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_next_quote_does_not_close_content() -> None:
    text = 'Ruiz said her aim is to "trust but check" that the rules are kept. "We will watch."'
    content = _at(text, 'her aim is to "trust but check" that the rules are kept')
    assert not mostly_quoted(text, content)
    # A content that does end on an open quote still takes its closing mark.
    open_end = 'Ruiz said the plan was "a blunder from start to finish."'
    assert mostly_quoted(open_end, _at(open_end, 'the plan was "a blunder from start to finish'))


def test_content_before_a_direct_quote_is_reported(nlp: Language) -> None:
    text = (
        'Clinton said her approach is to "trust but check" that the rules are kept. '
        '"We will not look away," she said.'
    )
    assert 'her approach is to "trust but check" that the rules are kept' in _contents(nlp, text)
    direct = [q.text for q in extract_quotes(nlp(text)) if q.kind == "direct"]
    assert direct == ["We will not look away"]


def test_object_of_explained_is_reported(nlp: Language) -> None:
    text = "The senator explained her vote on the farm bill at a town hall in Ames."
    quotes = _indirect(nlp, text)
    assert [q.text for q in quotes] == ["her vote on the farm bill"]
    assert quotes[0].speaker_mention == "The senator"


def test_object_of_reiterated_and_stated_is_reported(nlp: Language) -> None:
    text = "Mayor Ana Ruiz reiterated her support for the new harbour on Tuesday."
    assert _contents(nlp, text) == ["her support for the new harbour"]
    text = "The governor stated his intention to run for a second term."
    assert _contents(nlp, text) == ["his intention to run for a second term"]


def test_clause_of_explained_is_unchanged(nlp: Language) -> None:
    text = "The engineer explained that the bridge had been closed for repairs."
    assert _contents(nlp, text) == ["that the bridge had been closed for repairs"]
