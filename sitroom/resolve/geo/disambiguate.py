"""Choose, for each mention, the gazetteer place it names.

1. Candidates: every place whose (alternate) name folds to the mention's key.
   Nothing fuzzy: a name that is not in the index stays unresolved.
2. Hard constraints from cues, applied when they leave something: "the Syrian
   city of" (country and feature kind), "the Raqqa town of" (the qualifier's
   country/admin1), "Alexandria, La." / "Kobane in Syria" (container).
3. A score per candidate: population, kind, preferred vs alternate name,
   capital, the report's countries/admin1s, and closeness to the report's
   other places (and bordering countries). The report context is
   re-estimated from the answers so far (3 sequential rounds), so
   unambiguous names pull the ambiguous ones.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.distance import haversine_km
from sitroom.resolve.geo.aliases import US_STATE_ABBREVIATIONS
from sitroom.resolve.geo.cues import demonym_country, neighbour_table
from sitroom.resolve.geo.gazetteer import Candidate, Gazetteer
from sitroom.resolve.geo.normalize import fold, variants
from sitroom.resolve.geo.place import GazPlace, Place
from sitroom.resolve.geo.toponyms import Mention

# Score weights. Hand-set on the seed and on the GeoWebNews articles (not on LGL,
# which is the test set), then checked once on LGL; see docs/geo.md.
W_POPULATION = 0.3  # per decade of population: Cairo (9.6 M) beats Cairo, Illinois (2 k) by 1.9
KIND_PRIOR = {
    "continent": 1.0,
    "country": 0.8,
    "area": 0.6,
    "admin1": 0.3,
    "city": 0.0,
    "admin2": -0.4,
}
ALT_NAME_PENALTY = (
    1.0  # matched only through a GeoNames alternate name (noisy: Mashhad is "Alexandria")
)
CAPITAL_BONUS = 0.8  # news names capitals most: "Washington" is the city, not the state
CONTEXT_COUNTRY = 1.2  # times the country's share of the report's other places
CONTEXT_ADMIN1 = 0.8
# Times the largest share of a bordering country: "Gaza" in a report on Israel
# is Gaza, Palestine, not Gaza province, Mozambique. LGL dev: +0.14 points, flat 0.2-0.6.
CONTEXT_NEIGHBOUR = 0.4
NEAR_OTHERS_KM = 150.0  # "close to the other places of the report"
NEAR_OTHERS_BONUS = 0.4
ROUNDS = 3
# A dateline's country counts like a resolved name of the text (weight 1.0).
HINT_WEIGHT = 1.0
# A city named like its own province is the city when it holds this share of
# the province's population. Was 0.25 (Raqqa 85%, Homs 73%, New York 58%);
# GeoNames gives Kherson city 66 k of its oblast's 594 k (11%), so 0.1; LGL
# dev acc161 unchanged (see docs/geo.md). A village named like a province stays out.
CITY_SHARE_OF_PROVINCE = 0.1


@dataclass(frozen=True, slots=True)
class _Scored:
    place: GazPlace
    score: float


def candidates(gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    state = US_STATE_ABBREVIATIONS.get(text.replace(" ", ""))
    if state is not None:
        admin1 = gaz.admin1("US", state)
        return (Candidate(admin1, True),) if admin1 is not None else ()
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    found = gaz.lookup_key(key)
    if found:
        return found
    for variant in variants(key):
        found = gaz.lookup_key(variant)
        if found:
            return found
    # "Deir al-Zour province", "Cook County": the name without the region word.
    head, _, last = key.rpartition(" ")
    if head and last in {
        "province",
        "governorate",
        "region",
        "state",
        "district",
        "county",
        "co",
        "city",
        "township",
    }:
        # A township (US minor civil division, not in the gazetteer) is coded
        # to the town or county of its name: "Readington Township" (LGL dev).
        kinds = {
            "city": ("city",),
            "township": ("city", "admin2"),
        }.get(last, ("admin1", "admin2"))
        return tuple(c for c in candidates(gaz, head) if c.place.kind in kinds)
    # "Southern Borno", "northern Shan": a part of a region is coded to the
    # region (only when the whole name is not a place: "South Sudan").
    first, _, rest = key.partition(" ")
    if rest and first in _DIRECTIONS:
        return tuple(c for c in candidates(gaz, rest) if c.place.kind in ("admin1", "admin2"))
    return ()


_DIRECTIONS = frozenset(
    [
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ]
)


def _constraint(gaz: Gazetteer, text: str | None) -> tuple[str, str | None] | None:
    """(country code, admin1 code or None) for a qualifier or container text."""
    if not text:
        return None
    cc = demonym_country(text)
    if cc is not None:
        return cc, None
    found = [c for c in candidates(gaz, text) if c.main]
    if not found:
        return None
    best = max(
        found, key=lambda c: (c.place.kind in ("country", "admin1"), c.place.population)
    ).place
    return best.cc, (None if best.kind == "country" else best.admin1)


def _filter(gaz: Gazetteer, m: Mention, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    def keep(pred: object) -> None:
        nonlocal cands
        kept = tuple(c for c in cands if pred(c))  # type: ignore[operator]
        if kept:
            cands = kept

    if m.kind_hint != "region":
        # "Raqqa", "Homs": a city named like its own province is the city unless
        # the text says province. The city must hold a share of the
        # province's population (CITY_SHARE_OF_PROVINCE) so a
        # village named like a province does not win.
        cities = [c.place for c in cands if c.place.kind == "city"]
        keep(
            lambda c: (
                not (
                    c.place.kind == "admin1"
                    and any(
                        p.cc == c.place.cc
                        and p.admin1 == c.place.admin1
                        and p.population >= CITY_SHARE_OF_PROVINCE * c.place.population
                        for p in cities
                    )
                )
            )
        )
        # Likewise an admin2 that holds a city of its name ("New York County").
        holders = {p.admin2 for p in cities}
        keep(lambda c: not (c.place.kind == "admin2" and c.place.id in holders))
    # "Gaza Strip", "West Bank": a country's alternate spelling that is the
    # name of one of its own regions names the region, not the whole country.
    if any(c.place.kind == "country" for c in cands):
        key = fold(m.text).removeprefix("the ")
        aliased = {
            c.place.cc for c in cands if c.place.kind == "country" and fold(c.place.name) != key
        }
        own = {
            c.place.cc
            for c in cands
            if c.place.cc in aliased
            and c.place.kind in ("admin1", "area")
            and fold(c.place.name) == key
        }
        keep(lambda c: not (c.place.kind == "country" and c.place.cc in own))
    if m.kind_hint == "city":
        keep(lambda c: c.place.kind == "city")
    elif m.kind_hint == "region":
        keep(lambda c: c.place.kind in ("admin1", "admin2"))
    if m.container_us_state:
        keep(lambda c: c.place.cc == "US" and c.place.admin1 == m.container_us_state)
    for text in (m.qualifier, m.container):
        where = _constraint(gaz, text)
        if where is None:
            continue
        cc, admin1 = where
        keep(lambda c, cc=cc: c.place.cc == cc)
        if admin1:
            keep(lambda c, cc=cc, admin1=admin1: c.place.admin1 == admin1)
    return cands


def _base_score(c: Candidate) -> float:
    p = c.place
    score = W_POPULATION * math.log10(p.population + 1) + KIND_PRIOR[p.kind]
    if not c.main:
        score -= ALT_NAME_PENALTY
    if p.capital:
        score += CAPITAL_BONUS
    return score


def _context(
    winners: Sequence[tuple[GazPlace, float]],
) -> tuple[dict[str, float], dict[tuple[str, str | None], float]]:
    countries: dict[str, float] = defaultdict(float)
    admin1s: dict[tuple[str, str | None], float] = defaultdict(float)
    for place, weight in winners:
        if place.kind == "continent" or not place.cc:
            continue
        countries[place.cc] += weight
        if place.kind != "country":
            admin1s[(place.cc, place.admin1)] += weight
    top_c = max(countries.values(), default=1.0) or 1.0
    top_a = max(admin1s.values(), default=1.0) or 1.0
    return (
        {k: v / top_c for k, v in countries.items()},
        {k: v / top_a for k, v in admin1s.items()},
    )


def resolve(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    *,
    context_countries: Sequence[str] = (),
    hint_countries: Sequence[str] = (),
) -> tuple[Place, ...]:
    """Resolve every mention; demonyms resolve to their country.

    ``context_countries`` (e.g. a dataset's country) seed the report context
    and, where that leaves candidates, restrict them. ``hint_countries`` (a
    dateline's, an outlet's) only seed the context, like a country the text
    names (HINT_WEIGHT): a Kyiv-datelined report may still be about Moscow.
    """
    pools = [
        _filter(gaz, m, candidates(gaz, m.text)) if m.demonym_cc is None else () for m in mentions
    ]
    if context_countries:
        wanted = set(context_countries)
        pools = [tuple(c for c in pool if c.place.cc in wanted) or pool for pool in pools]
    base = [[_Scored(c.place, _base_score(c)) for c in pool] for pool in pools]
    # Round 0 context: demonyms, and mentions with a single candidate.
    keys = [fold(m.text) for m in mentions]
    seed: list[tuple[GazPlace, float, str]] = []
    for ccs, weight in ((context_countries, 2.0), (hint_countries, HINT_WEIGHT)):
        for cc in ccs:
            country = gaz.country(cc)
            if country is not None:
                seed.append((country, weight, ""))
    for m, pool, key in zip(mentions, base, keys, strict=True):
        if m.demonym_cc is not None:
            country = gaz.country(m.demonym_cc)
            if country is not None:
                seed.append((country, 0.5, key))
        elif len(pool) == 1:
            seed.append((pool[0].place, 1.0, key))
    neighbours = neighbour_table()
    winners: list[_Scored | None] = [None] * len(mentions)
    # Sequential (Gauss-Seidel) rounds: each mention sees the answers already
    # updated this round. Updating all at once oscillated ("Huntsville" and
    # "Walker County" swapping Alabama and Texas every round, LGL dev).
    for _ in range(ROUNDS):
        for i, pool in enumerate(base):
            if not pool:
                continue
            # The context of a mention is the report's *other* names: a name
            # repeated five times must not vote for its own first guess.
            context = seed + [
                (w.place, 0.5 + 0.5 * w.score, keys[j])
                for j, w in enumerate(winners)
                if w is not None and keys[j] != keys[i]
            ]
            ctx_c, ctx_a = _context([(p, w) for p, w, k in context if k != keys[i]])
            others = [
                w.place
                for j, w in enumerate(winners)
                if w is not None and keys[j] != keys[i] and w.place.kind in ("city", "admin2")
            ]
            scored = []
            for s in pool:
                p = s.place
                bonus = CONTEXT_COUNTRY * ctx_c.get(p.cc, 0.0)
                near_cc = max((ctx_c.get(n, 0.0) for n in neighbours.get(p.cc, ())), default=0.0)
                bonus += CONTEXT_NEIGHBOUR * near_cc
                if p.kind != "country":
                    bonus += CONTEXT_ADMIN1 * ctx_a.get((p.cc, p.admin1), 0.0)
                if any(haversine_km(a.lat, a.lon, p.lat, p.lon) < NEAR_OTHERS_KM for a in others):
                    bonus += NEAR_OTHERS_BONUS
                scored.append(_Scored(p, s.score + bonus))
            scored.sort(key=lambda s: -s.score)
            margin = scored[0].score - scored[1].score if len(scored) > 1 else 2.0
            winners[i] = _Scored(scored[0].place, 1.0 - math.exp(-max(margin, 0.0)))
    return tuple(_place(gaz, m, w) for m, w in zip(mentions, winners, strict=True))


def _place(gaz: Gazetteer, m: Mention, w: _Scored | None) -> Place:
    if m.demonym_cc is not None:
        country = gaz.country(m.demonym_cc)
        name = country.name if country is not None else None
        return Place(m.text, m.start, m.end, country, name, None, "demonym", True, 1.0)
    if w is None:
        return Place(m.text, m.start, m.end, None, None, None, m.source)
    country = gaz.country(w.place.cc)
    admin1 = gaz.admin1(w.place.cc, w.place.admin1) if w.place.kind != "admin1" else w.place
    return Place(
        m.text,
        m.start,
        m.end,
        w.place,
        country.name if country is not None else w.place.cc,
        admin1.name if admin1 is not None and w.place.kind != "country" else None,
        m.source,
        False,
        round(w.score, 3),
    )
