"""Rules on who fought whom: mutual fire or one-sided, two parties or one.

ACLED: an exchange (both sides firing) is an Armed clash even when heavy weapons
are named; one-sided shelling stays Shelling/artillery/missile attack. A text
that says no fighting took place has no clash; a ceasefire one side declares
alone is no Agreement. How these rules were chosen: see ``classify/__init__``.
"""

from __future__ import annotations

import re

from sitroom.extract.events.classify.scores import outrank

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
    has to outrank the weapon, as in ``classify.sides.resolve_exchange``)."""
    heavy = max((scores[c] for c in _HEAVY if c in scores), default=0.0)
    if heavy == 0.0:
        return
    both = any(_each_side(s) for s in re.split(r"[.;]\s", lowered))
    if both or _ENGAGED.search(lowered):
        outrank(scores, "ARMED_CLASH", heavy)


# ACLED codebook: an exchange (both sides firing) is an Armed clash even when heavy
# weapons are named; one-sided shelling is Shelling/artillery/missile attack.
_EXCHANGE = re.compile(
    r"\bclash(?:ed|es)?\b|\bexchange(?:d)? (?:of )?fire|\btraded fire|\bgun ?battle"
    r"|\brepel(?:led)?\b|\brepulsed\b|\bfought back\b|\bfirefight|\bgunfight"
    # Two sides fighting is mutual too (our own examples: "X fought Y; artillery was used").
    r"|\bfought\b|\bbattled\b|\bengaged\b|\b(?:heavy|fierce) fighting\b"
)


_CEASEFIRE_BROKEN = re.compile(
    r"\bviolat\w* (?:of )?(?:the |a )?cease-?fire|\bcease-?fire violations?"
)


# Fire in both directions said outright ("traded artillery fire", "exchanged mortar and
# small-arms fire", "fought each other with rockets", "both sides used tanks"): a clash
# even when no other clash word is in the text (written from the codebook rule above;
# checked on own tuning lines and CASE dev).
_MUTUAL = re.compile(
    r"\b(?:exchanged|traded|exchanging|trading)\s(?:[\w-]+\s){1,4}?(?:fire|gunfire|shots"
    r"|shelling|shells|rockets|salvos)\b"
    r"|\b(?:fighting|clashes|battles?|combat|hostilities)\b[^.;]{0,60}\bbetween\b"
    r"|\bfought (?:each other|one another)\b|\bboth sides (?:used|using|fired)"
    r"|\breturn(?:ed|ing) fire\b|\bresponded with (?:artillery|mortars?|rockets?|fire)"
    r"|\b(?:artillery|rocket|mortar) exchanges?\b"
)


def resolve_exchange(scores: dict[str, float], lowered: str) -> None:
    if _CEASEFIRE_BROKEN.search(lowered):
        scores.pop("AGREEMENT", None)  # a broken ceasefire is fighting, not an agreement
    if "ART_MISS_ATTACK" not in scores:
        return
    if _MUTUAL.search(lowered) or ("ARMED_CLASH" in scores and _EXCHANGE.search(lowered)):
        outrank(scores, "ARMED_CLASH", scores["ART_MISS_ATTACK"])


# "No clashes reported", "without any fighting": the battle words are negated, and what
# is left (a deployment, a movement) is the event (ACLED: Change to group/activity).
_NO_FIGHT = re.compile(
    r"\bno (?:clash(?:es)?|fighting|shots?|combat|resistance)"
    r"(?:(?: (?:was|were))? (?:reported|occurred|took place|fired)|(?=\s*(?:[.;]|$)))"
    r"|\bwithout (?:any )?(?:fighting|clash(?:es)?|a fight|resistance|a shot)"
)


def resolve_no_fighting(scores: dict[str, float], lowered: str) -> None:
    """Drop the clash score of a text that says no fighting took place."""
    if _NO_FIGHT.search(lowered):
        scores.pop("ARMED_CLASH", None)
        scores.pop("VIOL_DEMONSTR", None)  # its "clashes" cue is negated as well


# (1) Codebook: two organised sides fighting each other is an Armed clash even when
# artillery or air support is named ("X and Y fought ..., using artillery and air
# strikes"); ``classify.sides.resolve_exchange`` did this for shelling only.
_TWO_SIDES_FIGHT = re.compile(
    r"\b(?:clashed|fought|battled) (?:with|against)\b"
    r"|\band\b[^.;]{1,60}?\b(?:clashed|fought|battled|engaged (?:each other|in fighting))\b"
    r"|\b(?:fighting|clashes|battles?) between\b"
)


_EARLIER = re.compile(r"\b(?:after|following|in (?:response|retaliation) (?:to|for))\b[^.;]*$")


def resolve_two_sides(scores: dict[str, float], lowered: str) -> None:
    """The clash outranks the heavy weapons used in it (+0.5 as in the other rules)."""
    heavy = max((scores[c] for c in _HEAVY if c in scores), default=0.0)
    if not heavy or "ARMED_CLASH" not in scores:
        return
    # Fighting told as the backdrop ("jets struck ... after fighters clashed with troops")
    # is an earlier event; the strike is then its own event.
    if any(
        not _EARLIER.search(lowered, max(0, m.start() - 60), m.start())
        for m in _TWO_SIDES_FIGHT.finditer(lowered)
    ):
        outrank(scores, "ARMED_CLASH", heavy)


# Codebook (Armed clash): an exchange of fire has two armed sides, the police
# included ("police exchanged fire with gunmen"), whoever died.
_EXCHANGE_OF_FIRE = re.compile(
    r"\b(?:exchanged|traded|exchanging|trading) (?:heavy |intense )?(?:fire|gunfire|shots)\b"
    r"|\bshoot-?outs?\b|\bgun ?battles?\b|\bgunfights?\b|\bfirefights?\b"
)


def resolve_exchange_of_fire(scores: dict[str, float], lowered: str) -> None:
    """Mutual fire outranks an attack reading (+0.5, as in the other rules)."""
    attack = scores.get("ATTACK", 0.0)
    if attack and attack >= scores.get("ARMED_CLASH", 0.0) and _EXCHANGE_OF_FIRE.search(lowered):
        outrank(scores, "ARMED_CLASH", attack)


_ONE_SIDED_TRUCE = re.compile(
    r"\bunilateral(?:ly)?\b"
    r"|\b(?:declared|announced|extended|called)\s(?:a\s|an\s|its\s)?(?:[\w-]+\s)?cease-?fire"
)


# A second party or a signing makes it an agreement after all.
_TWO_PARTIES = re.compile(
    r"\b(?:with|between|agreed|signed|talks|negotiat\w*|mediat\w*|deal|accord)\b"
)


def resolve_one_sided_truce(scores: dict[str, float], lowered: str) -> None:
    """A ceasefire one side declares alone is a Change to group/activity, not an Agreement."""
    agreement = scores.get("AGREEMENT", 0.0)
    truce = _ONE_SIDED_TRUCE.search(lowered)
    if not agreement or truce is None:
        return
    if "unilateral" not in truce.group(0) and _TWO_PARTIES.search(lowered):
        return
    outrank(scores, "CHANGE_TO_GROUP_ACT", agreement)
