"""Loaders for the events evaluation data in ``../shared/benchmarks`` (read SOURCE.md first)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime

from sitroom.eval.report import benchmark_path

# CASE 2021 task 2: rows with 0-based index mod 10 in this set are development rows
# (rules were tuned on them); every other row is the reported split.
CASE_DEV_RESIDUES = frozenset({0, 1, 2})


@dataclass(frozen=True, slots=True)
class CaseRow:
    index: int
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class AcledRow:
    notes: str
    event_type: str
    sub_event_type: str
    actor1: str
    fatalities: int
    event_date: date


@dataclass(frozen=True, slots=True)
class GtdRow:
    summary: str
    attack_type: str
    suicide: bool
    nkill: int | None


@dataclass(frozen=True, slots=True)
class MucDoc:
    text: str
    perpetrators: tuple[tuple[str, ...], ...]
    victims: tuple[tuple[str, ...], ...]


def case_rows(*, split: str) -> list[CaseRow]:
    """``split`` is "dev" (index mod 10 in {0,1,2}) or "reported" (the rest)."""
    path = benchmark_path(
        "case2021-task2", "task2", "test_dataset", "test_set_final_release_with_labels.tsv"
    )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = [CaseRow(i, r["EventSnippet"], r["SubType"].strip()) for i, r in enumerate(rows)]
    dev = split == "dev"
    return [r for r in out if (r.index % 10 in CASE_DEV_RESIDUES) == dev]


def _acled_date(raw: str) -> date:
    for fmt in ("%d-%b-%y", "%d %B %Y"):
        try:
            return datetime.strptime(raw.strip(), fmt).date()
        except ValueError:  # the two files write dates differently; try the next format
            continue
    raise ValueError(f"unknown ACLED date format: {raw!r}")


def acled_rows(name: str) -> list[AcledRow]:
    """``name`` is "acled-global-2020" or "acled-afghanistan-2020"."""
    filename = "acled.csv" if name == "acled-global-2020" else "ACLED.csv"
    with benchmark_path(name, filename).open(encoding="utf-8", newline="") as handle:
        return [
            AcledRow(
                r["notes"],
                r["event_type"],
                r["sub_event_type"],
                r["actor1"],
                int(r["fatalities"] or 0),
                _acled_date(r["event_date"]),
            )
            for r in csv.DictReader(handle)
            if r["notes"].strip()
        ]


def gtd_rows() -> list[GtdRow]:
    path = benchmark_path("gtd-2016-2018-subset", "gtd_2016_2018_subset.derived.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        out = []
        for r in csv.DictReader(handle):
            if not (r.get("summary") or "").strip():
                continue
            raw = (r.get("nkill") or "").strip()
            nkill = int(float(raw)) if raw and raw.replace(".", "", 1).isdigit() else None
            out.append(GtdRow(r["summary"], r["attacktype1_txt"], r.get("suicide") == "1", nkill))
        return out


def muc_docs(split: str = "test") -> list[MucDoc]:
    path = benchmark_path("muc4-grit", "data", "muc4", f"{split}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for value in data.values():
        roles = value["roles"]
        perps = tuple(
            tuple(e) for e in (*roles["perp_individual_id"], *roles["perp_organization_id"])
        )
        victims = tuple(tuple(e) for e in roles["hum_tgt_name"])
        out.append(MucDoc(value["doc"], perps, victims))
    return out
