"""Round 5: cues that are a verb, noun or adjective with a preposition whose
object is what the holder takes a stance on — "thought about …", "likened …
to …", "threw her support behind …", "a proponent of …", "wary of …", and a
stance adjective as a modifier ("growers, worried about …, …").
Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.cues.constructions import ADJECTIVE_CUES, CONSTRUCTION_CUES
from sitroom.extract.speech.cues.nominal import PREP_NOUNS
from sitroom.extract.speech.quotes import extract_quotes
from sitroom.extract.speech.words import PREP_CONTENT
from tests.extract.speech.helpers import contents


def test_round_five_entries_keep_the_older_ones() -> None:
    # Entries merged into existing lemmas must not drop their earlier kinds.
    assert PREP_CONTENT["ask"] == frozenset({"about", "for"})
    assert PREP_CONTENT["agree"] == frozenset({"with", "on"})
    assert {"clause", "to"} <= CONSTRUCTION_CUES["look"]
    assert {"clause", "for", "against"} <= CONSTRUCTION_CUES["push"]
    assert {"clause", "about", "with"} <= ADJECTIVE_CUES["concerned"]
    assert {"clause", "of"} <= ADJECTIVE_CUES["aware"]
    assert PREP_NOUNS["proponent"] == frozenset({"of"})


def test_verb_with_preposition_reports_its_object(nlp: Language) -> None:
    text = "The farmers' union campaigned for a new irrigation scheme along the valley."
    assert "a new irrigation scheme along the valley" in contents(nlp, text)


def test_likened_to(nlp: Language) -> None:
    text = "Governor Halvorsen likened the ferry contract to a blank cheque for the shipyard."
    assert any("a blank cheque" in c for c in contents(nlp, text))


def test_threw_support_behind(nlp: Language) -> None:
    text = "The teachers' union threw its support behind the mayor's school budget."
    assert "the mayor's school budget" in contents(nlp, text)


def test_thought_about(nlp: Language) -> None:
    text = "Okafor has thought about leaving the council before the next election."
    assert any(c.startswith("leaving the council") for c in contents(nlp, text))


def test_proponent_of(nlp: Language) -> None:
    text = "Senator Lindqvist is a longtime proponent of a tax on imported fertilizer."
    assert "a tax on imported fertilizer" in contents(nlp, text)


def test_adjective_with_preposition(nlp: Language) -> None:
    text = "The orchard growers are increasingly worried about the late frost in the valley."
    assert "the late frost in the valley" in contents(nlp, text)
    text = "Mayor Ruiz was upfront about the cost of the tram line."
    assert "the cost of the tram line" in contents(nlp, text)
    text = "Okafor is passionate about public libraries."
    assert "public libraries" in contents(nlp, text)


def test_adjective_cue_gives_no_attribution(nlp: Language) -> None:
    text = "The orchard growers are increasingly worried about the late frost in the valley."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    assert any(q.kind == "indirect" for q in quotes)
    assert extract_attributions(doc, quotes) == ()


def test_stance_adjective_as_a_modifier(nlp: Language) -> None:
    text = (
        "Local fishermen, wary of the new quotas, have delayed the start of the season "
        "by two weeks."
    )
    assert "the new quotas" in contents(nlp, text)


def test_adjective_without_its_preposition_is_no_cue(nlp: Language) -> None:
    text = "The proud fishermen sailed home with a record catch of cod on Tuesday."
    assert contents(nlp, text) == []
    text = "The harbour is close to the old ferry terminal on the north shore."
    assert contents(nlp, text) == []
