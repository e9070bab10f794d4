"""The shape every evaluation returns: rows of ours-versus-anchor figures."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class EvalRow:
    """One figure, ours next to the anchor's, measured on the same data in the same run.

    ``key`` is stable (``dataset.metric``) and is what CI floors refer to.
    ``anchor`` names the comparison (``ftfy.fix_text``, ``keyword baseline``,
    ``Mordecai3 (published)``); ``anchor_value`` is None where no anchor applies.
    ``higher_is_better`` is False for counts of defects such as residual mojibake.
    ``check`` names an independent computation of the same figure (the benchmark's
    own scorer on the same predictions); ``check_value`` is what it gave.
    """

    key: str
    dataset: str
    metric: str
    ours: float
    anchor: str | None = None
    anchor_value: float | None = None
    n: int | None = None
    higher_is_better: bool = True
    check: str | None = None
    check_value: float | None = None


@dataclass(frozen=True, slots=True)
class EvalReport:
    name: str
    rows: tuple[EvalRow, ...]
    notes: tuple[str, ...] = field(default=())

    def value(self, key: str) -> float:
        for row in self.rows:
            if row.key == key:
                return row.ours
        raise KeyError(key)


class BenchmarkDataMissing(Exception):
    """``../shared/benchmarks`` (or one dataset in it) is not present."""


def shared_dir() -> Path:
    """Where the shared data lives: ``$SITROOM_SHARED`` or ``../shared`` beside the repo."""
    configured = os.environ.get("SITROOM_SHARED")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared"


def benchmark_path(*parts: str) -> Path:
    path = shared_dir().joinpath("benchmarks", *parts)
    if not path.exists():
        raise BenchmarkDataMissing(f"benchmark data not found: {path}")
    return path


def to_json(report: EvalReport) -> dict[str, object]:
    return {
        "name": report.name,
        "rows": [
            {
                "key": row.key,
                "dataset": row.dataset,
                "metric": row.metric,
                "ours": row.ours,
                "anchor": row.anchor,
                "anchor_value": row.anchor_value,
                "n": row.n,
                "higher_is_better": row.higher_is_better,
                "check": row.check,
                "check_value": row.check_value,
            }
            for row in report.rows
        ],
        "notes": list(report.notes),
    }
