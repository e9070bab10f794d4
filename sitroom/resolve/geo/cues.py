"""Words around a place name that say what kind of place it is and where.

"the Syrian city of Deir al-Zour", "the Raqqa town of Tabqa", "the eastern
Iraqi province of Diyala", "Alexandria, La.", "near the town of Sinjar".
These cues constrain the candidates before any scoring, which is what keeps
"Diyala" from matching Yala in Thailand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitroom.resolve.geo.aliases import DEMONYMS, REGION_DEMONYMS

CITY_WORDS = frozenset(
    [
        "city",
        "town",
        "village",
        "capital",
        "hamlet",
        "suburb",
        "suburbs",
        "neighborhood",
        "neighbourhood",
        "settlement",
        "port",
        "outskirts",
        "camp",
    ]
)
REGION_WORDS = frozenset(
    [
        "province",
        "provinces",
        "governorate",
        "governorates",
        "region",
        "state",
        "district",
        "county",
        "parish",
        "prefecture",
        "department",
        "oblast",
        "territory",
        "wilayah",
        "countryside",
        # "Oglethorpe counties" (the last of a list); LGL dev exact +0.2 points.
        "counties",
        "districts",
        "parishes",
        "regions",
        "oblasts",
    ]
)
# Words that make an event location approximate (ACLED precision 2): the event
# is coded to the named town but did not happen in it.
NEAR_WORDS = frozenset(
    [
        "near",
        "nearby",
        "outskirts",
        "outside",
        "around",
        "close",
        "vicinity",
        "countryside",
        "environs",
        "surrounding",
    ]
)

# "the Syrian city of X", "the Raqqa town of X", "Iraq's province of X" (the
# qualifier is captured; the X is the mention that follows).
_ADJ = (
    "north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    "south-?eastern|south-?western|northwestern|northeastern|southwestern|southeastern|restive|mixed|"
    "embattled|besieged|rebel-held|key|strategic|border|neighbouring|neighboring|nearby|remote|small|"
    "largest|second-largest|main|volatile|troubled|oil-rich|coastal|northernmost|southernmost"
)
_OF_PHRASE = re.compile(
    r"(?:^|\s)(?:(?i:the|a|an)\s+)?(?:(?i:" + _ADJ + r")\s+)*"
    r"(?:(?P<qual>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}?)(?:’s|'s)?\s+(?:(?i:" + _ADJ + r")\s+)*)?"
    r"(?P<feature>(?i:"
    + "|".join(sorted(CITY_WORDS | REGION_WORDS))
    + r"))\s+(?i:of)\s+(?:(?i:the)\s+)?$"
)


def feature_kind(word: str) -> str | None:
    lowered = word.lower()
    if lowered in CITY_WORDS:
        return "city"
    if lowered in REGION_WORDS:
        return "region"
    return None


def of_phrase(before: str) -> tuple[str | None, str | None]:
    """For the text just before a mention: (feature kind, qualifier) of a '... city of' phrase."""
    # The phrase ends in "of" or "of the" and whitespace; most text before a mention
    # does not ("in", "near"), and the end-anchored search costs a scan from every start.
    tail = before.rstrip()
    if len(tail) == len(before) or not tail[-3:].lower().endswith(("of", "the")):
        return None, None
    match = _OF_PHRASE.search(before[-80:])
    if not match:
        return None, None
    qualifier = match.group("qual")
    return feature_kind(match.group("feature")), qualifier


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Folded demonym ('syrian', 'syrians') → country code: countryinfo plus ours."""
    import countryinfo

    table: dict[str, str] = {}
    for country in countryinfo.all_countries():
        cc = country.iso()["alpha2"]
        demonym = country.demonym()
        if isinstance(demonym, str) and demonym:
            table[demonym.lower()] = cc
    for word, cc in {**DEMONYMS, **REGION_DEMONYMS}.items():
        table[word.lower()] = cc
    # Plurals as news uses them ("Syrians", "Iraqis").
    for word, cc in list(table.items()):
        table.setdefault(word + "s", cc)
    return table


def demonym_country(text: str) -> str | None:
    word = text.strip().lower()
    word = re.sub(r"^(?:pro|anti|non)-", "", word)
    return demonym_table().get(word)


@lru_cache(maxsize=1)
def neighbour_table() -> dict[str, frozenset[str]]:
    """Country code → the codes of the countries it borders (countryinfo)."""
    import countryinfo

    countries = countryinfo.all_countries()
    alpha3 = {c.iso()["alpha3"]: c.iso()["alpha2"] for c in countries if c.iso()}
    # Symmetric: some entries list no borders where their neighbours list them (Palestine).
    table: dict[str, set[str]] = {}
    for country in countries:
        cc = country.iso()["alpha2"]
        for b in country.borders() or []:
            if b in alpha3:
                table.setdefault(cc, set()).add(alpha3[b])
                table.setdefault(alpha3[b], set()).add(cc)
    return {cc: frozenset(ns) for cc, ns in table.items()}
