"""HTML character references that ftfy leaves (text holding a ``<``), on text we write ourselves."""

from __future__ import annotations

from sitroom.repair import repair_text
from sitroom.repair.entities import fix_html_entities


def test_references_are_read_even_beside_markup() -> None:
    result = repair_text("President Mo&iuml;se spoke <!-- check --> at the caf&#233; &amp; left.")
    assert result.text == "President Moïse spoke <!-- check --> at the café & left."
    assert "html_entities" in result.fixes
    assert result.mojibake_fixed == 0  # markup, not encoding damage


def test_only_complete_known_references_are_read() -> None:
    text = "See https://example.org/?a=1&copy=2 and AT&T; the &bogus; tag stays."
    assert fix_html_entities(text) == (text, 0)
    assert fix_html_entities("it&#x2019;s &lt;b&gt;") == ("it’s <b>", 3)
