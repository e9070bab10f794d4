from __future__ import annotations

import pytest

from sitroom.errors import SitroomError
from sitroom.nlp import get_nlp

pytestmark = pytest.mark.model


def test_domain_patterns_fix_what_the_small_model_gets_wrong() -> None:
    doc = get_nlp()(
        "The Islamic State lost hundreds of villages around Kobane and near Sinjar, "
        "the Syrian Observatory for Human Rights said."
    )
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels["Islamic State"] == "ORG"
    assert labels["Kobane"] == "GPE"
    assert labels["Sinjar"] == "GPE"
    assert labels["Syrian Observatory for Human Rights"] == "ORG"


def test_pipeline_is_loaded_once_per_process() -> None:
    assert get_nlp() is get_nlp()


def test_lowercase_common_words_are_not_forced_into_entities() -> None:
    doc = get_nlp()("They dreamed of a utopian islamic state under one banner.")
    assert "islamic state" not in {ent.text.lower() for ent in doc.ents if ent.label_ == "ORG"}


def test_missing_pipeline_is_a_coded_error() -> None:
    with pytest.raises(SitroomError) as raised:
        get_nlp("no_such_spacy_pipeline_xyz")
    assert raised.value.code.name == "E030"


def test_closing_quote_glued_to_the_next_word_is_split_without_breaking_apostrophes() -> None:
    doc = get_nlp()("“We will stay,”Haddad said. It’s the group’s choice, don’t forget.")
    tokens = [t.text for t in doc]
    assert tokens[:6] == ["“", "We", "will", "stay", ",", "”"]
    assert "Haddad" in tokens
    assert "’s" in tokens and "n’t" in tokens  # apostrophes stay inside their words
    assert doc.text == "“We will stay,”Haddad said. It’s the group’s choice, don’t forget."
