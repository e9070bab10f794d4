"""Repair: ftfy first, then our own repairs; correct text is never touched."""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest

from sitroom.repair import count_mojibake, repair_text


def test_seed_has_no_mojibake_left(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    assert count_mojibake(text) == 43
    # ftfy alone leaves five, and reads four closing quotes as daggers.
    plain = ftfy.fix_text(text)
    assert count_mojibake(plain) == 5 and plain.count("†") == 5
    result = repair_text(text)
    assert count_mojibake(result.text) == 0
    assert result.mojibake_fixed == 43
    assert "ftfy" in result.fixes and "lossy_bytes" in result.fixes
    assert "†" not in result.text
    assert "less effective in military operations.”\n" in result.text
    assert "The Islamic State ‘caliphate’ is in danger" in result.text
    assert "“The Iraqis feared they were being abandoned,” he said." in result.text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        # Last byte of ” (0x9D, undefined in Windows-1252) dropped.
        ("operations.â€\n\nMost", "operations.”\n\nMost"),
        ("â€œWe will fight,â€ he said.", "“We will fight,” he said."),
        # ... or replaced by U+FFFD.
        ("supreme court order,â€\ufffd he said.", "supreme court order,” he said."),
        # An opening mark: single when the closing mark is ’.
        (
            "The Islamic State â€caliphateâ€™ is in danger",
            "The Islamic State ‘caliphate’ is in danger",
        ),
        ("He called it â€a warâ€ on them.", "He called it “a war” on them."),
        # An apostrophe inside a word; ’s inside the quote is not its closing mark.
        ("She said â€the groupâ€™s planâ€ failed.", "She said “the group’s plan” failed."),
        # A no-break space whose second byte was lost, then ftfy's Â + U+FFFD.
        ("shiv senaÂ capital", "shiv sena\u00a0capital"),
        ("a situationÂ\ufffd similar to bosnia", "a situation\u00a0 similar to bosnia"),
    ],
)
def test_lost_final_byte(broken: str, fixed: str) -> None:
    result = repair_text(broken)
    assert result.text == fixed
    assert result.mojibake_fixed >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Le café « noir » à Paris — naïve résumé, façade, Ærøskøbing, Straße.",
        "قالت وزارة الدفاع إن الضربات استهدفت مواقع في دير الزور.",
        "پنج نفر در حمله کشته شدند؛ وزارت کشور گفت.",
        "国防部表示，空袭击中了目标。“我们会继续，”他说。",
        "北朝鮮は日曜日、ミサイルを発射した。",
        "Москва — столица России. Київ. Ελληνικά.",
        "He said “we will fight” and ‘they’ll lose’ — the café’s owner agreed…",
        "SENSЕ - Oleg Tsedryk",
        "Fußball: Österreich schlägt Türkei 2–1 (Ω ≈ 3 µs).",
        "Prices rose 5% to €1,200; the ™ and © marks stay.",
    ],
)
def test_correct_text_is_unchanged(text: str) -> None:
    result = repair_text(text)
    assert result.text == text
    assert result.mojibake_fixed == 0 and result.fixes == ()


def test_curly_quotes_and_full_width_are_kept() -> None:
    # ftfy's defaults straighten quotes and narrow full-width forms; sitroom keeps both.
    assert repair_text("“Ａ，Ｂ”").text == "“Ａ，Ｂ”"


def test_homoglyph_scrambled_line_is_made_latin() -> None:
    scrambled = "Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо uѕеrѕ іn Веlіzе"
    result = repair_text(scrambled)
    assert result.text == "Your content is delivered instantly to users in Belize"
    assert "homoglyphs" in result.fixes and result.mojibake_fixed == 0


def test_doubly_encoded_text_is_left_to_ftfy() -> None:
    # Inside a doubly encoded run the lost-byte rules must not guess.
    text = "ã†â€™ãƒâ€ ã¢â‚¬â„¢"
    assert repair_text(text).text == ftfy.fix_text(text, uncurl_quotes=False)


def test_count_mojibake() -> None:
    assert count_mojibake("the groupâ€™s and cafÃ© and operations.â€") == 3
    assert count_mojibake("clean “text”, café, Ça va, Straße”") == 0
    assert count_mojibake("lost \ufffd and \x9d control") == 2


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("┬┐que diferencia hay?", "¿que diferencia hay?"),  # UTF-8 read as cp437
        ("Sarai ricontattato al pi√π presto.", "Sarai ricontattato al più presto."),  # MacRoman
    ],
)
def test_dos_and_mac_code_pages_inside_words(broken: str, fixed: str) -> None:
    result = repair_text(broken)
    assert result.text == fixed and "legacy_codepage" in result.fixes


@pytest.mark.parametrize("text", ["area = √π r", "├── src\n│   └── main.py", "├┤a┼┐a┼┐a┼┐a"])
def test_box_drawing_and_formulas_are_kept(text: str) -> None:
    assert repair_text(text).text == text
