"""Who a source word stands for: days, headlines and markup never speak; posts,
shortened names, "it" and "they" point back to the source named earlier; and
"X quotes Y as saying" quotes Y. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.speech.quotes import extract_quotes
from sitroom.records import Quote

pytestmark = pytest.mark.model


def _quotes(nlp: Language, text: str, kind: str | None = None) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if kind is None or q.kind == kind]


def _speaker_of(nlp: Language, text: str, words: str) -> str | None:
    found = [q for q in _quotes(nlp, text) if words in q.text]
    assert found, [(q.kind, q.text) for q in _quotes(nlp, text)]
    return found[0].speaker


def test_a_day_taken_for_the_subject_gives_way_to_the_name(nlp: Language) -> None:
    text = (
        "The council met on Monday.\n\nSpeaking in Vienna Tuesday, U.N. envoy Maria "
        "Okonkwo urged the council to reopen the border crossing."
    )
    assert _speaker_of(nlp, text, "reopen the border") == "Maria Okonkwo"


def test_a_rank_is_the_role_not_the_name(nlp: Language) -> None:
    text = (
        "The talks ended late.\n\n“We will hold the bridge until the relief column "
        "arrives,” said Maj. Gen. Tomas R. Halvorsen, the commander of the task force."
    )
    [quote] = _quotes(nlp, text, "direct")
    assert quote.speaker == "Tomas R. Halvorsen"
    assert quote.speaker_role == "the commander of the task force"


def test_a_headline_is_never_the_speaker(nlp: Language) -> None:
    text = (
        "Rebel Leaders Gather Near Border Town\n\n"
        "A senior army official told reporters the talks had failed. He said the army "
        "would not withdraw from the valley."
    )
    assert _speaker_of(nlp, text, "would not withdraw") == "A senior army official"


def test_wiki_markup_is_never_the_speaker(nlp: Language) -> None:
    text = "{{Chile}}{{byline|dateCT said they wanted to meet the mayor."
    speakers = [q.speaker for q in _quotes(nlp, text)]
    assert speakers
    assert not any(s and ("{" in s or "|" in s) for s in speakers)


def test_the_post_points_back_to_the_person_who_holds_it(nlp: Language) -> None:
    text = (
        "White House press secretary Dana Morel told reporters on Monday that no "
        "decision had been made.\n\nThe White House press secretary said, “I think we "
        "would announce a change in a different way.”"
    )
    assert _speaker_of(nlp, text, "announce a change") == "Dana Morel"


def test_one_of_the_organizers_is_the_organizer(nlp: Language) -> None:
    text = (
        "The march went on for hours.\n\nOne of the march organizers said police were "
        "using too much force.\n\n“We are not happy with the way the police treat us,” "
        "the organizer said."
    )
    assert _speaker_of(nlp, text, "not happy") == "One of the march organizers"


def test_a_minister_is_he_later(nlp: Language) -> None:
    # A government source named by a post is one person: "he" may stand for him,
    # not only for a person named by name.
    text = (
        "Colonel Amadou Keita, who leads the army, visited the town on Sunday.\n\n"
        "The country's interior minister said the attackers aimed to sow fear in the "
        "capital.\n\n“We will find every one of them,” he said."
    )
    assert _speaker_of(nlp, text, "find every one") == "The country's interior minister"


def test_the_shortened_name_is_the_organization_named_before(nlp: Language) -> None:
    text = (
        "The Kenya Human Rights Commission published photographs on Tuesday.\n\n"
        "The Commission said it was not clear who carried out the killings."
    )
    assert _speaker_of(nlp, text, "not clear") == "The Kenya Human Rights Commission"


def test_quotes_x_as_saying_quotes_x(nlp: Language) -> None:
    text = (
        "The Herald quotes Amina Yusuf, a nurse at the clinic, as saying “We have no "
        "beds left for the wounded.”"
    )
    [quote] = _quotes(nlp, text, "direct")
    assert quote.speaker == "Amina Yusuf"


def test_two_people_joined_by_and_speak_together(nlp: Language) -> None:
    text = (
        "Army spokesman Col. John Ade and police commissioner Mary Okoro both told "
        "reporters that the report is “completely false.”"
    )
    speaker = _speaker_of(nlp, text, "completely false")
    assert speaker is not None
    assert "John Ade" in speaker and "Mary Okoro" in speaker


def test_a_name_and_a_description_are_one_person(nlp: Language) -> None:
    text = "Rep. Jane Ortiz, a Democrat from Ohio and a Garcia ally, said the vote would be close."
    assert _speaker_of(nlp, text, "vote would be close") == "Jane Ortiz"


def test_it_inside_what_someone_said_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Dr. Lena Marsh said it shows the outbreak can be contained “even with the new "
        "strains in circulation,” and that testing must go on."
    )
    [quote] = _quotes(nlp, text, "direct")
    assert quote.speaker == "Lena Marsh"


def test_they_are_the_bodies_just_listed(nlp: Language) -> None:
    text = (
        "The rebels want a vote next year. That is a timetable accepted by the European "
        "Union, the African Union and the United Nations. They have urged both sides to "
        "hold talks “as soon as the fighting stops, followed by elections.”"
    )
    [quote] = _quotes(nlp, text, "direct")
    assert quote.speaker is not None
    for body in ("European Union", "African Union", "United Nations"):
        assert body in quote.speaker


def test_it_is_the_organization_just_named_as_the_subject(nlp: Language) -> None:
    text = (
        "Thousands marched in the capital. The main opposition party, the National Unity "
        "Congress, rallied its supporters against the import decision, which it says "
        "threatens food safety."
    )
    assert _speaker_of(nlp, text, "threatens food safety") == "the National Unity Congress"


def test_of_two_subjects_the_one_next_to_the_verb_speaks(nlp: Language) -> None:
    # A cleaner left a template glued to the first subject; the parse hangs both
    # phrases on the verb.
    text = (
        "{{byline|dateonorably discharged army veteran, Sergeant Paul Okafor reports "
        "that he saw prisoners beaten at the base."
    )
    assert _speaker_of(nlp, text, "prisoners beaten") == "Sergeant Paul Okafor"


def test_an_acronym_is_the_name_it_was_defined_for(nlp: Language) -> None:
    text = (
        "Members of the Coalition for Clean Rivers (CCR) marched on Friday.\n\n"
        "CCR says the plant has poisoned the river for a decade."
    )
    assert _speaker_of(nlp, text, "poisoned the river") == "Coalition for Clean Rivers"


def test_the_group_is_what_an_earlier_sentence_called_a_group(nlp: Language) -> None:
    text = (
        "Rockets hit the town overnight.\n\n"
        "Hamas is an Islamist militant group that rules Gaza. The group said its "
        "fighters fired the rockets."
    )
    assert _speaker_of(nlp, text, "fired the rockets") == "Hamas"
