"""Round 5: reported content that is not reported speech is no longer given —
content mostly in quote marks (a direct quote), a closing editor's note, a
label over a one- or two-word tally or heading, "won the support of …",
and "pointed to / referred to / focused on / responded to" a mere name.
Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from sitroom.extract.speech.content.run_on import mostly_quoted
from sitroom.extract.speech.cues.spurious import in_closing_note
from tests.extract.speech.helpers import at, contents, indirect_quotes


def test_mostly_quoted_content() -> None:
    text = "Ruiz said the plan was “a blunder nobody in this town asked for.”"
    assert mostly_quoted(text, at(text, "the plan was “a blunder nobody in this town asked for"))
    short = "Ruiz said the harbour plan was a “blunder” that would cost the town for decades."
    content = at(short, "the harbour plan was a “blunder” that would cost the town for decades")
    assert not mostly_quoted(short, content)
    assert not mostly_quoted(short, at(short, "the harbour plan"))


def test_closing_editor_note_is_not_reported(nlp: Language) -> None:
    text = (
        "The council met on Monday to discuss the budget for the coming year.\n\n"
        "Mayor Ana Ruiz said the harbour would reopen in May after the repairs.\n\n"
        "Editor’s note: Ana Ruiz is a former smuggler who has repeatedly promised "
        "to close the harbour for good."
    )
    found = contents(nlp, text)
    assert "to close the harbour for good" not in found
    assert "the harbour would reopen in May after the repairs" in found
    assert in_closing_note(text, text.index("to close"))
    assert not in_closing_note(text, text.index("the harbour would"))


def test_editor_note_at_the_top_is_kept() -> None:
    body = "Mayor Ana Ruiz said the harbour would reopen in May after the repairs. " * 12
    text = "Editor’s note: An earlier version said the harbour would close.\n\n" + body
    assert not in_closing_note(text, text.index("the harbour would close"))


def test_label_over_a_tally_is_not_reported(nlp: Language) -> None:
    text = "Ruiz: 1,204.\n\nOkafor: A comeback.\n\nRuiz: The harbour will reopen in May."
    assert contents(nlp, text) == ["The harbour will reopen in May"]


def test_contributing_line_is_not_a_label(nlp: Language) -> None:
    assert indirect_quotes(nlp, "Contributing: Ana Ruiz and Tomas Berg.") == []


def test_support_given_by_others(nlp: Language) -> None:
    assert indirect_quotes(nlp, "Okafor won the support of the dock workers in the vote.") == []
    text = "Okafor repeated his support of the harbour plan."
    assert "his support of the harbour plan" in contents(nlp, text)


def test_pointed_to_a_name(nlp: Language) -> None:
    assert indirect_quotes(nlp, "Okafor pointed to Ruiz as the author of the plan.") == []
    assert indirect_quotes(nlp, "Okafor responded to Ruiz on Tuesday.") == []
    text = "Okafor pointed to the rising costs of the harbour plan."
    assert contents(nlp, text) == ["the rising costs of the harbour plan"]
