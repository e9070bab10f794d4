"""Attributions: sources, source types, anonymity, hedges and claim spans."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.extract.attributions import certainty_of, extract_attributions, hedge_of
from sitroom.extract.quotes import extract_quotes
from sitroom.records import Attribution


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("The toll could not be independently verified.", "unconfirmed"),
        (
            "The army claimed 40 militants died, though that figure can’t be confirmed.",
            "unconfirmed",
        ),
        ("The rebels claimed the attack.", "claimed"),
        ("Two officers were reportedly detained.", "reportedly"),
        ("The men allegedly fired on the crowd.", "alleged"),
        ("The strike appears to have hit a school.", "appears"),
        ("The ministry denied the report.", "disputed"),
        ("The council met on Monday.", None),
    ],
)
def test_hedges(sentence: str, hedge: str | None) -> None:
    assert hedge_of(sentence) == hedge


def test_certainty_of_hedges() -> None:
    assert certainty_of(None) == "reported"
    assert certainty_of("unconfirmed") == "unconfirmed"
    assert certainty_of("claimed") == "claimed"



def _attributions(nlp: Language, text: str) -> tuple[str, list[Attribution]]:
    doc = nlp(text)
    return doc.text, list(extract_attributions(doc, extract_quotes(doc)))


@pytest.mark.model
def test_claim_span_is_the_sentence(nlp: Language) -> None:
    text = (
        "Heavy rain fell overnight. Three bridges were destroyed, the ministry said. Roads closed."
    )
    doc_text, (attr,) = _attributions(nlp, text)
    assert doc_text[attr.claim_start : attr.claim_end] == (
        "Three bridges were destroyed, the ministry said."
    )
    assert attr.source_type == "government"
    assert attr.cue == "said"


@pytest.mark.model
def test_according_to_organization(nlp: Language) -> None:
    text = (
        "At least nine people died in the raid, according to the Syrian Observatory "
        "for Human Rights."
    )
    _, (attr,) = _attributions(nlp, text)
    assert attr.source == "Syrian Observatory for Human Rights"
    assert attr.source_type == "organization"
    assert not attr.anonymous


@pytest.mark.model
def test_organization_with_relative_clause(nlp: Language) -> None:
    text = (
        "Airwatch Network, which monitors flights over the region, said two jets "
        "crossed the border on Tuesday."
    )
    _, (attr,) = _attributions(nlp, text)
    assert attr.source == "Airwatch Network"
    assert attr.source_type == "organization"


@pytest.mark.model
def test_passive_reported_by_media(nlp: Language) -> None:
    text = "It was reported by state television that the governor had resigned."
    _, (attr,) = _attributions(nlp, text)
    assert attr.source == "state television"
    assert attr.source_type == "media"


@pytest.mark.model
def test_told_and_estimated(nlp: Language) -> None:
    text = (
        "Hamid Jalali told reporters the checkpoint was abandoned.\n\n"
        "The aid agency estimated the number of displaced at 20,000."
    )
    _, attrs = _attributions(nlp, text)
    assert [(a.source, a.cue) for a in attrs] == [
        ("Hamid Jalali", "told"),
        ("The aid agency", "estimated"),
    ]
    assert attrs[1].source_type == "organization"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The market was shelled twice, an activist said.",
        "The market was shelled twice, residents said.",
        "The market was shelled twice, said a businessman living in the city.",
        "The market was shelled twice, officials said.",
        "The market was shelled twice, said a source who declined to be named.",
    ],
)
def test_anonymous_sources(nlp: Language, text: str) -> None:
    _, (attr,) = _attributions(nlp, text)
    assert attr.anonymous


@pytest.mark.model
def test_government_officials(nlp: Language) -> None:
    _, (attr,) = _attributions(nlp, "Two soldiers were wounded, Iraqi officials said.")
    assert attr.source_type == "government"
    assert attr.anonymous


@pytest.mark.model
def test_later_mention_resolves_to_earlier_source(nlp: Language) -> None:
    text = (
        "The bakery was closed, said an activist who lives in the town.\n\n"
        "Bread now costs three times as much, the activist said. Queues are long, he said."
    )
    _, attrs = _attributions(nlp, text)
    assert len(attrs) == 3
    assert {a.source for a in attrs} == {"an activist"}
    assert all(a.anonymous and a.source_type == "anonymous" for a in attrs)


@pytest.mark.model
def test_hedge_from_claim_and_following_qualifier(nlp: Language) -> None:
    text = (
        "The army claimed it killed 30 fighters. The figure could not be independently "
        "verified.\n\nThe ministry said the road was reopened."
    )
    _, attrs = _attributions(nlp, text)
    assert [(a.source, a.hedge) for a in attrs] == [
        ("The army", "unconfirmed"),
        ("The ministry", None),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("The base was shelled at dawn, an army spokesman said.", "government"),
        ("The base was shelled at dawn, a rebel commander said.", "anonymous"),
        ("The base was shelled at dawn, the Pentagon said.", "government"),
        ("The base was shelled at dawn, state television reported.", "media"),
        ("The base was shelled at dawn, the news agency reported.", "media"),
    ],
)
def test_source_types(nlp: Language, text: str, source_type: str) -> None:
    _, (attr,) = _attributions(nlp, text)
    assert attr.source_type == source_type
