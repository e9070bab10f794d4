"""How much of a report gold's geography the gazetteer can resolve at all.

For every gold place name and every gold event location of
``sitroom-reports`` (``../shared/benchmarks/sitroom-reports/gold``) this asks
the resolver's own candidate look-up (``disambiguate.candidates``: folded
name, "the", transliteration variants, "X province") whether any gazetteer
place carries the name, and, for an event with gold coordinates, whether one
of those places lies within ``NEAR_KM`` of them. A name with no candidate
cannot be resolved whatever the disambiguation does; a name whose candidates
are all far can only be coded wrong. That bounds ``event_geo50km_acc`` from
the gazetteer's side and says which gaps data could close.

A gold location written as a composite ("Aleppo - Bustan al-Qasr", "MH17
crash site, Donetsk region") counts as resolvable through a part when the
whole is not (``via_part``): the resolver sees the text, where the parts
stand on their own.

``python -m sitroom.eval.gazetteer_coverage [--json] [GOLD_DIR]`` prints the
counts and the names; ``coverage_report()`` returns the same as eval rows
(keys ``reports_gazetteer.*``) for ``sitroom eval reports``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sitroom.eval.report import BenchmarkDataMissing, EvalReport, EvalRow, benchmark_path
from sitroom.resolve.geo.disambiguate import candidates, haversine_km
from sitroom.resolve.geo.gazetteer import Candidate, Gazetteer, get_gazetteer

# The score's own threshold for a right event place (score.py: within 50 km).
NEAR_KM = 50.0
_PARTS = re.compile(r"\s+[-–—]\s+|,\s*")


@dataclass(frozen=True, slots=True)
class NameCheck:
    """One gold name and what the gazetteer makes of it."""

    doc: str
    name: str
    what: str  # "place" | "event"
    found: bool
    via_part: bool = False
    nearest_km: float | None = None  # events with gold coordinates, when found


@dataclass(frozen=True, slots=True)
class Coverage:
    checks: tuple[NameCheck, ...] = field(default=())

    def _of(self, what: str) -> list[NameCheck]:
        return [c for c in self.checks if c.what == what]

    @property
    def places(self) -> int:
        return len(self._of("place"))

    @property
    def places_unresolved(self) -> int:
        return sum(not c.found for c in self._of("place"))

    @property
    def events(self) -> int:
        return len(self._of("event"))

    @property
    def events_unresolved(self) -> int:
        return sum(not c.found for c in self._of("event"))

    @property
    def events_far(self) -> int:
        """Found, but every candidate lies more than NEAR_KM from the gold point."""
        return sum(c.nearest_km is not None and c.nearest_km > NEAR_KM for c in self._of("event"))

    def missing(self, what: str) -> list[str]:
        return sorted({c.name for c in self._of(what) if not c.found})

    def far(self) -> list[str]:
        return sorted(
            {
                c.name
                for c in self._of("event")
                if c.nearest_km is not None and c.nearest_km > NEAR_KM
            }
        )

    def summary(self) -> dict[str, object]:
        return {
            "places": self.places,
            "places_unresolved": self.places_unresolved,
            "events": self.events,
            "events_unresolved": self.events_unresolved,
            "events_far": self.events_far,
            "missing_places": self.missing("place"),
            "missing_event_locations": self.missing("event"),
            "far_event_locations": self.far(),
        }


def _lookup(gaz: Gazetteer, name: str) -> tuple[tuple[Candidate, ...], bool]:
    found = candidates(gaz, name)
    if found:
        return found, False
    parts = [p for p in _PARTS.split(name) if p.strip()]
    if len(parts) < 2:
        return (), False
    merged: list[Candidate] = []
    for part in parts:
        merged.extend(candidates(gaz, part))
    return tuple(merged), bool(merged)


def check_gold(gaz: Gazetteer, gold: dict[str, object]) -> list[NameCheck]:
    """The checks of one gold report (its ``places`` and its events' ``location``)."""
    doc = str(gold.get("doc") or "")
    out: list[NameCheck] = []
    places = gold.get("places") or []
    for name in places if isinstance(places, list) else []:
        found, via = _lookup(gaz, str(name))
        out.append(NameCheck(doc, str(name), "place", bool(found), via))
    events = gold.get("events") or []
    for event in events if isinstance(events, list) else []:
        name = event.get("location") if isinstance(event, dict) else None
        if not name:
            continue
        found, via = _lookup(gaz, str(name))
        nearest = None
        lat, lon = event.get("lat"), event.get("lon")
        if found and lat is not None and lon is not None:
            nearest = min(
                haversine_km(float(lat), float(lon), c.place.lat, c.place.lon) for c in found
            )
        out.append(NameCheck(doc, str(name), "event", bool(found), via, nearest))
    return out


def measure(gold_files: Iterable[Path], gaz: Gazetteer | None = None) -> Coverage:
    gazetteer = gaz if gaz is not None else get_gazetteer()
    checks: list[NameCheck] = []
    for path in sorted(gold_files):
        checks.extend(check_gold(gazetteer, json.loads(path.read_text(encoding="utf-8"))))
    return Coverage(tuple(checks))


def gold_files(gold_dir: Path | None = None) -> list[Path]:
    where = gold_dir if gold_dir is not None else benchmark_path("sitroom-reports", "gold")
    return sorted(where.glob("*.json"))


def coverage_rows(cov: Coverage) -> list[EvalRow]:
    """Counts as eval rows (lower is better: names the gazetteer cannot serve)."""
    ds = "reports_gazetteer"

    def row(metric: str, value: int, n: int) -> EvalRow:
        return EvalRow(f"{ds}.{metric}", ds, metric, float(value), n=n, higher_is_better=False)

    return [
        row("places_unresolved", cov.places_unresolved, cov.places),
        row("events_unresolved", cov.events_unresolved, cov.events),
        row("events_far", cov.events_far, cov.events),
    ]


def coverage_report(gold_dir: Path | None = None, gaz: Gazetteer | None = None) -> EvalReport:
    cov = measure(gold_files(gold_dir), gaz)
    notes = (
        "missing places: " + ", ".join(cov.missing("place")),
        "missing event locations: " + ", ".join(cov.missing("event")),
        f"event locations found but > {NEAR_KM:.0f} km from gold: " + ", ".join(cov.far()),
    )
    return EvalReport("reports_gazetteer", tuple(coverage_rows(cov)), notes)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    paths = [a for a in args if not a.startswith("--")]
    try:
        cov = measure(gold_files(Path(paths[0]) if paths else None))
    except BenchmarkDataMissing as missing:
        sys.stderr.write(f"skipped: {missing}\n")
        return 2
    summary = cov.summary()
    if as_json:
        summary["checks"] = [asdict(c) for c in cov.checks]
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
        return 0
    lines = [
        f"places unresolved        {cov.places_unresolved} / {cov.places}",
        f"event places unresolved  {cov.events_unresolved} / {cov.events}",
        f"event places > {NEAR_KM:.0f} km      {cov.events_far} / {cov.events}",
        "missing places: " + ", ".join(cov.missing("place")),
        "missing event locations: " + ", ".join(cov.missing("event")),
        "far event locations: " + ", ".join(cov.far()),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
