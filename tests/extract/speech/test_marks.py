"""Quote-mark scanning: no model needed."""

from __future__ import annotations

from sitroom.extract.speech.marks import find_marked_spans, quote_text


def _texts(text: str) -> list[str]:
    return [quote_text(text, span) for span in find_marked_spans(text)]


def test_straight_and_curly_marks() -> None:
    text = 'The colonel said "we hold the bridge" and left. “The road is open,” a driver said.'
    assert _texts(text) == ["we hold the bridge", "The road is open"]


def test_offsets_exclude_marks_and_trailing_comma() -> None:
    text = "“Shells fell all night,” she said."
    (span,) = find_marked_spans(text)
    assert text[span.start : span.end] == "Shells fell all night"
    assert text[span.open_mark] == "“" and text[span.close_mark] == "”"


def test_nested_single_quotes_stay_inside() -> None:
    text = "“They shouted ‘leave now’ at us,” the farmer said."
    assert _texts(text) == ["They shouted ‘leave now’ at us"]


def test_quote_runs_on_across_paragraphs() -> None:
    text = (
        "“The convoy left at dawn. We waited for hours.\n\n"
        "“Nobody came back,” the driver said.\n\nThe next paragraph is plain."
    )
    spans = find_marked_spans(text)
    assert [quote_text(text, s) for s in spans] == [
        "The convoy left at dawn. We waited for hours.",
        "Nobody came back",
    ]
    assert [s.part for s in spans] == [0, 1]


def test_unclosed_quote_is_dropped_when_not_continued() -> None:
    text = "He called it “a disaster\n\nThe council met on Monday."
    assert find_marked_spans(text) == ()


def test_stray_closing_mark_is_ignored() -> None:
    assert _texts("A stray ” mark and “a real quote” here.") == ["a real quote"]
