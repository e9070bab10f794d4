"""Codebook rules on who does what to whom, over cue scores (written after the lead's
class-level confusions on score-only ACLED notes: clashes coded as shelling, plain
killings coded as Strategic developments, riots coded as protests or mob violence).

Each rule states the ACLED codebook rule it encodes. All were written from the
codebook, checked on our own written examples (tests/data/event_types_own.jsonl,
tuning lines) and on the CASE 2021 task 2 development rows only, never on ACLED, GTD
or held-out rows. ``event_classify.classify_string`` runs them after the cue scores
are summed.
"""

from __future__ import annotations

import re

from sitroom.extract.event_scores import outrank

# Remote weapons that a clash report often names alongside the fighting.
_HEAVY = ("ART_MISS_ATTACK", "AIR_STRIKE")
# (a) ACLED: two organised armed sides engaging each other is an Armed clash even when
# heavy weapons are named. Engagement said as an attack on an armed target followed by
# its answer ("attacked X positions with mortars; X responded"), as fire traded without
# a weapon word between ("exchanged shelling"), or as each side targeting the other.
_ON_ARMED = (
    r"(?:attack(?:ed|s)?|targeted|assaulted|stormed|shelled|fired (?:on|at)|launched"
    r"\s(?:[\w-]+\s){0,4}?(?:at|on|against))"
    r"\s(?:[\w-]+\s){0,4}?(?:positions?|forces|troops|soldiers|base|posts?|checkpoints?"
    r"|military|army|fighters|units?|lines)\b"
)
# "Responded" alone or with fire; "responded to the scene", "responded by sealing off" are
# no fire (our own probe sentences).
_ANSWER = (
    r"\b(?:responded(?=\s*(?:[.;,]|$|with|by (?:fir|shell|attack)|in kind))|retaliated"
    r"|returned fire|fought back|counter-?attack\w*|repel(?:led)?"
    r"|repulsed|engaged (?:them|the attackers)|held (?:their|its) (?:positions?|ground))\b"
)
# The answer may come in the same sentence (200 characters) or the next one (120): an
# ACLED note's "...; X responded." (windows chosen by hand on our own tuning lines).
_ENGAGED = re.compile(
    r"\b"
    + _ON_ARMED
    + r"[^.]{0,200}?(?:\.\s[^.]{0,120}?)?"
    + _ANSWER
    + r"|\b(?:exchanged|traded|exchanging|trading) (?:fire|gunfire|shelling|shells|rockets)\b"
    + r"|\bengaged (?:each other|one another)\b"
)
# Each side targeting the other: two attack verbs on armed targets in one sentence.
_TARGETED = re.compile(r"\b" + _ON_ARMED)


def _each_side(sentence: str) -> bool:
    """Two attacks on armed targets, the second with its own subject ("X targeted Y
    positions and Y fighters targeted X positions"; not "X shelled ... and attacked ...")."""
    hits = list(_TARGETED.finditer(sentence))
    return any(not re.search(r"\band $", sentence[: m.start()]) for m in hits[1:])


def resolve_engagement(scores: dict[str, float], lowered: str) -> None:
    """A heavy-weapons score loses to the clash when both armed sides engaged (+0.5 only
    has to outrank the weapon, as in ``event_classify._resolve_exchange``)."""
    heavy = max((scores[c] for c in _HEAVY if c in scores), default=0.0)
    if heavy == 0.0:
        return
    both = any(_each_side(s) for s in re.split(r"[.;]\s", lowered))
    if both or _ENGAGED.search(lowered):
        outrank(scores, "ARMED_CLASH", heavy)


# (b) ACLED: harm to a named civilian or individual, said with a plain verb ("killed a
# civilian", "shot and injured a man", "tortured", "abducted"), is Violence against
# civilians even when no attack word scored; the verbs and victims are the codebook's
# Attack and Abduction examples plus the individuals of our own examples.
_HARM = (
    r"(?:killed|kills|shot|shoots|injured|wounded|stabbed|tortured|beat|beaten|assaulted"
    r"|attacked|abducted|kidnapped|hacked|murdered|executed|strangled|mutilated|beheaded"
    r"|hanged)"
)
_INDIVIDUAL = (
    r"(?:civilians?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|villagers?|residents?"
    r"|farmers?|herders?|traders?|shopkeepers?|vendors?|drivers?|teachers?|nurses?|doctors?"
    r"|students?|journalists?|activists?|defenders?|supporters?|councillors?|politicians?"
    r"|chiefs?|elders?|priests?|pastors?|imams?|clerics?|officials?|workers?|passengers?"
    r"|pedestrians?|motorists?|shepherds?|fisherm[ae]n|pilgrims|refugees|famil(?:y|ies)"
    r"|(?:person|individual|resident|member) of)"
)
_PLAIN_HARM = re.compile(
    r"\b" + _HARM + r"\s(?:and \w+\s)?(?:[\w-]+\s){0,3}?" + _INDIVIDUAL + r"\b"
    r"|\b" + _INDIVIDUAL + r"\s(?:[\w-]+\s){0,3}?(?:was|were|had been|has been|have been)"
    r"\s(?:\w+\s)?(?:\w+ and )?" + _HARM + r"\b"
    # A body found with marks of violence (ACLED codes the killing as an Attack).
    r"|\b(?:bod(?:y|ies)|corpses?)\b[^.;]{0,60}\b(?:gunshot|bullet|stab|tortur"
    r"|signs of violence|mutilat|hands tied|beheaded|machete|strangl)"
)
# Strategic developments and "no event": what a plain harm report was coded as.
_RESIDUAL = (
    "OTHER",
    "PROPERTY_DISTRUCT",
    "CHANGE_TO_GROUP_ACT",
    "AGREEMENT",
    "HQ_ESTABLISHED",
    "NON_VIOL_TERRIT_TRANSFER",
)


def resolve_plain_harm(scores: dict[str, float], lowered: str) -> None:
    """Harm to an individual outranks the residual classes (+0.5 as elsewhere; at least
    1.0, one plain harm cue, when nothing scored)."""
    if not _PLAIN_HARM.search(lowered):
        return
    residual = max((scores[c] for c in _RESIDUAL if c in scores), default=0.5)
    if scores.get("ATTACK", 0.0) <= residual:
        outrank(scores, "ATTACK", residual)


# The subject of a passive harm verb ("a man was tortured by soldiers"): the victim,
# which ``event_classify._resolve_attack`` reads besides the objects of active verbs.
_PASSIVE = re.compile(
    r"\b((?:[\w-]+\s){1,3}?)(?:was|were|had been|has been|have been)\s(?:\w+\s)?" + _HARM + r"\b"
)


def passive_victims(lowered: str) -> str:
    """The words before each passive harm verb, joined."""
    return " ".join(m.group(1) for m in _PASSIVE.finditer(lowered))


# (c) ACLED: violence or vandalism by demonstrators themselves (stones thrown, tyres
# burned, roads barricaded, property vandalised, state buildings stormed) is a Violent
# demonstration, not Mob violence and not a Peaceful protest; the acts are the codebook's
# examples of a violent demonstration. A crowd attacking a police post or vehicle with
# no such act stays as before (own lines label it Mob violence).
DEMONSTRATOR_ACTS = re.compile(
    r"\bburn(?:ed|ing|t)? (?:[\w-]+\s)?tyres|\btyres? (?:were |was )?(?:burn|set)"
    r"|\bbarricad|\bblock(?:ed|ing)? (?:the |a |main )?(?:\w+\s)?(?:roads?|highways?|streets?)\b"
    r"|\bvandali[sz]|\brioters\b|\brioted\b|\bthrew (?:stones|rocks)|\bthrowing (?:stones|rocks)"
    r"|\bpelt(?:ed|ing)\b|\bhurl(?:ed|ing) (?:stones|rocks|petrol bombs|molotov)"
    r"|\bdamag(?:ed|ing) (?:[\w-]+\s){0,2}?(?:property|vehicles?|cars|shops|buildings?|offices)\b"
    r"|\bstorm(?:ed|ing) (?:the )?(?:city hall|town hall|parliament|government|governor|police)"
)
# A crowd punishing a suspect is Mob violence whatever it burns ("lynched", "mob").
_MOB_JUSTICE = re.compile(
    r"\bmobs?\b|\blynch|\bvigilantes?\b|\b(?:suspected|alleged) (?:thie|witch|robber|kidnapper)"
    r"|\baccused (?:\w+ )?of (?:theft|stealing|witchcraft)|\bjungle justice"
)


def resolve_demonstrators(scores: dict[str, float], lowered: str) -> None:
    """A crowd's own violence makes the Violent demonstration outrank Mob violence and a
    Peaceful protest (+0.5 as elsewhere)."""
    rivals = max(scores.get("MOB_VIOL", 0.0), scores.get("PEACE_PROTEST", 0.0))
    if rivals == 0.0 or _MOB_JUSTICE.search(lowered) or not DEMONSTRATOR_ACTS.search(lowered):
        return
    outrank(scores, "VIOL_DEMONSTR", rivals)


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


__all__ = [
    "DEMONSTRATOR_ACTS",
    "passive_victims",
    "resolve_demonstrators",
    "resolve_engagement",
    "resolve_plain_harm",
    "resolve_quiet_movement",
]
