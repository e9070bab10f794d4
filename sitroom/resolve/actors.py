"""Normalise actor mentions to ACLED-style names with ACLED inter codes.

ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias,
4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
forces. Names follow ACLED's conventions ("Military Forces of Iraq",
"Unidentified Armed Group (Syria)", "Civilians (Afghanistan)") without ACLED's
period suffixes such as "(2014-)", which need knowledge of the government in
office that a report does not give. Unknown actors are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom import lexicon

STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(
    1, 9
)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int | None
    alias: str | None  # the alias-table entry that matched; None when kept as written


_INTER = {
    "state": STATE,
    "rebel": REBEL,
    "political_militia": POLITICAL_MILITIA,
    "identity_militia": IDENTITY_MILITIA,
    "external": EXTERNAL,
}
# Named groups: (pattern over lower-cased text, ACLED-style name, inter code), in the
# order of ``sitroom/lexicon/armed_groups.tsv`` (the first match names the actor).
_GROUPS: tuple[tuple[str, str, int], ...] = tuple(
    (row["pattern"], row["name"], _INTER[row["inter"]]) for row in lexicon.table("armed_groups")
)

# Nationality adjectives and country names → ACLED country name.
_COUNTRIES: dict[str, str] = {
    "syrian": "Syria",
    "syria": "Syria",
    "iraqi": "Iraq",
    "iraq": "Iraq",
    "afghan": "Afghanistan",
    "afghanistan": "Afghanistan",
    "turkish": "Turkey",
    "turkey": "Turkey",
    "israeli": "Israel",
    "israel": "Israel",
    "russian": "Russia",
    "russia": "Russia",
    "us": "United States",
    "u.s.": "United States",
    "american": "United States",
    "saudi": "Saudi Arabia",
    "yemeni": "Yemen",
    "yemen": "Yemen",
    "nigerian": "Nigeria",
    "nigeria": "Nigeria",
    "somali": "Somalia",
    "somalia": "Somalia",
    "pakistani": "Pakistan",
    "pakistan": "Pakistan",
    "indian": "India",
    "india": "India",
    "egyptian": "Egypt",
    "egypt": "Egypt",
    "libyan": "Libya",
    "libya": "Libya",
    "malian": "Mali",
    "mali": "Mali",
    "iranian": "Iran",
    "iran": "Iran",
    "ukrainian": "Ukraine",
    "ukraine": "Ukraine",
    "lebanese": "Lebanon",
    "ethiopian": "Ethiopia",
    "kenyan": "Kenya",
    "cameroonian": "Cameroon",
    "burkinabe": "Burkina Faso",
    "french": "France",
    "british": "United Kingdom",
    "myanmar": "Myanmar",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "sudanese": "Sudan",
    "congolese": "Democratic Republic of Congo",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "colombian": "Colombia",
    "azerbaijani": "Azerbaijan",
    "armenian": "Armenia",
}
_COUNTRY_RX = "|".join(sorted((re.escape(k) for k in _COUNTRIES), key=len, reverse=True))

_MILITARY = re.compile(
    r"\b(?:government|regime|pro-government|state|national|security|armed|military)?\s*"
    r"(?:forces|troops|army|soldiers|aircraft|warplanes|jets|military|air force|airstrikes?|"
    r"security forces|artillery|navy|helicopters?|drones?)\b"
)
# "a feared police group" is an armed group's own police (the Islamic State's), not a state's.
_POLICE = re.compile(
    r"\b(?:police(?:men)?|policem[ae]n|police officers|gendarmes?|gendarmerie)\b(?!\s+groups?\b)"
)
_UNKNOWN = re.compile(
    r"\b(?:unidentified|unknown|masked|suspected)\b.*\b(?:gunm[ae]n|men|attackers|"
    r"militants|assailants|armed|group|fighters)\b|\bgunm[ae]n\b|\bassailants\b|"
    r"\barmed (?:m[ae]n|groups?|individuals)\b|"
    # "a suicide bomber", "the attackers": no group named, so unidentified (ACLED's usage).
    r"^(?:an?|the)\s+(?:suicide\s+)?(?:bombers?|attackers?)$"
)
# Civilians (``sitroom/lexicon/civilian_words.txt``); "men" too, for a mention as a whole
# ("three men"), though not for a victim test ("armed men").
_CIVILIAN = re.compile(rf"\b(?:{lexicon.alternation('civilian_words')}|m[ae]n)\b")
_PROTESTERS = re.compile(r"\b(?:protesters|demonstrators|marchers|activists)\b")
_RIOTERS = re.compile(r"\b(?:rioters|mobs?|vigilantes)\b")
_REBELS = re.compile(r"\b(?:rebels|insurgents|militants|jihadists|separatists)\b")


def normalize_actor(text: str, *, country: str | None = None) -> Actor:
    """The ACLED-style actor for a mention; ``country`` is the context country when known."""
    lowered = " ".join(text.lower().split())
    for pattern, name, inter in _GROUPS:
        match = re.search(pattern, lowered)
        if match:
            return Actor(name, inter, match.group(0))
    if lowered in _COUNTRIES and text.strip()[:1].isupper():
        # A bare nationality or country as the agent of a strike ("Tuesday's Russian
        # strike", "Israel carried out airstrikes"): its forces. The extractor only lets
        # a country be an actor as an agent (``extract.events.args.actors.is_actor`` refuses it).
        return Actor(_suffix("Military Forces of", _COUNTRIES[lowered]), STATE, lowered)
    nation = re.search(rf"(?<![\w.])({_COUNTRY_RX})(?![\w])", lowered)
    where = _COUNTRIES[nation.group(1)] if nation else country
    if _POLICE.search(lowered):
        return Actor(_suffix("Police Forces of", where), STATE, "police")
    military = _MILITARY.search(lowered)
    if military and not _REBELS.search(lowered) and not _UNKNOWN.search(lowered):
        inter = EXTERNAL if (where and country and where != country) else STATE
        return Actor(_suffix("Military Forces of", where), inter, military.group(0).strip())
    if _UNKNOWN.search(lowered):
        return Actor(_bracket("Unidentified Armed Group", where), POLITICAL_MILITIA, "unidentified")
    if _PROTESTERS.search(lowered):
        return Actor(_bracket("Protesters", where), PROTESTERS, "protesters")
    if _RIOTERS.search(lowered):
        return Actor(_bracket("Rioters", where), RIOTERS, "rioters")
    if _CIVILIAN.search(lowered):
        return Actor(_bracket("Civilians", where), CIVILIANS, "civilians")
    if _REBELS.search(lowered):
        return Actor(text.strip(), REBEL, None)
    return Actor(text.strip(), None, None)


@dataclass(frozen=True, slots=True)
class GroupMention:
    """A non-state armed group named in a text: where, as written, and its ACLED name."""

    start: int
    end: int
    text: str
    name: str


def armed_group_mentions(text: str) -> list[GroupMention]:
    """Every mention of a non-state armed group in ``text``, in text order.

    "The group" and "the militants" in news copy refer back to the group named
    last; state forces and the coalition are never called so. Where two aliases
    match at one place, the first in the alias table comes last, so it is the
    one a back-reference takes.
    """
    lowered = text.lower()
    found = [
        (match.start(), -order, match.end(), name)
        for order, (pattern, name, inter) in enumerate(_GROUPS)
        if inter in (REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA)
        for match in re.finditer(pattern, lowered, re.MULTILINE)
    ]
    return [GroupMention(a, b, text[a:b], name) for a, _, b, name in sorted(found)]


def is_country_name(text: str) -> bool:
    """Whether ``text`` names a whole country ("Syria", "Iraq"), not a place in one."""
    lowered = text.strip().lower()
    return lowered in _COUNTRIES and _COUNTRIES[lowered].lower() == lowered


def _suffix(prefix: str, country: str | None) -> str:
    return f"{prefix} {country}" if country else f"{prefix} (unknown country)"


def _bracket(name: str, country: str | None) -> str:
    return f"{name} ({country})" if country else name


def same_actor(ours: str | None, gold: str | None) -> bool:
    """Loose ACLED actor match: names equal once period suffixes like "(2014-)" are dropped."""
    if not ours or not gold:
        return not ours and not gold

    def strip(name: str) -> str:
        return re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip().lower()

    a, b = strip(ours), strip(gold)
    return a == b or a.startswith(b) or b.startswith(a)
