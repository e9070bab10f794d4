"""Furniture of real pages (clean/furniture.tsv and its shapes), on lines we write ourselves."""

from __future__ import annotations

import pytest

from sitroom.clean import clean_text
from sitroom.clean.patterns import match_line, parse_table
from sitroom.clean.pieces import Pieces, strip_pieces
from sitroom.records import REMOVED_KINDS

STORY = "Militants attacked a checkpoint outside the town on Tuesday, killing two guards."
MORE = "The army said it had sent reinforcements to the area."


def _reasons(text: str, title: str | None = None) -> list[str | None]:
    return [r.reason for r in clean_text(text, title=title).removed]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("An official website of the United States government", "government site banner"),
        ("Here’s how you know", "government site banner"),
        (
            "Official websites use .gov A .gov website belongs to an official agency.",
            "government site banner",
        ),
        (
            "A .gov website belongs to an official government organization in the United States.",
            "government site banner",
        ),
        (
            "Secure .gov websites use HTTPS A lock or https:// means you’ve safely connected.",
            "government site banner",
        ),
        ("News Release | March 4, 2019", "release label"),
        ("Release No. 20190304-07", "release number"),
        ("Release Number 2019-112", "release number"),
        ("FOR IMMEDIATE RELEASE", "release label"),
        ("From a Joint Task Force Press Release", "release label"),
        ("March 4, 2019", "date line"),
        ("Published: 4 March 2019", "date line"),
        ("Updated Tuesday, March 5, 2019 10:42 a.m. EST", "date line"),
        ("12 Shares", "share/print/subscribe furniture"),
        ("Show Less ∧", "share/print/subscribe furniture"),
        ("Hide caption", "share/print/subscribe furniture"),
        ("Updated", "section label"),
        ("Photo 3 of 14", "image or slideshow marker"),
        ("[Image]", "image or slideshow marker"),
        ("File photo of a patrol near the border.", "image or slideshow marker"),
        ("FILE - A convoy passes the bridge in 2016.", "photo credit"),
        ("Soldiers rest in a field. (Photo by Jane Roe)", "photo credit"),
        ("Video: Rescue teams search the rubble", "media player furniture"),
        ("Your browser does not support the video tag.", "media player furniture"),
        ("Download audio", "media player furniture"),
        ("0:00 0:01:12 0:00", "media player furniture"),
        ("WPN News", "outlet credit"),
        ("Source: NORTHERN DEFENSE COMMAND", "source line"),
        ("About the author Jane Roe covers security.", "author box"),
        ("Originally published in the Weekly Harbor. All content is in the public domain.", None),
        ("{{cleanup}}", "wiki template"),
        ("{sign}}", "wiki template"),
        ("[[File:Map of the district.png|thumb|The district]]", "wiki template"),
        ("example-news.org", "URL reference list"),
    ],
)
def test_furniture_line(line: str, reason: str | None) -> None:
    rule = match_line(line)
    if reason is None:
        assert rule is not None  # some furniture rule
    else:
        assert rule is not None and rule.reason == reason
        assert rule.kind in REMOVED_KINDS


@pytest.mark.parametrize(
    "line",
    [
        STORY,
        "Strikes in Syria",
        "The agreement was signed on March 4, 2019, in the capital.",
        "Police said the share of arrests rose to 12 percent.",
        "Officials said the source of the fire was unclear.",
        "The video showed fighters entering the compound.",
        "He was released on March 4, 2019.",
    ],
)
def test_report_lines_are_not_furniture(line: str) -> None:
    assert match_line(line) is None


def test_furniture_lines_leave_the_body() -> None:
    text = (
        "An official website of the United States government\n"
        "Here's how you know\n\n"
        "Press Release | March 4, 2019\n\n"
        "Release # 20190304-07\n\n"
        f"{STORY}\n\n0Share\n\n{MORE}"
    )
    result = clean_text(text)
    assert result.text == f"{STORY}\n\n{MORE}"
    assert len(result.removed) == 5


def test_release_number_before_the_first_sentence_is_cut_from_the_line() -> None:
    result = clean_text(f"Press Office Release No: PR-14-19 March 4, 2019 {STORY}")
    assert result.text == STORY
    assert [(r.kind, r.reason) for r in result.removed] == [("other", "release number")]


def test_read_more_link_at_the_end_of_a_teaser() -> None:
    result = clean_text(f"{STORY} The army said it had sent ... Read More»\nShow More ∨")
    assert result.text == f"{STORY} The army said it had sent"
    assert _reasons(f"{STORY} Read more ›") == ["read-more link"]


def test_notices_opening_a_flattened_scrape_are_cut_as_sentences() -> None:
    text = (
        "Originally posted by the Harbor Weekly. Harbor Weekly content is produced by "
        "the Harbor Weekly staff, and is in the public domain. "
        f"{STORY} {MORE}"
    )
    result = clean_text(text)
    assert result.text == f"{STORY} {MORE}"
    assert _reasons(text) == ["archive notice", "licence notice"]


def test_a_notice_is_only_taken_as_a_whole_sentence() -> None:
    # The notice's "sentence" would end inside the story ("U.S. troops"): nothing is cut.
    line = "Originally posted by U.S. troops on patrol, the video shows the checkpoint burning."
    assert strip_pieces(line) == Pieces(line, (), notice=False)


def test_wiki_links_read_as_their_words_and_templates_leave() -> None:
    text = (
        "{{Freedonia}}[[File:Map of Freedonia.png|thumb|left|Freedonia]]\n\n"
        "{{byline|dateThe [[w:National Guard|guardsmen]] opened fire in {{w|Fredville}} "
        "on Monday<!-- check day -->, killing three ''protesters''.\n\n"
        "{{haveyoursay}}\n{publish}}\n{{archive}}"
    )
    result = clean_text(text)
    expected = "The guardsmen opened fire in Fredville on Monday, killing three protesters."
    assert result.text == expected
    reasons = [r.reason for r in result.removed]
    assert reasons.count("wiki template") == 5
    assert "wiki markup" in reasons  # the editor's comment


def test_plain_text_with_braces_is_not_read_as_wikitext() -> None:
    text = "Officials said the talks {in Doha} would resume on Monday."
    assert clean_text(text).text == text


def test_furniture_table_rejects_a_bad_row() -> None:
    with pytest.raises(ValueError, match="bad row"):
        parse_table("line\tbanner\tnot a kind\tx")
    defines, rules = parse_table("@N\t\\d+\nline\tnav\tcounter\t{N} views")
    assert defines == {"N": r"\d+"}
    assert rules[0].regex.match("12 views") and not rules[0].regex.match("views 12")
