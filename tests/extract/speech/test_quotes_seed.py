"""The seed report: every direct quote, its speaker, and the key attributions.

The seed's mojibake is repaired upstream; here it is repaired the simple way
(ftfy, plus the closing marks whose last byte was lost), so that this test
does not depend on the repair stage.
"""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest

from sitroom.extract.speech.attributions import extract_attributions
from sitroom.extract.speech.quotes import extract_quotes
from sitroom.nlp import get_nlp
from sitroom.records import Attribution, Quote

pytestmark = pytest.mark.model

# Opening words of each direct quote in the seed, with the speaker's full name.
EXPECTED = [
    ("The key challenge facing ISIS", "Lina Khatib"),
    ("We’re seeing basically a failure", "Lina Khatib"),
    ("The Iraqis feared", "Hassan al-Dulaimi"),
    ("was never popular", "Ahmed Mhidi"),
    ("Now people want nothing", "Ahmed Mhidi"),
    ("They just want to live", "Abu Ibrahim al-Raqqawi"),
    ("They didn’t come to fight", "Abu Ibrahim al-Raqqawi"),
    ("Ultimately, they are only attracting", "Lina Khatib"),
    ("It’s not exactly bolstering", "Lina Khatib"),
]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[str, tuple[Quote, ...], tuple[Attribution, ...]]:
    raw = seed_path.read_text(encoding="utf-8")
    # A closing mark that lost its third byte reads "â€" + space.
    text = ftfy.fix_text(raw.replace("â€ ", "” "), uncurl_quotes=False).replace("â€", "”")
    doc = get_nlp()(text)
    quotes = extract_quotes(doc)
    return doc.text, quotes, extract_attributions(doc, quotes)


def test_every_direct_quote_with_full_speaker(
    seed: tuple[str, tuple[Quote, ...], tuple[Attribution, ...]],
) -> None:
    text, quotes, _ = seed
    direct = [q for q in quotes if q.kind == "direct"]
    assert [
        (q.text[: len(opening)], q.speaker)
        for q, (opening, _) in zip(direct, EXPECTED, strict=False)
    ] == EXPECTED
    assert len(direct) == len(EXPECTED)
    for quote in direct:
        assert text[quote.start : quote.end] == quote.text


def test_roles_kept(seed: tuple[str, tuple[Quote, ...], tuple[Attribution, ...]]) -> None:
    _, quotes, _ = seed
    khatib = [q for q in quotes if q.speaker == "Lina Khatib"]
    assert khatib
    assert {q.speaker_role for q in khatib} == {
        "director of the Carnegie Middle East Center in Beirut"
    }


def _find(attrs: tuple[Attribution, ...], source: str) -> list[Attribution]:
    return [a for a in attrs if a.source == source]


def test_key_attributions(seed: tuple[str, tuple[Quote, ...], tuple[Attribution, ...]]) -> None:
    text, _, attrs = seed
    activist = _find(attrs, "an activist")
    assert activist and all(a.anonymous and a.source_type == "anonymous" for a in activist)
    # "the activist said" and the "he said" after it resolve to the same activist.
    assert len(activist) == 3
    observatory = _find(attrs, "Syrian Observatory for Human Rights")
    assert [a.source_type for a in observatory] == ["organization"]
    rbss = _find(attrs, "Raqqa Is Being Slaughtered Silently")
    assert len(rbss) == 2 and rbss[0].source_type == "organization"
    (pentagon,) = _find(attrs, "Pentagon")
    assert pentagon.source_type == "government"
    assert pentagon.hedge == "unconfirmed"
    assert "8,500 fighters" in text[pentagon.claim_start : pentagon.claim_end]
    businessman = _find(attrs, "a businessman")
    assert businessman and businessman[0].anonymous
