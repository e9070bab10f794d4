"""Apostrophe-pair quotes (''…''): content widened to the whole quote,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.content.run_on import within_pair
from tests.extract.speech.helpers import indirect_quotes

_TEXT = "The mayor spoke at length.\n''The plan was fair. It was also late,'' she said."


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_content_in_a_pair_quote_widens_to_the_whole_quote() -> None:
    cue_at = _TEXT.index("said")
    assert within_pair(_at(_TEXT, "It was also late"), _TEXT, cue_at) == _at(
        _TEXT, "The plan was fair. It was also late"
    )


def test_a_cue_inside_the_quote_keeps_its_content() -> None:
    cue_at = _TEXT.index("was also")
    content = _at(_TEXT, "also late")
    assert within_pair(content, _TEXT, cue_at) == content


def test_content_outside_a_pair_or_across_its_close_stays() -> None:
    cue_at = _TEXT.index("said")
    outside = _at(_TEXT, "spoke at length")
    assert within_pair(outside, _TEXT, cue_at) == outside
    text = "''It was late,'' she said, and ''it was fair.''"
    across = _at(text, "It was late,'' she said")
    assert within_pair(across, text, len(text)) == across


def test_pairs_in_another_paragraph_do_not_count() -> None:
    text = "He said ''no.''\nShe said the plan was fair."
    content = _at(text, "the plan was fair")
    assert within_pair(content, text, text.index("She")) == content


@pytest.mark.model
def test_a_split_pair_quote_is_reported_whole(nlp: Language) -> None:
    quotes = indirect_quotes(nlp, _TEXT)
    assert any(q.text == "The plan was fair. It was also late" for q in quotes)
