"""``sitroom eval geo``: places, scored on public gold next to a baseline and published anchors.

Datasets (``../shared/benchmarks``):
- LGL and GeoWebNews (``geowebnews-gritta``): toponym resolution. Accuracy
  within 161 km and median error over the gold toponyms given their gold
  spans (unresolved = wrong), exact GeoNames id match (LGL), and end-to-end
  toponym recall/accuracy with our own mention finding. Baseline: the most
  populous gazetteer place with the name ("population only"), same gazetteer.
  LGL has no train/test split: its first 294 articles served as our dev set
  (error analysis, weight checks, GeoWebNews too); ``lgl_test`` is the other
  294, whose individual errors were never examined.
- Halterman event location: the 496 adjudicated (RELABEL) records are the test
  set; the other records were the dev set. Baseline: the place nearest the verb.
- UCDP GED sample: ``where_description`` → coordinates within 25 km of UCDP's,
  and agreement of our geo_precision with UCDP's where_prec.
- The gazetteer's load time, lookups per second and memory.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from sitroom.eval.geo_data import (
    GoldArticle,
    halterman_spans,
    load_gwn,
    load_halterman,
    load_lgl,
    load_ucdp,
)
from sitroom.eval.report import EvalReport, EvalRow
from sitroom.resolve.geo import store
from sitroom.resolve.geo.disambiguate import candidates, haversine_km, resolve
from sitroom.resolve.geo.gazetteer import Gazetteer, get_gazetteer
from sitroom.resolve.geo.link import pick
from sitroom.resolve.geo.phrase import geocode_phrase
from sitroom.resolve.geo.place import GazPlace
from sitroom.resolve.geo.toponyms import find_mentions, mentions_from_spans

ACC_KM = 161.0  # 100 miles: the standard toponym-resolution threshold (Mordecai, CamCoder)
UCDP_KM = 25.0  # UCDP's own where_prec 2 radius
BASELINE = "population-only baseline"
LGL_DEV_ARTICLES = 294  # LGL's first half (of 588) served as dev; the second half is "lgl_test"


def _baseline(gaz: Gazetteer, text: str) -> GazPlace | None:
    found = candidates(gaz, text)
    return max(found, key=lambda c: c.place.population).place if found else None


def _summary(errors: Sequence[float | None]) -> tuple[float, float]:
    """(accuracy within ACC_KM, median error km); None (unresolved) counts as wrong / 20,000 km."""
    if not errors:
        return 0.0, 0.0
    hits = sum(1 for e in errors if e is not None and e <= ACC_KM)
    return hits / len(errors), statistics.median(20_000.0 if e is None else e for e in errors)


@dataclass(frozen=True, slots=True)
class _TopResult:
    """One gold toponym: our error and the baseline's (None: unresolved), ids, end to end."""

    ours_km: float | None
    base_km: float | None
    has_id: bool
    exact: bool
    exact_base: bool
    found: bool  # our own mention finding covered it
    found_ok: bool  # ... and resolved it within ACC_KM


def collect_toponyms(
    articles: Sequence[GoldArticle], nlp: Language, gaz: Gazetteer
) -> list[list[_TopResult]]:
    """Per article, per gold toponym: resolution given the gold span, and end to end."""
    out = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        gold = [t for t in article.toponyms if t.end <= len(doc.text)]
        found_mentions = find_mentions(doc, gaz)
        # Gold-span resolution: the gold spans plus our other mentions as context.
        given = mentions_from_spans(doc, [(t.start, t.end) for t in gold])
        spans = {(m.start, m.end) for m in given}
        context = [
            m for m in found_mentions if not any(m.start < e and s < m.end for s, e in spans)
        ]
        combined = sorted([*given, *context], key=lambda m: m.start)
        by_span = {
            (m.start, m.end): p for m, p in zip(combined, resolve(gaz, combined), strict=True)
        }
        e2e = resolve(gaz, found_mentions)
        results = []
        for t in gold:
            p = by_span.get((t.start, t.end))
            gp = p.place if p is not None else None
            b = _baseline(gaz, doc.text[t.start : t.end])
            hit = next((x for x in e2e if x.start < t.end and t.start < x.end), None)
            hp = hit.place if hit is not None else None
            results.append(
                _TopResult(
                    None if gp is None else haversine_km(t.lat, t.lon, gp.lat, gp.lon),
                    None if b is None else haversine_km(t.lat, t.lon, b.lat, b.lon),
                    bool(t.geonameid),
                    bool(t.geonameid) and gp is not None and gp.geonameid == t.geonameid,
                    bool(t.geonameid) and b is not None and b.geonameid == t.geonameid,
                    hit is not None,
                    hp is not None and haversine_km(t.lat, t.lon, hp.lat, hp.lon) <= ACC_KM,
                )
            )
        out.append(results)
    return out


def toponym_rows(name: str, per_article: Sequence[Sequence[_TopResult]]) -> list[EvalRow]:
    res = [r for article in per_article for r in article]
    n = len(res)
    acc, med = _summary([r.ours_km for r in res])
    bacc, bmed = _summary([r.base_km for r in res])
    found = sum(r.found for r in res)
    with_id = sum(r.has_id for r in res)
    rows = [
        EvalRow(
            f"{name}.acc161", name, "accuracy within 161 km (gold spans)", acc, BASELINE, bacc, n
        ),
        EvalRow(
            f"{name}.median_km", name, "median error km (gold spans)", med, BASELINE, bmed, n, False
        ),
        EvalRow(
            f"{name}.toponym_recall", name, "toponym recall (our mentions)", found / max(n, 1), n=n
        ),
        EvalRow(
            f"{name}.acc161_e2e",
            name,
            "accuracy within 161 km of the toponyms we found",
            sum(r.found_ok for r in res) / max(found, 1),
            n=found,
        ),
    ]
    if with_id:
        exact = sum(r.exact for r in res) / with_id
        base = sum(r.exact_base for r in res) / with_id
        rows.append(
            EvalRow(
                f"{name}.exact",
                name,
                "exact GeoNames id (gold spans)",
                exact,
                BASELINE,
                base,
                with_id,
            )
        )
    return rows


def score_halterman(
    nlp: Language, gaz: Gazetteer, *, test: bool = True, limit: int | None = None
) -> list[EvalRow]:
    records = list(load_halterman(test=test))[:limit]
    picks = correct = gold_with = base_correct = choosable = chosen = 0
    for rec, doc in zip(records, nlp.pipe(str(r["text"]) for r in records), strict=True):
        verbs = halterman_spans(rec, "VERB")
        golds = halterman_spans(rec, "LOCATION")
        if not verbs:
            continue
        mentions = find_mentions(doc, gaz)
        places = resolve(gaz, mentions)
        idx = pick(doc, mentions, places, [(0, len(doc.text))], trigger=verbs[0], abstain=True)
        gold_with += int(bool(golds))
        hit = idx is not None and any(
            mentions[idx].start < e and s < mentions[idx].end for s, e in golds
        )
        picks += int(idx is not None)
        correct += int(hit)
        usable = [m for m in mentions if m.demonym_cc is None and not m.modifier]
        in_gold = [m for m in usable if any(m.start < e and s < m.end for s, e in golds)]
        if in_gold:
            # The choice task proper: the event's place is among the places we found.
            choosable += 1
            chosen += int(hit)
            near = min(
                usable, key=lambda m: min(abs(m.start - verbs[0][0]), abs(m.end - verbs[0][1]))
            )
            base_correct += int(near in in_gold)
    name = "halterman" if test else "halterman_dev"
    precision = correct / max(picks, 1)
    recall = correct / max(gold_with, 1)
    return [
        EvalRow(
            f"{name}.accuracy",
            name,
            "event place picked among the sentence's found places",
            chosen / max(choosable, 1),
            "nearest place to the verb",
            base_correct / max(choosable, 1),
            choosable,
        ),
        EvalRow(
            f"{name}.precision",
            name,
            "precision of picked event places (end to end)",
            precision,
            "Halterman 2019 (published, >)",
            0.83,
            picks,
        ),
        EvalRow(
            f"{name}.recall",
            name,
            "recall of event places (end to end)",
            recall,
            "Halterman 2019 (published, >)",
            0.83,
            gold_with,
        ),
    ]


# UCDP where_prec → the ACLED precision that agrees with it (1 exact place;
# 2 within 25 km or an admin2; 3 an admin1). UCDP 5-7 (line, country, sea)
# have no ACLED equivalent and are not counted.
_UCDP_TO_OURS = {1: 1, 2: 2, 3: 2, 4: 3}


def score_ucdp(nlp: Language, gaz: Gazetteer, *, limit: int | None = None) -> list[EvalRow]:
    rows = load_ucdp(limit)
    names = {p.name.lower(): p.cc for p in gaz.countries()}
    within = total = agree = compared = base_within = 0
    for row in rows:
        prec = int(float(row["where_prec"] or 0))
        desc = row["where_description"]
        if not desc or prec not in _UCDP_TO_OURS:
            continue
        cc = names.get(row["country"].split("(")[0].strip().lower())
        total += 1
        result = geocode_phrase(desc, nlp=nlp, country=cc, gazetteer=gaz)
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if result is not None and result.place.place is not None:
            gp = result.place.place
            within += int(haversine_km(lat, lon, gp.lat, gp.lon) <= UCDP_KM)
            if result.geo_precision is not None:
                compared += 1
                agree += int(result.geo_precision == _UCDP_TO_OURS[prec])
        b = _baseline(gaz, row["where_coordinates"].split("(")[0].strip())
        base_within += int(b is not None and haversine_km(lat, lon, b.lat, b.lon) <= UCDP_KM)
    return [
        EvalRow(
            "ucdp.acc25",
            "ucdp",
            "where_description → within 25 km",
            within / max(total, 1),
            "population-only on where_coordinates name",
            base_within / max(total, 1),
            total,
        ),
        EvalRow(
            "ucdp.precision_agreement",
            "ucdp",
            "geo_precision agrees with where_prec",
            agree / max(compared, 1),
            None,
            None,
            compared,
        ),
    ]


def score_performance(names: Sequence[str]) -> list[EvalRow]:
    path = store.index_path()
    get_gazetteer()  # make sure the index exists (built at first use)
    tracemalloc.start()
    start = time.perf_counter()
    gaz = Gazetteer.open(path)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        gaz.lookup(name)
    rate = len(names) / max(time.perf_counter() - start, 1e-9)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size_mb = path.stat().st_size / 2**20
    return [
        EvalRow(
            "gazetteer.load_s",
            "gazetteer",
            "load time s (cached index)",
            load_s,
            None,
            None,
            None,
            False,
        ),
        EvalRow(
            "gazetteer.lookups_per_s",
            "gazetteer",
            "cold lookups per second",
            rate,
            None,
            None,
            len(names),
        ),
        EvalRow(
            "gazetteer.memory_mb",
            "gazetteer",
            "Python memory MB (load + lookups)",
            peak / 2**20,
            None,
            None,
            None,
            False,
        ),
        EvalRow(
            "gazetteer.index_mb", "gazetteer", "index file MB", size_mb, None, None, None, False
        ),
    ]


def run_geo_eval(*, limit: int | None = None, nlp: Language | None = None) -> EvalReport:
    """Score places on LGL, GeoWebNews, Halterman and UCDP; ``limit`` caps items per dataset."""
    from sitroom.nlp import get_nlp

    model = nlp if nlp is not None else get_nlp()
    gaz = get_gazetteer()
    lgl, gwn = load_lgl(limit), load_gwn(limit)
    lgl_results = collect_toponyms(lgl, model, gaz)
    # LGL has no split; its first half was our dev set (error analysis, the
    # area table); the second half's errors were never examined: report it and all.
    half = LGL_DEV_ARTICLES if limit is None else len(lgl) // 2
    rows = [
        *toponym_rows("lgl", lgl_results),
        *toponym_rows("lgl_test", lgl_results[half:]),
        *toponym_rows("gwn", collect_toponyms(gwn, model, gaz)),
    ]
    lgl_acc = next(r.ours for r in rows if r.key == "lgl.acc161")
    lgl_exact = next(r.ours for r in rows if r.key == "lgl.exact")
    rows += [
        EvalRow(
            "lgl.acc161_vs_published",
            "lgl",
            "accuracy within 161 km",
            lgl_acc,
            "Mordecai3 (published)",
            0.827,
        ),
        EvalRow(
            "lgl.exact_vs_published",
            "lgl",
            "exact match",
            lgl_exact,
            "Mordecai3 (published)",
            0.794,
        ),
    ]
    rows += score_halterman(model, gaz, test=True, limit=limit)
    rows += score_ucdp(model, gaz, limit=limit)
    names = [a.text[t.start : t.end] for a in lgl for t in a.toponyms][:10_000]
    rows += score_performance(names)
    notes = (
        "LGL has no split: its first 294 articles were our dev set, lgl_test is the other 294.",
        "Halterman: adjudicated RELABEL records are the test set; the rest were used for tuning.",
        "Gold-span accuracy counts unresolved toponyms as wrong.",
    )
    return EvalReport("geo", tuple(rows), notes)


def render(report: EvalReport) -> str:
    lines = [f"{'key':32} {'ours':>10} {'anchor':>10}  anchor name (n)"]
    for r in report.rows:
        anchor = "" if r.anchor_value is None else f"{r.anchor_value:10.3f}"
        n = "-" if r.n is None else str(r.n)
        lines.append(f"{r.key:32} {r.ours:10.3f} {anchor:>10}  {r.anchor or ''} ({n})")
    lines.extend(f"note: {n}" for n in report.notes)
    return "\n".join(lines)


if (
    __name__ == "__main__"
):  # pragma: no cover - a developer's shortcut; the CLI is `sitroom eval geo`
    import sys

    sys.stdout.write(
        render(run_geo_eval(limit=int(sys.argv[1]) if len(sys.argv) > 1 else None)) + "\n"
    )
