"""The test harness itself: markers applied by ``conftest``."""

from __future__ import annotations

import pytest
from spacy.language import Language


def test_a_test_using_the_model_fixture_is_model_marked(
    request: pytest.FixtureRequest, nlp: Language
) -> None:
    # No ``pytestmark`` here: the marker comes from the conftest hook alone.
    assert request.node.get_closest_marker("model") is not None
    assert nlp("Troops clashed.").has_annotation("DEP")


def test_a_test_without_the_model_is_not_model_marked(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("model") is None
