"""Round 3 of the attribution rules: partly quoted content, "called X Y"
without an object, "calling for X to …", "As X reported, …", "asked if …",
"the poll shows …", "tweeted …" and hyphenated labels. Sentences written for
these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.content.run_on import partly_quoted, quoted_share
from sitroom.extract.speech.quotes import extract_quotes
from sitroom.records import Quote


def indirect_quotes(nlp: Language, text: str) -> list[Quote]:
    return [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_marks_trimmed_off_the_content_still_count() -> None:
    text = "The envoy said he was still only “leaning north.”"
    content = _at(text, "he was still only “leaning north")
    share = quoted_share(text, content)
    assert share is not None and 0.4 < share < 0.5
    assert partly_quoted(text, content)
    # Mostly quoted content is a direct quote, not reported speech.
    text = "The envoy said it was “a pause in the fighting, not a truce.”"
    assert not partly_quoted(text, _at(text, "it was “a pause in the fighting, not a truce"))


def test_partly_quoted_content_gives_reported_speech(nlp: Language) -> None:
    text = "The envoy said he was still only “leaning north.”"
    (quote,) = indirect_quotes(nlp, text)
    assert (quote.start, quote.end) == _at(text, "he was still only “leaning north")
    assert quote.cue == "said"
    assert quote.speaker_mention == "The envoy"


def test_poll_shows_its_object(nlp: Language) -> None:
    text = "A new poll shows the governor with a wide lead over her rival."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "the governor with a wide lead over her rival"
    assert quote.cue == "shows"
    assert quote.speaker_mention == "A new poll"


def test_a_person_showing_something_reports_nothing(nlp: Language) -> None:
    text = "The mayor showed the reporters the damaged bridge."
    assert indirect_quotes(nlp, text) == []


def test_calling_for_someone_to_act(nlp: Language) -> None:
    text = "The senator is calling for the army to leave the northern towns."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "the army to leave the northern towns"
    assert quote.speaker_mention == "The senator"


def test_as_someone_reported(nlp: Language) -> None:
    text = "As the local paper reported, the bridge was closed for a week."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "the bridge was closed for a week"
    assert quote.cue == "reported"
    assert quote.speaker_mention == "the local paper"


def test_as_at_a_time_is_no_cue(nlp: Language) -> None:
    text = "As the mayor spoke, the crowd grew quiet."
    assert indirect_quotes(nlp, text) == []


def test_asked_if(nlp: Language) -> None:
    text = "The reporter asked the minister if the border would stay open."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "if the border would stay open"
    assert quote.speaker_mention == "The reporter"


def test_tweeted_object(nlp: Language) -> None:
    text = "The governor tweeted a message of thanks to the rescue crews."
    doc = nlp(text)
    quotes = extract_quotes(doc)
    (quote,) = [q for q in quotes if q.kind == "indirect"]
    assert quote.text == "a message of thanks to the rescue crews"
    assert quote.speaker_mention == "The governor"
    assert len(extract_attributions(doc, quotes)) == 1


def test_hyphenated_label(nlp: Language) -> None:
    text = "The talks went on.\nAna Ruiz-Vega: The ceasefire will hold until spring."
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text == "The ceasefire will hold until spring"
    assert quote.cue == ":"


def test_called_two_people_something_without_an_object(nlp: Language) -> None:
    text = "Graham called both Ruiz and the governor “crazy” and said the plan would fail."
    called, said = indirect_quotes(nlp, text)
    assert (called.start, called.end) == _at(text, "both Ruiz and the governor “crazy")
    assert called.cue == "called"
    assert called.speaker_mention == "Graham"
    assert said.text == "the plan would fail"


def test_a_name_after_called_is_no_content(nlp: Language) -> None:
    assert indirect_quotes(nlp, "They joined a group called Open Doors.") == []


def test_a_pair_quote_after_a_new_cue_sentence_is_its_own(nlp: Language) -> None:
    text = (
        "''We will hold the line,'' Mr. Ortiz said in the briefing. "
        "But he added, ''We do not want the rebels to have a safe haven.''"
    )
    said, added = indirect_quotes(nlp, text)
    assert said.text == "We will hold the line"
    assert said.speaker_mention == "Mr. Ortiz"
    assert added.text == "We do not want the rebels to have a safe haven"
    assert added.cue == "added"


def test_a_pair_quote_still_runs_on_past_its_cue(nlp: Language) -> None:
    text = "''This is not a truce,'' said Ana Ruiz, a local official. ''It is a pause.''"
    (quote,) = indirect_quotes(nlp, text)
    assert quote.text.startswith("This is not a truce")
    assert quote.text.endswith("It is a pause")
