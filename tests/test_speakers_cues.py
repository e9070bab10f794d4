"""Speakers of direct quotes the parse-based cues miss, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.quotes import extract_quotes

pytestmark = pytest.mark.model

_LEAD = "The council met on Monday.\n\n"



def _speakers(nlp: Language, text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(nlp(text)) if q.kind == "direct"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A verb the speech lexicon lacks, after the name.
        ('"The vote shows one side has lost its nerve completely," Morales remarked.', "Morales"),
        ('"The vote shows one side has lost its nerve completely," Morales went on.', "Morales"),
        # A passive frame whose subject is the speaker.
        ("“Our plan works because we listen to people,” Okafor is quoted as saying.", "Okafor"),
        # The name before an aside, the verb capitalised as copy from social media has it.
        (
            "“Not us, but we cannot argue with it at all!” Murphy, the head of the group, "
            "Tweeted on Friday.",
            "Murphy",
        ),
    ],
)
def test_trailing_cue(nlp: Language, sentence: str, speaker: str) -> None:
    assert _speakers(nlp, _LEAD + sentence) == [speaker]


def test_trailing_cue_non_person_source(nlp: Language) -> None:
    text = _LEAD + "“We will move to a new building next spring,” a voice-over in the ad states."
    (quote,) = [q for q in extract_quotes(nlp(text)) if q.kind == "direct"]
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.startswith("a voice-over")


def test_quote_after_cue_sentence_takes_its_speaker(nlp: Language) -> None:
    text = (
        _LEAD + "The plan is bold, the editorial board writes. "
        '"It is a sign of the party\'s deep trouble that nobody saw it coming."'
    )
    assert _speakers(nlp, text) == ["the editorial board"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Moore thanked the council for “stepping up and taking action when the state "
            "would not.”",
            "Moore",
        ),
        ("The ad targets a “corrupt political system that keeps the rich in place.”", "The ad"),
    ],
)
def test_quote_inside_sentence_takes_the_subject(
    nlp: Language, sentence: str, speaker: str
) -> None:
    assert _speakers(nlp, _LEAD + sentence) == [speaker]


def test_quote_with_own_cue_keeps_it(nlp: Language) -> None:
    text = _LEAD + "Haddad spoke first. “We will rebuild the bridge by spring,” said Lina Khatib."
    assert _speakers(nlp, text) == ["Lina Khatib"]


def test_label_before_quote_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Rania Saleh chaired the talks.\n\n"
        "Her final assessment: “It is not quite optimistic,” she said."
    )
    assert _speakers(nlp, text) == ["Rania Saleh"]


def test_date_is_not_the_speaker(nlp: Language) -> None:
    text = (
        _LEAD + "Weaver did not seem impressed with the comments Tuesday, telling reporters, "
        "“A lot of people said the mayor should step down.”"
    )
    assert _speakers(nlp, text) == ["Weaver"]


def test_verb_before_quote_names_its_subject(nlp: Language) -> None:
    text = (
        "Rania Saleh hosted the show.\n\nBut she wanted to know, “How surprised are you "
        "that everybody now says this man will win?”"
    )
    assert _speakers(nlp, text) == ["Rania Saleh"]
