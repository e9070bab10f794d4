"""Round 4 of the attribution rules: more construction cues ("rebutted the
report", "hinted at …"), claim nouns held by the subject of a voicing verb
("voiced concern that …"), "said so / yes / the same", "made the case that
…", more preposition nouns ("his doubts about …") and "agreed with …".
Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.cues.constructions import CONSTRUCTION_CUES
from sitroom.extract.speech.quotes import extract_quotes
from sitroom.records import Quote


def indirect_quotes(nlp: Language, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _one(nlp: Language, text: str, cue: str) -> Quote:
    found = [q for q in indirect_quotes(nlp, text) if q.cue == cue]
    assert len(found) == 1, [(q.cue, text[q.start : q.end]) for q in indirect_quotes(nlp, text)]
    return found[0]


def test_object_construction_cue(nlp: Language) -> None:
    text = "Governor Ilse Marten rebutted the report on the flooded mines."
    quote = _one(nlp, text, "rebutted")
    assert (quote.start, quote.end) == _at(text, "the report on the flooded mines")
    assert quote.speaker_mention == "Governor Ilse Marten"


def test_clause_construction_cue(nlp: Language) -> None:
    text = "The judge ruled that the curfew in Varnik was unlawful."
    quote = _one(nlp, text, "ruled")
    assert (quote.start, quote.end) == _at(text, "that the curfew in Varnik was unlawful")
    assert quote.speaker_mention == "The judge"


def test_preposition_construction_cue(nlp: Language) -> None:
    text = "Mayor Tomas Okafor lashed out at the transit board."
    quote = _one(nlp, text, "lashed")
    assert (quote.start, quote.end) == _at(text, "the transit board")


def test_construction_cues_give_no_attribution(nlp: Language) -> None:
    # A stance, not a claim of fact: no event turns "claimed" on it.
    text = "The judge ruled that the curfew in Varnik was unlawful."
    assert "rule" in CONSTRUCTION_CUES
    doc = nlp(text)
    quotes = extract_quotes(doc)
    assert [q.cue for q in quotes] == ["ruled"]
    assert extract_attributions(doc, quotes) == ()


def test_claim_noun_held_by_the_voicing_verbs_subject(nlp: Language) -> None:
    text = "The union leader, Rosa Mbeki, raised concerns that the mill could close."
    quote = _one(nlp, text, "concerns")
    assert (quote.start, quote.end) == _at(text, "that the mill could close")
    assert quote.speaker == "Rosa Mbeki"


def test_claim_noun_after_another_verb_has_no_holder(nlp: Language) -> None:
    # The one who rejects a claim does not hold it.
    text = "The council rejected the claim that the bridge was unsafe."
    assert not [q for q in indirect_quotes(nlp, text) if q.cue == "claim"]


def test_said_so_yes_and_the_same(nlp: Language) -> None:
    text = "After the vote, half of the farmers said so."
    quote = _one(nlp, text, "said")
    assert (quote.start, quote.end) == _at(text, "so")
    text = "Most of the farmers said yes."
    assert (_one(nlp, text, "said").start, _one(nlp, text, "said").end) == _at(text, "yes")
    text = "He said no to the new dam."
    quote = _one(nlp, text, "said")
    assert (quote.start, quote.end) == _at(text, "no to the new dam")
    text = "Last month, 26 percent said the same."
    quote = _one(nlp, text, "said")
    assert (quote.start, quote.end) == _at(text, "the same")


def test_made_the_case_that(nlp: Language) -> None:
    text = "Senator Obi Vance is making an impassioned case to voters that he can fix the roads."
    quote = _one(nlp, text, "making")
    assert (quote.start, quote.end) == _at(text, "that he can fix the roads")
    assert quote.speaker_mention == "Senator Obi Vance"
    text = "The ministry made it clear that the border would stay open."
    quote = _one(nlp, text, "made")
    assert (quote.start, quote.end) == _at(text, "that the border would stay open")


def test_made_without_a_case_is_no_cue(nlp: Language) -> None:
    text = "The ministry made sure that the border would stay open."
    assert not [q for q in indirect_quotes(nlp, text) if q.cue == "made"]


def test_preposition_noun_with_a_possessor(nlp: Language) -> None:
    text = "Ms. Adeyemi's doubts about the new port grew over the summer."
    quote = _one(nlp, text, "doubts")
    assert (quote.start, quote.end) == _at(text, "the new port")
    assert quote.speaker == "Adeyemi"


def test_agreed_with(nlp: Language) -> None:
    text = "Many residents of Dorvale agreed with the fire chief."
    quote = _one(nlp, text, "agreed")
    assert (quote.start, quote.end) == _at(text, "the fire chief")
    assert quote.speaker_mention == "Many residents of Dorvale"


def test_cautioned_against_and_touched_on(nlp: Language) -> None:
    text = "The envoy cautioned against a hasty withdrawal from Port Selm."
    quote = _one(nlp, text, "cautioned")
    assert (quote.start, quote.end) == _at(text, "a hasty withdrawal from Port Selm")
    assert quote.speaker_mention == "The envoy"
    text = "In her speech, Ms. Kovac touched on the price of bread."
    quote = _one(nlp, text, "touched")
    assert (quote.start, quote.end) == _at(text, "the price of bread")
