from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitroom.eval.report import shared_dir
from sitroom.nlp import get_nlp

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the ``nlp`` fixture carries the ``model`` marker.

    Runs before ``-m`` selection, so ``pytest -m "not model"`` skips every test that
    loads the spaCy pipeline, whether or not its module says so.
    """
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's spaCy pipeline, loaded once for the whole run (model-marked tests)."""
    return get_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; tests that need it skip with a message when it is absent."""
    path = shared_dir()
    if not path.exists():
        pytest.skip(f"../shared not present at {path}: shared-data tests skipped")
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "seed" / "000_395ff2eec3b44ec1.txt"
    if not path.exists():
        pytest.skip(f"seed report not present at {path}")
    return path
