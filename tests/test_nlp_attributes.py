"""The attribute ruler by dictionary lookup annotates exactly as spaCy's does."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from sitroom.nlp import get_nlp
from sitroom.nlp.attributes import DictAttributeRuler, use_dict_attribute_ruler
from sitroom.settings import get_settings

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpus"  # read when present

# Written to reach the exceptions beside the tag map: contractions, "gon na",
# "let's", pronouns as subject and object, "there is", "but" as an adverb, extra
# spaces and line breaks.
TRICKY = (
    "I ain't gonna say it twice: we're gonna go, and you gotta come, y'all.  Let's go!\n\n"
    "There is no doubt it hit them, but it did. Did you see it? They told me so;  I did.\n"
    "C'mon, he said -- the militia that had fired was gone, but the town's people stayed."
)


def _annotations(nlp: Language, texts: list[str]) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i))
        for doc in nlp.pipe(texts)
        for t in doc
    ]


def _texts() -> list[str]:
    """Our tricky lines, the demo reports and (when ../shared is here) the corpus reports."""
    texts = [TRICKY, *(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return texts


def test_the_dictionary_ruler_annotates_every_token_as_spacy_does() -> None:
    model = get_settings().spacy_model
    theirs, ours = spacy.load(model), spacy.load(model)
    assert isinstance(theirs.get_pipe("attribute_ruler"), AttributeRuler)
    assert use_dict_attribute_ruler(ours)
    assert isinstance(ours.get_pipe("attribute_ruler"), DictAttributeRuler)
    assert ours.pipe_names == theirs.pipe_names
    texts = _texts()
    expected = _annotations(theirs, texts)
    assert len(expected) > 3000
    assert _annotations(ours, texts) == expected


def test_the_loaded_pipeline_uses_it() -> None:
    assert isinstance(get_nlp().get_pipe("attribute_ruler"), DictAttributeRuler)


def test_a_rule_it_cannot_read_leaves_spacys_ruler_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "x", "OP": "+"}]], {"LEMMA": "ex"})  # type: ignore[attr-defined]
    assert not use_dict_attribute_ruler(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
