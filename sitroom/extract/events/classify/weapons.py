"""Rules on how the harm was done: by which weapon, and whether one was used at all.

ACLED codes remote violence and explosions by the weapon ("a mortar shell
exploded" is shelling), even when civilians are killed; a weapon found, defused
or intercepted is Disrupted weapons use, which needs a weapon ("intercepted
migrants" is none). How these rules were chosen: see ``classify/__init__``.
"""

from __future__ import annotations

import re

# Weapons a text can name; a generic "explosion" belongs to the one named.
_NAMED_WEAPONS = ("SUIC_BOMB", "CHEM_WEAP", "GRENADE", "AIR_STRIKE", "ART_MISS_ATTACK")


_REMOTE = ("SUIC_BOMB", "CHEM_WEAP", "GRENADE", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS")


# A weapon cue this strong names how the harm was done (one "shelling" or "airstrike"
# in the lead scores 3 or more); checked on own tuning lines and CASE dev.
_WEAPON_NAMED = 3.0


def resolve_remote_harm(scores: dict[str, float], lowered: str) -> None:
    """ACLED codes remote violence by the weapon even when it kills civilians or only
    destroys property: "shelling killed five civilians" is Shelling, not Attack, and
    "explosions destroyed homes" after a bombardment is not Looting/property destruction."""
    if max(scores.get(c, 0.0) for c in _REMOTE) >= _WEAPON_NAMED:
        for code in ("ATTACK", "PROPERTY_DISTRUCT"):
            if code in scores:
                scores[code] /= 2


def resolve_blast(scores: dict[str, float], lowered: str) -> None:
    """ACLED codes an explosion by its weapon: "a mortar shell exploded" is shelling, so
    generic blast words go to a named weapon and to Remote explosive only when none is."""
    blast = scores.pop("_BLAST", 0.0)
    if blast == 0.0:
        return
    named = [code for code in _NAMED_WEAPONS if code in scores]
    target = max(named, key=lambda code: scores[code]) if named else "REM_EXPLOS"
    scores[target] = scores.get(target, 0.0) + blast


_EXPLOSIVE = ("REM_EXPLOS", "ART_MISS_ATTACK", "AIR_STRIKE", "GRENADE")


# A disruption verb with the weapon as its object ("defused a landmine", "found and
# destroyed an IED", "discovered a depot of rockets").
_DISRUPTED = re.compile(
    r"\b(?:defused|found|discovered|seized|recovered|dismantled|intercepted|shot down"
    r"|uncovered|neutrali[sz]ed|deactivated)\b(?: and (?:destroyed|defused|detonated))?"
    r"\s(?:[\w-]+\s){0,5}?(?:ieds?|improvised explosive|(?:land)?mines?|explosive devices?"
    r"|bombs?|rockets|missiles?|mortar (?:shells|rounds)|grenades|explosives|drones|uavs)\b"
    # Passive: "a drone was shot down by air defences" (our own examples).
    r"|\b(?:drones?|uavs?|missiles?|rockets?|ieds?|bombs?|(?:land)?mines?)\s(?:was|were)\s"
    r"(?:\w+\s)?(?:shot down|intercepted|defused|dismantled|neutrali[sz]ed|destroyed mid-air)\b"
    # "an IED planted by militants was found and detonated safely", "a controlled explosion".
    r"|\b(?:ieds?|bombs?|(?:land)?mines?|explosive devices?)\b[^.;]{0,40}?\b(?:was|were)\s"
    r"(?:\w+\s)?(?:found|discovered|spotted|located)\b"
    r"|\b(?:detonated|destroyed) (?:it |them )?(?:safely|in a controlled explosion)"
    r"|\bsafely (?:detonated|destroyed|defused)|\bcontrolled (?:explosion|detonation)"
)


# A device that went off and hurt people was not disrupted.
_WENT_OFF = re.compile(r"\b(?:exploded|blew up|went off|detonated)\b")


_HARMED = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|died)\b")


def resolve_disrupted(scores: dict[str, float], lowered: str) -> None:
    """ACLED: a weapon found, defused or intercepted is Disrupted weapons use; the weapon
    named is what was stopped, so its score counts for Disrupted weapons use and only
    half for its own sub-type. A device that went off and hurt people was not stopped."""
    if _WENT_OFF.search(lowered) and _HARMED.search(lowered):
        if "DISR_WEAP" in scores:
            scores["DISR_WEAP"] /= 2
        return
    if _DISRUPTED.search(lowered) is None:
        return
    for code in _EXPLOSIVE:
        if code in scores:
            scores["DISR_WEAP"] = scores.get("DISR_WEAP", 0.0) + scores[code]
            scores[code] /= 2


# Weapon words (from the codebook's weapon list and our own examples): a seizure or an
# interception without one is no Disrupted weapons use (+2 CASE dev rows, own unchanged).
_WEAPON = re.compile(
    r"\b(?:weapons?|arms|firearms|guns?|rifles?|pistols?|ammunition|explosives?|ieds?"
    r"|bombs?|grenades?|mines?|minefields?|rockets?|missiles?|drones?|mortars?|launchers?"
    r"|devices?|uavs?|shells?|projectiles?|detonators?|ak-47s?|munitions?|armou?ry|arsenal)\b"
)


def resolve_no_weapon(scores: dict[str, float], lowered: str) -> None:
    """ACLED: Disrupted weapons use needs a weapon; "intercepted migrants" or "a drug cache"
    without one is not that sub-type, so its cue counts half."""
    if "DISR_WEAP" in scores and not _WEAPON.search(lowered):
        scores["DISR_WEAP"] /= 2
