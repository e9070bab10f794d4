"""Clean: furniture out (each piece recorded with its kind and reason), the report kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean import clean_text
from sitroom.records import REMOVED_KINDS
from sitroom.repair import repair_text


def test_seed(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    result = clean_text(repair_text(raw).text)
    kinds = [(r.kind, r.text) for r in result.removed]
    assert kinds == [
        ("promo", "[Read: The Islamic State is failing at being a state]"),
        ("promo", "[In campaign against terrorism, U.S. enters period of pessimism and gloom]"),
        ("promo", "[The atrocities of the Islamic State]"),
        ("credit", "Sam Rifaie and Mustafa Salim contributed to this report."),
        (
            "related",
            "Iraq officials cast doubt on prospects for an early offensive to retake Mosul",
        ),
        ("related", "The Islamic State is failing at being a state"),
        ("related", "The Islamic State ‘caliphate’ is in danger of losing its main supply route"),
    ]
    assert result.contributors == ("Sam Rifaie", "Mustafa Salim")
    assert all(r.reason for r in result.removed)
    # Every body paragraph is still there, in order, as a paragraph of its own.
    removed = {r.text for r in result.removed}
    expected = [
        p for p in repair_text(raw).text.split("\n\n") if p.strip() and p.strip() not in removed
    ]
    assert result.text.split("\n\n") == expected
    assert len(expected) == 28
    assert result.text.endswith("“It’s not exactly bolstering their military capability.”")


@pytest.mark.parametrize(
    ("text", "dateline", "place", "body"),
    [
        (
            "BAGHDAD (Reuters) - Iraqi forces advanced.",
            "BAGHDAD (Reuters)",
            "Baghdad",
            "Iraqi forces advanced.",
        ),
        (
            "ISTANBUL — Turkey shelled positions.",
            "ISTANBUL",
            "Istanbul",
            "Turkey shelled positions.",
        ),
        (
            "MOSUL, Iraq (Sitroom Wire) — Fighting resumed.",
            "MOSUL, Iraq (Sitroom Wire)",
            "Mosul, Iraq",
            "Fighting resumed.",
        ),
        (
            "WASHINGTON, Oct. 23, 2015 — A soldier died.",
            "WASHINGTON, Oct. 23, 2015",
            "Washington",
            "A soldier died.",
        ),
        (
            "DEIR AL-ZOUR, Syria -- “We are besieged,” he said.",
            "DEIR AL-ZOUR, Syria",
            "Deir Al-Zour, Syria",
            "“We are besieged,” he said.",
        ),
    ],
)
def test_dateline_leaves_the_body_and_becomes_metadata(
    text: str, dateline: str, place: str, body: str
) -> None:
    result = clean_text(text + "\n\nSecond paragraph.")
    assert (result.dateline, result.dateline_place) == (dateline, place)
    assert result.text == body + "\n\nSecond paragraph."
    assert result.removed[0].kind == "other" and result.removed[0].reason == "dateline"


@pytest.mark.parametrize(
    "text",
    [
        "NATO — the alliance said it would act.",
        "The Islamic State — a group — grew.",
        "US - said no.",
    ],
)
def test_not_a_dateline(text: str) -> None:
    result = clean_text(text)
    assert result.dateline is None and result.text == text


def test_press_release_dateline_below_header_lines(shared: Path) -> None:
    path = shared / "corpus" / "001-nov-2-military-airstrikes-continue-against-isil-terrori.txt"
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    result = clean_text(repair_text(path.read_text(encoding="utf-8")).text)
    assert result.dateline == "SOUTHWEST ASIA"
    assert ("nav", "Share") in [(r.kind, r.text) for r in result.removed]
    assert "On Nov. 1, coalition military forces continued to attack" in result.text


@pytest.mark.parametrize(
    ("line", "kind", "reason"),
    [
        ("[Read more: Inside the siege of Kobani]", "promo", "bracketed promo line"),
        ("Read more: Iraq army retakes Tikrit", "promo", "read-more link"),
        (
            "Subscribe now to our eNATION edition for the full story.",
            "promo",
            "subscription appeal",
        ),
        ("Share Tweet Email", "nav", "share/print/subscribe furniture"),
        ("Print", "nav", "share/print/subscribe furniture"),
        ("Originally posted by admin on March 3, 2015", "other", "archive notice"),
        ("This article was originally published by The Conversation.", "other", "archive notice"),
        ("© 2019 Associated Press. All Rights Reserved.", "other", "copyright notice"),
        ("Photo: Reuters/Stringer", "other", "photo credit"),
        ("Smoke rises over Mosul on Monday. (AP Photo/Khalid Mohammed)", "other", "photo credit"),
        ("Reporting by Ahmed Rasheed in Baghdad; Editing by Tom Perry", "credit", "credit line"),
    ],
)
def test_furniture_line(line: str, kind: str, reason: str) -> None:
    text = f"Shelling hit the town on Monday, residents said.\n\n{line}\n\nThe army denied it."
    result = clean_text(text)
    assert [(r.kind, r.text, r.reason) for r in result.removed] == [(kind, line, reason)]
    assert result.text == "Shelling hit the town on Monday, residents said.\n\nThe army denied it."
    assert kind in REMOVED_KINDS


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Sam Rifaie and Mustafa Salim contributed to this report.",
            ("Sam Rifaie", "Mustafa Salim"),
        ),
        (
            "Lisa Barrington, Maher Chmaytelli and John Davison contributed reporting.",
            ("Lisa Barrington", "Maher Chmaytelli", "John Davison"),
        ),
        ("The Associated Press contributed to this report.", ("The Associated Press",)),
        ("Additional reporting by Suleiman Al-Khalidi in Amman", ("Suleiman Al-Khalidi",)),
    ],
)
def test_credit_names_go_to_contributors(line: str, names: tuple[str, ...]) -> None:
    result = clean_text(f"The strike killed four people.\n\n{line}")
    assert result.contributors == names
    assert result.removed[0].kind == "credit"


def test_prose_mentioning_contributions_is_kept() -> None:
    text = (
        "Many factors contributed to the collapse.\n\n"
        "He said the militants contributed to this report."
    )
    assert clean_text(text).text == text


def test_related_tail_after_credit_line() -> None:
    text = (
        "Fighting continued into the night, officials said.\n\n"
        "Jane Doe contributed to this report.\n\n"
        "Kurds push into Raqqa suburbs"
    )
    result = clean_text(text)
    assert result.text == "Fighting continued into the night, officials said."
    assert [r.kind for r in result.removed] == ["credit", "related"]


def test_bare_related_tail_needs_three_headlines() -> None:
    body = "Fighting continued into the night, officials said."
    three = "\n\n".join(
        [
            "Kurds push into Raqqa suburbs",
            "Iraq army retakes Tikrit from militants",
            "Turkey shells Kurdish positions near Afrin",
        ]
    )
    assert clean_text(f"{body}\n\n{three}").text == body
    # A subheading and a truncated last paragraph are not a related run.
    cut = (
        f"{body}\n\nCivilians at risk\n\nThe United Nations is warning that hundreds of thousands o"
    )
    assert clean_text(cut).text == cut


def test_real_final_paragraphs_and_lists_are_kept() -> None:
    text = (
        "The ministry listed the districts hit:\n\n"
        "Al Hawl and its villages\n\nNear Sinjar and Tal Afar\n\nThe outskirts of Mosul city"
    )
    assert clean_text(text).text == text
    schedule = (
        "The band announced a tour.\n\nTour dates\n\nJune 9 – West Palm Beach, FL @ Coral Sky\n\n"
        "June 10 – Tampa, FL @ MIDFLORIDA\n\nJune 14 – Alpharetta, GA @ Ameris Bank"
    )
    assert clean_text(schedule).text == schedule
    long_last = (
        "Officials met on Monday.\n\n"
        "The talks ended without agreement, and both sides said they would meet again next week "
        "in Geneva to discuss the ceasefire, prisoner exchanges and humanitarian corridors."
    )
    assert clean_text(long_last).text == long_last


def test_related_heading_takes_the_headlines_after_it() -> None:
    text = (
        "The strike killed four.\n\nRelated stories\n\nKurds push into Raqqa\n\nIraq retakes Tikrit"
    )
    result = clean_text(text)
    assert result.text == "The strike killed four."
    assert [r.kind for r in result.removed] == ["related", "related", "related"]


def test_paragraphs_and_whitespace() -> None:
    text = (
        "\ufeffFirst  paragraph\u00a0here.\r\nSame paragraph.\r\n\r\n\r\n\r\nSecond\tone.  \n\n\n"
    )
    assert clean_text(text).text == "First paragraph here.\nSame paragraph.\n\nSecond one."


def test_repeated_caption_line() -> None:
    # A caption and its viewer copy: both are furniture, not the first kept.
    caption = "Smoke rises over the city of Mosul, Feb. 19, 2017."
    result = clean_text(f"{caption}\n{caption}\n\nThe offensive began on Sunday.")
    assert result.text == "The offensive began on Sunday."
    assert [r.reason for r in result.removed] == ["caption (repeated line)"] * 2


def test_repeated_short_label_keeps_its_first_copy() -> None:
    text = "The offensive began on Sunday.\n\nMosul\nMosul\n\nFighting went on."
    result = clean_text(text)
    assert result.text == "The offensive began on Sunday.\n\nMosul\n\nFighting went on."
    assert [r.reason for r in result.removed] == ["repeated line"]


def test_transcript_insertion_is_not_promo() -> None:
    text = 'Crowds marched.\n\n[for the annual "Autumn Struggle"]\n\nPolice watched.'
    assert clean_text(text).text == text


def test_url_reference_lists_go_but_a_link_in_the_body_stays() -> None:
    body = "Shelling hit the town on Monday.\n\nhttps://shop.example/item\n\nThe army denied it."
    assert clean_text(body).text == body
    listed = (
        "Shelling hit the town on Monday.\n\n[1] http://www.example.org/a\n"
        "[2] http://www.example.org/b\n\nThe army denied it."
    )
    result = clean_text(listed)
    assert result.text == "Shelling hit the town on Monday.\n\nThe army denied it."
    assert [r.reason for r in result.removed] == ["URL reference list"] * 2
    trailing = "Shelling hit the town on Monday.\n\nSources:\nhttps://www.example.org/report.pdf"
    result = clean_text(trailing)
    assert result.text == "Shelling hit the town on Monday."
    assert len(result.removed) == 2


def test_one_or_two_bracketed_words_are_not_promo() -> None:
    text = "Apple announced a phone.\n\n[CNET]\n\nIt costs more."
    assert clean_text(text).text == text


def test_a_stylesheet_line_left_by_a_scraper_is_removed_and_prose_with_braces_kept() -> None:
    text = (
        ".text_selected::selection { background: #CEF6F5; color: #000000;}\n"
        "VOA NEWS\n\n"
        "Officials said the talks {in Doha} would resume on Monday."
    )
    result = clean_text(text)
    assert ".text_selected" not in result.text
    assert "Officials said the talks {in Doha} would resume on Monday." in result.text
    assert [r.reason for r in result.removed] == [
        "stylesheet left by the scraper",
        "outlet credit",  # "VOA NEWS" on its own line
    ]
