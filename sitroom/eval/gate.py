"""Pinned quality floors, in the manner of trafilatura's eval gate.

The floors file maps an eval name to
``{"limit": N|null, "floors": {row key: value}, "at_least_anchor": [row key, ...]}``:
a floor is an absolute bound; ``at_least_anchor`` lists rows where ours must also
match or beat the anchor measured in the same run.
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


def check_against_anchor(report: EvalReport, keys: list[str]) -> list[str]:
    """Messages for every listed row where ours falls behind the anchor of the same run."""
    failures = []
    rows = {row.key: row for row in report.rows}
    for key in keys:
        row = rows.get(key)
        if row is None or row.anchor_value is None:
            failures.append(f"{report.name}: {key} has no anchor value to compare with")
            continue
        ok = row.ours >= row.anchor_value if row.higher_is_better else row.ours <= row.anchor_value
        if not ok:
            failures.append(
                f"{report.name}: {key} = {row.ours:.4f}, "
                f"behind {row.anchor} ({row.anchor_value:.4f})"
            )
    return failures
