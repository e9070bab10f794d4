"""Direct quotes, reported speech and speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.quotes import extract_quotes
from sitroom.records import Quote

pytestmark = pytest.mark.model



def _quotes(nlp: Language, text: str, kind: str = "direct") -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == kind]


def test_cue_after_quote_with_name_and_role(nlp: Language) -> None:
    text = (
        "“The bridge fell to the rebels before dawn,” said Omar Haddad, "
        "a spokesman for the provincial council."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.text == "The bridge fell to the rebels before dawn"
    assert text[quote.start : quote.end] == quote.text
    assert quote.speaker == "Omar Haddad"
    assert quote.speaker_role == "a spokesman for the provincial council"
    assert quote.cue == "said"
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Omar Haddad"


def test_cue_before_quote_with_colon(nlp: Language) -> None:
    text = 'Maria Lopez told reporters: "We have not seen a single aid truck in a week."'
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Maria Lopez"
    assert quote.text.startswith("We have not seen")


def test_split_quote_gives_two_quotes_with_one_speaker(nlp: Language) -> None:
    text = (
        "Amira Hassan works for a relief group in the north.\n\n"
        "“The shelters are full,” she said. “Families are sleeping in the mosque "
        "and in the school.”"
    )
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == [
        "The shelters are full",
        "Families are sleeping in the mosque and in the school.",
    ]
    assert {q.speaker for q in quotes} == {"Amira Hassan"}
    assert quotes[0].speaker_mention == "she"


def test_multi_sentence_quote(nlp: Language) -> None:
    text = "“We lost two villages. We will take them back,” the commander Ali Rahimi said."
    (quote,) = _quotes(nlp, text)
    assert quote.text == "We lost two villages. We will take them back"
    assert quote.speaker == "Ali Rahimi"


def test_quote_across_paragraphs_keeps_speaker(nlp: Language) -> None:
    text = (
        "Peter Olsen, a water engineer, described the damage.\n\n"
        "“The pumping station was hit twice. Nothing works there now,” Olsen said.\n\n"
        "“The main pipe is cut. The town has no water.\n\n"
        "“We need spare parts before the summer,” he said."
    )
    quotes = _quotes(nlp, text)
    assert len(quotes) == 3
    assert {q.speaker for q in quotes} == {"Peter Olsen"}


def test_nested_quote_belongs_to_outer_quote(nlp: Language) -> None:
    text = "“The guards told us ‘go home or be shot,’ so we left,” said Hana Saleh."
    (quote,) = _quotes(nlp, text)
    assert "‘go home or be shot,’" in quote.text
    assert quote.speaker == "Hana Saleh"


def test_speaker_named_in_earlier_paragraph(nlp: Language) -> None:
    text = (
        "Karim Nasser, the mayor of the town, said the shelling had stopped on Sunday.\n\n"
        "“For the first time in a month, children played outside.”"
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Karim Nasser"


def test_pronoun_goes_to_last_speaker_not_last_person(nlp: Language) -> None:
    text = (
        "Rami Aziz, a local doctor, said the clinic had run out of insulin.\n\n"
        "Supplies were once delivered by Tom Becker, a trucker who stopped coming in May, "
        "he said. “We ration everything now,” he added."
    )
    quotes = _quotes(nlp, text)
    assert quotes and quotes[-1].speaker == "Rami Aziz"


def test_short_possessive_reference_resolves_to_full_name(nlp: Language) -> None:
    text = (
        "The front has not moved in weeks, said Leila Mansour, an analyst at the "
        "Institute for Regional Studies in Amman.\n\n"
        "“Both sides are exhausted,” said the institute’s Mansour."
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Leila Mansour"
    assert quote.speaker_role is not None and "analyst" in quote.speaker_role


def test_told_and_warned_cues(nlp: Language) -> None:
    text = (
        "“The dam could break,” Sara Haidari told the BBC.\n\n"
        "“Evacuate the valley now,” Ahmad Zia warned."
    )
    quotes = _quotes(nlp, text)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Sara Haidari", "told"),
        ("Ahmad Zia", "warned"),
    ]


def test_according_to_with_direct_quote(nlp: Language) -> None:
    text = "“Twelve fighters were killed,” according to Yusuf Demir, a local official."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Yusuf Demir"
    assert quote.cue == "according to"


def test_scare_quote_is_not_a_direct_quote(nlp: Language) -> None:
    text = "The group calls its territory a “caliphate” and collects taxes in three provinces."
    assert _quotes(nlp, text) == []


def test_indirect_speech_said_that(nlp: Language) -> None:
    text = "Colonel Ivan Petrov said that the convoy had been ambushed near the river."
    (quote,) = _quotes(nlp, text, "indirect")
    assert quote.text == "that the convoy had been ambushed near the river"
    assert quote.speaker == "Ivan Petrov"
    assert quote.cue == "said"


def test_indirect_speech_cue_after_claim_and_anonymous_source(nlp: Language) -> None:
    text = "Four shops were burned in the market overnight, a resident said."
    (quote,) = _quotes(nlp, text, "indirect")
    assert quote.text.startswith("Four shops were burned")
    assert quote.anonymous
    assert quote.speaker_mention == "a resident"


def test_quote_filling_the_reported_content_is_direct(nlp: Language) -> None:
    # Short beside its sentence, but half of what "said" reports: PolNeAR's test.
    text = "The mayor toured the burned market on Monday and said it was “a disgrace.”"
    (quote,) = _quotes(nlp, text)
    assert quote.text.rstrip(".") == "a disgrace"
    assert quote.speaker_mention == "The mayor"


def test_fragments_joined_by_and_are_one_quote(nlp: Language) -> None:
    text = "The spokesman called the attack on the convoy “cowardly” and “criminal.”"
    (quote,) = _quotes(nlp, text)
    assert text[quote.start : quote.end] == quote.text
    assert quote.text.startswith("cowardly") and "criminal" in quote.text


def test_cue_inside_a_prepositional_phrase_takes_the_outer_subject(nlp: Language) -> None:
    text = "Karim Mansour opened the briefing by saying, “The road to the camp is closed again.”"
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Karim Mansour"


def test_told_after_the_quote_keeps_the_teller(nlp: Language) -> None:
    text = "“We lost three fighters in the night,” Samir Aziz, 41, told Reuters in Aleppo."
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Samir Aziz"


def test_dash_then_no_break_space_names_the_speaker(nlp: Language) -> None:
    text = "Readers wrote to us.\n“The shelling has not stopped for a week.” ―\u00a0Hana Odeh\n"
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Hana Odeh"


def test_dash_name_keeps_a_middle_initial(nlp: Language) -> None:
    text = (
        "Readers wrote to us.\n"
        "“We will rebuild the market before the rains come, with our own hands!” ―\u00a0"
        "Elena A. Ruiz Soto.\n"
    )
    (quote,) = _quotes(nlp, text)
    assert quote.speaker == "Elena A. Ruiz Soto"
    assert quote.cue == "―"
