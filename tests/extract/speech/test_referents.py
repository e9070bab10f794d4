"""Words that never name a source, on parses and lines written for these tests
(the parse is given, so each rule is checked whatever a model makes of it)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitroom.extract.speech.referents import (
    acronyms,
    headline_ranges,
    markup_free,
    not_a_name,
    source_word,
)

# A blank English vocabulary: its lexical attributes (lower case, numbers) are
# the ones the rules read.
_VOCAB = spacy.blank("en").vocab


def _parsed(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], ents: list[str]
) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_day_parsed_as_the_subject_gives_way_to_its_apposition() -> None:
    # "Speaking in Geneva Monday, envoy Ana Lind urged …" as the small model
    # parses it: the day is the subject, the name hangs on it.
    words = ["Speaking", "in", "Geneva", "Monday", ",", "envoy", "Ana", "Lind", "urged", "calm"]
    heads = [8, 0, 1, 8, 3, 7, 7, 3, 8, 8]
    deps = [
        "advcl",
        "prep",
        "pobj",
        "nsubj",
        "punct",
        "compound",
        "compound",
        "appos",
        "ROOT",
        "dobj",
    ]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "PUNCT", "NOUN", "PROPN", "PROPN", "VERB", "NOUN"]
    ents = ["O", "O", "B-GPE", "B-DATE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = _parsed(words, heads, deps, pos, ents)
    assert not_a_name(doc[3])
    word = source_word(doc[3])
    assert word is not None and word.text == "Lind"
    assert source_word(doc[7]) == doc[7]


def test_a_day_with_nothing_beside_it_names_nobody() -> None:
    words = ["Monday", "said", "that", "it", "rained"]
    doc = _parsed(
        words,
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "ccomp"],
        ["PROPN", "VERB", "SCONJ", "PRON", "VERB"],
        ["B-DATE", "O", "O", "O", "O"],
    )
    assert source_word(doc[0]) is None


def test_counts_and_names_inside_a_date_are_names() -> None:
    # "The two said …" and "Last week Stumpf appeared …" (the NER ran the name
    # into the date).
    doc = _parsed(
        ["Last", "week", "Stumpf", "appeared", ";", "the", "two", "said", "so"],
        [1, 3, 3, 3, 3, 6, 7, 7, 7],
        ["amod", "npadvmod", "nsubj", "ROOT", "punct", "det", "nsubj", "conj", "advmod"],
        ["ADJ", "NOUN", "PROPN", "VERB", "PUNCT", "DET", "NUM", "VERB", "ADV"],
        ["B-DATE", "I-DATE", "I-DATE", "O", "O", "O", "B-CARDINAL", "O", "O"],
    )
    assert not_a_name(doc[1])
    assert not not_a_name(doc[2])
    assert not not_a_name(doc[6])


def test_markup_is_cut_from_a_name() -> None:
    assert markup_free("Brazil}}{{byline|dateST") is None
    assert markup_free("{{w|Reuters}} correspondent Ana Lind") == "correspondent Ana Lind"
    assert markup_free("Ana Lind") == "Ana Lind"


def test_title_lines_are_headlines_and_sentences_are_not() -> None:
    text = (
        "Kurd Fighters Struggle to Defend Besieged City\n\n"
        "Fighters held the city on Saturday, officials said.\n"
        "Caption: Smoke rises over the city, Oct. 11."
    )
    doc = Doc(_VOCAB, words=text.split(" "))
    ranges = headline_ranges(doc)
    assert ranges == [(0, text.index("\n"))]


def test_acronyms_are_read_off_their_definitions() -> None:
    text = (
        "Members of School of Americas Watch (SOAW) met. The Daily Telegraph (UK) said so. "
        "Human Rights Watch (HRW) agreed."
    )
    assert acronyms(text) == {"SOAW": "School of Americas Watch", "HRW": "Human Rights Watch"}
