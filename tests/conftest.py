from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.eval.report import shared_dir

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


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
