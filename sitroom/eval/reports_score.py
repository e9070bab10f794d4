"""End-to-end scores on real reports, by the definitions of sitroom-reports' ``score.py``.

The benchmark's ``score.py`` is the reference; this is our own implementation of
the same definitions so that ``sitroom eval reports`` can score in-process, score
the baseline with the same code, and say *why* each required event is wrong
(``explain``). ``tests/eval/test_eval_reports.py`` checks that the two agree.

Matching, as the reference defines it: a gold event is found when a predicted
event's evidence span overlaps the gold evidence sentence; precision counts the
predicted events that overlap any gold event (optional ones included). For found
*required* events the best candidate is the first with a type in the gold list,
else the first; its type, place (50 km), deaths (``low`` inside gold low..high) and
date range (overlap) are then judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitroom.distance import haversine_km

# The reference's radius for "place right".
PLACE_KM = 50.0
# When the evidence is found only after normalising quotes and spaces, the
# reference maps it back proportionally and widens it by this many characters.
LOCATE_SLACK = 40

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm(text: str | None) -> str:
    folded = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", folded).strip().lower()


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1])


def name_match(gold: str, pred: str) -> bool:
    """Containment either way, or the gold name's last long word among the predicted words."""
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    words = [w for w in re.split(r"[\s\-]+", g) if len(w) > 2]
    return bool(words) and words[-1] in p.split()


def locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    folded_text, folded_needle = norm(text), norm(needle)
    at = folded_text.find(folded_needle)
    if at < 0:
        return None
    scale = len(text) / max(1, len(folded_text))
    return (
        int(at * scale) - LOCATE_SLACK,
        int((at + len(folded_needle)) * scale) + LOCATE_SLACK,
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True, slots=True)
class EventVerdict:
    """What is right and wrong with one required gold event, for ``--explain``."""

    doc: str
    gold_id: str
    evidence: str
    found: bool
    problems: tuple[str, ...] = ()

    @property
    def strict_ok(self) -> bool:
        return self.found and not any(
            p.startswith(("type", "place", "deaths")) for p in self.problems
        )


@dataclass(slots=True)
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    verdicts: list[EventVerdict] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    def ratio(self, num: str, den: str) -> float | None:
        return self.counts[num] / self.counts[den] if self.counts[den] else None


def _evidence_spans(event: Mapping[str, Any]) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in event.get("evidence") or [] if "start" in s]


def _place_problem(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> str | None:
    if gold.get("lat") is None:
        return None
    lat, lon = pred.get("latitude"), pred.get("longitude")
    said = pred.get("location") or pred.get("location_text") or "nothing"
    if lat is None or lon is None:
        return f"place: no coordinates (located '{said}'; gold {gold.get('location')})"
    km = distance_km((gold["lat"], gold["lon"]), (lat, lon))
    if km > PLACE_KM:
        return f"place: '{said}' is {km:.0f} km from gold {gold.get('location')}"
    return None


def _deaths_problem(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> str | None:
    wanted = gold.get("fatalities")
    if wanted is None:
        return None
    low = (pred.get("fatalities") or {}).get("low")
    if low is None:
        return f"deaths: none given (gold {wanted['low']}..{wanted['high']})"
    if not wanted["low"] <= low <= wanted["high"]:
        side = "over" if low > wanted["high"] else "under"
        return f"deaths: {low} ({side}; gold {wanted['low']}..{wanted['high']})"
    return None


def _date_problem(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> str | None:
    span = gold.get("date") or {}
    if not (span.get("start") and span.get("end")):
        return None
    start = pred.get("date_start")
    end = pred.get("date_end") or start
    if not start:
        return f"date: none given (gold {span['start']}..{span['end']})"
    if not (start <= span["end"] and end >= span["start"]):
        return f"date: {start}..{end} (gold {span['start']}..{span['end']})"
    return None


def _score_events(doc: str, gold: Mapping[str, Any], rec: Mapping[str, Any], t: Tally) -> None:
    text = rec.get("text") or ""
    predicted: list[Mapping[str, Any]] = rec.get("events") or []
    spans = [_evidence_spans(e) for e in predicted]
    matched: set[int] = set()
    c = t.counts
    for ge in gold.get("events", []):
        where = locate(text, ge.get("evidence") or "")
        cands = [
            i for i, ev in enumerate(spans) if where and any(_overlaps(where, s) for s in ev)
        ]
        required = bool(ge.get("required"))
        c["ev_gold_req"] += required
        matched.update(cands)
        if not required:
            continue
        evidence = (ge.get("evidence") or "")[:90]
        if not cands:
            why = "missed: no event overlaps the evidence sentence"
            if where is None:
                why = "missed: the evidence sentence is not in the cleaned text"
            t.verdicts.append(EventVerdict(doc, str(ge.get("id")), evidence, False, (why,)))
            continue
        c["ev_found"] += 1
        types = ge["event_type"]
        typed = (i for i in cands if predicted[i].get("event_type") in types)
        best = predicted[next(typed, cands[0])]
        problems: list[str] = []
        if best.get("event_type") in types:
            c["ev_type_ok"] += 1
        else:
            problems.append(f"type: {best.get('event_type')} / {best.get('sub_event_type')}"
                            f" (gold {' or '.join(types)})")
        if ge.get("lat") is not None:
            c["ev_geo_gold"] += 1
        place = _place_problem(ge, best)
        if ge.get("lat") is not None and best.get("latitude") is not None and place is None:
            c["ev_geo_ok"] += 1
        problems += [place] if place else []
        if ge.get("fatalities") is not None:
            c["ev_fat_gold"] += 1
        deaths = _deaths_problem(ge, best)
        c["ev_fat_ok"] += ge.get("fatalities") is not None and deaths is None
        problems += [deaths] if deaths else []
        span = ge.get("date") or {}
        if span.get("start") and span.get("end"):
            c["ev_date_gold"] += 1
        when = _date_problem(ge, best)
        c["ev_date_ok"] += bool(span.get("start") and span.get("end")) and when is None
        problems += [when] if when else []
        verdict = EventVerdict(doc, str(ge.get("id")), evidence, True, tuple(problems))
        c["ev_strict_ok"] += verdict.strict_ok
        t.verdicts.append(verdict)
    c["ev_pred"] += len(predicted)
    c["ev_pred_matched"] += len(matched)
    for i, event in enumerate(predicted):
        if i not in matched:
            start, end = spans[i][0] if spans[i] else (0, 0)
            t.spurious.append((doc, f"{event.get('sub_event_type')}: {text[start:end][:90]}"))


def _score_text(gold: Mapping[str, Any], rec: Mapping[str, Any], c: Counter[str]) -> None:
    text = rec.get("text") or ""
    for line in gold.get("boilerplate", []):
        c["boiler_total"] += 1
        c["boiler_removed"] += norm(line) not in norm(text)
    for piece in gold.get("must_contain_after_repair", []):
        c["repair_total"] += 1
        c["repair_ok"] += piece in text


def _score_sources(gold: Mapping[str, Any], rec: Mapping[str, Any], c: Counter[str]) -> None:
    quotes: list[Mapping[str, Any]] = rec.get("quotes") or []
    gold_quotes = gold.get("quotes", [])
    for gq in gold_quotes:
        kind = gq["kind"]
        c[f"q_{kind}_gold"] += 1
        wanted = norm(gq["contains"])
        hit = next((q for q in quotes if wanted in norm(q.get("text"))), None)
        if hit is not None:
            c[f"q_{kind}_found"] += 1
            c[f"q_{kind}_speaker_ok"] += name_match(gq["speaker"], hit.get("speaker") or "")
    for q in quotes:
        if q.get("kind") == "direct":
            c["q_direct_pred"] += 1
            c["q_direct_pred_ok"] += any(
                norm(g["contains"]) in norm(q.get("text")) for g in gold_quotes
            )
    sources = [a.get("source") or "" for a in rec.get("attributions") or []]
    sources += [q.get("speaker") or "" for q in quotes]
    for ga in gold.get("attributions", []):
        c["attr_gold"] += 1
        c["attr_found"] += any(name_match(ga["source"], s) for s in sources)
    names = [e.get("text") or "" for e in rec.get("entities") or []]
    names += [e.get("location") or "" for e in rec.get("events") or []]
    for place in gold.get("places", []):
        c["place_gold"] += 1
        c["place_found"] += any(name_match(place, n) for n in names)


def _f1(p: float | None, r: float | None) -> float:
    return 2 * p * r / (p + r) if p and r else 0.0


# (metric, numerator, denominator) in score.py's order and names.
RATIOS: tuple[tuple[str, str, str], ...] = (
    ("boilerplate_removed", "boiler_removed", "boiler_total"),
    ("repair_ok", "repair_ok", "repair_total"),
    ("direct_quote_recall", "q_direct_found", "q_direct_gold"),
    ("direct_quote_precision", "q_direct_pred_ok", "q_direct_pred"),
    ("direct_speaker_acc", "q_direct_speaker_ok", "q_direct_found"),
    ("indirect_quote_recall", "q_indirect_found", "q_indirect_gold"),
    ("indirect_speaker_acc", "q_indirect_speaker_ok", "q_indirect_found"),
    ("attribution_recall", "attr_found", "attr_gold"),
    ("place_recall", "place_found", "place_gold"),
    ("event_recall", "ev_found", "ev_gold_req"),
    ("event_precision", "ev_pred_matched", "ev_pred"),
    ("event_type_acc", "ev_type_ok", "ev_found"),
    ("event_geo50km_acc", "ev_geo_ok", "ev_geo_gold"),
    ("event_fatalities_acc", "ev_fat_ok", "ev_fat_gold"),
    ("event_date_acc", "ev_date_ok", "ev_date_gold"),
)


@dataclass(frozen=True, slots=True)
class ReportScores:
    metrics: dict[str, float | None]
    counts: Counter[str]
    verdicts: tuple[EventVerdict, ...]
    spurious: tuple[tuple[str, str], ...]


def score_reports(
    gold: Mapping[str, Mapping[str, Any]], records: Mapping[str, Mapping[str, Any]]
) -> ReportScores:
    """Score records (keyed by report file name) against gold (keyed the same way).

    A gold report with no record counts as an empty record: every gold item missed.
    """
    t = Tally()
    for doc, g in gold.items():
        rec = records.get(doc) or {}
        _score_text(g, rec, t.counts)
        _score_sources(g, rec, t.counts)
        _score_events(doc, g, rec, t)
    metrics: dict[str, float | None] = {name: t.ratio(n, d) for name, n, d in RATIOS}
    metrics["event_f1"] = _f1(metrics["event_precision"], metrics["event_recall"])
    metrics["event_strict_f1"] = _f1(
        metrics["event_precision"], t.ratio("ev_strict_ok", "ev_gold_req")
    )
    return ReportScores(metrics, t.counts, tuple(t.verdicts), tuple(t.spurious))


def error_classes(verdicts: Sequence[EventVerdict]) -> Counter[str]:
    """How many required events fail for each kind of reason (an event may fail several)."""
    classes: Counter[str] = Counter()
    for v in verdicts:
        for problem in v.problems:
            head, _, detail = problem.partition(": ")
            if head == "place":
                head += " (no coordinates)" if detail.startswith("no coordinates") else " (far)"
            elif head == "deaths":
                head += " (none)" if detail.startswith("none") else (
                    " (over)" if "(over" in detail else " (under)"
                )
            elif head == "missed" and "not in the cleaned text" in detail:
                head += " (evidence removed by cleaning)"
            classes[head] += 1
    return classes
