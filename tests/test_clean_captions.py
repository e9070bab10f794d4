"""Captions, slideshows, media titles and stray controls, on lines we write ourselves."""

from __future__ import annotations

from sitroom.clean import clean_text
from sitroom.clean.captions import is_dated_caption

STORY = "Rebels shelled the airport on Friday, officials said, killing four soldiers."
MORE = "The government said it would retake the airport within days."
CAPTION = (
    "A soldier guards the damaged terminal of the airport in Fredville, Freedonia, May 3, 2019."
)


def _reasons(text: str) -> list[str | None]:
    return [r.reason for r in clean_text(text).removed]


def test_every_copy_of_a_repeated_caption_leaves() -> None:
    text = f"{STORY}\n\nSmoke rises over the old market after the night's fighting\n{MORE}\n\n"
    text += "Smoke rises over the old market after the night's fighting"
    assert clean_text(text).text == f"{STORY}\n\n{MORE}"


def test_caption_run_together_with_itself_and_a_cut_off_copy() -> None:
    caption = "Children walk past a burned car in the northern district of the city"
    text = f"{caption}.{caption}.\n{caption[:50]}\n\n{STORY}"
    result = clean_text(text)
    assert result.text == STORY
    assert _reasons(text) == ["caption (repeated line)", "caption (cut-off copy)"]


def test_a_line_ending_with_place_and_date_is_a_caption() -> None:
    text = f"{STORY}\n\n{CAPTION}\n\n{MORE}"
    assert clean_text(text).text == f"{STORY}\n\n{MORE}"
    assert _reasons(text) == ["caption (place and date of a photo)"]


def test_sentences_ending_with_a_date_are_not_captions() -> None:
    assert not is_dated_caption("The ceasefire was signed in the capital on May 3, 2019.")
    assert not is_dated_caption('"We will rebuild," the mayor said, Fredville, May 3, 2019.')
    assert not is_dated_caption(
        "Two people died. Rescuers searched the rubble in Fredville, Freedonia, May 3, 2019."
    )
    assert not is_dated_caption("Fredville, May 3, 2019.")  # a dateline, too short


def test_a_slideshow_run_goes_whole_and_a_release_list_stays() -> None:
    slideshow = (
        "• Protesters gather at the square in Fredville, Freedonia, May 3, 2019.\n"
        "• Police fire tear gas at the crowd, Fredville, May 3, 2019.\n"
        "• A medic treats a man who was injured during the mar"
    )
    result = clean_text(f"{STORY}\n\n{slideshow}")
    assert result.text == STORY
    assert _reasons(f"{STORY}\n\n{slideshow}") == ["slideshow caption"] * 3
    release = (
        "* Near Fredville, two strikes destroyed a mortar position.\n"
        "* Near Lakeside, one strike destroyed a vehicle."
    )
    assert clean_text(f"{STORY}\n\n{release}\n\n{MORE}").text == f"{STORY}\n\n{release}\n\n{MORE}"


def test_the_title_above_a_video_player_leaves_with_the_player() -> None:
    player = "Rebels Show Captured Airport Hangars\nplease wait\n\n0:00 0:01:05 0:00"
    text = f"{STORY}\n\n{player}\n\n{MORE}"
    assert clean_text(text).text == f"{STORY}\n\n{MORE}"
    assert _reasons(text) == ["media title", "media player furniture", "media player furniture"]


def test_a_one_character_line_is_a_stray_control() -> None:
    text = f"{STORY}\n\nx\n\n{MORE}"
    assert clean_text(text).text == f"{STORY}\n\n{MORE}"
    assert _reasons(text) == ["stray control"]


def test_repeated_text_that_is_not_a_caption_stays() -> None:
    # A page printed twice repeats whole blocks; an interview repeats its question;
    # a guide repeats an instruction far apart. None is a photo caption.
    block = f"{STORY}\n{MORE}\nThe airport has been closed since the first attack in March."
    assert clean_text(f"{block}\n\n{block}").text.count(STORY) == 2
    question = "What made you stay in the city after the first attack?"
    text = f"{question}\nI had nowhere else to go.\n\n{question}\nMy family is here."
    assert clean_text(text).text == text
    step = "Drink two glasses of water before you set out on the march."
    text = f"{step}\n\n{STORY}\n\n{MORE}\n\n{step}"
    assert clean_text(text).text == text
