"""Pinned quality floors, in the manner of trafilatura's eval gate.

The floors file maps an eval name to ``{"limit": N|null, "floors": {row key: value}}``.
A floor is raised on purpose when we improve and never lowered quietly: lowering
one needs a commit that says why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitroom.eval.report import EvalReport


def load_floors(path: Path) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return {name: spec for name, spec in data.items() if not name.startswith("_")}


def check_floors(report: EvalReport, floors: dict[str, float]) -> list[str]:
    """Messages for every row below (or, for defect counts, above) its floor."""
    failures = []
    rows = {row.key: row for row in report.rows}
    for key, floor in floors.items():
        row = rows.get(key)
        if row is None:
            failures.append(f"{report.name}: {key} missing from the report")
            continue
        ok = row.ours >= floor if row.higher_is_better else row.ours <= floor
        if not ok:
            bound = "floor" if row.higher_is_better else "ceiling"
            failures.append(f"{report.name}: {key} = {row.ours:.4f}, {bound} {floor}")
    return failures
