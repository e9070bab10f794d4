"""ACLED coding rules applied to cue scores before the dominant sub-event is picked.

Each resolver encodes one rule of the ACLED codebook that plain word counts get
wrong; ``event_classify.classify_string`` runs them in order. They were checked on
our own written examples (tests/data/event_types_own.jsonl, tuning lines only)
and on the CASE 2021 task 2 development rows, never on ACLED, GTD or held-out rows.
"""

from __future__ import annotations

import re

from sitroom.extract.event_scores import outrank
from sitroom.extract.taxonomy import SUB_EVENT_TYPES

_ACLED_CODES = frozenset(s.code for s in SUB_EVENT_TYPES)
# Weapons a text can name; a generic "explosion" belongs to the one named.
_NAMED_WEAPONS = ("SUIC_BOMB", "CHEM_WEAP", "GRENADE", "AIR_STRIKE", "ART_MISS_ATTACK")
_REMOTE = ("SUIC_BOMB", "CHEM_WEAP", "GRENADE", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS")
# A weapon cue this strong names how the harm was done (one "shelling" or "airstrike"
# in the lead scores 3 or more); checked on own tuning lines and CASE dev.
_WEAPON_NAMED = 3.0


def resolve_remote_harm(scores: dict[str, float]) -> None:
    """ACLED codes remote violence by the weapon even when it kills civilians or only
    destroys property: "shelling killed five civilians" is Shelling, not Attack, and
    "explosions destroyed homes" after a bombardment is not Looting/property destruction."""
    if max(scores.get(c, 0.0) for c in _REMOTE) >= _WEAPON_NAMED:
        for code in ("ATTACK", "PROPERTY_DISTRUCT"):
            if code in scores:
                scores[code] /= 2


def resolve_blast(scores: dict[str, float]) -> None:
    """ACLED codes an explosion by its weapon: "a mortar shell exploded" is shelling, so
    generic blast words go to a named weapon and to Remote explosive only when none is."""
    blast = scores.pop("_BLAST", 0.0)
    if blast == 0.0:
        return
    named = [code for code in _NAMED_WEAPONS if code in scores]
    target = max(named, key=lambda code: scores[code]) if named else "REM_EXPLOS"
    scores[target] = scores.get(target, 0.0) + blast


# An ACLED cue this strong means the text reports an ACLED event (one protest word in
# the lead scores 3); an epidemic is then its topic ("protest over COVID rules").
_EPIDEMIC_IS_TOPIC = 3.0


def resolve_epidemic(scores: dict[str, float]) -> None:
    epidemic = scores.pop("_EPIDEMIC", 0.0)
    if epidemic == 0.0:
        return
    acled = [s for code, s in scores.items() if code in _ACLED_CODES]
    if max(acled, default=0.0) < _EPIDEMIC_IS_TOPIC:
        scores["NATURAL_DISASTER"] = scores.get("NATURAL_DISASTER", 0.0) + epidemic


_NON_STATE = re.compile(
    r"\b(?:militants|rebels?|insurgents|jihadists|separatists|militias?|militiamen|fighters"
    r"|isis|isil|islamic state|taliban|al-shabaa?b|boko haram|iswap|houthis?|tplf|fano"
    r"|arakan army|m23|anti-balaka|opposition|factions?|armed groups?)\b"
)
_STATE = re.compile(
    r"\b(?:army|troops|soldiers|government|military|security forces|federal|regime"
    r"|national army|police|forces loyal|saa|tatmadaw|fardc|amisom)\b"
)
_TERRITORY_VERB = re.compile(
    r"\b(?:recaptur|retook|retake|regain|reclaim|(?:took|taken|seized) (?:full )?control"
    r"|captured|seized|liberat|took over|overran|took back)"
)


# A territory cue this strong names a change of control (one "recaptured" or "seized
# control of" scores 3 in the lead or more); checked on own tuning lines and CASE dev.
_TERRITORY_STRONG = 3.0
_TERRITORY = ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER")


# Words that make a takeover an aim, not a fact: "in an attempt to retake", "tried to
# recapture", "an offensive to seize", "failed to regain control". Written from the
# codebook's rule (a territory sub-type needs the place to change hands).
_ATTEMPT = re.compile(
    r"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|bids?|efforts?|push(?:es|ed|ing)?"
    r"|drive|offensives?|operations?|campaign|s(?:eek|eeks|eeking|ought)|aim(?:s|ed|ing)?"
    r"|fail(?:s|ed|ing)?|plan(?:s|ned|ning)?|mov(?:e|es|ed|ing)|wanted|sets? out)"
    r"\s+(?:to|at)\s+(?:\w+\s+)?$"
)


def resolve_attempted_takeover(scores: dict[str, float], lowered: str) -> None:
    """ACLED codes a territory sub-type only when a place changes hands; fighting "in an
    attempt to retake" a town, or a failed push, is an Armed clash."""
    if not any(code in scores for code in _TERRITORY):
        return
    verbs = list(_TERRITORY_VERB.finditer(lowered))
    if not verbs or not all(
        _ATTEMPT.search(lowered[max(0, v.start() - 40) : v.start()]) for v in verbs
    ):
        return
    moved = sum(scores.pop(code, 0.0) for code in _TERRITORY)
    scores["ARMED_CLASH"] = scores.get("ARMED_CLASH", 0.0) + moved


def resolve_territory(scores: dict[str, float], lowered: str) -> None:
    """Territory sub-types: who took the place, and whether fighting or not."""
    resolve_attempted_takeover(scores, lowered)
    taker = _resolve_territory_actor(scores, lowered)
    # ACLED: a transfer "without a fight" is non-violent (4 = one explicit such cue), and
    # fighting that ends with a location changing hands is coded as the territory
    # sub-type, not as an Armed clash (so it outranks the clash, as in an exchange).
    if scores.get("NON_VIOL_TERRIT_TRANSFER", 0.0) >= 4:
        for code in _TERRITORY:
            if code in scores:
                scores[code] /= 2
        return
    # Only a change of hands whose taker the text names outranks the clash: "JNIM
    # fighters took control" must not become the government's gain by default.
    held = [
        code for code in _TERRITORY if code == taker and scores.get(code, 0.0) >= _TERRITORY_STRONG
    ]
    if held and "ARMED_CLASH" in scores:
        top = max(held, key=lambda code: scores[code])
        outrank(scores, top, scores["ARMED_CLASH"])


def _resolve_territory_actor(scores: dict[str, float], lowered: str) -> str | None:
    """ACLED: "Government regains territory" needs state forces (or their affiliates)
    taking a place; a non-state group doing it, even "recaptured", is "Non-state actor
    overtakes territory". The actor is read from the words before the first territory
    verb in its sentence: any state actor there ("the army and allied fighters") makes it
    the state's gain, only non-state actors make it theirs."""
    if not any(code in scores for code in _TERRITORY):
        return None
    verb = _TERRITORY_VERB.search(lowered)
    if verb is None:
        return None
    # 120 characters reach back over a long group name ("Fighters of the al-Qaeda-linked
    # Group for the Support of Islam and Muslims (JNIM) took control").
    start = max(lowered.rfind(". ", 0, verb.start()) + 1, verb.start() - 120)
    before = lowered[start : verb.start()]
    # "Arakan Army", "Islamic State": a state word inside a non-state name is not the state.
    if _STATE.search(_NON_STATE.sub(" ", before)):
        winner, loser = _TERRITORY
    elif _NON_STATE.search(before):
        loser, winner = _TERRITORY
    else:
        return None
    if loser in scores:
        scores[winner] = scores.get(winner, 0.0) + scores.pop(loser)
    return winner


_ORGANISED = re.compile(
    r"\b(?:militants|rebels?|insurgents|jihadists|militias?|militiamen|gunmen|soldiers|troops"
    r"|army|fighters|bandits|armed men|armed groups?|terrorists|security forces"
    # Party and communal militias the codebook counts as organised (political militias).
    r"|imbonerakure|janjaweed|interahamwe|mai-?mai|anti-balaka|ex-seleka|koglweogo|dozos?)\b"
)
_EXPLICIT_MOB = re.compile(r"\bmobs?\b|\blynch|\bvigilantes?\b")


def resolve_mob(scores: dict[str, float], lowered: str) -> None:
    """ACLED: violence by people who are not an organised armed group (villagers, a crowd,
    two communities with sticks and stones) is Mob violence, not a clash or an Attack."""
    mob = scores.get("MOB_VIOL", 0.0)
    if mob == 0.0:
        return
    if _ORGANISED.search(lowered):
        # An armed group is in the story; crowd words then usually name its victims or
        # witnesses, unless the text says "mob" or "lynch" outright.
        if not _EXPLICIT_MOB.search(lowered):
            scores["MOB_VIOL"] = mob / 2
        return
    if mob < 3:
        return
    for code in ("ARMED_CLASH", "ATTACK"):
        if code in scores:
            scores["MOB_VIOL"] += scores[code] / 2
            scores[code] /= 2


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


_UNHURT = re.compile(r"\b(?:no one|nobody) was (?:hurt|injured|killed)|\bno casualties\b")


def resolve_property(scores: dict[str, float], lowered: str) -> None:
    """ACLED: destruction without violence against people is Looting/property destruction,
    even when the perpetrators are gunmen."""
    if "PROPERTY_DISTRUCT" in scores and "ATTACK" in scores and _UNHURT.search(lowered):
        scores["ATTACK"] /= 2
