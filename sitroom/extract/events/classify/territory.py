"""Rules on territory: whether a place changed hands, who took it, and movements
with nothing reported.

ACLED codes a territory sub-type only when a place changes hands: fighting in
an attempt to take a town, a repelled assault, seizing people or property, or a
post stormed and then left are clashes or other types. "Government regains
territory" needs state forces or their affiliates. A deployment or patrol with
nothing reported is a Strategic development. How these rules were chosen: see
``classify/__init__``.
"""

from __future__ import annotations

import re

from sitroom.extract.events.classify.groups import NAMED_GROUPS
from sitroom.extract.events.classify.scores import outrank

# An assault that was beaten off changed no control (ACLED: territory sub-types need
# a location to change hands); "stormed a base ... troops fought them off" is a clash.
_REPELLED = re.compile(
    r"\brepel(?:led)?\b|\brepulsed\b|\bfought (?:them |it )?off\b|\bbeat(?:en)? back\b"
    r"|\bforced (?:them |the attackers |the militants )?to retreat|\bfoiled\b"
)


_TERRITORY = ("GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER")


def resolve_repelled(scores: dict[str, float], lowered: str) -> None:
    """Half of a territory score goes to the clash (halving, as elsewhere in these rules,
    keeps a strong territory report ahead; checked on own tuning lines and CASE dev)."""
    if "ARMED_CLASH" not in scores or not _REPELLED.search(lowered):
        return
    for code in _TERRITORY:
        if code in scores:
            scores["ARMED_CLASH"] += scores[code] / 2
            scores[code] /= 2


# ACLED territory sub-types need a location to change hands: "captured three militants
# and seized rifles" takes people and weapons, not ground. Each verb's object is read
# from the next few words; a person or weapon noun there means no place was taken.
_SEIZE = re.compile(r"\b(?:seized|captured|overran|stormed|retook|recaptured|took over)\s")


_NOT_A_PLACE = re.compile(
    r"(?:[\w-]+\s){0,3}?(?:militants|fighters|insurgents|rebels|soldiers|weapons|arms|rifles"
    r"|ammunition|guns|vehicles|commanders?|members|suspects|hostages|prisoners|explosives"
    r"|caches?|drugs|men|women|people|civilians|trucks|boats?|documents"
    # Property seized is looting, not ground taken ("seized the house of an official").
    r"|houses?|homes?|property|properties|cars?|computers|equipment|livestock|cattle)\b"
)


def resolve_no_place(scores: dict[str, float], lowered: str) -> None:
    """Territory scores count half when every seizing verb took people or things."""
    if not any(code in scores for code in _TERRITORY):
        return
    verbs = list(_SEIZE.finditer(lowered))
    if not verbs or not all(_NOT_A_PLACE.match(lowered, v.end()) for v in verbs):
        return
    if "control" in lowered or "territory" in lowered:
        return
    for code in _TERRITORY:
        if code in scores:
            scores[code] /= 2


_NON_STATE = re.compile(
    r"\b(?:militants|rebels?|insurgents|jihadists|separatists|militias?|militiamen|fighters|"
    + NAMED_GROUPS
    + r"|opposition|factions?|armed groups?)\b"
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


# (5) Codebook: seizing livestock, food or goods is Looting/property destruction; no
# location changed hands, so a territory score from "militants seized" goes to it.
_SEIZE_VERB = re.compile(r"\b(?:seized|captured|took over|overran)\s")


_PROPERTY = re.compile(
    r"(?:[\w-]+\s){0,3}?(?:livestock|cattle|goats|camels|sheep|food|supplies|grain|cash|goods"
    r"|belongings)\b"
)


def resolve_seized_property(scores: dict[str, float], lowered: str) -> None:
    """When every seizing verb took property, half the territory score goes to looting."""
    verbs = list(_SEIZE_VERB.finditer(lowered))
    if not verbs or not all(_PROPERTY.match(lowered, v.end()) for v in verbs):
        return
    taken = sum(scores.pop(code, 0.0) for code in _TERRITORY)
    if taken:
        scores["PROPERTY_DISTRUCT"] = scores.get("PROPERTY_DISTRUCT", 0.0) + taken / 2


# (2, 5) Codebook: storming or overrunning a military post with no control of a
# location reported is an attack on an armed group, a battle; the territory sub-types
# need a location to change hands ("overran an outpost and took control of the village"
# stays territory).
_ASSAULT_VERB = re.compile(r"\b(?:stormed|overran)\s")


_TAKEN = re.compile(r"\bcontrol\b|\bcaptur|\bseiz|\btook over\b|\bflag\b|\bheld\b|\bfell\b")


_POST = re.compile(
    r"(?:an?\s|the\s)?(?:[\w-]+\s){0,3}?(?:base|camp|barracks|check ?point|outpost|post"
    r"|position|station)s?\b"
)


def resolve_post_assault(scores: dict[str, float], lowered: str) -> None:
    """A post stormed or overrun, no place held after: the clash outranks territory."""
    held = max((scores[code] for code in _TERRITORY if code in scores), default=0.0)
    if not held or _TAKEN.search(lowered):
        return
    verbs = list(_ASSAULT_VERB.finditer(lowered))
    if verbs and all(_POST.match(lowered, v.end()) for v in verbs):
        outrank(scores, "ARMED_CLASH", held)


# ACLED: troops deploying, patrolling or running an operation with no fighting reported
# is a Change to group/activity; "following recent attacks" or "no incident" around it
# named neither a clash nor a protest (our own examples).
_MOVEMENT = re.compile(
    r"\b(?:patrolled|patrols?|deployed|redeployed|reinforced|mobili[sz]ed"
    r"|conducted (?:a |an )?(?:[\w-]+\s){0,2}?(?:operations?|sweeps?|patrols?))\b"
)


_NOTHING_HAPPENED = re.compile(
    r"\bno (?:incidents?|clash(?:es)?|fighting|contact|casualties) (?:was |were )?reported"
)


# Scores a quiet movement report picks up from its backdrop words.
_BACKDROP = ("ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "PEACE_PROTEST")


# Police sent to a protest are part of it: "residents protested ...; police were deployed
# but no incidents were reported" is a peaceful protest (our own protest lines).
_POLICE_AT_PROTEST = re.compile(
    r"\b(?:police|riot police|policemen|officers)\s(?:were\s|was\s)?(?:deployed|mobili[sz]ed)"
    r"|\bdeployed\s(?:riot\s)?police"
)


def resolve_quiet_movement(scores: dict[str, float], lowered: str) -> None:
    """A deployment or patrol with nothing reported outranks its backdrop (+0.5)."""
    if not (_MOVEMENT.search(lowered) and _NOTHING_HAPPENED.search(lowered)):
        return
    if "PEACE_PROTEST" in scores and _POLICE_AT_PROTEST.search(lowered):
        return
    backdrop = max((scores[c] for c in _BACKDROP if c in scores), default=0.0)
    if backdrop >= scores.get("CHANGE_TO_GROUP_ACT", 0.0):
        outrank(scores, "CHANGE_TO_GROUP_ACT", backdrop)
