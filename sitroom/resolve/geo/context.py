"""What frames a report geographically, and where an event goes when its place is not resolvable.

A conflict report is about one or two countries: the dateline's, the ones its
places and demonyms name. A candidate outside them needs strong evidence, or
"Lido beach" in a Mogadishu report becomes Lido Beach, New York, and "Mazar"
in a Kabul report a Jordanian village. When the place an event names cannot
be resolved ("near the village of Kabajeb", "Independence Square in central
Kyiv", "the Korabel district"), the event is coded to the place that contains
it, named in the sentence, the paragraphs before or the dateline, at ACLED
precision 2 ("near", part of a town), 3 for a province, rather than to a
far-away homonym. Nothing is ever guessed abroad.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sitroom.resolve.geo.cues import demonym_country
from sitroom.resolve.geo.gazetteer import Gazetteer
from sitroom.resolve.geo.normalize import fold
from sitroom.resolve.geo.place import GazPlace, Place
from sitroom.resolve.geo.toponyms import Mention

# A place outside the report's countries is accepted as an event place only
# with strong evidence: a main-name match that is unambiguous or this populous
# (a capital or big city: "a rally in Warsaw"), a country/region, or an
# explicit container ("X, Kenya", "the Kenyan town of X"). Set so that the
# demo's wrong homonyms (Lido Beach NY 2.9 k, Al Mazār al Janūbī 9.4 k) fail
# and any city a wire story names abroad without a country (≥ 100 k) passes.
STRONG_FOREIGN_POPULATION = 100_000
# How far back (characters) an event without a resolvable place may look for
# the place that contains it: about two short news paragraphs.
CONTAINER_CHARS = 600
# A district or square of a town lies within this of the town's point (Kyiv
# and Kherson city districts: < 20 km); a homonym further away is another place.
SUBPLACE_KM = 50.0
# Words after a name that make it part of a town (a district, a square, a
# beach), so its container is the report's town rather than the nearest place.
_SUBPLACE = re.compile(
    r"^\s+(?:district|neighbou?rhood|quarter|square|beach|market|street|road|avenue|"
    r"bridge|camp|compound|mosque|church|hospital|port|airport|base|valley|area)\b",
    re.IGNORECASE,
)
_OWN_TOWN = re.compile(r"(?i)\bcity of\s+(?:the\s+)?$")
_MOTION_OR_SOURCE_BEFORE = re.compile(
    r"\b(?:to|from|toward|towards|via|flown|fled|evacuated|based|director|embassy)\s+"
    r"(?:the\s+)?(?:[A-Za-z\-]+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the pipeline knows about a report's place beyond its body text.

    ``dateline_place`` is the dateline's place as written ("MUQDISHO",
    "KYIV"; the clean stage removes it from the body); ``countries`` are ISO
    codes that frame the report (an outlet's or a source's home country).
    """

    dateline_place: str | None = None
    countries: tuple[str, ...] = ()


def dateline_place(gaz: Gazetteer, context: GeoContext | None) -> GazPlace | None:
    """The dateline's town (or region): the most populous main-name match."""
    if context is None or not context.dateline_place:
        return None
    from sitroom.resolve.geo.disambiguate import candidates

    # "Deir Ez-Zor, Syria", "GAO, Mali": the town, then where it lies.
    name, _, where = context.dateline_place.partition(",")
    found = [c.place for c in candidates(gaz, name) if c.place.kind in ("city", "admin1", "admin2")]
    within = {c.place.cc for c in candidates(gaz, where.strip())} if where.strip() else set()
    found = [p for p in found if p.cc in within] or found
    cities = [p for p in found if p.kind == "city"] or found
    return max(cities, key=lambda p: p.population) if cities else None


def hint_countries(gaz: Gazetteer, context: GeoContext | None) -> tuple[str, ...]:
    """Countries the context names (the dateline's first), to seed disambiguation."""
    if context is None:
        return ()
    place = dateline_place(gaz, context)
    ccs = ([place.cc] if place is not None else []) + list(context.countries)
    return tuple(dict.fromkeys(ccs))


@dataclass(frozen=True, slots=True)
class ReportFrame:
    """The report's countries: which mentions name which, and the dateline's town."""

    by_key: dict[str, Counter[str]]  # folded mention text → countries it names
    fixed: frozenset[str]  # dateline and outlet countries
    town: GazPlace | None  # the dateline's place

    def home(self) -> frozenset[str]:
        """Where the report is: the dateline's and outlet's countries, and any country
        named twice or more (one passing mention, "flown to Nairobi", is not enough)."""
        total: Counter[str] = Counter()
        for ccs in self.by_key.values():
            total.update(ccs)
        return frozenset(self.fixed | {cc for cc, n in total.items() if n >= 2})

    def countries(self, *, besides: str = "") -> frozenset[str]:
        """The report's countries as established by everything except mentions of ``besides``."""
        found = set(self.fixed)
        for key, ccs in self.by_key.items():
            if key != besides:
                found.update(ccs)
        return frozenset(found)


def report_frame(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    context: GeoContext | None,
) -> ReportFrame:
    by_key: dict[str, Counter[str]] = {}
    for m, p in zip(mentions, places, strict=True):
        cc = m.demonym_cc or (p.place.cc if p.place is not None else None)
        if cc and not (p.place is not None and p.place.kind == "continent"):
            by_key.setdefault(fold(m.text), Counter())[cc] += 1
    town = dateline_place(gaz, context)
    fixed = set(context.countries if context is not None else ())
    if town is not None:
        fixed.add(town.cc)
    return ReportFrame(by_key, frozenset(fixed), town)


def plausible(gaz: Gazetteer, frame: ReportFrame, m: Mention, place: Place) -> bool:
    """Whether ``place`` may stand as where an event happened, given the report's countries."""
    gp = place.place
    if gp is None:
        return False
    established = frame.countries(besides=fold(m.text))
    if not established or gp.cc in established or gp.kind in ("country", "continent", "admin1"):
        return True
    if m.container or m.qualifier or m.container_us_state:
        return True  # "Gamboru, Cameroon", "the Kenyan town of X": the text says so
    from sitroom.resolve.geo.disambiguate import candidates

    found = candidates(gaz, m.text)
    main = any(c.main and c.place.id == gp.id for c in found)
    # An unambiguous main name ("Ramadi" in a report on Syria) is evidence enough.
    unique = len({c.place.id for c in found}) == 1
    return main and (unique or gp.population >= STRONG_FOREIGN_POPULATION)


def _usable(m: Mention, p: Place) -> bool:
    return (
        p.place is not None
        and m.demonym_cc is None
        and not m.modifier
        and p.place.kind not in ("country", "continent")
    )


def container(
    text: str,
    mentions: Sequence[Mention],
    places: Sequence[Place],
    frame: ReportFrame,
    *,
    at: int,
    spans: Sequence[tuple[int, int]],
    subplace: bool,
    window: bool = True,
) -> int | None:
    """The mention that contains an unresolvable event place at ``at``, or None (use the dateline).

    In the sentence: the nearest local place after it ("Kabajib in Deir
    al-Zour province", "Wadi al-Shay valley, south of Kirkuk"), else before
    it. Then the nearest local place in the CONTAINER_CHARS before the
    evidence. A sub-place of a town (district, square, beach) lies in the
    report's town: the city it names most before, then the dateline's, then
    the first named ("the Korabel district" is in Kherson, not in Oleshky,
    named a paragraph earlier), else the dateline's town (None). Without
    ``window`` only the sentence counts.
    Places outside the report's countries, and places people go to or come
    from ("flown to Nairobi"), never contain.
    """
    home = frame.home()

    def ok(i: int) -> bool:
        m, p = mentions[i], places[i]
        if not _usable(m, p) or (home and p.place is not None and p.place.cc not in home):
            return False
        if m.start == at or is_subplace(text, m.end):
            return False  # the place itself, or another district: not a container
        return not moved_or_based(text, m.start)

    in_sentence = [
        i
        for i, m in enumerate(mentions)
        if any(s <= m.start and m.end <= e for s, e in spans) and ok(i)
    ]
    after = [i for i in in_sentence if mentions[i].start >= at]
    if after:
        return after[0]
    before = [i for i in in_sentence if mentions[i].start < at]
    if before:
        return before[-1]
    if not window:
        return None
    if subplace:
        # The report's town: the city it names most before this point (the
        # nearest on a tie), else the dateline's.
        towns = [
            i
            for i, m in enumerate(mentions[: bisect_left([x.start for x in mentions], at)])
            if ok(i) and _city(places[i]) is not None
        ]
        ids = [_city(places[i]) for i in towns]
        counts = Counter(ids)
        dateline_id = frame.town.id if frame.town is not None else None
        if towns:
            # Most named, then the dateline's, then the first named (the lede's town).
            best = max(range(len(towns)), key=lambda k: (counts[ids[k]], ids[k] == dateline_id, -k))
            return towns[best]
        if frame.town is not None:
            return None
    first = min((s for s, _ in spans), default=at)
    earlier = [
        i for i, m in enumerate(mentions) if first - CONTAINER_CHARS <= m.start < first and ok(i)
    ]
    return earlier[-1] if earlier else None


def moved_or_based(text: str, start: int) -> bool:
    """A place people go to or come from, or where a speaker is based ("flown to")."""
    return bool(_MOTION_OR_SOURCE_BEFORE.search(text[max(0, start - 40) : start]))


def is_own_town(text: str, start: int) -> bool:
    """ "the northern city of Mazar": a city in its own right, not part of the
    town named a paragraph earlier; only its own sentence may contain it."""
    return bool(_OWN_TOWN.search(text[max(0, start - 30) : start]))


def _city(place: Place) -> int | None:
    return place.place.id if place.place is not None and place.place.kind == "city" else None


def is_subplace(text: str, end: int) -> bool:
    """ "Korabel district", "Independence Square", "Lido beach": part of a town."""
    return bool(_SUBPLACE.match(text[end : end + 20])) or bool(
        re.search(r"(?i)\b(?:square|beach|district|market)$", text[:end])
    )


def is_demonym(text: str | None) -> bool:
    return bool(text) and demonym_country(text or "") is not None
