"""The head of a page: the title and the lines above the story, on text we write ourselves."""

from __future__ import annotations

from sitroom.clean import clean_text
from sitroom.clean.heading import glued_title, is_title_case, same_title
from sitroom.ingest import RawDocument
from sitroom.pipeline import PipelineOptions, Prepared, prepare
from sitroom.records import Source

STORY = "Warplanes struck a crowded market in the town on Sunday, killing 12 people."
MORE = "Residents said the strike came without warning."
TITLE = "Airstrike Kills 12 at Market"


def test_headline_on_its_own_line_becomes_the_title() -> None:
    result = clean_text(f"{TITLE}\n\n{STORY}\n\n{MORE}")
    assert result.title == TITLE
    assert result.text == f"{STORY}\n\n{MORE}"
    assert [(r.kind, r.text, r.reason) for r in result.removed] == [("other", TITLE, "title")]


def test_metadata_title_removes_its_repeat_and_other_head_lines() -> None:
    text = (
        "Fighting Spreads to Border Villages\n\n"  # a gallery title above the story
        f"{TITLE}\n"
        "Jane RoeJohn Doe\n\n"  # an author box whose names ran together
        f"{STORY}\n\n{MORE}"
    )
    result = clean_text(text, title=TITLE)
    assert result.text == f"{STORY}\n\n{MORE}"
    assert result.title == TITLE
    assert [(r.kind, r.reason) for r in result.removed] == [
        ("other", "headline-shaped line above the story"),
        ("other", "title"),
        ("credit", "author box"),
    ]


def test_a_headline_over_two_lines_matches_the_metadata_title() -> None:
    text = f"Joint Task Force for the Northern\nProvinces\n\n{STORY}"
    result = clean_text(text, title="Joint Task Force for the Northern Provinces Monthly Report")
    assert result.text == STORY


def test_a_dateline_line_with_a_weekday_stays_above_the_story() -> None:
    text = f"{TITLE}\nFredville, Freedonia – Sunday, May 5\n\n{STORY}"
    result = clean_text(text)
    assert result.text == f"Fredville, Freedonia – Sunday, May 5\n\n{STORY}"
    assert result.title == TITLE


def test_a_story_of_short_lines_keeps_them() -> None:
    text = "Casualty List\nTwo Soldiers\nOne Medic"
    result = clean_text(text)
    assert result.text == text
    assert result.title is None


def test_a_lead_sentence_is_not_a_title() -> None:
    result = clean_text(f"{STORY}\n\n{MORE}")
    assert result.title is None and not result.removed


def test_title_glued_to_the_first_sentence_after_a_notice() -> None:
    text = f"Originally posted by the Harbor Weekly. {TITLE} by Jane Roe {STORY} {MORE}"
    result = clean_text(text)
    assert result.title == TITLE
    assert result.text == f"{STORY} {MORE}"
    assert [(r.kind, r.text) for r in result.removed] == [
        ("other", "Originally posted by the Harbor Weekly."),
        ("other", TITLE),
        ("credit", "by Jane Roe"),
    ]


def test_glued_metadata_title_is_cut_from_the_first_paragraph() -> None:
    result = clean_text(f"{TITLE} {STORY}", title=TITLE)
    assert result.text == STORY
    assert result.removed[0].reason == "title"


def test_no_glued_title_without_a_notice_or_metadata() -> None:
    # Capitalised names opening a lead are not a headline.
    lead = "United Nations High Commissioner for Refugees Ana Diaz said the camp was full."
    assert glued_title(lead, title=None, after_notice=False) is None
    assert clean_text(lead).text == lead


def test_glued_split_needs_a_title_case_run() -> None:
    assert glued_title(f"{STORY} {MORE}", title=None, after_notice=True) is None
    found = glued_title(f"{TITLE} {STORY}", title=None, after_notice=True)
    assert found is not None and found.title == TITLE and found.rest == STORY


def test_title_case_and_same_title() -> None:
    assert is_title_case("Rebels Bogged Down in the Old City")
    assert not is_title_case("During the month of March, the task force carried 43 reports")
    assert not is_title_case("Rebels Bogged Down.")
    assert same_title("Airstrike kills 12 at market", TITLE)
    assert not same_title("Airstrike", TITLE)


def test_pipeline_takes_the_headline_as_title_when_metadata_has_none() -> None:
    def prepared(title: str | None) -> Prepared:
        raw = RawDocument(
            source=Source(path="report.txt", format="txt"),
            text=f"{TITLE}\n\n{STORY}",
            encoding="utf-8",
            title=title,
        )
        return prepare(raw, options=PipelineOptions())

    assert prepared(None).title == TITLE
    assert prepared(None).text == STORY
    assert prepared("Market strike: twelve dead").title == "Market strike: twelve dead"
