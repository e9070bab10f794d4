"""The sentence cascade: the parser runs where the extractors read it, offsets stay exact."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom import lexicon
from sitroom.extract.events.triggers import PROJECTILES, TRIGGERS
from sitroom.extract.speech.words import PREP_CONTENT, SPEECH_VERBS, STANCE_VERBS
from sitroom.nlp.cascade import needs_parse, parse_texts, plan_runs, sentence_bounds


def test_every_lemma_the_extractors_read_makes_a_sentence_parsed() -> None:
    roles = ("gathering_verb", "crackdown", "pounding_verb", "killing_verb", "to_death_verb")
    crowds = {w for role in roles for w in lexicon.role_words("incident_words", role)}
    lemmas = {*TRIGGERS, *PROJECTILES, *SPEECH_VERBS, *STANCE_VERBS, *PREP_CONTENT, *crowds}
    missed = sorted(lemma for lemma in lemmas if not needs_parse(f"Then they {lemma} it."))
    assert missed == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen shot two guards.",
        "Rebels fought their way in.",
        "Witnesses told reporters.",
        "He thought it over.",
        "The mortars fell all night.",
        "“We are tired.”",
        "The message: leave now.",
    ],
)
def test_inflected_cues_and_marks_are_found(sentence: str) -> None:
    assert needs_parse(sentence)


def test_a_sentence_without_a_cue_is_not_parsed() -> None:
    assert not needs_parse("The market reopened later in the morning.")


@pytest.mark.model
def test_sentences_split_at_stops_and_line_breaks_not_at_titles(nlp: Language) -> None:
    doc = nlp.make_doc(
        'It rained." Then Lt. Gen. Sean B. MacFarland arrived.\nNext line. "Go," he said.'
    )
    texts = [doc[s:e].text.strip() for s, e in sentence_bounds(doc)]
    assert texts == [
        'It rained."',
        "Then Lt. Gen. Sean B. MacFarland arrived.",
        "Next line.",
        '"Go," he said.',
    ]


@pytest.mark.model
def test_a_wrapped_line_does_not_end_a_sentence_a_blank_line_does(nlp: Language) -> None:
    # Wire copy wrapped at a fixed width (MUC-4): cut at the line break, the piece
    # "group of unidentified men attacked the post." lost its subject.
    doc = nlp.make_doc(
        "Police said a\ngroup of unidentified men attacked the post.\n\nThe road reopened."
    )
    texts = [doc[s:e].text.strip() for s, e in sentence_bounds(doc)]
    assert texts == [
        "Police said a\ngroup of unidentified men attacked the post.",
        "The road reopened.",
    ]


TEXT = (
    "The weather was mild on Sunday in the north of the country. "
    "Kurdish fighters clashed with Islamic State militants near Kobani.\n\n"
    "The market reopened late in the morning. The schools stayed shut until noon. "
    "Farmers brought vegetables from the valley."
)


@pytest.mark.model
def test_cascade_keeps_text_entities_and_the_parse_of_cue_sentences(nlp: Language) -> None:
    full = next(parse_texts(nlp, [TEXT]))
    cascade = next(parse_texts(nlp, [TEXT], cascade=True))
    assert cascade.text == TEXT
    assert [t.idx for t in cascade] == [t.idx for t in full]
    assert [(e.text, e.label_, e.start_char) for e in cascade.ents] == [
        (e.text, e.label_, e.start_char) for e in full.ents
    ]
    # The clash sentence, and the one before it, are parsed as in the full pass.
    clash = next(s for s in cascade.sents if "clashed" in s.text)
    assert [t.dep_ for t in clash] == [t.dep_ for t in full[clash.start : clash.end]]
    assert [t.lemma_ for t in clash] == [t.lemma_ for t in full[clash.start : clash.end]]
    # The last sentences hold no cue: a flat tree under their first word.
    farmers = next(s for s in cascade.sents if s.text.startswith("Farmers"))
    assert farmers.root.text == "Farmers"
    assert {t.dep_ for t in farmers if t.i != farmers.root.i} == {"dep"}
    parsed = sum(e - s for s, e, p in plan_runs(nlp.make_doc(TEXT)) if p)
    assert parsed < len(full)
